/**
 * The offline edge: renders the same tab descriptions the Sheets writer
 * renders into an .xlsx package (ExcelJS for cells, charts.ts for charts).
 */
import ExcelJS from 'exceljs';
import type { ChartSpec, TabSpec } from '../reports/types';
import { DEFAULT_COLUMN_PX as LAYOUT_DEFAULT_COLUMN_PX, printSetupOf } from '../reports/layout';
import { addCharts, type SheetCharts } from './charts';
import { rangeRef, type CellPoint, type ChartData } from './chartXml';
import { blockStyleAt, EXCEL_NUMBER_FORMATS, excelValue, StyleCache } from './styles';
import { languageOfLocale, t } from '../i18n';

/** Column width and row height, in pixels, of columns/rows the spec leaves alone. */
export const DEFAULT_COLUMN_PX = LAYOUT_DEFAULT_COLUMN_PX;
export const DEFAULT_ROW_PX = 20;
/** Pixels per unit of Excel column width (the width of '0' in Calibri 11). */
const PX_PER_WIDTH_UNIT = 7;
/** Pixels Excel and LibreOffice add to a column's width in characters (its cell padding): px = width × 7 + 5. */
const COLUMN_PADDING_PX = 5;

export interface WriteXlsxOptions {
  /** BCP 47 language of the workbook (e.g. 'zh-CN'); recorded in docProps/core.xml. */
  locale?: string;
  /** Told of every text cell cut to Excel's limit (0-based row and column), so the caller can report it. */
  onCut?: (cut: CutCell) => void;
}

/** Excel's limit on the characters of one cell; longer text makes Excel call the file corrupt. */
export const MAX_CELL_CHARS = 32_767;

export interface CutCell {
  tab: string;
  row: number;
  col: number;
  /** Characters the text had before the cut. */
  length: number;
}

/** Text over Excel's limit, cut with a visible marker; anything else as given. */
export function fitCell<T>(value: T, marker: string): T | string {
  if (typeof value !== 'string' || value.length <= MAX_CELL_CHARS) return value;
  return value.slice(0, MAX_CELL_CHARS - marker.length) + marker;
}

/**
 * The .xlsx bytes of the tabs, one worksheet per tab in order, named
 * tab.name: values, styles, number formats (dates as real dates), merges,
 * frozen panes, column widths, notes and native line charts.
 * @example await writeFile('report.xlsx', await writeXlsx([dailyTab, rankingTab], { locale: 'zh-CN' }))
 */
export async function writeXlsx(tabs: TabSpec[], opts: WriteXlsxOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CS Daily';
  // The runtime model has `language` (written as dc:language); the typings omit it.
  if (opts.locale) (workbook as ExcelJS.Workbook & { language?: string }).language = opts.locale;
  const sheetCharts: SheetCharts[] = [];
  const marker = t(languageOfLocale(opts.locale), 'xlsx.cutMarker');
  tabs.forEach((tab, sheetIndex) => {
    const sheet = renderTab(workbook, tab, marker, opts.onCut ?? (() => {}));
    if (tab.charts.length) {
      sheetCharts.push({
        sheetIndex,
        charts: tab.charts.map((chart) => ({ data: chartData(sheet, chart), ...chartCorners(tab, chart) })),
      });
    }
  });
  const written = await workbook.xlsx.writeBuffer();
  const bytes = written instanceof Uint8Array ? written : new Uint8Array(written as ArrayBuffer);
  return sheetCharts.length ? addCharts(bytes, sheetCharts) : bytes;
}

