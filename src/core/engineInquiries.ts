/**
 * SPEC §6a step 1 and the distinct-buyer counts of step 4, on the chat
 * columns. Chats are put in time order once, then grouped by buyer (a stable
 * counting sort), so each buyer's chats are a contiguous run in time order:
 * - an inquiry opens when the (agent, buyer) pair has none opened within the
 *   repeat window before the chat (inclusive, counted from the opening);
 * - a buyer is counted once per agent-day cell by remembering, per cell, the
 *   last buyer counted there.
 * Inquiries come out grouped by buyer and in opening order within the buyer,
 * which is the layout crediting needs (engineCredit).
 */
import type { ChatColumns } from './engineChats';
import { timeOrder } from './timeOrder';

export interface InquiryColumns {
  count: number;
  /** The chat that opened inquiry k, and when. */
  chat: Int32Array;
  opened: Float64Array;
  /** Chats merged into inquiry k (1 = no repeat). */
  consultations: Int32Array;
  /** Buyer b's inquiries are k = firstOfBuyer[b] … firstOfBuyer[b + 1] - 1. */
  firstOfBuyer: Int32Array;
  /** The inquiries in opening order over all buyers (ties in input order), for the engine's output. */
  inOpeningOrder: Int32Array;
}

/** Distinct buyers per agent-day cell. */
export interface DistinctBuyers {
  consulted: Int32Array;
  received: Int32Array;
  excluded: Int32Array;
}

/** Chat indices grouped by buyer, each group in time order; `first[b]` starts buyer b's group. */
function chatsByBuyer(chats: ChatColumns, inTime: Int32Array): { order: Int32Array; first: Int32Array } {
  const first = new Int32Array(chats.buyers.size + 1);
  for (let i = 0; i < chats.count; i++) first[chats.buyer[i] + 1]++;
  for (let b = 0; b < chats.buyers.size; b++) first[b + 1] += first[b];
  const next = first.slice(0, chats.buyers.size);
  const order = new Int32Array(chats.count);
  for (let r = 0; r < chats.count; r++) {
    const c = inTime[r];
    order[next[chats.buyer[c]]++] = c;
  }
  return { order, first };
}

export function buildInquiryColumns(chats: ChatColumns, repeatWindowMs: number): { inquiries: InquiryColumns; distinct: DistinctBuyers } {
  const inTime = timeOrder(chats.start);
  const rankOfChat = new Int32Array(chats.count);
  for (let r = 0; r < chats.count; r++) rankOfChat[inTime[r]] = r;
  const { order, first } = chatsByBuyer(chats, inTime);

  const cellCount = chats.cells.agent.length;
  const distinct: DistinctBuyers = { consulted: new Int32Array(cellCount), received: new Int32Array(cellCount), excluded: new Int32Array(cellCount) };
  // Last buyer counted in each cell, per figure; buyers are walked one after another.
  const consultedBy = new Int32Array(cellCount).fill(-1);
  const receivedBy = new Int32Array(cellCount).fill(-1);
  const excludedBy = new Int32Array(cellCount).fill(-1);
  // Per agent: the current buyer's open inquiry with that agent (valid while openFor[a] is the buyer).
  const openFor = new Int32Array(chats.agents.size).fill(-1);
  const openInquiry = new Int32Array(chats.agents.size);

  const chat = new Int32Array(chats.count);
  const opened = new Float64Array(chats.count);
  const consultations = new Int32Array(chats.count);
  const firstOfBuyer = new Int32Array(chats.buyers.size + 1);
  let count = 0;
  for (let b = 0; b < chats.buyers.size; b++) {
    firstOfBuyer[b] = count;
    for (let r = first[b]; r < first[b + 1]; r++) {
      const c = order[r];
      const cell = chats.cell[c];
      if (consultedBy[cell] !== b) {
        consultedBy[cell] = b;
        distinct.consulted[cell]++;
      }
      if (chats.replied[c] && receivedBy[cell] !== b) {
        receivedBy[cell] = b;
        distinct.received[cell]++;
      }
      if (!chats.eligible[c]) {
        if (excludedBy[cell] !== b) {
          excludedBy[cell] = b;
          distinct.excluded[cell]++;
        }
        continue;
      }
      const a = chats.agent[c];
      if (openFor[a] === b && chats.start[c] - opened[openInquiry[a]] <= repeatWindowMs) {
        consultations[openInquiry[a]]++;
        continue;
      }
      openFor[a] = b;
      openInquiry[a] = count;
      chat[count] = c;
      opened[count] = chats.start[c];
      consultations[count] = 1;
      count++;
    }
  }
  firstOfBuyer[chats.buyers.size] = count;
  const inOpeningOrder = openingOrder(chat, count, rankOfChat);
  return { inquiries: { count, chat, opened, consultations, firstOfBuyer, inOpeningOrder }, distinct };
}

/** The inquiries in the time order of their opening chats: placed by the chat's rank, then compacted. */
function openingOrder(chat: Int32Array, count: number, rankOfChat: Int32Array): Int32Array {
  const atChatRank = new Int32Array(rankOfChat.length).fill(-1);
  for (let k = 0; k < count; k++) atChatRank[rankOfChat[chat[k]]] = k;
  const ordered = new Int32Array(count);
  let next = 0;
  for (let r = 0; r < atChatRank.length; r++) if (atChatRank[r] >= 0) ordered[next++] = atChatRank[r];
  return ordered;
}
