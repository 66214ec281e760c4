/**
 * Dates and times as exports write them: `2026-11-21`, `2026/11/21`,
 * `2026/1/5`, `20261121`, `2026年11月21日`, each with an optional `HH:mm` or
 * `HH:mm:ss`, and spreadsheet serial numbers (`46347.5`). All are wall-clock
 * (LocalTime): no time-zone arithmetic.
 */
import { dayOf, localTime, MS_PER_DAY } from '../core/dates';
import { toHalfWidth } from '../core/values';
import type { IsoDate, LocalTime } from '../core/types';

/** Serial day of 1970-01-01 in the 1900 date system every spreadsheet uses. */
const SERIAL_EPOCH = 25569;

const DATE_PART = String.raw`(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?|(\d{2})(\d{2}))`;
const TIME_PART = String.raw`(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.(\d{1,3}))?)?)?`;
const DATE_TIME = new RegExp(`^${DATE_PART}${TIME_PART}$`);

function valid(y: number, m: number, d: number, h: number, mi: number, s: number): boolean {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

/**
 * Wall-clock time of a date or date-time text, or null when it is not one.
 * @example parseDateTime('2026/11/21 9:05') === localTime(2026, 11, 21, 9, 5)
 * @example parseDateTime('46347.5') === localTime(2026, 11, 21, 12)
 */
export function parseDateTime(text: string): LocalTime | null {
  const s = toHalfWidth(String(text)).trim();
  if (!s) return null;
  const m = DATE_TIME.exec(s);
  if (m) {
    const y = +m[1];
    const mo = +(m[2] ?? m[4] ?? m[6]);
    const d = +(m[3] ?? m[5] ?? m[7]);
    const [h, mi, sec, ms] = [+(m[8] ?? 0), +(m[9] ?? 0), +(m[10] ?? 0), +(m[11] ?? '0').padEnd(3, '0')];
    return valid(y, mo, d, h, mi, sec) ? localTime(y, mo, d, h, mi, sec) + ms : null;
  }
  // A spreadsheet serial number: days since 1899-12-30, the fraction is the time of day.
  if (/^\d{1,6}(\.\d+)?$/.test(s)) {
    const serial = Number(s);
    if (serial < 10000 || serial > 2958465) return null; // small numbers are counts, not dates
    return Math.round((serial - SERIAL_EPOCH) * MS_PER_DAY / 1000) * 1000;
  }
  return null;
}

/** The calendar day of a date or date-time text, or null. */
export function parseDate(text: string): IsoDate | null {
  const time = parseDateTime(text);
  return time === null ? null : dayOf(time);
}

const DATE_IN_TEXT = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{4})年(\d{1,2})月(\d{1,2})日?|(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g;

/**
 * The one day a title line or file name speaks of: `报表 2026-11-21`,
 * `…_20261121.csv`, `2026年11月21日`. A range (`A至B`, `A~B`, `A to B`) gives
 * a day only when both ends are the same day; more than one day gives null.
 */
export function dateFromText(text: string): IsoDate | null {
  const days = new Set<IsoDate>();
  for (const m of toHalfWidth(text).matchAll(DATE_IN_TEXT)) {
    const y = +(m[1] ?? m[4] ?? m[7]);
    const mo = +(m[2] ?? m[5] ?? m[8]);
    const d = +(m[3] ?? m[6] ?? m[9]);
    if (valid(y, mo, d, 0, 0, 0)) days.add(dayOf(localTime(y, mo, d)));
  }
  return days.size === 1 ? [...days][0] : null;
}
