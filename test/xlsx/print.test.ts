/**
 * Print and PDF (issue 10.10): every tab on A4 landscape, its title and header
 * rows repeated on each page, one page wide only while that keeps it at 85 %
 * or more, else 100 % in column groups with the first column repeated; the
 * Sheets writer freezes the rows to repeat (Sheets' print repeats frozen rows).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TabSpec } from '../../src/reports/types';
import { A4_LANDSCAPE_PX, fitRowHeights, MIN_PRINT_SCALE, printSetupOf, tabWidthPx, wrappedLines } from '../../src/reports/layout';
import { pageSetupOf, writeXlsx } from '../../src/xlsx/writeXlsx';
import { writeTab } from '../../src/sheets/tabWriter';
import { buildReports } from '../../src/reports';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { layoutShop } from '../reports/layoutShop';
import { TEST_NOW } from '../support/now';

function tab(columns: number, widthPx: number, overrides: Partial<TabSpec> = {}): TabSpec {
  const header = Array.from({ length: columns }, (_, i) => `Column ${i + 1}`);
  return {
    key: 'daily', name: 'T', merges: [], frozenRows: 2, frozenCols: 0, notes: [], charts: [],
    blocks: [{ row: 0, col: 0, values: [['Title']] }, { row: 1, col: 0, values: [header, header.map((_, i) => i)] }],
    columnWidths: Object.fromEntries(header.map((_, i) => [i, widthPx])),
    ...overrides,
  };
}

describe('print setup', () => {
  it('a tab is as wide as its used columns, unset ones at the default 64 px', () => {
    expect(tabWidthPx(tab(10, 90))).toBe(900);
    expect(tabWidthPx({ ...tab(3, 90), columnWidths: { 0: 150 } })).toBe(150 + 64 + 64);
  });

  it('fits one page wide while the scale stays at 85 % or more', () => {
    const limit = Math.floor(A4_LANDSCAPE_PX / MIN_PRINT_SCALE);
    expect(printSetupOf(tab(1, limit)).fitToWidth).toBe(true);
    expect(printSetupOf(tab(1, limit + 2)).fitToWidth).toBe(false);
  });

  it('a narrow tab: frozen rows repeated, one page wide, no repeated column', () => {
    expect(printSetupOf(tab(8, 100))).toEqual({ repeatRows: { first: 0, last: 1 }, repeatCols: null, fitToWidth: true });
  });

  it('a wide tab prints at 100 % in column groups, its first (or frozen) columns repeated', () => {
    expect(printSetupOf(tab(20, 92))).toEqual({ repeatRows: { first: 0, last: 1 }, repeatCols: { first: 0, last: 0 }, fitToWidth: false });
    expect(printSetupOf(tab(20, 92, { frozenCols: 2 })).repeatCols).toEqual({ first: 0, last: 1 });
  });

  it("a builder's own choice wins", () => {
    const chosen = { repeatRows: { first: 3, last: 3 }, repeatCols: null, fitToWidth: false };
    expect(printSetupOf(tab(3, 90, { print: chosen }))).toBe(chosen);
  });

  it('xlsx page setup: A4 landscape, fit or 100 %, print titles as Excel ranges', () => {
    expect(pageSetupOf(tab(8, 100))).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    const wide = pageSetupOf(tab(30, 92, { frozenRows: 4 }));
    expect(wide).toMatchObject({ fitToPage: false, scale: 100, printTitlesRow: '1:4', printTitlesColumn: 'A:A' });
    expect(pageSetupOf(tab(30, 92, { frozenRows: 0, frozenCols: 28 })).printTitlesColumn).toBe('A:AB');
  });

  it('the written workbook carries the page setup and the print titles', async () => {
    const bytes = await writeXlsx([tab(8, 100, { name: 'Narrow' }), tab(30, 92, { name: 'Wide', frozenRows: 3 })]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const narrow = book.getWorksheet('Narrow')!.pageSetup;
    const wide = book.getWorksheet('Wide')!.pageSetup;
    expect(narrow).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(wide).toMatchObject({ orientation: 'landscape', fitToPage: false, scale: 100, printTitlesRow: '1:3', printTitlesColumn: 'A:A' });
  });

  it("the report's Ranking and Payroll repeat their title and header rows and fit A4 at 85 % or more", () => {
    const run = buildReports(layoutShop('en'), { now: TEST_NOW, date: '2026-11-03', period: 'week' });
    for (const key of ['ranking', 'payroll'] as const) {
      const t = run.tabs.find((x) => x.key === key)!;
      const header = t.blocks.find((b) => b.values[0]?.[0] === (key === 'ranking' ? 'Rank' : 'Agent'))!.row;
      expect([key, printSetupOf(t)]).toEqual([key, { repeatRows: { first: 0, last: header }, repeatCols: null, fitToWidth: true }]);
      expect(tabWidthPx(t) * MIN_PRINT_SCALE).toBeLessThanOrEqual(A4_LANDSCAPE_PX);
    }
  });
});

describe('row heights of wrapped text', () => {
  it('counts the lines text wraps to at word breaks, CJK between any two characters', () => {
    expect(wrappedLines('Rank', 48)).toBe(1);
    expect(wrappedLines('Inquiry conversion', 84)).toBe(2);
    expect(wrappedLines('与团队差距（个百分点）', 84)).toBeGreaterThanOrEqual(2);
    expect(wrappedLines('短', 84)).toBe(1);
  });

  it('a two-line header row and a wrapped note row get the height of their lines; one-line rows keep the default', () => {
    const t = tab(2, 90);
    fitRowHeights(t, 1, [{ header: 'Inquiry conversion', widthPx: 84 }, { header: 'Note', widthPx: 120, wrap: true }], [
      [0.4, 'short'],
      [0.5, 'dismissal review (2026-11-12 rude wording to a buyer)'],
    ]);
    expect(t.rowHeights![1]).toBeGreaterThan(21);
    expect(t.rowHeights![2]).toBeUndefined();
    expect(t.rowHeights![3]).toBeGreaterThan(t.rowHeights![1]);
  });
});

describe('Sheets', () => {
  it('freezes the rows the print repeats (Sheets has no print API; its print repeats frozen rows)', () => {
    const fake = new FakeSpreadsheetApp();
    const sheet = writeTab(fake.ss, tab(3, 90, { frozenRows: 1, print: { repeatRows: { first: 0, last: 2 }, repeatCols: null, fitToWidth: true } }));
    expect(sheet.getFrozenRows()).toBe(3);
  });
});
