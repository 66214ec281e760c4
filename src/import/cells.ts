/**
 * Reading one field of one row: the value, or the problem (an i18n key and
 * its parameters) that makes the row a rejection. Wraps core/values so every
 * kind of record reads numbers, rates, seconds and dates the same way.
 */
import { isBlank, isExcelError, isMissing, isPlainNumber, parseNumber, parseRate, parseSeconds, toHalfWidth, type DecimalMark } from '../core/values';
import type { IsoDate, LocalTime } from '../core/types';
import type { MessageKey } from '../i18n';
import { parseDate, parseDateTime } from './datetime';
import { columnOf } from './normalize';

/** The first problem of a row: which column, and why. */
export class RowProblem {
  constructor(
    readonly column: string,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {}
}

/** Yes/no cells: 是/否, yes/no, y/n, 1/0, true/false, ✓. */
export function parseYesNo(text: string): boolean | null {
  const v = toHalfWidth(text).trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

const YES = new Set(['是', '有', 'yes', 'y', '1', 'true', '√', '✓', '已使用', '使用']);
const NO = new Set(['否', '无', '没有', 'no', 'n', '0', 'false', '×', '未使用', '不使用']);

/** Reads the fields of one row through the table's mapping; each reader throws RowProblem. */
export class RowReader {
  private readonly columns = new Map<string, number>();

  /** Whether a column's numbers use a decimal comma (numberFormat.ts), asked once per column on its first number. */
  private readonly decimalComma: (column: number) => boolean;
  private readonly markOfColumn: DecimalMark[] = [];
  /** The width most rows of the table share: a shorter row that ends before a figure's column was cut off. */
  private readonly width: number;

  constructor(
    header: string[],
    readonly mapping: Record<string, string>,
    opts: { decimalComma?: (column: number) => boolean; width?: number } = {},
  ) {
    this.decimalComma = opts.decimalComma ?? (() => false);
    this.width = opts.width ?? 0;
    for (const [field, text] of Object.entries(mapping)) {
      const col = columnOf(header, text);
      if (col >= 0) this.columns.set(field, col);
    }
  }

  has(field: string): boolean {
    return this.columns.has(field);
  }

  /** The column index of a field, or -1. */
  indexOf(field: string): number {
    return this.columns.get(field) ?? -1;
  }

  private row: string[] = [];

  at(row: string[]): this {
    this.row = row;
    return this;
  }

  raw(field: string): string {
    return this.cellAt(this.columns.get(field));
  }

  private cellAt(col: number | undefined): string {
    return col === undefined ? '' : (this.row[col] ?? '');
  }

  /** The raw text of a field that must hold a value: an Excel error cell (`#DIV/0!`) rejects the row, naming the column. */
  private value(field: string): string {
    return this.notExcelError(field, this.raw(field));
  }

  private notExcelError(field: string, raw: string): string {
    // Every Excel error starts with `#`: the cheap test first, as this runs on every cell read.
    if (raw.includes('#') && isExcelError(raw)) throw new RowProblem(this.header(field), 'import.reject.excelError', { value: raw.trim() });
    return raw;
  }

  /**
   * The raw text of a figure (number, rate, duration, time, date). A row that
   * stops before the figure's column while the table's rows are wider was cut
   * off (TooFewFields): its blank is not a blank, so the row is rejected. Text
   * fields past the end (remark, flag) read as blank: exports drop empty trailing cells.
   */
  private figure(field: string): string {
    const col = this.columns.get(field);
    if (col !== undefined && col >= this.row.length && this.row.length < this.width) {
      throw new RowProblem(this.header(field), 'import.reject.cutOff', { column: this.header(field), count: this.row.length, width: this.width });
    }
    return this.notExcelError(field, this.cellAt(col));
  }

  private markOf(field: string): DecimalMark {
    const col = this.indexOf(field);
    if (col < 0) return '.';
    return (this.markOfColumn[col] ??= this.decimalComma(col) ? ',' : '.');
  }

  header(field: string): string {
    return this.mapping[field] ?? field;
  }

  /** Text as written (trimmed). Formula-looking text stays text: nothing here evaluates it. */
  text(field: string): string {
    return this.raw(field).trim();
  }

  required(field: string): string {
    const value = this.value(field).trim();
    // `-` or 延迟统计 where a name or key belongs is as good as blank.
    if (isMissing(value)) throw new RowProblem(this.header(field), 'import.reject.required', { column: this.header(field) });
    return value;
  }

  /** A number ≥ 0 (amounts, ratios such as 答问比); null when blank, `-` or 延迟统计. */
  amount(field: string): number | null {
    const raw = this.figure(field);
    // The everyday figure, plain digits under a decimal point, without the general parser's result object.
    if (isPlainNumber(raw) && this.markOf(field) === '.') return Number(raw);
    const parsed = parseNumber(raw, this.markOf(field));
    if (!parsed.ok) throw new RowProblem(this.header(field), 'import.reject.number', { value: raw.trim() });
    if (parsed.value !== null && parsed.value < 0) throw new RowProblem(this.header(field), 'import.reject.negative', { value: parsed.value });
    return parsed.value;
  }

  /** A whole count ≥ 0; null when not available. */
  count(field: string): number | null {
    const value = this.amount(field);
    if (value !== null && !Number.isInteger(value)) throw new RowProblem(this.header(field), 'import.reject.notWhole', { value });
    return value;
  }

  /** A fraction 0..1 (`45%` or `0.45`). */
  rate(field: string): number | null {
    const raw = this.figure(field);
    const parsed = parseRate(raw, this.markOf(field));
    // A rate of an export is a share of buyers: 4500% is a typo (45.00), never a figure to show.
    if (!parsed.ok || (parsed.value !== null && (parsed.value < 0 || parsed.value > 1))) throw new RowProblem(this.header(field), 'import.reject.rate', { value: raw.trim() });
    return parsed.value;
  }

  seconds(field: string): number | null {
    const raw = this.figure(field);
    const parsed = parseSeconds(raw);
    if (!parsed.ok) throw new RowProblem(this.header(field), 'import.reject.duration', { value: raw.trim() });
    if (parsed.value !== null && parsed.value < 0) throw new RowProblem(this.header(field), 'import.reject.negative', { value: parsed.value });
    return parsed.value;
  }

  /** A date-time; null when blank. */
  time(field: string): LocalTime | null {
    const raw = this.figure(field);
    if (isMissing(raw)) return null;
    const time = parseDateTime(raw);
    if (time === null) throw new RowProblem(this.header(field), 'import.reject.datetime', { value: raw.trim() });
    return time;
  }

  requiredTime(field: string): LocalTime {
    // A present value means the row reaches the column: no cut-off check, and the cell is read once.
    const text = this.required(field);
    const time = parseDateTime(text);
    if (time === null) throw new RowProblem(this.header(field), 'import.reject.datetime', { value: text });
    return time;
  }

  /** A calendar day; null when blank. */
  date(field: string): IsoDate | null {
    const raw = this.figure(field);
    if (isBlank(raw)) return null;
    const date = parseDate(raw);
    if (date === null) throw new RowProblem(this.header(field), 'import.reject.date', { value: raw.trim() });
    return date;
  }

  /** Yes/no; `fallback` when blank. */
  yesNo(field: string, fallback: boolean): boolean {
    const raw = this.value(field);
    if (isMissing(raw)) return fallback;
    const value = parseYesNo(raw);
    if (value === null) throw new RowProblem(this.header(field), 'import.reject.boolean', { value: raw.trim() });
    return value;
  }
}
