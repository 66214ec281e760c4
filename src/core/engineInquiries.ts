/**
 * SPEC §6a step 1 and the distinct-buyer counts of step 4, on the chat
 * columns. Chats are grouped by buyer (a stable counting sort) and each
 * buyer's run put in time order (runs are short: a few chats a buyer), so:
 * - an inquiry opens when the (agent, buyer) pair has none opened within the
 *   repeat window before the chat (inclusive, counted from the opening);
 * - a buyer is counted once per agent-day cell by remembering, per cell, the
 *   last buyer counted there.
 * Inquiries come out grouped by buyer and in opening order within the buyer,
 * which is the layout crediting needs (engineCredit); the order over all
 * buyers is only sorted out when the Inquiry list is asked for.
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
}

/** Distinct buyers per agent-day cell. */
export interface DistinctBuyers {
  consulted: Int32Array;
  received: Int32Array;
  excluded: Int32Array;
}

/** Chat indices grouped by buyer, each group in time order (equal times in input order); `first[b]` starts buyer b's group. */
function chatsByBuyer(chats: ChatColumns): { order: Int32Array; first: Int32Array } {
  const first = new Int32Array(chats.buyers.size + 1);
  for (let i = 0; i < chats.count; i++) first[chats.buyer[i] + 1]++;
  for (let b = 0; b < chats.buyers.size; b++) first[b + 1] += first[b];
  const next = first.slice(0, chats.buyers.size);
  const order = new Int32Array(chats.count);
  for (let i = 0; i < chats.count; i++) order[next[chats.buyer[i]]++] = i;
  for (let b = 0; b < chats.buyers.size; b++) sortRunByTime(order, first[b], first[b + 1], chats.start);
  return { order, first };
}

/** Sorts order[from, to) by time, stable (the run arrives in input order). */
function sortRunByTime(order: Int32Array, from: number, to: number, start: Float64Array): void {
  if (to - from < 2) return;
  if (to - from > 32) {
    const run = Array.from(order.subarray(from, to)).sort((a, b) => start[a] - start[b] || a - b);
    order.set(run, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const c = order[i];
    let j = i - 1;
    while (j >= from && start[order[j]] > start[c]) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = c;
  }
}

export function buildInquiryColumns(chats: ChatColumns, repeatWindowMs: number): { inquiries: InquiryColumns; distinct: DistinctBuyers } {
  const { order, first } = chatsByBuyer(chats);

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
  return { inquiries: { count, chat, opened, consultations, firstOfBuyer }, distinct };
}

/** The inquiries over all buyers in opening order, ties in the input order of their opening chats. */
export function openingOrder(inquiries: InquiryColumns, chatCount: number): Int32Array {
  const atChat = new Int32Array(chatCount).fill(-1);
  for (let k = 0; k < inquiries.count; k++) atChat[inquiries.chat[k]] = k;
  const byChat = new Int32Array(inquiries.count);
  for (let c = 0, n = 0; c < chatCount; c++) if (atChat[c] >= 0) byChat[n++] = atChat[c];
  const times = new Float64Array(inquiries.count);
  for (let n = 0; n < inquiries.count; n++) times[n] = inquiries.opened[byChat[n]];
  return timeOrder(times).map((n) => byChat[n]);
}
