/**
 * Where a long tab's printed pages should break so each of its parts (a
 * table with its title, a chart with its table) prints whole on one page
 * when it fits on one: the rows are laid down page by page at the print
 * scale, and a part that would straddle a break starts the next page.
 */
import type { TabSpec } from './types';

/** Printable height of A4 landscape (8.27 in less 0.5 in top and 0.6 in bottom margins), in screen pixels at 96 per inch, less a little to spare. */
export const A4_LANDSCAPE_HEIGHT_PX = 660;
/** A row the tab leaves at its default height (15 pt), as the xlsx stores it and LibreOffice prints it. */
export const PRINTED_ROW_PX = 20;

/** How much taller wrapped rows are estimated than they print (textWidthPx errs wide, so lines are counted high). */
const HEIGHT_SLACK = 1.1;

/** Rows first..last (0-based, inclusive) that print on one page whenever they fit on one. */
export interface KeepTogether {
  first: number;
  last: number;
}

/**
 * The rows (0-based) that start a new page: before each part that would
 * otherwise straddle a page break. A part taller than a page starts a page
 * and runs on. `scale` is the print scale in percent; `repeatedRows` rows at
 * the top print on every page.
 */
export function pageBreaksFor(tab: TabSpec, parts: readonly KeepTogether[], scale: number, repeatedRows = 0): number[] {
  const heightOf = (row: number) => tab.rowHeights?.[row] ?? PRINTED_ROW_PX;
  let repeated = 0;
  for (let r = 0; r < repeatedRows; r++) repeated += heightOf(r);
  // Row heights of wrapped text are estimated a little over (never cut): the page is measured with the same tenth to spare.
  const page = ((A4_LANDSCAPE_HEIGHT_PX * 100) / scale) * HEIGHT_SLACK - repeated;
  const partAt = new Map(parts.map((p) => [p.first, p]));
  const last = Math.max(0, ...parts.map((p) => p.last));
  const breaks: number[] = [];
  let used = 0;
  for (let row = repeatedRows; row <= last; row++) {
    const part = partAt.get(row);
    if (part && used > 0) {
      let height = 0;
      for (let r = part.first; r <= part.last; r++) height += heightOf(r);
      if (used + height > page) {
        breaks.push(row);
        used = 0;
      }
    }
    // A row that does not fit starts a page of its own accord (the renderer breaks there).
    if (used + heightOf(row) > page) used = 0;
    used += heightOf(row);
  }
  return breaks;
}
