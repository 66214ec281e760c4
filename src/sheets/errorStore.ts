/**
 * Rejected rows and duplicate-key lines in the import-errors tab, at the cost
 * of the files they name: through the errors index (errorIndex.ts) only those
 * files' earlier lines are read. A line whose key (file, sheet, row, column)
 * is there replaces it; the first chunk of a file's import first forgets that
 * file's earlier lines (rows fixed since must not stay listed). New lines
 * take the forgotten rows first, then rows below the last; forgotten rows
 * left over take the tab's last lines, so the tab never has blank rows
 * between its lines (the lines' order is not kept).
 */
import type { Rejection } from '../core/types';
import { readText, type CellValue } from './cells';
import { addRun, formatRuns, type Run } from './dayIndex';
import { fileKey, indexRow, markUnsettled, moveRow, readErrorIndex, runsOfFile, setRunsOfFile, startOver, writeErrorIndex, type ErrorIndex } from './errorIndex';
import { encodeCell, ERRORS_TABLE, keyOfRecord, keyOfRow } from './schema';
import { header, rewrite, rowCells, type UpsertPlan } from './storage';
import { findTab, insertDataTab, sheetTimeZone, writeBlock, type Table } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const NOTHING: UpsertPlan = { added: 0, replaced: 0, apply: () => undefined };

const isBlank = (cells: readonly unknown[]) => cells.every((v) => v === '' || v === null || v === undefined);

