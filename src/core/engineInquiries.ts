/**
 * SPEC §6a step 1 and the distinct-buyer counts of step 4, on the chat
 * columns. Chats are grouped by buyer (a stable counting sort that carries
 * each chat's time, cell and flags along, so the walk below reads memory in
 * order instead of jumping to each chat: at millions of chats that is the
 * difference between cache and main memory), and each buyer's run is put in
 * time order (runs are short: a few chats a buyer). Then:
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

/** The chats grouped by buyer, each group in time order (equal times in input order): position r holds chat[r] with its time, cell and flags; `first[b]` starts buyer b's group. */
interface BuyerRuns {
  first: Int32Array;
  chat: Int32Array;
  start: Float64Array;
  cell: Int32Array;
  flags: Uint8Array;
}

function chatsByBuyer(chats: ChatColumns): BuyerRuns {
  const buyerCount = chats.buyerCount;
  const first = new Int32Array(buyerCount + 1);
  for (let i = 0; i < chats.count; i++) first[chats.buyer[i] + 1]++;
  for (let b = 0; b < buyerCount; b++) first[b + 1] += first[b];
  const next = first.slice(0, buyerCount);
  const runs: BuyerRuns = { first, chat: new Int32Array(chats.count), start: new Float64Array(chats.count), cell: new Int32Array(chats.count), flags: new Uint8Array(chats.count) };
  for (let i = 0; i < chats.count; i++) {
    const r = next[chats.buyer[i]]++;
    runs.chat[r] = i;
    runs.start[r] = chats.start[i];
    runs.cell[r] = chats.cell[i];
    runs.flags[r] = chats.flags[i];
  }
  for (let b = 0; b < buyerCount; b++) sortRunByTime(runs, first[b], first[b + 1]);
  return runs;
}

/** Sorts positions [from, to) of the runs by time, stable (a run arrives in input order). */
function sortRunByTime(runs: BuyerRuns, from: number, to: number): void {
  const { chat, start, cell, flags } = runs;
  if (to - from < 2) return;
  if (to - from > 32) {
    const places = Array.from({ length: to - from }, (_, i) => from + i).sort((a, b) => start[a] - start[b] || chat[a] - chat[b]);
    chat.set(places.map((p) => chat[p]), from);
    start.set(places.map((p) => start[p]), from);
    cell.set(places.map((p) => cell[p]), from);
    flags.set(places.map((p) => flags[p]), from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const c = chat[i];
    const t = start[i];
    const k = cell[i];
    const f = flags[i];
    let j = i - 1;
    for (; j >= from && start[j] > t; j--) {
      chat[j + 1] = chat[j];
      start[j + 1] = start[j];
      cell[j + 1] = cell[j];
      flags[j + 1] = flags[j];
    }
    chat[j + 1] = c;
    start[j + 1] = t;
    cell[j + 1] = k;
    flags[j + 1] = f;
  }
}

export function buildInquiryColumns(chats: ChatColumns, repeatWindowMs: number): { inquiries: InquiryColumns; distinct: DistinctBuyers } {
  const runs = chatsByBuyer(chats);
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

  // Inquiry k is written at position k of the runs' own arrays: k ≤ r, as every inquiry opens at a chat, so the
  // walk never reads a position it has overwritten, and a million inquiries take no new memory (fewer full GCs).
  const chat = runs.chat;
  const opened = runs.start;
  const cellOfInquiry = runs.cell;
  const consultations = new Int32Array(chats.count);
  const firstOfBuyer = new Int32Array(chats.buyerCount + 1);
  let count = 0;
  for (let b = 0; b < chats.buyerCount; b++) {
    firstOfBuyer[b] = count;
    for (let r = runs.first[b]; r < runs.first[b + 1]; r++) {
      const cell = runs.cell[r];
      const flags = runs.flags[r];
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
      const start = runs.start[r];
      if (openFor[a] === b && start - opened[openInquiry[a]] <= repeatWindowMs) {
        consultations[openInquiry[a]]++;
        continue;
      }
      openFor[a] = b;
      openInquiry[a] = count;
      chat[count] = runs.chat[r];
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
