/**
 * Where each day's rows of each data tab are, so that importing a day reads
 * that day's rows and not the whole tab. A hidden tab holds one row per
 * stored day: the day, then for each data tab (headed by its message key)
 * the day's row runs (`2-3001 9002-9100`), once the day is rolled up the
 * run of its block in the roll-up tab, and last the day's version: the chunk that last changed
 * writes have changed its rows (computed days are kept under it). The index is a cache of the data, never its truth:
 * rows past the last indexed row (a write whose index write failed, or a tab
 * from before the index) are read and indexed on the next import, and rows
 * that turn out not to be of their day make the caller index the tab again.
 */
import type { IsoDate } from '../core/types';
import type { MessageKey } from '../i18n';
import { readText, textCell } from './cells';
import { findTab, insertDataTab, readTable, sheetTimeZone, writeBlock } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DAY_INDEX_TAB: MessageKey = 'tab.dataIndex';
/** The data tabs of imported records. */
export const DATA_TABS: readonly MessageKey[] = ['tab.agentDay', 'tab.shopDay', 'tab.consultations', 'tab.orders'];
/** The roll-up tab (rollUpTabs.ts ROLLUP_TAB): one block of rows per rolled-up day. */
export const ROLLUP_INDEXED: MessageKey = 'tab.rollUp';
/** The tabs the index covers, one column each after the day (an index tab written before a column was added gains it on its next write). */
export const INDEXED_TABS: readonly MessageKey[] = [...DATA_TABS, ROLLUP_INDEXED];
const HEADER = ['day', ...INDEXED_TABS, 'version'];

/** Sheet rows, first to last, both included. */
export type Run = [number, number];

interface DayEntry {
  /** The index tab's row holding this day (null until written). */
  row: number | null;
  runs: Map<string, Run[]>;
  /** The chunk (`importId#chunkIndex`) that last changed the day's rows in any indexed tab ('' = none since the index had versions). */
  version: string;
  dirty: boolean;
}

export interface DayIndex {
  days: Map<IsoDate, DayEntry>;
  /** The next free row of the index tab. */
  nextRow: number;
  /** The tab's header lacks a column of HEADER (an index from before it): written with the next change. */
  headerStale: boolean;
}

export function parseRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const part of text.split(/\s+/)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) continue;
    const first = Number(m[1]);
    const last = m[2] ? Number(m[2]) : first;
    if (first >= 2 && last >= first) runs.push([first, last]);
  }
  return runs;
}

export function formatRuns(runs: readonly Run[]): string {
  return runs.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(' ');
}

