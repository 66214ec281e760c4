/** Small helpers that turn columns and rows into the blocks of a TabSpec. */
import type { Block, CellStyle, NumberFormat, PrintSetup, Span, SpecValue, TabKey, TabSpec } from './types';

export const COLOURS = {
  header: '#DCE6F1',
  note: '#F3F6FA',
  title: '#1F4E78',
  bad: '#F8D7DA',
  good: '#D4EDDA',
  warn: '#FFF3CD',
  muted: '#6C757D',
  up: '#1E7B34',
  down: '#B02A37',
};

export interface Column {
  header: string;
  format?: NumberFormat;
  widthPx?: number;
  /** Header and cells; default right for numbers, so a header sits over its figures. */
  align?: CellStyle['align'];
  /** Long text (a note) wraps in its column instead of running over the next. */
  wrap?: boolean;
}

/** Formats whose cells are numbers to a spreadsheet (dates and times too), right-aligned by it. */
const NUMERIC: ReadonlySet<NumberFormat> = new Set(['integer', 'decimal1', 'decimal2', 'percent', 'percent1', 'money', 'seconds', 'points', 'date', 'datetime']);

function alignOf(column: Column): CellStyle['align'] {
  return column.align ?? (column.format && NUMERIC.has(column.format) ? 'right' : undefined);
}

export function emptyTab(key: TabKey, name: string): TabSpec {
  return { key, name, blocks: [], merges: [], frozenRows: 0, frozenCols: 0, columnWidths: {}, notes: [], charts: [] };
}

/** A title cell merged across `width` columns at (row, 0). */
export function addTitle(tab: TabSpec, row: number, text: string, width: number): void {
  tab.blocks.push({ row, col: 0, values: [[text]], style: { bold: true, color: COLOURS.title } });
  if (width > 1) tab.merges.push({ row, col: 0, rows: 1, cols: width });
}

/**
 * A column's format and alignment, without undefined keys (a spread of them
 * would erase a block style). Text right after a right-aligned figure is
 * indented, so "1,070.37" and "1.00% of…" do not read as one.
 */
function columnStyle(column: Column, before: Column | undefined): CellStyle | null {
  const align = alignOf(column);
  const indent = !align && before && alignOf(before) === 'right';
  if (!column.format && !align && !column.wrap && !indent) return null;
  return {
    ...(column.format ? { format: column.format } : {}),
    ...(align ? { align } : {}),
    ...(indent ? { align: 'left', indent: 1 } : {}),
    ...(column.wrap ? { wrap: true } : {}),
  };
}

/**
 * A header row and data rows as one block: header bold on a tint, each column
 * in its format; number columns right-aligned, header included, so each
 * header stands over its own figures.
 */
export function tableBlock(row: number, col: number, columns: Column[], rows: SpecValue[][], cellStyles: Block['cellStyles'] = []): Block {
  // The header row keeps its columns' alignment: it sets no align of its own.
  const headerStyle: CellStyle = { bold: true, background: COLOURS.header, wrap: true, format: 'text' };
  return {
    row,
    col,
    values: [columns.map((c) => c.header), ...rows],
    columnStyles: columns.map((c, i) => columnStyle(c, columns[i - 1])),
    rowStyles: [headerStyle],
    cellStyles,
  };
}

export function setWidths(tab: TabSpec, columns: Column[], firstCol = 0): void {
  columns.forEach((c, i) => {
    if (c.widthPx) tab.columnWidths[firstCol + i] = Math.max(tab.columnWidths[firstCol + i] ?? 0, c.widthPx);
  });
}

/** Width of a column the tab leaves alone, in pixels (Sheets' and the xlsx writer's default). */
export const DEFAULT_COLUMN_PX = 64;
/** Printable width of A4 landscape with 0.4-inch side margins (10.89 in), in screen pixels at 96 per inch. */
export const A4_LANDSCAPE_PX = 1045;
/** The smallest print scale that still reads like the screen; a wider tab splits into column groups instead. */
export const MIN_PRINT_SCALE = 0.85;

/**
 * The largest whole-percent scale, at most 100, at which `widthPx` of columns
 * fits the printable width of A4 landscape, 2 % to spare for a renderer whose
 * column widths round differently.
 */
export function printScaleFor(widthPx: number): number {
  if (widthPx <= 0) return 100;
  return Math.min(100, Math.floor((A4_LANDSCAPE_PX * 98) / widthPx));
}

