/**
 * Renders a TabSpec (src/reports/types.ts) into the spreadsheet. The whole
 * tab is built on a fresh temporary sheet, and only once every write has
 * succeeded does it replace the old tab (SPEC §8: a failure leaves the
 * previous report intact). Every block is one setValues plus its styles
 * (src/sheets/blockStyles.ts), so the number of calls never depends on the
 * number of rows.
 */
import { NUMBER_FORMAT_CODES, type Block, type ChartSpec, type SpecValue, type TabSpec } from '../reports/types';
import { writeBlockStyles } from './blockStyles';
import { t } from '../i18n';
import { printSetupOf } from '../reports/layout';
import { safeCell, type CellValue } from './cells';
import { fitGrid, sheetLanguage } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets number-format patterns for the spec's formats. */
/** Sheets' format codes: the shared table, so a tab looks the same in Sheets and in report.xlsx. */
export const NUMBER_FORMATS = NUMBER_FORMAT_CODES;

const TEMP_SUFFIX = ' ~building';
/** The previous tab, renamed aside while the new one takes its name. */
const OLD_SUFFIX = ' ~previous';

function cellValue(value: SpecValue): CellValue {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? safeCell(value) : value;
}

function writeBlock(sheet: Sheet, block: Block, overDefaults: boolean): void {
  const rows = block.values.length;
  const cols = Math.max(0, ...block.values.map((r) => r.length));
  if (rows === 0 || cols === 0) return;
  const values = block.values.map((r) => Array.from({ length: cols }, (_, c) => cellValue(r[c] ?? null)));
  // Formats first: a 'date' or 'text' column must be formatted before its values are parsed.
  writeBlockStyles(sheet, block, rows, cols, overDefaults);
  sheet.getRange(block.row + 1, block.col + 1, rows, cols).setValues(values);
}

/** Whether two blocks share a cell. */
function overlap(a: Block, b: Block): boolean {
  const width = (x: Block) => Math.max(0, ...x.values.map((r) => r.length));
  return a.row < b.row + b.values.length && b.row < a.row + a.values.length && a.col < b.col + width(b) && b.col < a.col + width(a);
}

function gridSize(spec: TabSpec): { rows: number; cols: number } {
  let rows = 1;
  let cols = 1;
  const fit = (r: number, c: number) => {
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  };
  for (const b of spec.blocks) fit(b.row + b.values.length, b.col + Math.max(0, ...b.values.map((r) => r.length)));
  for (const m of spec.merges) fit(m.row + m.rows, m.col + m.cols);
  for (const n of spec.notes) fit(n.row + 1, n.col + 1);
  for (const k of Object.keys(spec.columnWidths)) fit(1, Number(k) + 1);
  // A chart's anchor cell must exist too.
  for (const c of spec.charts) fit(c.anchor.row + 1, c.anchor.col + 1);
  fit(spec.frozenRows + 1, spec.frozenCols + 1);
  return { rows, cols };
}

function writeNotes(sheet: Sheet, notes: TabSpec['notes']): void {
  if (notes.length === 0) return;
  const top = Math.min(...notes.map((n) => n.row));
  const left = Math.min(...notes.map((n) => n.col));
  const bottom = Math.max(...notes.map((n) => n.row));
  const right = Math.max(...notes.map((n) => n.col));
  const grid: string[][] = Array.from({ length: bottom - top + 1 }, () => new Array(right - left + 1).fill(''));
  for (const n of notes) grid[n.row - top][n.col - left] = n.text;
  sheet.getRange(top + 1, left + 1, grid.length, grid[0].length).setNotes(grid);
}

function insertChart(sheet: Sheet, chart: ChartSpec): void {
  const column = (col: number, first: number, last: number) => sheet.getRange(first + 1, col + 1, last - first + 1, 1);
  let builder = sheet
    .newChart()
    .asLineChart()
    .addRange(column(chart.categories.col, chart.categories.firstRow, chart.categories.lastRow));
  for (const s of chart.series) builder = builder.addRange(column(s.col, s.firstRow, s.lastRow));
  const series: Record<number, object> = {};
  chart.series.forEach((s, i) => {
    series[i] = { targetAxisIndex: s.axis === 'right' ? 1 : 0, labelInLegend: s.name };
  });
  const vAxes: Record<number, object> = {};
  for (const s of chart.series) {
    const axis = s.axis === 'right' ? 1 : 0;
    vAxes[axis] = { format: s.format.startsWith('percent') ? 'percent' : 'decimal', title: (axis ? chart.axisTitles?.right : chart.axisTitles?.left) ?? '' };
  }
  builder = builder
    .setPosition(chart.anchor.row + 1, chart.anchor.col + 1, 0, 0)
    .setOption('title', chart.title)
    .setOption('width', chart.widthPx)
    .setOption('height', chart.heightPx)
    .setOption('legend', { position: 'bottom' })
    .setOption('series', series)
    .setOption('vAxes', vAxes)
    .setOption('hAxis', { title: chart.axisTitles?.bottom ?? '' });
  sheet.insertChart(builder.build());
}

