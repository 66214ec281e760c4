/**
 * 排班表 — who works the day or the night shift on each day. A rotation rule
 * (the agents of a rotation, its first day, its period and its pattern)
 * generates one row per agent and day; the supervisor types exceptions over
 * it. Every report takes an agent's shift on a day from here: the schedule's
 * row, else the rule, else the roster's fixed shift.
 */
import type { Agent, IsoDate, Shift } from './types';
import { addDays, daysBetween, daysInMonth, startOfDay, MS_PER_DAY } from './dates';

/** How long one turn of a rotation lasts: 7 days, 14 days, or to the same day of the next month. */
export type RotationPeriod = 'week' | 'fortnight' | 'month';

export const ROTATION_PERIODS: readonly RotationPeriod[] = ['week', 'fortnight', 'month'];

/** 轮班规则 */
export interface RotationRule {
  /** The agents who rotate, in the order of the pattern's first turn. */
  agents: string[];
  /** The first day of the first turn. */
  start: IsoDate;
  period: RotationPeriod;
  /** The shifts of one turn: agent i works pattern[(i + turn) mod length] (`day;night` swaps two agents each turn). */
  pattern: Shift[];
}

/** One row of the schedule tab: an agent's shift on a day. */
export interface ScheduleEntry {
  date: IsoDate;
  agent: string;
  /** What the rotation rule says (blank for a row the supervisor added by hand). */
  rotation: Shift | null;
  /** The shift worked: the rule's, or the supervisor's exception typed over it. */
  shift: Shift;
  note: string;
}

/** The turn a day falls in, counted from the rule's start (0 = the first turn); null before the start. */
export function turnOf(rule: RotationRule, date: IsoDate): number | null {
  if (date < rule.start) return null;
  if (rule.period !== 'month') {
    const days = Math.round((startOfDay(date) - startOfDay(rule.start)) / MS_PER_DAY);
    return Math.floor(days / (rule.period === 'week' ? 7 : 14));
  }
  const [y0, m0, d0] = rule.start.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  const months = (y - y0) * 12 + (m - m0);
  // A turn starting on the 31st starts on the last day of a shorter month.
  const turnDay = Math.min(d0, daysInMonth(date.slice(0, 7)));
  return d >= turnDay ? months : months - 1;
}

/** The rule's shift for an agent on a day; null when the agent is not in the rotation or the day is before its start. */
export function rotationShift(rule: RotationRule, agent: string, date: IsoDate): Shift | null {
  const index = rule.agents.indexOf(agent);
  const turn = turnOf(rule, date);
  if (index < 0 || turn == null || rule.pattern.length === 0) return null;
  return rule.pattern[(index + turn) % rule.pattern.length];
}

const entryKey = (date: IsoDate, agent: string) => `${date}\u0000${agent}`;

/**
 * The schedule of `first`..`last` for the rule's agents, over what the tab
 * holds: a row whose shift differs from the rotation it was generated with
 * (or that has no rotation) is the supervisor's exception and is kept as
 * typed; every other row takes the rule's shift now. Rows outside the span
 * or of agents outside the rotation are kept unchanged. Sorted by date, then
 * by the rotation's order.
 */
export function generateSchedule(rule: RotationRule, first: IsoDate, last: IsoDate, existing: readonly ScheduleEntry[] = []): ScheduleEntry[] {
  const byKey = new Map(existing.map((e) => [entryKey(e.date, e.agent), e]));
  const out = new Map<string, ScheduleEntry>();
  for (const e of existing) out.set(entryKey(e.date, e.agent), e);
  for (const date of daysBetween(first, last)) {
    for (const agent of rule.agents) {
      const rotation = rotationShift(rule, agent, date);
      if (rotation == null) continue;
      const key = entryKey(date, agent);
      const old = byKey.get(key);
      const exception = old != null && (old.rotation == null || old.shift !== old.rotation);
      out.set(key, exception ? { ...old, rotation } : { date, agent, rotation, shift: rotation, note: old?.note ?? '' });
    }
  }
  const order = new Map(rule.agents.map((a, i) => [a, i]));
  return [...out.values()].sort(
    (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (order.get(a.agent) ?? 1e9) - (order.get(b.agent) ?? 1e9) || (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0),
  );
}

/** Whether a row is the supervisor's exception to the rule (typed over it, or added by hand). */
export const isException = (entry: ScheduleEntry): boolean => entry.rotation == null || entry.shift !== entry.rotation;

/** Where an agent's shift of a day came from. */
export type ShiftSource = 'schedule' | 'rotation' | 'roster';

/** An agent's shift on a day, and where it came from. */
export type ShiftOn = (agent: string, date: IsoDate) => { shift: Shift; source: ShiftSource } | null;

/**
 * The one answer every report uses for "which shift did this agent work that
 * day": the schedule's row, else the rotation rule, else the roster's shift
 * (an agent the roster does not vouch for, found by an import, has none).
 */
export function shiftResolver(entries: readonly ScheduleEntry[], rule: RotationRule | null, roster: readonly Agent[]): ShiftOn {
  const rows = new Map(entries.map((e) => [entryKey(e.date, e.agent), e.shift]));
  const fixed = new Map(roster.filter((a) => !a.unknown).map((a) => [a.name, a.shift]));
  return (agent, date) => {
    const typed = rows.get(entryKey(date, agent));
    if (typed) return { shift: typed, source: 'schedule' };
    const ruled = rule ? rotationShift(rule, agent, date) : null;
    if (ruled) return { shift: ruled, source: 'rotation' };
    const rostered = fixed.get(agent);
    return rostered ? { shift: rostered, source: 'roster' } : null;
  };
}

/** The span a generated schedule covers by default: the month of `date` (the Schedule tab and schedule.csv). */
export function monthSpan(date: IsoDate): { first: IsoDate; last: IsoDate } {
  const first = `${date.slice(0, 7)}-01`;
  return { first, last: addDays(first, daysInMonth(date.slice(0, 7)) - 1) };
}

/** The rotation the settings describe, or null when they name no agents or no first day. */
export function rotationRuleOf(settings: { rotationAgents: string[]; rotationStart: IsoDate | null; rotationPeriod: RotationPeriod; rotationPattern: Shift[] }): RotationRule | null {
  if (settings.rotationAgents.length === 0 || !settings.rotationStart || settings.rotationPattern.length === 0) return null;
  return { agents: settings.rotationAgents, start: settings.rotationStart, period: settings.rotationPeriod, pattern: settings.rotationPattern };
}
