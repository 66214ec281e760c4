/**
 * The consultations as columns, in the one pass over the Consultation
 * objects the engine makes after interning the buyers: each chat's buyer as
 * an integer, its start time, its flags (can it open an inquiry, did the agent reply) and its
 * agent-day cell (a dense integer per agent and calendar day, which also
 * names the agent). The per-cell sums that need no inquiry (first responses,
 * messages) are added on the way, so no later phase reads the objects again.
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
  buyer: Int32Array;
  start: Float64Array;
  /** ELIGIBLE | REPLIED per chat. */
  flags: Uint8Array;
  cell: Int32Array;
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
  const buyer = buyers.chat;
  const start = new Float64Array(count);
  const flags = new Uint8Array(count);
  const cell = new Int32Array(count);
  const cells: AgentDayCells = { agent: [], date: [], firstResponseTotalSec: [], firstResponseSamples: [], buyerMessages: [], agentMessages: [] };
  // Per agent, day number → cell: small integer keys, no string per chat.
  const cellsOfAgent: Map<number, number>[] = [];
  for (let i = 0; i < count; i++) {
    const c = consultations[i];
    const a = agents.idOf(c.agent);
    start[i] = c.start;
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
    cell[i] = k;
    flags[i] = (excluded.has(c.category) ? 0 : ELIGIBLE) | (c.firstResponseSec != null ? REPLIED : 0);
    if (c.firstResponseSec != null) {
      cells.firstResponseTotalSec[k] += c.firstResponseSec;
      cells.firstResponseSamples[k] += 1;
    }
    cells.buyerMessages[k] += c.buyerMessages;
    cells.agentMessages[k] += c.agentMessages;
  }
  return { count, agents, buyerCount: buyers.count, buyer, start, flags, cell, cells };
}