function renderInto(ss: Spreadsheet, sheet: Sheet, spec: TabSpec): void {
  const { rows, cols } = gridSize(spec);
  fitGrid(sheet, rows, cols);
  // The sheet is fresh: a block's unset styles are its defaults already, unless an earlier block styled the same cells.
  spec.blocks.forEach((block, i) => writeBlock(sheet, block, spec.blocks.slice(0, i).some((earlier) => overlap(earlier, block))));
  for (const m of spec.merges) sheet.getRange(m.row + 1, m.col + 1, m.rows, m.cols).merge();
  writeNotes(sheet, spec.notes);
  // Sheets has no print API; its print dialog repeats frozen rows on every page, so the rows to repeat are frozen.
  const frozenRows = Math.max(spec.frozenRows, (printSetupOf(spec).repeatRows?.last ?? -1) + 1);
  if (frozenRows > 0) sheet.setFrozenRows(frozenRows);
  if (spec.frozenCols > 0) sheet.setFrozenColumns(spec.frozenCols);
  for (const [col, width] of Object.entries(spec.columnWidths)) sheet.setColumnWidth(Number(col) + 1, width);
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) sheet.setRowHeight(Number(row) + 1, height);
  for (const chart of spec.charts) insertChart(sheet, chart);
  sheet.protect().setDescription(t(sheetLanguage(ss), 'sheets.protection')).setWarningOnly(true);
}

/** Removes a sheet, trying twice: a clean-up that fails once (a passing service error) must not leave a scratch tab behind. */
function removeSheet(ss: Spreadsheet, sheet: Sheet): void {
  try {
    ss.deleteSheet(sheet);
  } catch {
    ss.deleteSheet(sheet);
  }
}

/**
 * A scratch tab left by a run that was killed (6-minute limit) or whose
 * clean-up failed: a half-built tab goes; a backup of the previous report is
 * the report again when its swap never finished, else it goes.
 */
function clearLeftovers(ss: Spreadsheet, name: string): void {
  const building = ss.getSheetByName(name + TEMP_SUFFIX);
  if (building) removeSheet(ss, building);
  const backup = ss.getSheetByName(name + OLD_SUFFIX);
  if (!backup) return;
  if (ss.getSheetByName(name)) removeSheet(ss, backup);
  else backup.setName(name);
}

/**
 * Writes the tab: builds it on a temporary sheet, then swaps it in for the old
 * tab of the same name (keeping its position). The old tab is renamed aside
 * before the new one takes its name and deleted only after, so a failure at
 * any call leaves either the old tab or the new one under the name, never
 * none and never a half-built one; the error is rethrown.
 */
export function writeTab(ss: Spreadsheet, spec: TabSpec): Sheet {
  clearLeftovers(ss, spec.name);
  const old = ss.getSheetByName(spec.name);
  const position = old ? old.getIndex() : null;
  const temp = ss.insertSheet(spec.name + TEMP_SUFFIX);
  let renamedOld = false;
  try {
    renderInto(ss, temp, spec);
    if (old) {
      old.setName(spec.name + OLD_SUFFIX);
      renamedOld = true;
    }
    temp.setName(spec.name);
  } catch (e) {
    try {
      // The old report gets its name back first: it matters more than the scratch tab.
      if (renamedOld) old!.setName(spec.name);
      removeSheet(ss, temp);
    } catch {
      // The original error matters more than a failed clean-up; the next run clears what is left.
    }
    throw e;
  }
  // The new tab is in place: from here on the old one is only a backup to remove.
  if (old) removeSheet(ss, old);
  ss.setActiveSheet(temp);
  if (position !== null) ss.moveActiveSheet(position);
  return temp;
}
