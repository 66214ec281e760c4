/**
 * Merging imported records into their data tab at the cost of the days they
 * touch: the day index (dayIndex.ts) says where those days' rows are; only
 * those rows are read, replaced rows are written where they are, new rows are
 * appended below in one block, grouped by day. The counts come from the
 * ingest core (mergeBatch), as in every store.
 */
import type { IsoDate } from '../core/types';
import { mergeBatch, RECORD_DAY, RECORD_KEY, type RecordOf, type StoredKind } from '../import/ingest';
import { textCell, type CellValue } from './cells';
import { forgetTab, highWater, indexRows, runsOf, touchDay, type DayIndex, type Run } from './dayIndex';
import { encodeCell, type TableDef } from './schema';
import { header, rewrite, rowCells, type UpsertPlan } from './storage';
import { findTab, fitGrid, insertDataTab, sheetTimeZone, writeBlock, type Table } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A stored row: where it is, its cells, and the record, key and day it decodes to (null when it does not decode). */
export interface StoredRow<R = unknown> {
  row: number;
  cells: unknown[];
  key: string | null;
  day: IsoDate | null;
  record?: R;
}

const NOTHING: UpsertPlan = { added: 0, replaced: 0, apply: () => undefined };

function isBlank(cells: readonly unknown[]): boolean {
  return cells.every((v) => v === '' || v === null || v === undefined);
}

/** The data tab's rows first..last, decoded to record, key and day. */
export function readRows<K extends StoredKind>(sheet: Sheet, table: Table, def: TableDef<RecordOf<K>>, kind: K, [first, last]: Run, tz: string): StoredRow<RecordOf<K>>[] {
  const width = table.header.length;
  const values = sheet.getRange(first, 1, last - first + 1, width).getValues();
  const key = RECORD_KEY[kind] as (r: RecordOf<K>) => string;
  const dayOf = RECORD_DAY[kind] as (r: RecordOf<K>) => IsoDate;
  return values.map((cells, i) => {
    if (isBlank(cells)) return { row: first + i, cells, key: null, day: null };
    const decoded = def.decode(rowCells(table, cells, first + i - 2), tz);
    return decoded.ok ? { row: first + i, cells, key: key(decoded.value), day: dayOf(decoded.value), record: decoded.value } : { row: first + i, cells, key: null, day: null };
  });
}

/** Indexes stored rows by day, a run per stretch of rows of one day. */
export function indexStored(index: DayIndex, tab: string, rows: readonly StoredRow[]): void {
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i].day === rows[start].day && rows[i].row === rows[i - 1].row + 1) continue;
    const day = rows[start].day;
    if (day !== null) indexRows(index, tab, day, rows[start].row, rows[i - 1].row);
    start = i;
  }
}

/** Consecutive sheet rows grouped into blocks, each written with one call. */
function blocks(rows: readonly { row: number; cells: CellValue[] }[]): { row: number; cells: CellValue[][] }[] {
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  const out: { row: number; cells: CellValue[][] }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.row + last.cells.length === r.row) last.cells.push(r.cells);
    else out.push({ row: r.row, cells: [r.cells] });
  }
  return out;
}

/**
 * What merging `records` into the kind's data tab will do, read and counted
 * now (the rows of the days the records touch, plus any rows the index does
 * not cover yet); `apply` writes it and updates `index` in memory, the days it
 * changes versioned by `chunk` (the caller writes the index once after every tab).
 */