/** The runs with [first, last] added, sorted and merged where they touch. */
export function addRun(runs: readonly Run[], first: number, last: number): Run[] {
  const all: Run[] = [...runs.map(([a, b]): Run => [a, b]), [first, last] as Run].sort((x, y) => x[0] - y[0]);
  const merged: Run[] = [];
  for (const [a, b] of all) {
    const prev = merged[merged.length - 1];
    if (prev && a <= prev[1] + 1) prev[1] = Math.max(prev[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** The whole index in one read: a row of five cells per stored day. */
export function readDayIndex(ss: Spreadsheet): DayIndex {
  const index: DayIndex = { days: new Map(), nextRow: 2, headerStale: false };
  const sheet = findTab(ss, DAY_INDEX_TAB);
  if (!sheet) return index;
  const tz = sheetTimeZone(ss);
  const table = readTable(sheet);
  const dayCol = table.header.indexOf('day');
  const tabCols = INDEXED_TABS.map((tab) => table.header.indexOf(tab.toLowerCase()));
  const versionCol = table.header.indexOf('version');
  if (dayCol < 0) return index;
  // A header not as written now (an index from before a column was added): the next write lays every row out anew.
  index.headerStale = HEADER.some((h, i) => table.header[i] !== h.toLowerCase());
  table.rows.forEach((r, i) => {
    const day = readText(r[dayCol], tz);
    if (!day) return;
    const runs = new Map<string, Run[]>();
    INDEXED_TABS.forEach((tab, t) => {
      if (tabCols[t] >= 0) runs.set(tab, parseRuns(readText(r[tabCols[t]], tz)));
    });
    index.days.set(day, { row: i + 2, runs, version: versionCol < 0 ? '' : readText(r[versionCol], tz), dirty: false });
  });
  index.nextRow = table.rows.length + 2;
  return index;
}

/** The runs of one tab's day (none when the day has no rows indexed). */
export function runsOf(index: DayIndex, tab: string, day: IsoDate): Run[] {
  return index.days.get(day)?.runs.get(tab) ?? [];
}

/** The last sheet row the index covers for a tab (1, the header, when none). */
export function highWater(index: DayIndex, tab: string): number {
  let last = 1;
  for (const entry of index.days.values()) for (const [, b] of entry.runs.get(tab) ?? []) last = Math.max(last, b);
  return last;
}

/** Records rows first..last of a tab as the day's. */
export function indexRows(index: DayIndex, tab: string, day: IsoDate, first: number, last: number): void {
  const entry = index.days.get(day) ?? { row: null, runs: new Map<string, Run[]>(), version: '', dirty: true };
  entry.runs.set(tab, addRun(entry.runs.get(tab) ?? [], first, last));
  entry.dirty = true;
  index.days.set(day, entry);
}

/**
 * Marks the day's rows changed by the write of `chunk`: a new version, which
 * a retry of the same chunk (the same rows) gives again.
 */
export function touchDay(index: DayIndex, day: IsoDate, chunk: string): void {
  const entry = index.days.get(day) ?? { row: null, runs: new Map<string, Run[]>(), version: '', dirty: true };
  entry.version = chunk;
  entry.dirty = true;
  index.days.set(day, entry);
}

/** The day's version ('' when no write since the index had versions, or the day was never stored). */
export function dayVersion(index: DayIndex, day: IsoDate): string {
  return index.days.get(day)?.version ?? '';
}

/** Forgets every run of a tab (before the tab is indexed again from a full read). */
export function forgetTab(index: DayIndex, tab: string): void {
  for (const entry of index.days.values()) {
    if (!entry.runs.has(tab)) continue;
    entry.runs.set(tab, []);
    entry.dirty = true;
  }
}

/** Writes the entries that changed: the span of changed rows in one block, new days in one block below. */
export function writeDayIndex(ss: Spreadsheet, index: DayIndex): void {
  const byRow = new Map<number, string[]>();
  let firstChanged = Infinity;
  let lastChanged = 0;
  const fresh: { entry: DayEntry; cells: string[] }[] = [];
  for (const [day, entry] of index.days) {
    const cells = [textCell(day), ...INDEXED_TABS.map((tab) => textCell(formatRuns(entry.runs.get(tab) ?? []))), textCell(entry.version)];
    if (entry.row === null) fresh.push({ entry, cells });
    else {
      byRow.set(entry.row, cells);
      if (entry.dirty || index.headerStale) {
        firstChanged = Math.min(firstChanged, entry.row);
        lastChanged = Math.max(lastChanged, entry.row);
      }
    }
  }
  if (lastChanged === 0 && fresh.length === 0) return;
  let sheet = findTab(ss, DAY_INDEX_TAB);
  if (!sheet) {
    sheet = insertDataTab(ss, DAY_INDEX_TAB, HEADER.length);
    writeBlock(sheet, 1, 1, [HEADER.map((h) => textCell(h))]);
    sheet.hideSheet();
  } else if (index.headerStale || sheet.getLastColumn() < HEADER.length) writeBlock(sheet, 1, 1, [HEADER.map((h) => textCell(h))]);
  index.headerStale = false;
  if (lastChanged > 0) {
    const span: string[][] = [];
    for (let row = firstChanged; row <= lastChanged; row++) span.push(byRow.get(row) ?? HEADER.map(() => ''));
    writeBlock(sheet, firstChanged, 1, span);
  }
  if (fresh.length > 0) writeBlock(sheet, index.nextRow, 1, fresh.map((f) => f.cells));
  fresh.forEach((f, i) => (f.entry.row = index.nextRow + i));
  index.nextRow += fresh.length;
  for (const entry of index.days.values()) entry.dirty = false;
}

/** Rows first..last of a tab were deleted: their runs go, and the runs below them move up. */
export function removeRows(index: DayIndex, tab: string, first: number, last: number): void {
  const count = last - first + 1;
  for (const entry of index.days.values()) {
    const runs = entry.runs.get(tab);
    if (!runs || runs.length === 0) continue;
    const next: Run[] = [];
    for (const [a, b] of runs) {
      if (a < first) next.push([a, Math.min(b, first - 1)]);
      if (b > last) next.push([Math.max(a, last + 1) - count, b - count]);
    }
    if (formatRuns(next) === formatRuns(runs)) continue;
    entry.runs.set(tab, next);
    entry.dirty = true;
  }
}
