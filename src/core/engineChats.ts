/**
 * The consultations as columns: each chat's agent and buyer interned to
 * integers, its start time, whether it can open an inquiry, and its agent-day
 * cell (a dense integer per agent and calendar day). Built in one pass, so
 * every later phase reads typed arrays instead of strings.
 */
import type { Consultation, IsoDate } from './types';
import { Interner } from './intern';
import { dayOf, MS_PER_DAY } from './dates';

export interface ChatColumns {
  count: number;
  agents: Interner;
  buyers: Interner;
  agent: Int32Array;
  buyer: Int32Array;
  start: Float64Array;
  /** 1 when the chat's category is not excluded, so it can open or join an inquiry. */
  eligible: Uint8Array;
  /** 1 when the agent replied (a first-response time). */
  replied: Uint8Array;
  cell: Int32Array;
  cells: AgentDayCells;
}

/** The agent-days the chats fall on: cell i is (agent[i], day[i]). */
export interface AgentDayCells {
  agent: number[];
  date: IsoDate[];
}

export function chatColumns(consultations: readonly Consultation[], excludedCategories: readonly string[]): ChatColumns {
  const count = consultations.length;
  const excluded = new Set<string>(excludedCategories);
  const agents = new Interner();
  const buyers = new Interner();
  const agent = new Int32Array(count);
  const buyer = new Int32Array(count);
  const start = new Float64Array(count);
  const eligible = new Uint8Array(count);
  const replied = new Uint8Array(count);
  const cell = new Int32Array(count);
  const cells: AgentDayCells = { agent: [], date: [] };
  // Per agent, day number → cell: small integer keys, no string per chat.
  const cellsOfAgent: Map<number, number>[] = [];
  for (let i = 0; i < count; i++) {
    const c = consultations[i];
    const a = agents.idOf(c.agent);
    agent[i] = a;
    buyer[i] = buyers.idOf(c.buyer);
    start[i] = c.start;
    eligible[i] = excluded.has(c.category) ? 0 : 1;
    replied[i] = c.firstResponseSec != null ? 1 : 0;
    const day = Math.floor(c.start / MS_PER_DAY);
    const cellOf = (cellsOfAgent[a] ??= new Map());
    let k = cellOf.get(day);
    if (k === undefined) {
      k = cells.agent.length;
      cellOf.set(day, k);
      cells.agent.push(a);
      cells.date.push(dayOf(c.start));
    }
    cell[i] = k;
  }
  return { count, agents, buyers, agent, buyer, start, eligible, replied, cell, cells };
}