/** Which file a stored row is a line of (null: a blank row). */
function fileOfRow(table: Table, cells: unknown[], tz: string): string | null {
  if (isBlank(cells)) return null;
  const cell = (name: string) => readText(cells[table.header.indexOf(name)], tz).replace(/^'/, '');
  return fileKey(cell('file'), cell('sheet') || null);
}

/** What the stored lines of the files looked up are: each row's cells, by row, and whether the index held. */
interface Found {
  cells: Map<number, unknown[]>;
  rowsOfFile: Map<string, number[]>;
}

/**
 * The rows the index gives for each file, read (a read per run) and checked;
 * null when a row is not of the file the index says (the tab was sorted or
 * edited by hand).
 */
function findLines(ss: Spreadsheet, sheet: Sheet | null, table: Table, index: ErrorIndex, files: Set<string>, lastRow: number, tz: string): Found | null {
  const found: Found = { cells: new Map(), rowsOfFile: new Map() };
  for (const key of files) {
    const runs = runsOfFile(ss, index, key);
    const rows: number[] = [];
    for (const [a, b] of runs) {
      if (!sheet || b > lastRow) return null;
      const values = sheet.getRange(a, 1, b - a + 1, table.header.length).getValues();
      for (let i = 0; i < values.length; i++) {
        const of = fileOfRow(table, values[i], tz);
        if (of !== null && of !== key) return null;
        found.cells.set(a + i, values[i]);
        rows.push(a + i);
      }
    }
    found.rowsOfFile.set(key, rows);
  }
  return found;
}

/**
 * Indexes stored rows first..last (each a file's line or a blank row). With
 * `seen` (the keys of the rows above, filled as it goes), a row whose key an
 * earlier row holds is a copy a cut write left: it is indexed as a blank row
 * and its row returned, to be freed.
 */
function indexStored(ss: Spreadsheet, sheet: Sheet, table: Table, index: ErrorIndex, first: number, last: number, tz: string, seen?: Set<string>): number[] {
  if (last < first) return [];
  const copies: number[] = [];
  const values = sheet.getRange(first, 1, last - first + 1, table.header.length).getValues();
  values.forEach((cells, i) => {
    const row = first + i;
    const file = fileOfRow(table, cells, tz);
    if (seen && file !== null) {
      const key = keyOfRow(ERRORS_TABLE, rowCells(table, cells, row - 2), tz);
      if (seen.has(key)) {
        copies.push(row);
        indexRow(ss, index, row, null);
        return;
      }
      seen.add(key);
    }
    indexRow(ss, index, row, file);
  });
  return copies;
}

/** storeRejections' plan: the reads and where each line goes now, the writes when `apply` is called. */
export function planRejections(ss: Spreadsheet, rejected: readonly Rejection[], forget: { file: string; sheet: string | null } | null): UpsertPlan {
  const existing = findTab(ss, ERRORS_TABLE.tab);
  if (rejected.length === 0 && (!forget || !existing)) return NOTHING;
  const tz = sheetTimeZone(ss);
  const ours = header(ERRORS_TABLE);
  const lastCol = existing ? existing.getLastColumn() : 0;
  const headerText = existing && lastCol > 0 ? existing.getRange(1, 1, 1, lastCol).getValues()[0].map((h) => String(h ?? '').trim().replace(/^'/, '')) : [];
  const lower = () => headerText.map((h) => h.toLowerCase());
  const headerChanged = headerText.length === 0 || ours.some((name) => !lower().includes(name));
  for (const name of ours) if (!lower().includes(name)) headerText.push(name);
  const table: Table = { header: lower(), headerText, rows: [] };
  const width = headerText.length;
  const lastRow = existing && lastCol > 0 ? existing.getLastRow() : 0;

  const index = readErrorIndex(ss);
  const files = new Set(rejected.map((r) => fileKey(r.file, r.sheet)));
  const forgetKey = forget ? fileKey(forget.file, forget.sheet) : null;
  if (forgetKey) files.add(forgetKey);
  // An index that does not fit the tab (missing beside stored lines, covering rows since deleted, or left unsettled by a
  // cut write) is made again from one read; a line found twice there is kept in its first row, the later copies freed.
  let copies: number[] = [];
  const rebuild = () => {
    startOver(index);
    if (existing && lastRow > 1) copies = indexStored(ss, existing, table, index, 2, lastRow, tz, new Set());
  };
  if (lastRow < index.covered || (!index.exists && lastRow > 1) || index.unsettled) rebuild();
  else if (existing && index.covered < lastRow) indexStored(ss, existing, table, index, index.covered + 1, lastRow, tz);
  let found = findLines(ss, existing, table, index, files, lastRow, tz);
  if (!found) {
    rebuild();
    found = findLines(ss, existing, table, index, files, lastRow, tz)!;
  }

  // The stored lines by key; the forgotten file's rows, free for this batch first.
  const rowOfKey = new Map<string, number>();
  const freed: number[] = [...copies];
  for (const [key, rows] of found.rowsOfFile) {
    let kept: Run[] = [];
    for (const row of rows) {
      const cells = found.cells.get(row)!;
      if (key === forgetKey || isBlank(cells)) freed.push(row);
      else {
        rowOfKey.set(keyOfRow(ERRORS_TABLE, rowCells(table, cells, row - 2), tz), row);
        kept = addRun(kept, row, row);
      }
    }
    if (formatRuns(kept) !== formatRuns(runsOfFile(ss, index, key))) setRunsOfFile(ss, index, key, kept);
  }
  const lines = new Map<number, { line: Rejection; base: unknown[] }>();
  let replaced = 0;
  const fresh: Rejection[] = [];
  for (const line of rejected) {
    const at = rowOfKey.get(keyOfRecord(ERRORS_TABLE, line));
    if (at === undefined) fresh.push(line);
    else {
      replaced++;
      lines.set(at, { line, base: found.cells.get(at) ?? [] });
    }
  }
  // New lines take the forgotten rows first, then rows below the last.
  freed.sort((a, b) => a - b);
  const rewritesFreed = freed.length > 0;
  let next = Math.max(lastRow, 1) + 1;
  const keyRows = new Map<string, number>();
  for (const line of fresh) {
    const key = keyOfRecord(ERRORS_TABLE, line);
    // A key twice in one batch: the later line wins the one row.
    const at = keyRows.get(key) ?? freed.shift() ?? next++;
    keyRows.set(key, at);
    lines.set(at, { line, base: [] });
  }
  for (const [row, { line }] of lines) {
    const key = fileKey(line.file, line.sheet);
    setRunsOfFile(ss, index, key, addRun(runsOfFile(ss, index, key), row, row));
  }
  // Forgotten rows left over are filled with the tab's last lines, and the rows those leave are cut: no blank rows in between.
  let last = Math.max(lastRow, next - 1);
  const gaps = new Set(freed);
  const moves = new Map<number, unknown[]>();
  if (existing && freed.length > 0) {
    const from = Math.max(2, last - freed.length + 1);
    const tail = existing.getRange(from, 1, last - from + 1, width).getValues();
    const skip = (row: number) => gaps.has(row) || (!lines.has(row) && row >= from && isBlank(tail[row - from]));
    for (const gap of freed) {
      while (last > gap && skip(last)) last--;
      if (last <= gap || last < from) break;
      const written = lines.get(last);
      const key = written ? fileKey(written.line.file, written.line.sheet) : fileOfRow(table, tail[last - from], tz)!;
      moveRow(ss, index, key, last, gap);
      if (written) {
        lines.set(gap, written);
        lines.delete(last);
      } else moves.set(gap, tail[last - from]);
      gaps.delete(gap);
      last--;
    }
    while (last > 1 && skip(last)) last--;
  }
  index.covered = last;

  const columnIndex = ERRORS_TABLE.columns.map((c) => table.header.indexOf(c.name));
  const cellsOf = ({ line, base }: { line: Rejection; base: unknown[] }): CellValue[] => {
    const cells = Array.from({ length: width }, (_, i) => rewrite(base[i] ?? '', tz));
    ERRORS_TABLE.columns.forEach((c, i) => (cells[columnIndex[i]] = encodeCell(c.type, c.get(line))));
    return cells;
  };
  const writes = new Map<number, CellValue[]>();
  for (const [row, entry] of lines) writes.set(row, cellsOf(entry));
  for (const [row, cells] of moves) writes.set(row, cells.map((v) => rewrite(v, tz)));
  // A gap the tail could not fill (it holds blank rows) is blanked.
  for (const row of gaps) if (row <= last) writes.set(row, new Array(width).fill(''));

  const apply = () => {
    // Forgotten rows are about to take other lines (or copies of the tab's last lines, whose rows are cut after).
    if (rewritesFreed) markUnsettled(ss);
    const sheet = existing ?? insertDataTab(ss, ERRORS_TABLE.tab, width);
    const head = headerText.map((h) => encodeCell('text', h) as CellValue);
    const blocks = blocksOf(writes);
    // A new tab's header goes in the same write as its first lines.
    if (headerChanged && blocks[0]?.row === 2) blocks[0] = { row: 1, cells: [head, ...blocks[0].cells] };
    else if (headerChanged) writeBlock(sheet, 1, 1, [head]);
    for (const block of blocks) writeBlock(sheet, block.row, 1, block.cells);
    // The rows below the last line go (the moved lines are written above first).
    if (existing && existing.getMaxRows() > Math.max(last, 2)) existing.deleteRows(Math.max(last, 2) + 1, existing.getMaxRows() - Math.max(last, 2));
    // After the lines: a failure before this leaves lines past `covered` (indexed by the next write) or an index that does not fit (made again).
    writeErrorIndex(ss, index);
  };
  return { added: fresh.length, replaced, apply };
}

/** Rows to write grouped into runs of consecutive rows, each one write. */
function blocksOf(writes: Map<number, CellValue[]>): { row: number; cells: CellValue[][] }[] {
  const out: { row: number; cells: CellValue[][] }[] = [];
  for (const row of [...writes.keys()].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last.row + last.cells.length === row) last.cells.push(writes.get(row)!);
    else out.push({ row, cells: [writes.get(row)!] });
  }
  return out;
}

/** Stores rejected rows and duplicate-key lines (see planRejections) in one go. */
export function storeRejections(ss: Spreadsheet, rejected: readonly Rejection[], forget: { file: string; sheet: string | null } | null): void {
  planRejections(ss, rejected, forget).apply();
}