export function planDayUpsert<K extends StoredKind>(ss: Spreadsheet, def: TableDef<RecordOf<K>>, kind: K, records: readonly RecordOf<K>[], index: DayIndex, chunk: string): UpsertPlan {
  if (records.length === 0) return NOTHING;
  const tz = sheetTimeZone(ss);
  const tab = def.tab;
  const key = RECORD_KEY[kind] as (r: RecordOf<K>) => string;
  const dayOf = RECORD_DAY[kind] as (r: RecordOf<K>) => IsoDate;
  const sheet = findTab(ss, tab);
  const lastCol = sheet ? sheet.getLastColumn() : 0;
  const headerText = sheet && lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0].map((h) => String(h ?? '').trim().replace(/^'/, '')) : [];
  const ours = header(def);
  const headerChanged = headerText.length === 0 || ours.some((name) => !headerText.map((h) => h.toLowerCase()).includes(name));
  for (const name of ours) if (!headerText.map((h) => h.toLowerCase()).includes(name)) headerText.push(name);
  const table: Table = { header: headerText.map((h) => h.toLowerCase()), headerText, rows: [] };
  const width = headerText.length;
  const lastRow = sheet ? sheet.getLastRow() : 0;

  const stored = new Map<string, StoredRow>();
  if (sheet && lastRow > 1) {
    const read = (run: Run) => readRows(sheet, table, def, kind, run, tz);
    // Rows the index does not cover yet (a tab from before it, or a write whose index write failed).
    const covered = highWater(index, tab);
    if (covered < lastRow) indexStored(index, tab, read([covered + 1, lastRow]));
    const days = new Set(records.map(dayOf));
    let rows = [...days].flatMap((day) => runsOf(index, tab, day).filter(([a]) => a <= lastRow).flatMap((run) => read([run[0], Math.min(run[1], lastRow)])));
    // Rows not of the day the index says: the tab was sorted or edited by hand; index it again from one full read.
    if (rows.some((r) => r.key !== null && !days.has(r.day!))) {
      forgetTab(index, tab);
      const all = read([2, lastRow]);
      indexStored(index, tab, all);
      rows = all.filter((r) => r.day !== null && days.has(r.day));
    }
    for (const r of rows) if (r.key !== null) stored.set(r.key, r);
  }

  const merged = mergeBatch(records, key, (k) => stored.has(k));
  const columnIndex = def.columns.map((c) => table.header.indexOf(c.name));
  const cellsOf = (record: RecordOf<K>, base: readonly unknown[]): CellValue[] => {
    const cells = Array.from({ length: width }, (_, i) => rewrite(base[i] ?? '', tz));
    def.columns.forEach((c, i) => (cells[columnIndex[i]] = encodeCell(c.type, c.get(record))));
    return cells;
  };
  const replaced: { row: number; cells: CellValue[] }[] = [];
  const fresh: RecordOf<K>[] = [];
  // The days whose rows this write changes: their version moves, so what was computed of them is made again.
  const touched = new Set<IsoDate>();
  for (const record of merged.records) {
    const at = stored.get(key(record));
    touched.add(dayOf(record));
    if (at?.day) touched.add(at.day);
    if (at) replaced.push({ row: at.row, cells: cellsOf(record, at.cells) });
    else fresh.push(record);
  }
  // New rows grouped by day, so each day gains one run.
  const appended = fresh.map((record, i) => ({ record, day: dayOf(record), i })).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.i - b.i));
  const firstNew = Math.max(lastRow, 1) + 1;

  const apply = () => {
    const target = sheet ?? insertDataTab(ss, tab, width);
    const newRows = appended.map((a) => cellsOf(a.record, []));
    const head = headerText.map((h) => textCell(h));
    // A new tab gets its header in the same write as its first rows: a failure never leaves a header alone.
    // Its grid is fitted first (a tab left blank by a failed call may still hold a new sheet's 1000 × 26).
    if (headerChanged && firstNew === 2) {
      fitGrid(target, 1 + newRows.length, width);
      writeBlock(target, 1, 1, [head, ...newRows]);
    }
    else {
      if (headerChanged) writeBlock(target, 1, 1, [head]);
      if (newRows.length > 0) writeBlock(target, firstNew, 1, newRows);
    }
    for (const block of blocks(replaced)) writeBlock(target, block.row, 1, block.cells);
    let start = 0;
    for (let i = 1; i <= appended.length; i++) {
      if (i < appended.length && appended[i].day === appended[start].day) continue;
      indexRows(index, tab, appended[start].day, firstNew + start, firstNew + i - 1);
      start = i;
    }
    for (const day of touched) touchDay(index, day, chunk);
  };
  return { added: merged.added, replaced: merged.replaced, apply };
}
