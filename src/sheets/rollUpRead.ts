/**
 * Reading the roll-up tab (rollUpTabs.ts): whole, or only the rolled-up days
 * a report run needs, through the day index (dayIndex.ts), which holds the
 * run of each rolled-up day's block. Blocks past the index (an append whose
 * index write failed, or a tab from before the index covered it) are read
 * once and kept by day. Rows come back in the tab's order, as a whole read
 * gives them. When a row is not of the day the index says (the tab was sorted
 * or edited by hand), the reader says so and the caller reads the tabs whole.
 * The boundary tab is read whole: it holds the anchors of one repeat window,
 * not of the spreadsheet's age.
 */
import type { RollUp, Anchor } from '../core/rollup';
import type { IsoDate } from '../core/types';
import { readText } from './cells';
import { highWater, indexRows, runsOf, type DayIndex, type Run } from './dayIndex';
import { BOUNDARY_TAB, boundaryOfTable, DAY_COLUMN, ROLLUP_TAB, rollUpOfRows, rollUpOfTable } from './rollUpTabs';
import { findTab, readTable, sheetTimeZone } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function boundaryAnchors(ss: Spreadsheet, tz: string): Anchor[] {
  const boundary = findTab(ss, BOUNDARY_TAB);
  return boundary ? boundaryOfTable(readTable(boundary), tz).anchors : [];
}

/** The rolled-up days' figures, the tab read whole, and the boundary the raw days are computed with (undefined when nothing is rolled up). */
export function loadRollUp(ss: Spreadsheet): RollUp | undefined {
  const sheet = findTab(ss, ROLLUP_TAB);
  if (!sheet) return undefined;
  const tz = sheetTimeZone(ss);
  return { ...rollUpOfTable(readTable(sheet), tz), anchors: boundaryAnchors(ss, tz) };
}

/**
 * Indexes the roll-up tab's rows past the index, each stretch of rows of one
 * day as that day's run (only their day column is read). Called by the
 * roll-up step, which writes the index.
 */
export function indexRollUpTail(ss: Spreadsheet, index: DayIndex): void {
  const sheet = findTab(ss, ROLLUP_TAB);
  if (!sheet) return;
  const last = sheet.getLastRow();
  const covered = Math.max(1, highWater(index, ROLLUP_TAB));
  if (last <= covered) return;
  const tz = sheetTimeZone(ss);
  const days = sheet.getRange(covered + 1, DAY_COLUMN + 1, last - covered, 1).getValues().map((r) => readText(r[0], tz));
  let start = 0;
  days.forEach((day, i) => {
    if (i + 1 < days.length && days[i + 1] === day) return;
    if (day) indexRows(index, ROLLUP_TAB, day, covered + 1 + start, covered + 1 + i);
    start = i + 1;
  });
}

/** The roll-up tab read day by day through the index. */
export class RollUpReader {
  private readonly sheet: Sheet | null;
  private readonly tz: string;
  private readonly lastRow: number;
  private readonly covered: number;
  private header: string[] | null = null;
  private width = 0;
  /** Rows read so far, by sheet row. */
  private readonly rows = new Map<number, unknown[]>();
  private readonly loaded = new Set<IsoDate>();
  /** Rows past the index, by their day (read on the first call). */
  private tail: Map<IsoDate, { row: number; cells: unknown[] }[]> | null = null;
  private anchors: Anchor[] | null = null;

  constructor(
    private readonly ss: Spreadsheet,
    private readonly index: DayIndex,
  ) {
    this.sheet = findTab(ss, ROLLUP_TAB);
    this.tz = sheetTimeZone(ss);
    this.lastRow = this.sheet ? this.sheet.getLastRow() : 0;
    this.covered = Math.min(Math.max(1, highWater(index, ROLLUP_TAB)), this.lastRow);
  }

  private readHeader(): string[] {
    if (this.header) return this.header;
    const lastCol = this.sheet && this.lastRow > 0 ? this.sheet.getLastColumn() : 0;
    this.width = lastCol;
    this.header = lastCol > 0 ? this.sheet!.getRange(1, 1, 1, lastCol).getValues()[0].map((h) => String(h ?? '').trim().replace(/^'/, '').toLowerCase()) : [];
    return this.header;
  }

  private readRun([first, last]: Run): unknown[][] {
    this.readHeader();
    if (!this.sheet || this.width === 0) return [];
    return this.sheet.getRange(first, 1, last - first + 1, this.width).getValues();
  }

  private dayOfRow(cells: readonly unknown[]): IsoDate {
    const at = this.readHeader().indexOf('day');
    return at < 0 ? '' : readText(cells[at], this.tz);
  }

  private readTail(): Map<IsoDate, { row: number; cells: unknown[] }[]> {
    if (this.tail) return this.tail;
    this.tail = new Map();
    if (!this.sheet || this.lastRow <= this.covered) return this.tail;
    this.readRun([this.covered + 1, this.lastRow]).forEach((cells, i) => {
      const day = this.dayOfRow(cells);
      const list = this.tail!.get(day) ?? [];
      list.push({ row: this.covered + 1 + i, cells });
      this.tail!.set(day, list);
    });
    return this.tail;
  }

  /** The rolled-up days the rows past the index hold. */
  tailDays(): IsoDate[] {
    return [...this.readTail().keys()].filter((d) => d !== '');
  }

  /** Reads the days' blocks (days read before are not read again). False when a row is not of the day the index says. */
  load(days: readonly IsoDate[]): boolean {
    if (!this.sheet) return true;
    const tail = this.readTail();
    const wanted: { run: Run; day: IsoDate }[] = [];
    for (const day of days) {
      if (this.loaded.has(day)) continue;
      this.loaded.add(day);
      for (const { row, cells } of tail.get(day) ?? []) this.rows.set(row, cells);
      for (const [a, b] of runsOf(this.index, ROLLUP_TAB, day)) if (a <= this.covered) wanted.push({ run: [a, Math.min(b, this.covered)], day });
    }
    wanted.sort((x, y) => x.run[0] - y.run[0]);
    // Blocks of days one after the other are read with one call.
    let i = 0;
    while (i < wanted.length) {
      const parts = [wanted[i]];
      while (i + 1 < wanted.length && wanted[i + 1].run[0] === parts[parts.length - 1].run[1] + 1) parts.push(wanted[++i]);
      i++;
      const first = parts[0].run[0];
      const cells = this.readRun([first, parts[parts.length - 1].run[1]]);
      for (const part of parts) {
        for (let row = part.run[0]; row <= part.run[1]; row++) {
          const r = cells[row - first];
          if (this.dayOfRow(r) !== part.day) return false;
          this.rows.set(row, r);
        }
      }
    }
    return true;
  }

  /** The roll-up of the days read, in the tab's row order, with the boundary's anchors (undefined without a roll-up tab, as a whole read). */
  rollUp(): RollUp | undefined {
    if (!this.sheet) return undefined;
    const rows = [...this.rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
    this.anchors ??= boundaryAnchors(this.ss, this.tz);
    return { ...rollUpOfRows(rows, this.tz, this.readHeader()), anchors: this.anchors };
  }
}
