/**
 * Report periods: a day, an ISO week (Monday first) or a calendar month, and
 * the agent and team figures over one, always from summed counts.
 */
import type { AgentDay, Counts, IsoDate } from './types';
import { addDays, daysInMonth, implausibleDates, isoWeekLabel, isoWeekStart, monthOf } from './dates';
import { sumCounts } from './metrics';
import { groupBy } from './groupBy';

export type PeriodKind = 'day' | 'week' | 'month';

export interface Period {
  kind: PeriodKind;
  first: IsoDate;
  last: IsoDate;
  /** `2026-11-03`, `2026-W45` or `2026-11`. */
  label: string;
}

export function periodContaining(date: IsoDate, kind: PeriodKind): Period {
  if (kind === 'day') return { kind, first: date, last: date, label: date };
  if (kind === 'week') {
    const first = isoWeekStart(date);
    return { kind, first, last: addDays(first, 6), label: isoWeekLabel(date) };
  }
  const month = monthOf(date);
  return { kind, first: `${month}-01`, last: `${month}-${String(daysInMonth(month)).padStart(2, '0')}`, label: month };
}

/** The period just before (yesterday, last week, last month). */
export function previousPeriod(period: Period): Period {
  return periodContaining(addDays(period.first, -1), period.kind);
}

export const inPeriod = (date: IsoDate, period: Period) => date >= period.first && date <= period.last;

/** One agent's figures over a period. */
export interface AgentTotals {
  agent: string;
  counts: Counts;
  /** Days of the period the agent has data for. */
  days: number;
}

/** Agent-days → one total per agent over the period (never an average of daily ratios). */
export function agentTotals(agentDays: readonly AgentDay[], period: Period): AgentTotals[] {
  const byAgent = groupBy(agentDays.filter((day) => inPeriod(day.date, period)), (day) => day.agent);
  return [...byAgent.entries()].map(([agent, days]) => ({ agent, counts: sumCounts(days), days: new Set(days.map((d) => d.date)).size }));
}

/** The team over a period: the sum of every agent-day in it. */
export function teamTotals(agentDays: readonly AgentDay[], period: Period): Counts {
  return sumCounts(agentDays.filter((d) => inPeriod(d.date, period)));
}

/** Days of the period on which the shop has any data (the ranking minimum scales with these). */
export function daysWithData(agentDays: readonly AgentDay[], period: Period): number {
  return new Set(agentDays.filter((d) => inPeriod(d.date, period)).map((d) => d.date)).size;
}

/** The latest plausible date with data (see implausibleDates: a row dated 2999 is never the default day), or null. */
export function latestDate(agentDays: readonly AgentDay[], today: IsoDate): IsoDate | null {
  const odd = implausibleDates(agentDays.map((d) => d.date), today);
  let latest: IsoDate | null = null;
  for (const d of agentDays) if (!odd.has(d.date) && (latest === null || d.date > latest)) latest = d.date;
  return latest;
}
