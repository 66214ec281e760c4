/**
 * The roll-up in the spreadsheet (the rule: core/rollup.ts), one day per
 * server call so each call costs a day's rows: the oldest raw day past the
 * retention is computed from the raw days it reads (through the day index),
 * its roll-up appended to the roll-up tab in one block, read back and
 * compared, the boundary written, a line logged, and only then its raw chats
 * and orders deleted. The block's rows are kept in the day index (the day's
 * run in the roll-up tab), so a report run reads the rolled-up days it needs. Each step can fail anywhere and be called again: what
 * is stored says where it stopped (the last marked day of the roll-up tab,
 * the first raw day of the boundary), so the raw rows or the roll-up of a day
 * are always whole, and the next call finishes the day.
 */
import { addDays, implausibleDates } from '../core/dates';
import { daysToRollUp, rollUpDay, rollUpReads, sameRollUp, type RollUp } from '../core/rollup';
import type { IsoDate } from '../core/types';
import type { RecordOf, StoredKind } from '../import/ingest';
import { t } from '../i18n';
import { readText, textCell } from './cells';
import { readClaimsFromTab } from './claimsTab';
import { indexRollUpTail } from './rollUpRead';
import { forgetTab, highWater, readDayIndex, removeRows, runsOf, writeDayIndex, type DayIndex, type Run } from './dayIndex';
import { indexStored, readRows, type StoredRow } from './dayStore';
import { boundaryOfTable, boundaryRows, BOUNDARY_HEADER, BOUNDARY_TAB, DAY_COLUMN, KIND_COLUMN, ROLLUP_HEADER, ROLLUP_TAB, rollUpOfRows, rollUpRows } from './rollUpTabs';
import { CONSULTATION_TABLE, ORDER_TABLE, ROSTER_TABLE, LOG_COLUMNS, encodeCell, type TableDef, type LogLine } from './schema';
import { nextLogRow, readRecords, readRules, writeLogLine } from './storage';
import { findTab, fitGrid, insertDataTab, readTable, sheetLanguage, sheetTimeZone, writeBlock, type Table } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type RollUpOutcome = { day: IsoDate; status: 'rolled_up' | 'not_equal'; rawRemoved: number } | null;

const RAW_TABS = [CONSULTATION_TABLE.tab, ORDER_TABLE.tab] as string[];

/** A data tab's header as the day store reads it. */
function tableOf(sheet: Sheet): Table {
  const lastCol = sheet.getLastColumn();
  const headerText = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0].map((h) => String(h ?? '').trim().replace(/^'/, '')) : [];
  return { header: headerText.map((h) => h.toLowerCase()), headerText, rows: [] };
}

/**
 * The rows of the given days of a data tab, through the day index; rows the
 * index does not cover yet are indexed, and an index that points at rows of
 * other days (a failed call between a delete and its index write, or a tab
 * sorted by hand) is rebuilt from one full read.
 */
function rowsOfDays<K extends StoredKind>(ss: Spreadsheet, def: TableDef<RecordOf<K>>, kind: K, days: readonly IsoDate[], index: DayIndex): StoredRow<RecordOf<K>>[] {
  const sheet = findTab(ss, def.tab);
  if (!sheet) return [];
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return [];
  const tz = sheetTimeZone(ss);
  const table = tableOf(sheet);
  const read = (run: Run) => readRows(sheet, table, def, kind, run, tz);
  const covered = highWater(index, def.tab);
  if (covered < lastRow) indexStored(index, def.tab, read([covered + 1, lastRow]));
  const wanted = new Set(days);
  let rows = days.flatMap((day) => runsOf(index, def.tab, day).filter(([a]) => a <= lastRow).flatMap(([a, b]) => read([a, Math.min(b, lastRow)])));
  if (rows.some((r) => r.day !== null && !wanted.has(r.day))) {
    forgetTab(index, def.tab);
    const all = read([2, lastRow]);
    indexStored(index, def.tab, all);
    rows = all.filter((r) => r.day !== null && wanted.has(r.day));
  }
  return rows;
}

/** Deletes a day's rows of a data tab, bottom run first, writing the index after each delete. Returns the rows deleted. */
function deleteDay<K extends StoredKind>(ss: Spreadsheet, def: TableDef<RecordOf<K>>, kind: K, day: IsoDate, index: DayIndex): number {
  const rows = rowsOfDays(ss, def, kind, [day], index).map((r) => r.row).sort((a, b) => b - a);
  const sheet = findTab(ss, def.tab);
  if (!sheet || rows.length === 0) return 0;
  const runs: Run[] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last[0] === row + 1) last[0] = row;
    else runs.push([row, row]);
  }
  for (const [first, last] of runs) {
    // Sheets refuses to delete every row under the frozen header: one blank row stays.
    if (first === 2 && last >= sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
    sheet.deleteRows(first, last - first + 1);
    removeRows(index, def.tab, first, last);
    writeDayIndex(ss, index);
  }
  return rows.length;
}