/** The width in pixels of the columns the tab uses (cells, merges, set widths). */
export function tabWidthPx(tab: TabSpec): number {
  let cols = 0;
  for (const b of tab.blocks) cols = Math.max(cols, b.col + Math.max(0, ...b.values.map((r) => r.length)));
  for (const m of tab.merges) cols = Math.max(cols, m.col + m.cols);
  for (const k of Object.keys(tab.columnWidths)) cols = Math.max(cols, Number(k) + 1);
  let px = 0;
  for (let c = 0; c < cols; c++) px += tab.columnWidths[c] ?? DEFAULT_COLUMN_PX;
  return px;
}

/**
 * The tab's print setup: the one its builder chose, else its frozen rows
 * repeated on every page, and one page wide only when that keeps it at 85 %
 * or more; a wider tab prints at 100 % in column groups, its frozen columns
 * (or else its first column) repeated at the left.
 */
export function printSetupOf(tab: TabSpec): PrintSetup {
  if (tab.print) return tab.print;
  const fitToWidth = tabWidthPx(tab) * MIN_PRINT_SCALE <= A4_LANDSCAPE_PX;
  const repeatRows: Span | null = tab.frozenRows > 0 ? { first: 0, last: tab.frozenRows - 1 } : null;
  const repeatCols: Span | null = fitToWidth ? null : { first: 0, last: Math.max(0, tab.frozenCols - 1) };
  return { repeatRows, repeatCols, fitToWidth };
}

const WIDE = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Advance widths of Calibri (and its metric twin Carlito) in thousandths of an em; a character not listed counts as 550. */
const CALIBRI: Record<string, number> = {
  ' ': 226, '.': 252, ',': 250, ':': 268, ';': 268, '(': 303, ')': 303, '/': 386, '-': 306, '%': 715, '+': 498, '=': 498, "'": 221, '!': 326, '?': 463, '|': 460, '·': 252,
  a: 479, b: 525, c: 423, d: 525, e: 498, f: 305, g: 471, h: 525, i: 229, j: 239, k: 455, l: 229, m: 799, n: 525, o: 527, p: 525, q: 525, r: 349, s: 391, t: 335,
  u: 525, v: 452, w: 715, x: 433, y: 453, z: 395, A: 579, B: 544, C: 533, D: 615, E: 488, F: 459, G: 631, H: 623, I: 252, J: 319, K: 520, L: 420, M: 855, N: 646,
  O: 662, P: 517, Q: 673, R: 543, S: 459, T: 487, U: 642, V: 567, W: 890, X: 519, Y: 487, Z: 468,
};
/** Pixels of an em at 11 pt (96 per inch). */
const EM_PX = 14.67;

/**
 * Pixel width of text in the tabs' 11-point font as LibreOffice renders an
 * xlsx: Calibri's widths (LibreOffice uses its metric twin Carlito) 3 % over,
 * bold 5 % wider, digits 0.507 em; a CJK or full-width character a full em
 * (Noto Sans CJK). The print test checks the result against LibreOffice.
 */
export function textWidthPx(text: string, bold = false): number {
  let cjk = 0;
  let latin = 0;
  for (const ch of text) {
    if (WIDE.test(ch)) cjk += EM_PX;
    else latin += ((/[0-9]/.test(ch) ? 507 : CALIBRI[ch] ?? 550) / 1000) * EM_PX;
  }
  return Math.ceil(cjk + latin * 1.03 * (bold ? 1.05 : 1));
}

/** Lines a cell's text takes when wrapped at word breaks (and between any two CJK characters) in a column of `widthPx`. */
export function wrappedLines(text: string, widthPx: number, bold = false): number {
  const room = Math.max(1, widthPx - 8);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.match(/[\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffe6]|[^\s\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffe6]+\s*|\s+/g) ?? []) {
      const w = textWidthPx(word, bold);
      // A word wider than the cell breaks by characters over as many lines as it needs.
      if (textWidthPx(word.trimEnd(), bold) > room) {
        const extra = Math.ceil((used + w) / room) - 1;
        lines += extra;
        used = (used + w) % room;
        continue;
      }
      if (used > 0 && used + textWidthPx(word.trimEnd(), bold) > room) {
        lines++;
        used = 0;
      }
      used += w;
    }
  }
  return lines;
}

/** Pixels per line of wrapped text of either script (LINE_PX), of Latin and of Chinese text (linesHeightPx: Noto Sans CJK sets its lines wider apart), and of a one-line row. */
export const LINE_PX = 19;
const LATIN_LINE_PX = 18;
const CJK_LINE_PX = 22;
const ROW_PX = 21;

/** Pixels `lines` lines of `text` take in a cell. */
export function linesHeightPx(text: string, lines: number): number {
  return lines * (WIDE.test(text) ? CJK_LINE_PX : LATIN_LINE_PX) + 4;
}

