/**
 * A tab's styles are written cell for cell as the spec says, and cost the
 * cells that carry them: the same display as one full grid per style and
 * block, for far fewer cells on a long table.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Block, CellStyle, TabSpec } from '../../src/reports/types';
import { rectanglesOf, styleGrid } from '../../src/sheets/blockStyles';
import { NUMBER_FORMATS, writeTab } from '../../src/sheets/tabWriter';
import { FakeSpreadsheetApp, type FakeSheet } from '../fakes/spreadsheet';

/** What a cell shows for each style; the fake's blank is the fresh sheet's default. */
const SHOWN: { prop: keyof FakeSheet['styles']; blank: unknown }[] = [
  { prop: 'numberFormat', blank: 'General' },
  { prop: 'background', blank: null },
  { prop: 'fontWeight', blank: 'normal' },
  { prop: 'fontColor', blank: null },
  { prop: 'fontStyle', blank: 'normal' },
  { prop: 'horizontalAlignment', blank: null },
  { prop: 'wrap', blank: false },
];

function shown(sheet: FakeSheet, rows: number, cols: number): unknown[][][] {
  return SHOWN.map(({ prop, blank }) =>
    Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => {
        const v = sheet.styles[prop][r]?.[c];
        return v === undefined || v === '' ? blank : v;
      }),
    ),
  );
}

/** The reference: every style a block uses written as one grid over the whole block, defaults included. */
function referenceStyles(sheet: FakeSheet, spec: TabSpec): void {
  const set = (prop: keyof FakeSheet['styles'], r: number, c: number, v: unknown) => {
    (sheet.styles[prop][r] ??= [])[c] = v;
  };
  const of: Record<string, (s: CellStyle) => unknown> = {
    numberFormat: (s) => (s.format ? NUMBER_FORMATS[s.format] : 'General'),
    background: (s) => s.background ?? null,
    fontWeight: (s) => (s.bold ? 'bold' : 'normal'),
    fontColor: (s) => s.color ?? null,
    fontStyle: (s) => (s.italic ? 'italic' : 'normal'),
    horizontalAlignment: (s) => s.align ?? null,
    wrap: (s) => s.wrap ?? false,
  };
  const key: Record<string, keyof CellStyle> = { numberFormat: 'format', background: 'background', fontWeight: 'bold', fontColor: 'color', fontStyle: 'italic', horizontalAlignment: 'align', wrap: 'wrap' };
  for (const b of spec.blocks) {
    const cols = Math.max(...b.values.map((r) => r.length));
    const grid = styleGrid(b, b.values.length, cols);
    for (const { prop } of SHOWN) {
      if (!grid.some((r) => r.some((s) => s[key[prop]] !== undefined))) continue;
      grid.forEach((row, r) => row.forEach((s, c) => set(prop, b.row + r, b.col + c, of[prop](s))));
    }
  }
}

function listTab(rows: number, groupEvery: number): TabSpec {
  const body = Array.from({ length: rows }, (_, i) => (i % groupEvery === 0 ? [`group ${i}`, null, null, null] : [`o${i}`, 'buyer', '2026-11-02 10:00:00', 12.5]));
  const cellStyles = body.flatMap((_, i) => (i % groupEvery === 0 ? [{ row: i + 1, col: 0, style: { bold: true, background: '#F3F6FA' } }] : []));
  return {
    key: 'unattributed',
    name: 'Unattributed',
    blocks: [
      { row: 0, col: 0, values: [['Title']], style: { bold: true, color: '#1F4E78' } },
      {
        row: 2,
        col: 0,
        values: [['Order ID', 'Buyer', 'Paid at', 'Amount'], ...body],
        columnStyles: [{ format: 'text' }, { format: 'text' }, { format: 'datetime', align: 'right' }, { format: 'money', align: 'right' }],
        rowStyles: [{ bold: true, background: '#DCE6F1', wrap: true, format: 'text' }],
        cellStyles,
      },
    ],
    merges: [{ row: 0, col: 0, rows: 1, cols: 4 }],
    frozenRows: 3,
    frozenCols: 0,
    columnWidths: {},
    notes: [],
    charts: [],
  };
}