/** The last day the roll-up tab marks as stored (its last row), null when none. */
function lastStoredDay(sheet: Sheet | null, tz: string): IsoDate | null {
  if (!sheet) return null;
  const last = sheet.getLastRow();
  if (last < 2) return null;
  const cells = sheet.getRange(last, 1, 1, ROLLUP_HEADER.length).getValues()[0];
  return readText(cells[KIND_COLUMN], tz) === 'day' ? readText(cells[DAY_COLUMN], tz) : null;
}

/** Appends a day's roll-up in one block (a new tab gets its header in the same write). */
function appendRollUp(ss: Spreadsheet, day: IsoDate, rollUp: RollUp): void {
  const rows = rollUpRows(day, rollUp);
  const sheet = findTab(ss, ROLLUP_TAB);
  if (!sheet || sheet.getLastRow() === 0) {
    const target = sheet ?? insertDataTab(ss, ROLLUP_TAB, ROLLUP_HEADER.length);
    fitGrid(target, rows.length + 1, ROLLUP_HEADER.length);
    writeBlock(target, 1, 1, [ROLLUP_HEADER.map((h) => textCell(h)), ...rows]);
    return;
  }
  writeBlock(sheet, sheet.getLastRow() + 1, 1, rows);
}

/** The roll-up of the day as stored: the block of its rows at the bottom of the tab. */
function storedRollUp(ss: Spreadsheet, day: IsoDate, rowCount: number): RollUp {
  const sheet = findTab(ss, ROLLUP_TAB)!;
  const last = sheet.getLastRow();
  const first = Math.max(2, last - rowCount + 1);
  const rows = sheet.getRange(first, 1, last - first + 1, ROLLUP_HEADER.length).getValues();
  const tz = sheetTimeZone(ss);
  return rollUpOfRows(rows.filter((r) => readText(r[DAY_COLUMN], tz) === day), tz);
}

/**
 * Rewrites the boundary tab in one write (rows it no longer needs blanked in
 * the same write), then cuts its grid to the rows it holds: a failure between
 * leaves blank rows, never anchors of another boundary.
 */
function writeBoundary(ss: Spreadsheet, firstRawDay: IsoDate, rollUp: RollUp): void {
  const rows = boundaryRows(firstRawDay, rollUp.anchors);
  let sheet = findTab(ss, BOUNDARY_TAB);
  const before = sheet ? sheet.getLastRow() - 1 : 0;
  const body = [...rows, ...Array.from({ length: Math.max(0, before - rows.length) }, () => BOUNDARY_HEADER.map(() => ''))];
  if (!sheet) {
    sheet = insertDataTab(ss, BOUNDARY_TAB, BOUNDARY_HEADER.length);
    sheet.hideSheet();
  }
  writeBlock(sheet, 1, 1, [BOUNDARY_HEADER.map((h) => textCell(h)), ...body]);
  fitGrid(sheet, 1 + rows.length, BOUNDARY_HEADER.length);
}

