/**
 * Finding, creating, reading and writing the add-on's tabs, each in one batch:
 * one getValues to read a tab, one setValues to write a block.
 */
import { languageOfLocale, t, type Language, type MessageKey } from '../i18n';
import type { CellValue } from './cells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A read tried twice before its fallback: a passing service error must not name a new tab in the wrong language or read times in the wrong zone. */
function readTwice<T>(read: () => T, fallback: T): T {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return read();
    } catch {
      // Tried again once, then the fallback.
    }
  }
  return fallback;
}

export function sheetLanguage(ss: Spreadsheet): Language {
  return readTwice(() => languageOfLocale(ss.getSpreadsheetLocale()), 'en');
}

export function sheetTimeZone(ss: Spreadsheet): string {
  return readTwice(() => ss.getSpreadsheetTimeZone() || 'Asia/Shanghai', 'Asia/Shanghai');
}

/** A tab by its i18n key, under the spreadsheet's language first, then the other (the locale may have changed). */
export function findTab(ss: Spreadsheet, key: MessageKey): Sheet | null {
  const lang = sheetLanguage(ss);
  const other: Language = lang === 'en' ? 'zh' : 'en';
  return ss.getSheetByName(t(lang, key)) ?? ss.getSheetByName(t(other, key));
}

/**
 * A new, empty tab `width` columns wide, its first row frozen for the header to
 * come: for a caller that writes the header with its first rows in one call,
 * so that a failure never leaves a tab holding a header and none of its rows.
 */
export function insertBareTab(ss: Spreadsheet, key: MessageKey, width: number): Sheet {
  const sheet = ss.insertSheet(t(sheetLanguage(ss), key));
  // Every cell of the grid counts against the 10 M-cell limit: a tab keeps only its columns.
  const maxCols = sheet.getMaxColumns();
  if (maxCols > width) sheet.deleteColumns(width + 1, maxCols - width);
  sheet.setFrozenRows(1);
  return sheet;
}

/**
 * insertBareTab for a tab CS Daily fills itself (data, errors, log, roster,
 * index): its rows grow as they are written, so the new sheet's 1 000 rows are
 * trimmed to the header and one. Tabs the supervisor types into keep theirs.
 */
export function insertDataTab(ss: Spreadsheet, key: MessageKey, width: number): Sheet {
  const sheet = insertBareTab(ss, key, width);
  fitGrid(sheet, 2, width);
  return sheet;
}

/** The tab, created with its header row (frozen) when missing. */
export function ensureTab(ss: Spreadsheet, key: MessageKey, header: CellValue[]): Sheet {
  const existing = findTab(ss, key);
  if (existing) return existing;
  const sheet = insertBareTab(ss, key, header.length);
  ensureSize(sheet, 1, header.length);
  sheet.getRange(1, 1, 1, header.length).setValues([header]);
  return sheet;
}

/** Grows the grid so rows × cols fit (getRange beyond the grid throws). */
export function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/**
 * The grid made exactly rows × cols (grown or trimmed): Sheets counts every
 * grid cell, empty or not, against its 10 M-cell limit, and a new sheet is
 * 1 000 × 26. Keeps at least one row below the frozen ones (Sheets refuses to
 * delete them all).
 */
export function fitGrid(sheet: Sheet, rows: number, cols: number): void {
  // Trimmed before grown: a failure in between leaves a smaller grid, never a larger one.
  const keepRows = Math.max(rows, sheet.getFrozenRows() + 1);
  const maxRows = sheet.getMaxRows();
  if (maxRows > keepRows) sheet.deleteRows(keepRows + 1, maxRows - keepRows);
  const keepCols = Math.max(cols, sheet.getFrozenColumns() + 1);
  const maxCols = sheet.getMaxColumns();
  if (maxCols > keepCols) sheet.deleteColumns(keepCols + 1, maxCols - keepCols);
  ensureSize(sheet, rows, cols);
}

/** Sheets' limit on the cells of a spreadsheet's grids, empty ones included. */
export const MAX_GRID_CELLS = 10_000_000;

/** The cells of every tab's grid (what counts against MAX_GRID_CELLS). */
export function gridCellsInUse(ss: Spreadsheet): number {
  return ss.getSheets().reduce((n, sheet) => n + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
}

export interface Table {
  /** Header cells trimmed and lower-cased, for finding columns by name. */
  header: string[];
  /** Header cells as written, for writing the header back. */
  headerText: string[];
  rows: unknown[][];
}

/** The whole used area of a tab in one read: header row, then data rows. */
export function readTable(sheet: Sheet): Table {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow < 1 || lastCol < 1) return { header: [], headerText: [], rows: [] };
  const values = sheet.getRange(1, 1, lastRow, lastCol).getValues();
  const headerText = values[0].map((h) => String(h ?? '').trim().replace(/^'/, ''));
  return { header: headerText.map((h) => h.toLowerCase()), headerText, rows: values.slice(1) };
}

/** Writes a rectangular block at (row, col), 1-based, in one call. */
export function writeBlock(sheet: Sheet, row: number, col: number, values: CellValue[][]): void {
  if (values.length === 0 || values[0].length === 0) return;
  ensureSize(sheet, row + values.length - 1, col + values[0].length - 1);
  sheet.getRange(row, col, values.length, values[0].length).setValues(values);
}
