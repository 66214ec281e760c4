/**
 * Reading numbers out of cells the way exports write them (SPEC §2):
 * `1,234.50`, `¥1,234.5`, `￥1234.5`, full-width digits, `45%`, `45.0 %`,
 * `0.45`, durations like `8分48秒`. Blank and "not available" (`-`, `延迟统计`)
 * read as null, never as 0.
 */
import type { Parsed } from './types';

/** Cell texts that mean "this figure is not available yet". */
const NOT_AVAILABLE = new Set(['-', '--', '—', '－', '延迟统计', 'n/a', 'na', 'null']);

/** What a spreadsheet shows for a failed formula: a broken figure, never "not available" nor 0. */
const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!']);

/** True for an Excel error cell's text (`#DIV/0!`, `#N/A`, …). */
export function isExcelError(text: string): boolean {
  return EXCEL_ERRORS.has(text.trim().toUpperCase());
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** Full-width forms (０-９ ． ， ％ － ＋) to ASCII, and ideographic spaces to plain ones. */
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  // Character by character, with no callback per match (this runs on remarks and figures of every row).
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : code === 0x3000 ? ' ' : text[i];
  }
  return out;
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Blank or an explicit "not available" marker. */
export function isMissing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  // No marker is longer than 4 characters (folding widths and case never shortens text): longer
  // cells are values without building three strings each, as this runs on every key cell read.
  const trimmed = value.trim();
  if (trimmed === '') return true;
  if (trimmed.length > 4) return false;
  // Every marker starts with a dash, 延 or a letter: a cell starting with a digit (most figures) is a value.
  const first = trimmed.charCodeAt(0);
  if (first >= 48 && first <= 57) return false;
  return NOT_AVAILABLE.has(toHalfWidth(trimmed).toLowerCase());
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The longest text read as a number, rate or duration. No export writes a
 * figure longer than this; longer text is refused before any pattern runs, so
 * a hostile 1 MB cell costs nothing.
 */
export const MAX_FIGURE_TEXT = 64;

/** The decimal mark of a column: `.` (`1,234.50`) or `,` (`1.234,50`, from a German or French Excel). */
export type DecimalMark = '.' | ',';

/** With a decimal comma, dots group thousands; a dot after the last comma (`1,234.50`) means the value was written with a point after all. */
function withDecimalPoint(text: string, mark: DecimalMark): string | null {
  if (mark === '.' || text.lastIndexOf('.') > text.lastIndexOf(',')) return text.replace(/,/g, '');
  const grouped = text.replace(/\./g, '');
  const comma = grouped.indexOf(',');
  if (comma !== grouped.lastIndexOf(',')) return null;
  return grouped.replace(',', '.');
}

/** Digits with at most one decimal point and nothing else: most figure cells, read without cleaning. */
const PLAIN_NUMBER = /^\d+(\.\d+)?$/;

/** A figure written as plain digits (`12`, `398.5`): its value is Number(text) under a decimal point. */
export function isPlainNumber(text: string): boolean {
  return text.length <= MAX_FIGURE_TEXT && PLAIN_NUMBER.test(text);
}

function numberFromText(text: string, mark: DecimalMark = '.'): number | null {
  if (text.length > MAX_FIGURE_TEXT) return null;
  if (mark === '.' && PLAIN_NUMBER.test(text)) return Number(text);
  // Thousands separators, currency signs and spaces carry no value.
  const cleaned = withDecimalPoint(toHalfWidth(text).replace(/[\s¥￥$€£]|^rmb|^cny|元$/gi, ''), mark);
  if (cleaned === null || !NUMBER_TEXT.test(cleaned)) return null;
  const n = Number(cleaned);
  // `1e999` is valid number text but Infinity: no figure is infinite.
  return Number.isFinite(n) ? n : null;
}

/**
 * A count, amount or plain number.
 * @example parseNumber('¥1,234.50') // { ok: true, value: 1234.5 }
 * @example parseNumber('-')         // { ok: true, value: null }
 * @example parseNumber('1.234,50', ',') // { ok: true, value: 1234.5 }
 */
export function parseNumber(value: unknown, mark: DecimalMark = '.'): Parsed<number | null> {
  if (isMissing(value)) return { ok: true, value: null };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'not a finite number' };
  }
  const n = numberFromText(String(value), mark);
  return n === null ? { ok: false, reason: `"${shortText(String(value))}" is not a number` } : { ok: true, value: n };
}

