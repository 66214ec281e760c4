/**
 * Writes a block's styles (number formats, backgrounds, weights, colours,
 * italics, alignment, wrap) on a fresh sheet. Each style is written in the
 * way that costs less: one grid over the cells that set it, or one call per
 * value over exactly the cells holding it (a range, or a range list). A long
 * table whose columns share a format and whose few header rows carry the
 * colours then costs its styled cells, never a grid of defaults per style.
 * The number of calls depends on the block's distinct values, never on its
 * row count.
 */
import { NUMBER_FORMAT_CODES, type Block, type CellStyle } from '../reports/types';
import { columnLetterOf } from './proposalColumns';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** 0-based, within the block. */
interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

type StyleValue = string | boolean | null;
type RangeSetter = 'setNumberFormat' | 'setBackground' | 'setFontWeight' | 'setFontColor' | 'setFontStyle' | 'setHorizontalAlignment' | 'setWrap';
type GridSetter = 'setNumberFormats' | 'setBackgrounds' | 'setFontWeights' | 'setFontColors' | 'setFontStyles' | 'setHorizontalAlignments' | 'setWraps';

/** For each style: whether a cell sets it, the value to write (the default where unset), and the two setters. */
const STYLE_WRITERS: { grid: GridSetter; each: RangeSetter; used(s: CellStyle): boolean; value(s: CellStyle): StyleValue }[] = [
  { grid: 'setNumberFormats', each: 'setNumberFormat', used: (s) => s.format !== undefined, value: (s) => (s.format ? NUMBER_FORMAT_CODES[s.format] : 'General') },
  { grid: 'setBackgrounds', each: 'setBackground', used: (s) => s.background !== undefined, value: (s) => s.background ?? null },
  { grid: 'setFontWeights', each: 'setFontWeight', used: (s) => s.bold !== undefined, value: (s) => (s.bold ? 'bold' : 'normal') },
  { grid: 'setFontColors', each: 'setFontColor', used: (s) => s.color !== undefined, value: (s) => s.color ?? null },
  { grid: 'setFontStyles', each: 'setFontStyle', used: (s) => s.italic !== undefined, value: (s) => (s.italic ? 'italic' : 'normal') },
  { grid: 'setHorizontalAlignments', each: 'setHorizontalAlignment', used: (s) => s.align !== undefined, value: (s) => s.align ?? null },
  { grid: 'setWraps', each: 'setWrap', used: (s) => s.wrap !== undefined, value: (s) => s.wrap ?? false },
];

/**
 * A call weighs as much as 70 cells: the cost model's 7 ms a call against
 * 100 µs a cell (docs/decisions.md, "A cost model of Apps Script").
 */
const CALL_IN_CELLS = 70;

/** The style of one cell of a block: block style < column style < row style < cell override. */
export function styleGrid(block: Block, rows: number, cols: number): CellStyle[][] {
  const grid = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => ({ ...block.style, ...(block.columnStyles?.[c] ?? {}), ...(block.rowStyles?.[r] ?? {}) })),
  );
  for (const { row, col, style } of block.cellStyles ?? []) {
    if (row < rows && col < cols) grid[row][col] = { ...grid[row][col], ...style };
  }
  return grid;
}

/** Rectangles covering the marked cells: each column's runs of rows, joined across neighbouring columns with the same run. */
export function rectanglesOf(marked: (r: number, c: number) => boolean, rows: number, cols: number): Rect[] {
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  for (let c = 0; c < cols; c++) {
    const next = new Map<string, Rect>();
    for (let r = 0; r < rows; r++) {
      if (!marked(r, c)) continue;
      const start = r;
      while (r + 1 < rows && marked(r + 1, c)) r++;
      const key = `${start},${r}`;
      const rect = open.get(key) ?? { row: start, col: c, rows: r - start + 1, cols: 0 };
      rect.cols++;
      next.set(key, rect);
      open.delete(key);
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done;
}

function a1(top: number, left: number, rect: Rect): string {
  const letter = columnLetterOf;
  const [r1, c1] = [top + rect.row + 1, left + rect.col + 1];
  const [r2, c2] = [r1 + rect.rows - 1, c1 + rect.cols - 1];
  return r1 === r2 && c1 === c2 ? `${letter(c1)}${r1}` : `${letter(c1)}${r1}:${letter(c2)}${r2}`;
}

/**
 * Writes every style the block uses. `overDefaults`: the cells may hold
 * another block's styles, so unset cells get the default written too (one
 * grid over the block, as a fresh sheet would show them).
 */
export function writeBlockStyles(sheet: Sheet, block: Block, rows: number, cols: number, overDefaults: boolean): void {
  const styles = styleGrid(block, rows, cols);
  for (const writer of STYLE_WRITERS) {
    if (!styles.some((r) => r.some(writer.used))) continue;
    // Each cell's value as a key (null where the cell leaves the style unset).
    const keys = styles.map((row) => row.map((s) => (overDefaults || writer.used(s) ? JSON.stringify(writer.value(s)) : null)));
    const byValue = new Map<string, { value: StyleValue; cells: number }>();
    let [top, bottom, left, right] = [rows, -1, cols, -1];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const key = keys[r][c];
        if (key === null) continue;
        const entry = byValue.get(key) ?? { value: writer.value(styles[r][c]), cells: 0 };
        entry.cells++;
        byValue.set(key, entry);
        [top, bottom, left, right] = [Math.min(top, r), Math.max(bottom, r), Math.min(left, c), Math.max(right, c)];
      }
    }
    const boxCells = (bottom - top + 1) * (right - left + 1);
    const setCells = [...byValue.values()].reduce((n, v) => n + v.cells, 0);
    if (overDefaults || CALL_IN_CELLS + boxCells <= byValue.size * CALL_IN_CELLS + setCells) {
      const grid = Array.from({ length: bottom - top + 1 }, (_, r) => Array.from({ length: right - left + 1 }, (_, c) => writer.value(styles[top + r][left + c])));
      const range = sheet.getRange(block.row + top + 1, block.col + left + 1, grid.length, grid[0].length);
      (range[writer.grid] as (g: StyleValue[][]) => unknown).call(range, grid);
      continue;
    }
    for (const [key, { value }] of byValue) {
      const rects = rectanglesOf((r, c) => keys[r][c] === key, rows, cols);
      const target = rects.length === 1 ? sheet.getRange(block.row + rects[0].row + 1, block.col + rects[0].col + 1, rects[0].rows, rects[0].cols) : sheet.getRangeList(rects.map((rect) => a1(block.row, block.col, rect)));
      (target[writer.each] as (v: StyleValue) => unknown).call(target, value);
    }
  }
}
