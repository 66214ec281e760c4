/**
 * How a stored tab is described: typed columns (machine-key names, like the
 * CLI's CSV layouts), how a value becomes a cell and back, and the key columns
 * that make a row's identity (SPEC §5: re-importing replaces).
 */
import { formatLocalTime, isIsoDate } from '../core/dates';
import type { MessageKey } from '../i18n';
import { readBool, readLocalTime, readNumber, readText, textCell, timeCell, type CellValue } from './cells';

export type ColumnType = 'text' | 'time' | 'number' | 'bool';

export interface Column<T> {
  name: string;
  type: ColumnType;
  get(record: T): unknown;
}

/** A row read back: cell by column name, plus its 1-based sheet row for messages. */
export interface RowCells {
  row: number;
  cell(name: string): unknown;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; column: string; reason: string };

export interface TableDef<T> {
  tab: MessageKey;
  columns: Column<T>[];
  keyColumns: string[];
  decode(row: RowCells, timeZone: string): Decoded<T>;
}

export function encodeCell(type: ColumnType, value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'time':
      return timeCell(value as number);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : '';
    case 'bool':
      return Boolean(value);
    default:
      return textCell(String(value));
  }
}

/** The canonical text of a key cell, the same whether it comes from a record or a stored row. */
function keyText(type: ColumnType, value: unknown, fromSheet: boolean, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (type === 'time') {
    const t = fromSheet ? readLocalTime(value, timeZone) : (value as number);
    return t === null ? '' : formatLocalTime(t);
  }
  if (type === 'number') return String(fromSheet ? readNumber(value) : value);
  return fromSheet ? readText(value, timeZone) : String(value).trim();
}

export function keyOfRecord<T>(def: TableDef<T>, record: T): string {
  return def.keyColumns
    .map((name) => {
      const col = def.columns.find((c) => c.name === name)!;
      return keyText(col.type, col.get(record), false, '');
    })
    .join('\u0001');
}

export function keyOfRow<T>(def: TableDef<T>, row: RowCells, timeZone: string): string {
  return def.keyColumns
    .map((name) => keyText(def.columns.find((c) => c.name === name)!.type, row.cell(name), true, timeZone))
    .join('\u0001');
}

export const col = <T>(name: string, type: ColumnType, get: (r: T) => unknown): Column<T> => ({ name, type, get });
const bad = <T>(column: string, reason: string): Decoded<T> => ({ ok: false, column, reason });

/** Reads named cells by type, collecting the first problem. */
export class Reader {
  problem: { column: string; reason: string } | null = null;
  constructor(
    private readonly row: RowCells,
    private readonly timeZone: string,
  ) {}
  text(name: string, required = false): string {
    const v = readText(this.row.cell(name), this.timeZone);
    if (required && v === '') this.fail(name, 'required');
    return v;
  }
  date(name: string): string {
    const v = this.text(name, true).slice(0, 10);
    if (v && !isIsoDate(v)) this.fail(name, `"${v}" is not a date (YYYY-MM-DD)`);
    return v;
  }
  time(name: string, required: boolean): number | null {
    const raw = this.row.cell(name);
    const t = readLocalTime(raw, this.timeZone);
    if (t === null && (required || readText(raw, this.timeZone) !== '')) this.fail(name, `"${readText(raw, this.timeZone)}" is not a time (YYYY-MM-DD HH:mm:ss)`);
    return t;
  }
  number(name: string): number | null {
    const v = readNumber(this.row.cell(name));
    if (v === undefined) {
      this.fail(name, `"${readText(this.row.cell(name), this.timeZone)}" is not a number`);
      return null;
    }
    return v;
  }
  bool(name: string, fallback: boolean): boolean {
    const v = readBool(this.row.cell(name), fallback);
    if (v === undefined) this.fail(name, `"${readText(this.row.cell(name), this.timeZone)}" is not yes/no`);
    return v ?? fallback;
  }
  fail(column: string, reason: string) {
    if (!this.problem) this.problem = { column, reason };
  }
  result<T>(value: T): Decoded<T> {
    return this.problem ? bad(this.problem.column, this.problem.reason) : { ok: true, value };
  }
}