function renderTab(workbook: ExcelJS.Workbook, tab: TabSpec, marker: string, onCut: (cut: CutCell) => void): ExcelJS.Worksheet {
  const frozen = tab.frozenRows > 0 || tab.frozenCols > 0;
  const sheet = workbook.addWorksheet(tab.name, {
    ...(frozen ? { views: [{ state: 'frozen', xSplit: tab.frozenCols, ySplit: tab.frozenRows }] } : {}),
    pageSetup: pageSetupOf(tab),
    // Which tab and which page, on every printed page of a tab that runs to several.
    headerFooter: { oddFooter: '&L&A&R&P / &N', differentFirst: false, differentOddEven: false },
  });
  const styles = new StyleCache();
  for (const block of tab.blocks) {
    const styleAt = blockStyleAt(block);
    block.values.forEach((values, i) => {
      const row = sheet.getRow(block.row + i + 1);
      values.forEach((value, j) => {
        const style = styleAt(i, j);
        const cell = row.getCell(block.col + j + 1);
        const fitted = fitCell(value, marker);
        if (fitted !== value) onCut({ tab: tab.name, row: block.row + i, col: block.col + j, length: (value as string).length });
        cell.value = excelValue(fitted, style.format);
        const excelStyle = styles.get(style);
        // Shared per look; ExcelJS reads it at write time and never mutates it.
        if (Object.keys(excelStyle).length) cell.style = excelStyle;
      });
    });
  }
  for (const m of tab.merges) {
    if (m.rows * m.cols > 1) sheet.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  }
  for (const [col, px] of Object.entries(tab.columnWidths)) {
    sheet.getColumn(Number(col) + 1).width = Math.round((Math.max(0, px - COLUMN_PADDING_PX) / PX_PER_WIDTH_UNIT) * 100) / 100;
  }
  // Excel row heights are points: 0.75 of a pixel.
  for (const [row, px] of Object.entries(tab.rowHeights ?? {})) sheet.getRow(Number(row) + 1).height = px * 0.75;
  for (const note of tab.notes) sheet.getCell(note.row + 1, note.col + 1).note = note.text;
  // ExcelJS breaks after the row it is given: the 1-based row before the one that starts the page.
  for (const start of tab.pageBreaks ?? []) if (start > 0) sheet.getRow(start).addPageBreak();
  return sheet;
}

/**
 * A4 landscape with narrow side margins; the title and header rows repeated on
 * every page; one page wide only for a tab narrow enough to stay readable,
 * else 100 % with the agent column repeated on each column group's pages.
 */
export function pageSetupOf(tab: TabSpec): Partial<ExcelJS.PageSetup> {
  const print = printSetupOf(tab);
  const letter = (col: number) => columnLetter(col + 1);
  return {
    orientation: 'landscape',
    paperSize: 9,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(print.scale != null ? { fitToPage: false, scale: print.scale } : print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: 100 }),
    ...(print.repeatRows ? { printTitlesRow: `${print.repeatRows.first + 1}:${print.repeatRows.last + 1}` } : {}),
    ...(print.repeatCols ? { printTitlesColumn: `${letter(print.repeatCols.first)}:${letter(print.repeatCols.last)}` } : {}),
  };
}

/** A1-style column letters of a 1-based column number. */
function columnLetter(n: number): string {
  let out = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

/** The chart's data as written: categories and series read back from the cells. */
function chartData(sheet: ExcelJS.Worksheet, chart: ChartSpec): ChartData {
  const { col, firstRow, lastRow } = chart.categories;
  const cells = cellsOf(sheet, col, firstRow, lastRow);
  const values = cells.map((c) => plainValue(c.value));
  const present = values.filter((v) => v !== null);
  const numeric = present.length > 0 && present.every((v) => typeof v === 'number');
  const numFmt = cells.find((c) => c.numFmt)?.numFmt ?? 'General';
  return {
    title: chart.title,
    axisTitles: chart.axisTitles,
    categories: { ref: rangeRef(sheet.name, col, firstRow, lastRow), values, numFmt: numeric ? numFmt : null },
    series: chart.series.map((s) => ({
      name: s.name,
      ref: rangeRef(sheet.name, s.col, s.firstRow, s.lastRow),
      values: cellsOf(sheet, s.col, s.firstRow, s.lastRow).map((c) => {
        const v = plainValue(c.value);
        return typeof v === 'number' ? v : null;
      }),
      axis: s.axis,
      formatCode: EXCEL_NUMBER_FORMATS[s.format],
    })),
  };
}

function cellsOf(sheet: ExcelJS.Worksheet, col: number, firstRow: number, lastRow: number): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  for (let r = firstRow; r <= lastRow; r++) cells.push(sheet.getCell(r + 1, col + 1));
  return cells;
}

/** A cell value as a chart cache holds it: dates as Excel serial days. */
function plainValue(value: ExcelJS.CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return null;
}

/**
 * The chart's top-left cell and, from its pixel size, the cell and offset of
 * its bottom-right corner (spec column widths, default row heights).
 */
function chartCorners(tab: TabSpec, chart: ChartSpec): { from: CellPoint; to: CellPoint } {
  const from = { row: chart.anchor.row, col: chart.anchor.col, rowOffPx: 0, colOffPx: 0 };
  let col = chart.anchor.col;
  let x = chart.widthPx;
  for (let w = tab.columnWidths[col] ?? DEFAULT_COLUMN_PX; x >= w && w > 0; w = tab.columnWidths[col] ?? DEFAULT_COLUMN_PX) {
    x -= w;
    col++;
  }
  const rows = Math.floor(chart.heightPx / DEFAULT_ROW_PX);
  const to = { row: chart.anchor.row + rows, col, rowOffPx: chart.heightPx - rows * DEFAULT_ROW_PX, colOffPx: x };
  return { from, to };
}