function writtenAndShown(spec: TabSpec) {
  const fake = new FakeSpreadsheetApp();
  writeTab(fake.ss, spec);
  const sheet = fake.spreadsheet.raw(spec.name)!;
  return { cells: fake.cellsWritten, sheet };
}

function sameAsReference(spec: TabSpec): void {
  const { sheet } = writtenAndShown(spec);
  const reference = new FakeSpreadsheetApp().spreadsheet.raw('Sheet1')!;
  referenceStyles(reference, spec);
  const rows = Math.max(...spec.blocks.map((b) => b.row + b.values.length));
  const cols = Math.max(...spec.blocks.map((b) => b.col + Math.max(...b.values.map((r) => r.length))));
  expect(shown(sheet, rows, cols)).toEqual(shown(reference, rows, cols));
}

describe('block styles', () => {
  it('show what one grid per style shows, on a long list with group rows', () => {
    sameAsReference(listTab(300, 7));
  });

  it('show what one grid per style shows, for any blocks, overlapping ones included', () => {
    const style = fc.record(
      {
        bold: fc.boolean(),
        italic: fc.boolean(),
        background: fc.constantFrom('#DCE6F1', '#F8D7DA'),
        color: fc.constantFrom('#1F4E78', '#B02A37'),
        format: fc.constantFrom('text' as const, 'money' as const, 'percent' as const),
        align: fc.constantFrom('left' as const, 'right' as const),
        wrap: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    const block = fc.record({
      row: fc.integer({ min: 0, max: 6 }),
      col: fc.integer({ min: 0, max: 4 }),
      height: fc.integer({ min: 1, max: 8 }),
      width: fc.integer({ min: 1, max: 5 }),
      style: fc.option(style, { nil: undefined }),
      columnStyles: fc.array(fc.option(style, { nil: null }), { maxLength: 5 }),
      rowStyles: fc.array(fc.option(style, { nil: null }), { maxLength: 3 }),
      cellStyles: fc.array(fc.record({ row: fc.nat(8), col: fc.nat(5), style }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (made) => {
        const blocks: Block[] = made.map((b) => ({ ...b, values: Array.from({ length: b.height }, (_, r) => Array.from({ length: b.width }, (_, c) => `${r}.${c}`)) }));
        sameAsReference({ key: 'daily', name: 'Daily', blocks, merges: [], frozenRows: 0, frozenCols: 0, columnWidths: {}, notes: [], charts: [] });
      }),
      { numRuns: 150 },
    );
  });

  it('cost a long list its values and styled cells: per-column formats and alignments, the header and group rows', () => {
    const rows = 2_000;
    const { cells } = writtenAndShown(listTab(rows, 10));
    const height = rows + 1;
    // Values (4 columns) + formats (4) + alignment (2 columns) + the header's wrap, weight and background + the group rows' weight and background + the title.
    const styled = 4 * height + 4 * height + 2 * height + 3 * 4 + 2 * (rows / 10) + 3;
    expect(cells).toBe(styled);
    // One full grid per style used (format, background, weight, alignment, wrap) would write 5 × 4 cells a row.
    expect(cells).toBeLessThan(0.5 * (4 * height + 5 * 4 * height));
  });

  it('cover exactly the marked cells with rectangles', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 12 }), (mask) => {
        const rects = rectanglesOf((r, c) => mask[r][c], mask.length, 4);
        const covered = mask.map((row) => row.map(() => 0));
        for (const rect of rects) for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) covered[r][c]++;
        expect(covered).toEqual(mask.map((row) => row.map((m) => (m ? 1 : 0))));
      }),
    );
  });
});
