/** Small helpers that turn columns and rows into the blocks of a TabSpec. */
import type { Block, CellStyle, NumberFormat, SpecValue, TabKey, TabSpec } from './types';

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
}

export function emptyTab(key: TabKey, name: string): TabSpec {
  return { key, name, blocks: [], merges: [], frozenRows: 0, frozenCols: 0, columnWidths: {}, notes: [], charts: [] };
}

/** A title cell merged across `width` columns at (row, 0). */
export function addTitle(tab: TabSpec, row: number, text: string, width: number): void {
  tab.blocks.push({ row, col: 0, values: [[text]], style: { bold: true, color: COLOURS.title } });
  if (width > 1) tab.merges.push({ row, col: 0, rows: 1, cols: width });
}

/** A header row and data rows as one block: header bold on a tint, each column in its format. */
export function tableBlock(row: number, col: number, columns: Column[], rows: SpecValue[][], cellStyles: Block['cellStyles'] = []): Block {
  const headerStyle: CellStyle = { bold: true, background: COLOURS.header, wrap: true, format: 'text' };
  return {
    row,
    col,
    values: [columns.map((c) => c.header), ...rows],
    columnStyles: columns.map((c) => (c.format ? { format: c.format } : null)),
    rowStyles: [headerStyle],
    cellStyles,
  };
}

export function setWidths(tab: TabSpec, columns: Column[], firstCol = 0): void {
  columns.forEach((c, i) => {
    if (c.widthPx) tab.columnWidths[firstCol + i] = Math.max(tab.columnWidths[firstCol + i] ?? 0, c.widthPx);
  });
}
