/**
 * The consultations as columns grouped by buyer, built after the buyers are
 * interned: one pass over the Consultation objects finds each chat's
 * agent-day cell and flags, then a counting sort scatters the chats into
 * buyer order. Position r holds one chat: its index in the input, start time, flags (can
 * it open an inquiry, did the agent reply) and agent-day cell (a dense
 * integer per agent and calendar day, which also names the agent). Buyer b's
 * chats are one run of positions in time order, equal times in input order.
 *
 * Grouped this way, the inquiry walk (engineInquiries) reads memory in order:
 * at millions of chats the columns outgrow the processor's cache, and a walk
 * that jumped from chat to chat would wait on main memory for each. The
 * per-cell sums that need no inquiry (first responses, messages) are added in
 * the first pass, so no later phase reads the objects again.
 */
import type { Consultation, IsoDate, Order } from './types';
import { internAll, Interner } from './intern';
import { dayOf, MS_PER_DAY } from './dates';

/** The chat's category is not excluded: it can open or join an inquiry. */
export const ELIGIBLE = 1;
/** The agent replied (the chat has a first-response time). */
export const REPLIED = 2;

export interface ChatColumns {
  count: number;
  agents: Interner;
  /** Buyers are 0 … buyerCount - 1 (those of the orders included: see buyerIds). */
  buyerCount: number;
  /** Buyer b's chats are positions first[b] … first[b + 1] - 1. */
  first: Int32Array;
  /** Per position: the chat's index in the input, its start, agent-day cell and ELIGIBLE | REPLIED. */
  chat: Int32Array;
  start: Float64Array;
  cell: Int32Array;
  flags: Uint8Array;
  cells: AgentDayCells;
}

/** The agent-days the chats fall on: cell i is (agent[i], date[i]), with the sums of its chats. */
export interface AgentDayCells {
  agent: number[];
  date: IsoDate[];
  firstResponseTotalSec: number[];
  firstResponseSamples: number[];
  buyerMessages: number[];
  agentMessages: number[];
}

/** Every buyer of the chats and of the orders as an integer, interned together so an order finds its buyer's chats by number. */
export interface BuyerIds {
  count: number;
  chat: Int32Array;
  order: Int32Array;
}

export function buyerIds(consultations: readonly Consultation[], orders: readonly Order[]): BuyerIds {
  const chats = consultations.length;
  const { ids, names } = internAll(chats + orders.length, (i) => (i < chats ? consultations[i].buyer : orders[i - chats].buyer));
  return { count: names.length, chat: ids.subarray(0, chats), order: ids.subarray(chats) };
}

export function chatColumns(consultations: readonly Consultation[], buyers: BuyerIds, excludedCategories: readonly string[]): ChatColumns {
  const count = consultations.length;
  const excluded = new Set<string>(excludedCategories);
  const agents = new Interner();
  // A counting sort by buyer: each buyer's run starts where the buyers before it end.
  const first = new Int32Array(buyers.count + 1);
  for (let i = 0; i < count; i++) first[buyers.chat[i] + 1]++;
  for (let b = 0; b < buyers.count; b++) first[b + 1] += first[b];
  const cells: AgentDayCells = { agent: [], date: [], firstResponseTotalSec: [], firstResponseSamples: [], buyerMessages: [], agentMessages: [] };
  const cellInInput = new Int32Array(count);
  const flagsInInput = new Uint8Array(count);
  // Per agent, day number → cell: small integer keys, no string per chat.
  const cellsOfAgent: Map<number, number>[] = [];
  for (let i = 0; i < count; i++) {
    const c = consultations[i];
    const a = agents.idOf(c.agent);
    const day = Math.floor(c.start / MS_PER_DAY);
    const cellOf = (cellsOfAgent[a] ??= new Map());
    let k = cellOf.get(day);
    if (k === undefined) {
      k = cells.agent.length;
      cellOf.set(day, k);
      cells.agent.push(a);
      cells.date.push(dayOf(c.start));
      cells.firstResponseTotalSec.push(0);
      cells.firstResponseSamples.push(0);
      cells.buyerMessages.push(0);
      cells.agentMessages.push(0);
    }
    if (c.firstResponseSec != null) {
      cells.firstResponseTotalSec[k] += c.firstResponseSec;
      cells.firstResponseSamples[k] += 1;
    }
    cells.buyerMessages[k] += c.buyerMessages;
    cells.agentMessages[k] += c.agentMessages;
    cellInInput[i] = k;
    flagsInInput[i] = (excluded.has(c.category) ? 0 : ELIGIBLE) | (c.firstResponseSec != null ? REPLIED : 0);
  }
  // The scatter into buyer order on its own: a tight loop keeps many writes to main memory in flight at once.
  const next = first.slice(0, buyers.count);
  const chat = new Int32Array(count);
  const start = new Float64Array(count);
  const cell = new Int32Array(count);
  const flags = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const r = next[buyers.chat[i]]++;
    chat[r] = i;
    start[r] = consultations[i].start;
    cell[r] = cellInInput[i];
    flags[r] = flagsInInput[i];
  }
  const columns: ChatColumns = { count, agents, buyerCount: buyers.count, first, chat, start, cell, flags, cells };
  for (let b = 0; b < buyers.count; b++) sortRunByTime(columns, first[b], first[b + 1]);
  return columns;
}

/** Sorts positions [from, to) by time, stable (a run arrives in input order). */
function sortRunByTime(columns: ChatColumns, from: number, to: number): void {
  const { chat, start, cell, flags } = columns;
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
