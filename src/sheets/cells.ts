/**
 * Cell values in and out of Sheets. Sheets reads a written string the way it
 * reads typing: `=…` becomes a formula, `0012` a number, `2026-11-21 10:00`
 * a date in the script's time zone. Stored text therefore goes in behind an
 * apostrophe, which Sheets keeps as "this is text" and never returns.
 */
import { formatLocalTime } from '../core/dates';
import type { LocalTime } from '../core/types';
import { looksLikeFormula, parseNumber } from '../core/values';
import { MAX_STORED_TEXT } from '../import/ingest';

export type CellValue = string | number | boolean | Date;

/** Sheets refuses a cell of more than 50 000 characters (the apostrophe included). */
export const MAX_CELL_CHARS = 50_000;
/** Text longer than this is cut; the ingest core cuts stored records to the same length (the same record in every store). */
const MAX_TEXT = MAX_STORED_TEXT;

/** Strings Sheets would turn into something other than the same text. */
const COERCIBLE = /^[\s\d.,:/%+\-eE¥￥$]+$|^(true|false)$/i;

/**
 * Text stored as exactly that text: an apostrophe in front of anything Sheets
 * would evaluate (formulas) or convert (numbers, dates, booleans).
 * @example textCell('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function textCell(full: string): string {
  if (full === '') return '';
  const text = full.length > MAX_TEXT ? full.slice(0, MAX_TEXT) : full;
  return looksLikeFormula(text) || text.startsWith("'") || COERCIBLE.test(text) ? `'${text}` : text;
}

/** User-facing text (settings, report cells): only formulas are defused, numbers may stay numbers. */
export function safeCell(text: string): string {
  return looksLikeFormula(text) || text.startsWith("'") ? `'${text}` : text;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date Sheets returned, as wall-clock text in the spreadsheet's zone (`YYYY-MM-DD HH:mm:ss`). */
function dateText(d: Date, timeZone: string): string {
  if (typeof Utilities !== 'undefined' && Utilities.formatDate) {
    return Utilities.formatDate(d, timeZone, 'yyyy-MM-dd HH:mm:ss');
  }
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Any cell as text: a Date becomes wall-clock text, a stray leading apostrophe is dropped. */
export function readText(value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const text = dateText(value as Date, timeZone);
    return text.endsWith(' 00:00:00') ? text.slice(0, 10) : text;
  }
  const text = String(value).trim();
  return text.startsWith("'") ? text.slice(1) : text;
}

/** `YYYY-MM-DD HH:mm:ss` (or a Date cell) back to wall-clock ms; null when blank or unreadable. */
export function readLocalTime(value: unknown, timeZone: string): LocalTime | null {
  const text = readText(value, timeZone);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

export function timeCell(time: LocalTime | null): string {
  return time === null || time === undefined ? '' : textCell(formatLocalTime(time));
}

/** A number cell (or number text) as a number; blank → null; anything else → undefined (invalid). */
export function readNumber(value: unknown): number | null | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const parsed = parseNumber(typeof value === 'string' ? value.replace(/^'/, '') : value);
  return parsed.ok ? parsed.value : undefined;
}

const YES = new Set(['true', 'yes', 'y', '1', '是', '在职', '启用']);
const NO = new Set(['false', 'no', 'n', '0', '否', '离职', '停用']);

/** A yes/no cell; blank → fallback; unreadable → undefined. */
export function readBool(value: unknown, fallback: boolean): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = String(value ?? '').trim().toLowerCase();
  if (text === '') return fallback;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return undefined;
}
