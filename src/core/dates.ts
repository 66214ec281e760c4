/**
 * Calendar arithmetic on wall-clock times (see LocalTime): days, ISO weeks
 * (Monday first) and calendar months, all in the spreadsheet's time zone.
 */
import type { IsoDate, LocalTime } from './types';

export const MS_PER_DAY = 86_400_000;
export const MS_PER_HOUR = 3_600_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local calendar day a wall-clock time falls on. */
export function dayOf(time: LocalTime): IsoDate {
  const day = Math.floor(time / MS_PER_DAY);
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    // Records span few distinct days: remembering them spares a Date per record on large imports.
    if (dayTexts.size > 100_000) dayTexts.clear();
    dayTexts.set(day, text);
  }
  return text;
}
const dayTexts = new Map<number, IsoDate>();

/** 00:00 of a local day. */
export function startOfDay(date: IsoDate): LocalTime {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dayOf(startOfDay(date) + days * MS_PER_DAY);
}

/** Wall-clock time from its parts (month 1..12). */
export function localTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): LocalTime {
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** `YYYY-MM-DD HH:mm:ss` of a wall-clock time. */
export function formatLocalTime(time: LocalTime): string {
  return new Date(time).toISOString().slice(0, 19).replace('T', ' ');
}

/** `YYYY-MM` */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Monday of the ISO week containing date. */
export function isoWeekStart(date: IsoDate): IsoDate {
  const weekday = (new Date(startOfDay(date)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

/** ISO week label, e.g. `2026-W47`. */
export function isoWeekLabel(date: IsoDate): string {
  const thursday = addDays(isoWeekStart(date), 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(isoWeekStart(`${year}-01-04`), 3);
  const week = Math.round((startOfDay(thursday) - startOfDay(firstThursday)) / (7 * MS_PER_DAY)) + 1;
  return `${year}-W${pad(week)}`;
}

/** Every day from first to last, inclusive. */
export function daysBetween(first: IsoDate, last: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let t = startOfDay(first); t <= startOfDay(last); t += MS_PER_DAY) days.push(dayOf(t));
  return days;
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const start = startOfDay(text); // NaN for a month 13 or a day 32
  return Number.isFinite(start) && dayOf(start) === text;
}

/** A gap this long between two dates of the data splits it: the smaller side is taken for typos (2999, 1970). */
export const MAX_GAP_DAYS = 366;

/**
 * The dates no real record can carry: after tomorrow (time zones ahead of
 * the caller's get their day), or cut off from the bulk of the data by a gap
 * of more than MAX_GAP_DAYS days. The dates are split wherever such a gap
 * falls; the group with the most records is the data, every other group is
 * odd (so three years of history are fine, and one row dated 2999 is not).
 * When the whole bulk lies after tomorrow, `today` is what is wrong (a clock
 * or `--now` before the data), not the data: only the gap rule applies then
 * (see clockBeforeData). Such dates are listed as data quality and never
 * picked as a default report day or month.
 * @param today the caller's day (the edge passes it in: the core never reads the clock)
 * @example implausibleDates(['2026-11-02', '2026-11-03', '2999-11-03'], '2026-11-04') // Set {'2999-11-03'}
 */
export function implausibleDates(dates: readonly IsoDate[], today: IsoDate): Set<IsoDate> {
  const odd = new Set<IsoDate>();
  if (dates.length === 0) return odd;
  const { counts, bulk, groups } = groupByGaps(dates);
  for (const group of groups) if (group !== bulk) for (const date of group) odd.add(date);
  const tomorrow = addDays(today, 1);
  if (bulk[0] > tomorrow) return odd;
  for (const date of counts.keys()) if (date > tomorrow) odd.add(date);
  return odd;
}

/**
 * True when `today` is before the bulk of the data (every date of it after
 * tomorrow): a computer clock or `--now` set wrong. The dates are then taken
 * as they are, and reports say so.
 */
export function clockBeforeData(dates: readonly IsoDate[], today: IsoDate): boolean {
  return dates.length > 0 && groupByGaps(dates).bulk[0] > addDays(today, 1);
}

/** The distinct dates with their counts, split at every gap over MAX_GAP_DAYS; bulk is the group with the most records. */
function groupByGaps(dates: readonly IsoDate[]): { counts: Map<IsoDate, number>; groups: IsoDate[][]; bulk: IsoDate[] } {
  const counts = new Map<IsoDate, number>();
  for (const date of dates) counts.set(date, (counts.get(date) ?? 0) + 1);
  const distinct = [...counts.keys()].sort();
  const groups: IsoDate[][] = [[distinct[0]]];
  for (let i = 1; i < distinct.length; i++) {
    const gap = (startOfDay(distinct[i]) - startOfDay(distinct[i - 1])) / MS_PER_DAY;
    if (gap > MAX_GAP_DAYS) groups.push([]);
    groups[groups.length - 1].push(distinct[i]);
  }
  const weight = (group: IsoDate[]) => group.reduce((sum, d) => sum + counts.get(d)!, 0);
  const bulk = groups.reduce((best, group) => (weight(group) > weight(best) ? group : best));
  return { counts, groups, bulk };
}
