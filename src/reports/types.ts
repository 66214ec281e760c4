/**
 * A sheet-independent description of one generated tab. Report builders
 * produce it from data + settings; the Sheets writer (src/sheets) and the
 * XLSX/CSV writer (src/xlsx) both render it, so the add-on and the CLI show
 * the same thing. Coordinates are 0-based (row, col) within the tab.
 */

/** A cell's value. Dates are `YYYY-MM-DD` text with the 'date' format. */
export type SpecValue = string | number | boolean | null;

export type NumberFormat =
  | 'text'
  | 'integer'
  | 'decimal1'
  | 'decimal2'
  | 'percent'
  | 'percent1'
  | 'money'
  | 'seconds'
  | 'date'
  /** A wall-clock time given as `YYYY-MM-DD HH:mm:ss` text. */
  | 'datetime'
  /** A difference of two rates in percentage points, the value ×100 (`+3.2`); the header names the unit. */
  | 'points';

/**
 * The format code of each NumberFormat. Sheets and Excel read the same codes,
 * so both writers take them from here and the add-on and the xlsx look alike.
 */
export const NUMBER_FORMAT_CODES: Readonly<Record<NumberFormat, string>> = {
  text: '@',
  integer: '0',
  decimal1: '0.0',
  decimal2: '0.00',
  percent: '0.00%',
  percent1: '0.0%',
  money: '#,##0.00',
  seconds: '0.0',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  points: '+0.0;-0.0;0.0',
};

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** #RRGGBB */
  background?: string;
  /** #RRGGBB */
  color?: string;
  format?: NumberFormat;
  align?: 'left' | 'center' | 'right';
  /** Left indent in character widths (xlsx): keeps text clear of the right-aligned figure beside it. Sheets has no indent API; its cell padding does it there. */
  indent?: number;
  wrap?: boolean;
}

/** A rectangle of values written in one call. */
export interface Block {
  /** Top-left cell. */
  row: number;
  col: number;
  values: SpecValue[][];
  /** Style for every cell of the block. */
  style?: CellStyle;
  /** Style per column of the block (index = column within the block), over `style`. */
  columnStyles?: (CellStyle | null)[];
  /** Style per row of the block (e.g. a header row), over column styles. */
  rowStyles?: (CellStyle | null)[];
  /** Single-cell overrides (e.g. a flag colour), over everything else. */
  cellStyles?: { row: number; col: number; style: CellStyle }[];
}

export interface Merge {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A chart drawn from a block's cells. */
export interface ChartSpec {
  kind: 'line';
  title: string;
  /** What each axis measures (the x axis, the left and the right value axes). */
  axisTitles?: { bottom?: string; left?: string; right?: string };
  /** Where the chart's top-left corner sits. */
  anchor: { row: number; col: number };
  widthPx: number;
  heightPx: number;
  /** The category (x) cells: one column, rows [firstRow, lastRow]. */
  categories: { col: number; firstRow: number; lastRow: number };
  series: {
    name: string;
    col: number;
    firstRow: number;
    lastRow: number;
    /** Secondary axis for a series of another scale (inquiries beside a rate). */
    axis: 'left' | 'right';
    format: NumberFormat;
  }[];
}

export type TabKey = 'daily' | 'ranking' | 'payroll' | 'scorecard' | 'unattributed' | 'import_errors' | 'schedule' | 'notebooks' | 'coaching' | 'review';

export interface TabSpec {
  key: TabKey;
  /** The tab's name in the spreadsheet's language. */
  name: string;
  blocks: Block[];
  merges: Merge[];
  frozenRows: number;
  frozenCols: number;
  /** Width in pixels per column index; missing = default. */
  columnWidths: Record<number, number>;
  /** Height in pixels per row index, for the few rows that hold several lines (the owner's message); missing = default. */
  rowHeights?: Record<number, number>;
  notes: { row: number; col: number; text: string }[];
  charts: ChartSpec[];
  /** How the tab prints; missing = derived from the frozen rows and the width (see printSetupOf in layout.ts). */
  print?: PrintSetup;
  /** Rows (0-based) that start a new printed page (the xlsx writes manual page breaks; Sheets has no print API). */
  pageBreaks?: number[];
}

/** Rows or columns, 0-based, first..last inclusive. */
export interface Span {
  first: number;
  last: number;
}

/**
 * A4 landscape page setup: the xlsx writes it as page setup and print titles;
 * Sheets has no print API, so its writer freezes the repeated rows instead
 * (Sheets' print repeats frozen rows).
 */
export interface PrintSetup {
  /** Rows printed at the top of every page (the title and the header row). */
  repeatRows: Span | null;
  /** Columns printed at the left of every page when the tab splits by columns (the agent). */
  repeatCols: Span | null;
  /** Scaled to one page wide: only when the scale stays readable; else pages split by column groups at 100 %. */
  fitToWidth: boolean;
  /** A fixed scale in percent, chosen by the builder from the tab's width (printScaleFor); over fitToWidth. */
  scale?: number;
}

/** The machine CSV of a tab (SPEC §6): one header row and plain values. */
export interface CsvTable {
  fileName: string;
  header: string[];
  rows: SpecValue[][];
}
