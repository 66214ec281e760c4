/**
 * Pay and grades judge final figures only: a day whose figures are still
 * provisional (an export counting later, an attribution window open, a day
 * not over) is left out of a month's payroll and scorecard, and the month is
 * reported as "final through" its latest final day with data.
 */
import type { AgentDay, IsoDate } from './types';

/** The days of a period left out as provisional, and the latest final day with data. */
export interface FinalSpan {
  leftOut: IsoDate[];
  finalThrough: IsoDate | null;
}

/** The agent-days whose date is final. */
export function finalOnly(agentDays: readonly AgentDay[], provisional: ReadonlyMap<IsoDate, unknown>): AgentDay[] {
  return provisional.size === 0 ? [...agentDays] : agentDays.filter((d) => !provisional.has(d.date));
}

/** Which days with data of first…last are left out, and the latest final one. */
export function finalSpan(agentDays: readonly AgentDay[], provisional: ReadonlyMap<IsoDate, unknown>, first: IsoDate, last: IsoDate): FinalSpan {
  const dates = new Set<IsoDate>();
  for (const d of agentDays) if (d.date >= first && d.date <= last) dates.add(d.date);
  const sorted = [...dates].sort();
  const leftOut = sorted.filter((d) => provisional.has(d));
  const final = sorted.filter((d) => !provisional.has(d));
  return { leftOut, finalThrough: final.length > 0 ? final[final.length - 1] : null };
}
