/** Hand-built tab descriptions for the xlsx writer tests. */
import type { Block, TabSpec } from '../../src/reports/types';

/** 14 days from 2024-05-01: date text, inquiries, conversion, sales. */
export function trendRows(): [string, number, number, number][] {
  return Array.from({ length: 14 }, (_, i) => [
    `2024-05-${String(i + 1).padStart(2, '0')}`,
    100 + i * 10,
    0.2 + i / 100,
    1234.5 + i * 1000,
  ]);
}

/**
 * The daily tab: a merged title A1:D1, a header at row 3 (0-based 2) with a
 * note, 14 data rows (4..17) with date/integer/percent/money columns, one
 * cell flagged with a background, 3 frozen rows, and a trend chart with
 * conversion on the left axis and inquiries on the right.
 */
export function dailyTab(): TabSpec {
  const title: Block = { row: 0, col: 0, values: [['客服日报 2024-05-14']], style: { bold: true } };
  const table: Block = {
    row: 2,
    col: 0,
    values: [['Date', 'Inquiries', 'Inquiry conversion', 'Sales'], ...trendRows()],
    columnStyles: [{ format: 'date' }, { format: 'integer' }, { format: 'percent' }, { format: 'money' }],
    rowStyles: [{ bold: true, background: '#D9EAD3', format: 'text', align: 'center', wrap: true }],
    cellStyles: [{ row: 3, col: 2, style: { background: '#F4CCCC', color: '#990000' } }],
  };
  return {
    key: 'daily',
    name: '日报',
    blocks: [title, table],
    merges: [{ row: 0, col: 0, rows: 1, cols: 4 }],
    frozenRows: 3,
    frozenCols: 0,
    columnWidths: { 0: 100, 2: 140 },
    notes: [{ row: 2, col: 2, text: 'C = paid ÷ inquiries' }],
    charts: [
      {
        kind: 'line',
        title: '14-day trend',
        anchor: { row: 2, col: 5 },
        widthPx: 480,
        heightPx: 288,
        categories: { col: 0, firstRow: 3, lastRow: 16 },
        series: [
          { name: 'Inquiry conversion', col: 2, firstRow: 3, lastRow: 16, axis: 'left', format: 'percent' },
          { name: 'Inquiries', col: 1, firstRow: 3, lastRow: 16, axis: 'right', format: 'integer' },
        ],
      },
    ],
  };
}

/** A plain second tab: text, italics, colour, alignment, a frozen column, null cells. */
export function rankingTab(): TabSpec {
  return {
    key: 'ranking',
    name: 'Ranking',
    blocks: [
      {
        row: 0,
        col: 0,
        values: [
          ['Rank', 'Agent', 'Agent ID', 'Paid'],
          [1, 'Lin, "Amy"', '007', 12],
          [null, 'Zhou', '010', 3],
        ],
        style: { italic: true },
        columnStyles: [{ format: 'integer', align: 'right' }, null, { format: 'text' }, { format: 'decimal1', color: '#0000FF' }],
      },
    ],
    merges: [],
    frozenRows: 1,
    frozenCols: 2,
    columnWidths: {},
    notes: [],
    charts: [],
  };
}