/**
 * A rate as a fraction 0..1: `45%`, `45.0 %` and `0.45` all give 0.45.
 * A bare number above 1 is refused rather than guessed (is `45` 45 % or 4500 %?).
 */
export function parseRate(value: unknown, mark: DecimalMark = '.'): Parsed<number | null> {
  if (isMissing(value)) return { ok: true, value: null };
  if (typeof value === 'string') {
    const text = toHalfWidth(value).trim();
    if (text.endsWith('%')) {
      const n = numberFromText(text.slice(0, -1), mark);
      return n === null ? { ok: false, reason: `"${shortText(value)}" is not a percentage` } : { ok: true, value: n / 100 };
    }
  }
  const parsed = parseNumber(value, mark);
  if (!parsed.ok || parsed.value === null) return parsed;
  if (parsed.value < 0 || parsed.value > 1) {
    return { ok: false, reason: `rate ${parsed.value} is outside 0..1; write it as ${parsed.value}% or as a fraction` };
  }
  return parsed;
}

const DURATION_PART = /(\d+(?:\.\d+)?)\s*(小时|时|h|分钟|分|m|min|秒|s|sec)/gi;
const CLOCK = /^(\d+):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?$/;

/**
 * Seconds from `528`, `8分48秒`, `1小时2分`, `00:08:48` or `8:48`.
 * @example parseSeconds('8分48秒') // { ok: true, value: 528 }
 */
export function parseSeconds(value: unknown): Parsed<number | null> {
  if (isMissing(value)) return { ok: true, value: null };
  if (typeof value === 'number') return parseNumber(value);
  // Most exports write plain seconds: read them before any other spelling is tried (this runs on every chat).
  if (typeof value === 'string' && value.length <= MAX_FIGURE_TEXT && PLAIN_NUMBER.test(value)) return { ok: true, value: Number(value) };
  const notDuration = { ok: false as const, reason: `"${shortText(String(value))}" is not a duration` };
  const text = toHalfWidth(String(value)).trim();
  // DURATION_PART retries its digit run from every start position: bounded text keeps that cheap.
  if (text.length > MAX_FIGURE_TEXT) return notDuration;
  const clock = CLOCK.exec(text);
  if (clock) {
    const [h, m, s] = clock[3] === undefined ? [0, +clock[1], +clock[2]] : [+clock[1], +clock[2], +clock[3]];
    return { ok: true, value: h * 3600 + m * 60 + s };
  }
  const plain = numberFromText(text.replace(/秒$|s$/i, ''));
  if (plain !== null) return { ok: true, value: plain };
  let total = 0;
  let consumed = '';
  for (const match of text.matchAll(DURATION_PART)) {
    const unit = match[2].toLowerCase();
    const scale = unit === '小时' || unit === '时' || unit === 'h' ? 3600 : unit.startsWith('分') || unit.startsWith('m') ? 60 : 1;
    total += Number(match[1]) * scale;
    consumed += match[0];
  }
  if (consumed.replace(/\s/g, '') !== text.replace(/\s/g, '') || !Number.isFinite(total)) return notDuration;
  return { ok: true, value: total };
}

/** A cell's text for a message: long text is cut, so a reason stays one readable line. */
export function shortText(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A whole, non-negative count (人数, 件数). */
export function parseCount(value: unknown): Parsed<number | null> {
  const parsed = parseNumber(value);
  if (!parsed.ok || parsed.value === null) return parsed;
  if (parsed.value < 0) return { ok: false, reason: `count ${parsed.value} is negative` };
  if (!Number.isInteger(parsed.value)) return { ok: false, reason: `count ${parsed.value} is not a whole number` };
  return parsed;
}

/**
 * True when a text cell would be taken for a formula by a spreadsheet
 * (`=`, `+`, `-`, `@` first, and not simply a number).
 */
export function looksLikeFormula(text: string): boolean {
  // Only a plain number is safe: `+86 138` or `-1,000` typed into a cell is parsed as a formula.
  return FORMULA_START.test(text) && !NUMBER_TEXT.test(text.trim());
}

/** Patterns live at module level: a literal in a function body is a new RegExp object on every call. */
const FORMULA_START = /^[=+\-@]/;
