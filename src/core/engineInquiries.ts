/**
 * SPEC §6a step 1 and the distinct-buyer counts of step 4, walking the chat
 * columns buyer by buyer, each buyer's chats in time order (engineChats):
 * - an inquiry opens when the (agent, buyer) pair has none opened within the
 *   repeat window before the chat (inclusive, counted from the opening);
 * - a buyer is counted once per agent-day cell by remembering, per cell, the
 *   last buyer counted there.
 * Inquiries come out grouped by buyer and in opening order within the buyer,
 * which is the layout crediting needs (engineCredit); the order over all
 * buyers is only sorted out when the Inquiry list is asked for.
 */
import { ELIGIBLE, REPLIED, type ChatColumns } from './engineChats';
import { timeOrder } from './timeOrder';

export interface InquiryColumns {
  count: number;
  /** The chat that opened inquiry k, when, and its agent-day cell (which names the agent and the day). */
  chat: Int32Array;
  opened: Float64Array;
  cell: Int32Array;
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

/**
 * The inquiries and distinct buyers of the chat columns, which it consumes:
 * inquiry k is written at position k of the chats' own arrays. k ≤ r, as
 * every inquiry opens at a chat, so the walk never reads a position it has
 * overwritten, and a million inquiries take no new memory (V8 starts a full
 * garbage collection, marking the whole input, for every 64 MB of new typed arrays).
 */
export function buildInquiryColumns(chats: ChatColumns, repeatWindowMs: number): { inquiries: InquiryColumns; distinct: DistinctBuyers } {
  const agentOfCell = Int32Array.from(chats.cells.agent);

  const cellCount = agentOfCell.length;
  const distinct: DistinctBuyers = { consulted: new Int32Array(cellCount), received: new Int32Array(cellCount), excluded: new Int32Array(cellCount) };
  // Last buyer counted in each cell, per figure; buyers are walked one after another.
  const consultedBy = new Int32Array(cellCount).fill(-1);
  const receivedBy = new Int32Array(cellCount).fill(-1);
  const excludedBy = new Int32Array(cellCount).fill(-1);
  // Per agent: the current buyer's open inquiry with that agent (valid while openFor[a] is the buyer).
  const openFor = new Int32Array(chats.agents.size).fill(-1);
  const openInquiry = new Int32Array(chats.agents.size);

  const { chat, start: opened, cell: cellOfInquiry } = chats;
  const consultations = new Int32Array(chats.count);
  const firstOfBuyer = new Int32Array(chats.buyerCount + 1);
  let count = 0;
  for (let b = 0; b < chats.buyerCount; b++) {
    firstOfBuyer[b] = count;
    for (let r = chats.first[b]; r < chats.first[b + 1]; r++) {
      const cell = chats.cell[r];
      const flags = chats.flags[r];
      if (consultedBy[cell] !== b) {
        consultedBy[cell] = b;
        distinct.consulted[cell]++;
      }
      if (flags & REPLIED && receivedBy[cell] !== b) {
        receivedBy[cell] = b;
        distinct.received[cell]++;
      }
      if (!(flags & ELIGIBLE)) {
        if (excludedBy[cell] !== b) {
          excludedBy[cell] = b;
          distinct.excluded[cell]++;
        }
        continue;
      }
      const a = agentOfCell[cell];
      const start = chats.start[r];
      if (openFor[a] === b && start - opened[openInquiry[a]] <= repeatWindowMs) {
        consultations[openInquiry[a]]++;
        continue;
      }
      openFor[a] = b;
      openInquiry[a] = count;
      chat[count] = chats.chat[r];
      opened[count] = start;
      cellOfInquiry[count] = cell;
      consultations[count] = 1;
      count++;
    }
  }
  firstOfBuyer[chats.buyerCount] = count;
  const inquiries = { count, chat: chat.subarray(0, count), opened: opened.subarray(0, count), cell: cellOfInquiry.subarray(0, count), consultations: consultations.subarray(0, count), firstOfBuyer };
  return { inquiries, distinct };
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
