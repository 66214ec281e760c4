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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The two digits at s[i], s[i + 1] as a number, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** `YYYY-MM-DD HH:mm:ss` exactly (digits where digits belong), its time, null when impossible, undefined when not this shape. */
function isoDateTime(s: string): LocalTime | null | undefined {
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== ' ' || s[13] !== ':' || s[16] !== ':') return undefined;
  // Plain locals, no closure or array: this runs on every time cell of a million-row file.
  const c = twoDigits(s, 0);
  const yy = twoDigits(s, 2);
  const mo = twoDigits(s, 5);
  const d = twoDigits(s, 8);
  const h = twoDigits(s, 11);
  const mi = twoDigits(s, 14);
  const sec = twoDigits(s, 17);
  if (c < 0 || yy < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return undefined;
  const y = c * 100 + yy;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const monthDays = mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > monthDays || h > 23 || mi > 59 || sec > 59) return null;
  return (daysFromCivil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec) * 1000;
}

/**
 * Days from 1970-01-01 to a valid proleptic Gregorian date (H. Hinnant's
 * days_from_civil): Date.UTC's result without the call, which costs more than
 * the rest of reading a time cell.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Wall-clock time of a date or date-time text, or null when it is not one.
 * @example parseDateTime('2026/11/21 9:05') === localTime(2026, 11, 21, 9, 5)
 * @example parseDateTime('46347.5') === localTime(2026, 11, 21, 12)
 */
export function parseDateTime(text: string): LocalTime | null {
  // Most exports write `YYYY-MM-DD HH:mm:ss` on every row: read it by position, without a pattern (this runs a million times).
  const fast = typeof text === 'string' && text.length === 19 ? isoDateTime(text) : undefined;
  if (fast !== undefined) return fast;
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