/**
 * Heights of the header row and of any row with wrapped text, from the text:
 * an xlsx row keeps its stored height (LibreOffice and Excel do not grow it),
 * so a two-line header would spill over the row above.
 */
export function fitRowHeights(tab: TabSpec, top: number, columns: Column[], rows: SpecValue[][], firstCol = 0): void {
  // A block laid under another table takes that table's widths.
  const width = (i: number) => columns[i].widthPx ?? tab.columnWidths[firstCol + i] ?? DEFAULT_COLUMN_PX;
  const height = (lines: number, text: string) => (lines <= 1 ? null : Math.max(ROW_PX, linesHeightPx(text, lines)));
  const set = (row: number, px: number | null) => {
    if (px != null) tab.rowHeights = { ...(tab.rowHeights ?? {}), [row]: Math.max(tab.rowHeights?.[row] ?? 0, px) };
  };
  set(top, Math.max(0, ...columns.map((c, i) => height(wrappedLines(c.header, width(i), true), c.header) ?? 0)) || null);
  rows.forEach((values, r) => {
    const px = columns.map((c, i) => (c.wrap && typeof values[i] === 'string' ? height(wrappedLines(values[i] as string, width(i)), values[i] as string) ?? 0 : 0));
    set(top + 1 + r, Math.max(0, ...px) || null);
  });
}

/**
 * A line of text under the title (an intro, a legend) merged across the
 * table's `width` columns and wrapped there, its row as tall as its lines, so
 * it never runs off the printed page.
 */
export function addIntro(tab: TabSpec, row: number, text: string, width: number, style: CellStyle = { italic: true, color: COLOURS.muted }): void {
  tab.blocks.push({ row, col: 0, values: [[text]], style: { ...style, wrap: true } });
  if (width > 1) tab.merges.push({ row, col: 0, rows: 1, cols: width });
  let px = 0;
  for (let c = 0; c < width; c++) px += tab.columnWidths[c] ?? DEFAULT_COLUMN_PX;
  // Set even for one line: LibreOffice would otherwise size a wrapped merged cell by its first column alone.
  tab.rowHeights = { ...(tab.rowHeights ?? {}), [row]: Math.max(ROW_PX, wrappedLines(text, px) * LINE_PX + 4) };
}

/** The text a figure shows in its format (thousands separators, decimals, %), for width estimates. */
function shownText(value: SpecValue, format: NumberFormat | undefined): string {
  if (typeof value !== 'number') return value == null ? '' : String(value);
  const fixed = (digits: number, v = value) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (format === 'money') return fixed(2);
  if (format === 'percent') return `${fixed(2, value * 100)}%`;
  if (format === 'percent1') return `${fixed(1, value * 100)}%`;
  if (format === 'decimal2') return fixed(2);
  if (format === 'decimal1' || format === 'seconds' || format === 'points') return `+${fixed(1)}`;
  return String(Math.round(value));
}

/**
 * Widens the tab's columns under a table at `firstCol` so that no header word
 * breaks inside, no figure turns into ### and no short label (a total row's
 * name) is cut; wrapped columns keep their width.
 */
export function widenToFit(tab: TabSpec, firstCol: number, columns: Column[], rows: SpecValue[][]): void {
  columns.forEach((c, i) => {
    const words = c.header.split(/\s+/).filter((w) => !/[\u2e80-\ua4cf\uff00-\uffe6]/.test(w));
    let need = Math.max(0, ...words.map((w) => textWidthPx(w, true) + 12));
    if (!c.wrap) for (const r of rows) need = Math.max(need, textWidthPx(shownText(r[i], c.format), true) + 12);
    const col = firstCol + i;
    tab.columnWidths[col] = Math.max(tab.columnWidths[col] ?? c.widthPx ?? DEFAULT_COLUMN_PX, need);
  });
}

/** A bold title, a table under it and a muted note under that (the small blocks of the Daily and Ranking tabs); returns the next free row. */
export function titledTable(
  tab: TabSpec,
  row: number,
  parts: { title: string; columns: Column[]; rows: SpecValue[][]; note: string; cellStyles?: Block['cellStyles']; col?: number },
): number {
  const col = parts.col ?? 0;
  tab.blocks.push({ row, col, values: [[parts.title]], style: { bold: true } });
  tab.blocks.push(tableBlock(row + 1, col, parts.columns, parts.rows, parts.cellStyles));
  // Two-line headers need a taller row in the xlsx, or they spill over the title above.
  fitRowHeights(tab, row + 1, parts.columns, parts.rows, col);
  tab.blocks.push({ row: row + 2 + parts.rows.length, col, values: [[parts.note]], style: { italic: true, color: COLOURS.muted } });
  return row + parts.rows.length + 4;
}