/** Writes the log line unless the log's last line already is it (a step retried after its line was written). */
function logOnce(ss: Spreadsheet, line: LogLine): void {
  const sheet = findTab(ss, 'tab.importLog');
  const tz = sheetTimeZone(ss);
  if (sheet && sheet.getLastRow() > 1) {
    const last = sheet.getRange(sheet.getLastRow(), 1, 1, LOG_COLUMNS.length).getValues()[0].map((v) => readText(v, tz).replace(/^'/, ''));
    const cells = LOG_COLUMNS.map((c) => readText(encodeCell(c.type, c.get(line)), tz).replace(/^'/, ''));
    if (LOG_COLUMNS.every((c, i) => c.name === 'time' || last[i] === cells[i])) return;
  }
  writeLogLine(ss, line, nextLogRow(ss));
}

/**
 * One step of the roll-up: the oldest raw day past the retention, rolled up
 * and its raw rows removed. Null when no day is due. Runs under the caller's
 * document lock. `time` is now in the spreadsheet's time zone (`yyyy-MM-dd HH:mm:ss`): the log line's time, and
 * the day after whose tomorrow no stored day is plausible. `index`: the day index, when the caller has it read.
 */
export function rollUpStep(ss: Spreadsheet, time: string, index: DayIndex = readDayIndex(ss)): RollUpOutcome {
  // Blocks appended by a call whose index write failed (or before the index kept them) are indexed first.
  indexRollUpTail(ss, index);
  const outcome = rollUpDue(ss, time, index);
  writeDayIndex(ss, index);
  return outcome;
}

function rollUpDue(ss: Spreadsheet, time: string, index: DayIndex): RollUpOutcome {
  const rawDays = [...index.days].filter(([, e]) => RAW_TABS.some((tab) => (e.runs.get(tab) ?? []).length > 0)).map(([d]) => d);
  if (rawDays.length === 0) return null;
  // Counted back from the latest plausible day: one row dated 2999 must not make every real day old.
  const stored = [...index.days.keys()];
  const odd = implausibleDates(stored, time.slice(0, 10));
  const latest = stored.filter((d) => !odd.has(d)).reduce<IsoDate | null>((a, b) => (a === null || b > a ? b : a), null);
  const { rules } = readRules(ss, false);
  const day = daysToRollUp(rawDays.filter((d) => !odd.has(d)), latest, rules)[0];
  if (day === undefined) return null;
  const tz = sheetTimeZone(ss);
  const lang = sheetLanguage(ss);
  const boundarySheet = findTab(ss, BOUNDARY_TAB);
  const boundary = boundarySheet ? boundaryOfTable(readTable(boundarySheet), tz) : { firstRawDay: null, anchors: [] };
  // The day's raw rows are read and replaced by its roll-up: read = accepted = replaced.
  const log = (file: string, raw: number): LogLine => ({ file, sheet: null, kind: 'roll_up', time, rowsRead: raw, accepted: raw, added: 0, replaced: raw, rejected: 0, skipped: 0, newAgents: [] });

  if (boundary.firstRawDay === null || boundary.firstRawDay <= day) {
    const reads = rollUpReads(day, rules);
    const chatRows = rowsOfDays(ss, CONSULTATION_TABLE, 'consultations', reads, index);
    const orderRows = rowsOfDays(ss, ORDER_TABLE, 'orders', reads, index);
    const chats = chatRows.map((r) => r.record!);
    const orders = orderRows.map((r) => r.record!);
    const raw = [...chatRows, ...orderRows].filter((r) => r.day === day).length;
    const roster = readRecords(ss, ROSTER_TABLE, findTab(ss, ROSTER_TABLE.tab), []);
    const computed = rollUpDay(day, chats, orders, roster, rules, readClaimsFromTab(ss), boundary.anchors);
    const rowCount = rollUpRows(day, computed).length;
    const stored = lastStoredDay(findTab(ss, ROLLUP_TAB), tz);
    if (stored === null || stored < day) {
      appendRollUp(ss, day, computed);
      indexRollUpTail(ss, index);
    }
    if (!sameRollUp(computed, storedRollUp(ss, day, rowCount))) {
      logOnce(ss, log(t(lang, 'rollup.notEqual', { day }), 0));
      return { day, status: 'not_equal', rawRemoved: 0 };
    }
    // Logged before the boundary moves: a retry after either finds the line there and does not write it twice.
    logOnce(ss, log(t(lang, 'rollup.logFile', { day, raw, rows: rowCount }), raw));
    writeBoundary(ss, addDays(day, 1), computed);
  }
  // The day's roll-up is stored, equal and logged, and the boundary moved past it: its raw rows can go.
  const removed = deleteDay(ss, CONSULTATION_TABLE, 'consultations', day, index) + deleteDay(ss, ORDER_TABLE, 'orders', day, index);
  return { day, status: 'rolled_up', rawRemoved: removed };
}
