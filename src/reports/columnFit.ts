/**
 * Column widths sized to what a column holds: its header wrapped to a few
 * lines (never a word cut), its widest figure as the spreadsheet shows it.
 * Widths come from the estimate of layout.ts (textWidthPx), which the print
 * test checks against LibreOffice's rendering.
 */
import type { NumberFormat, SpecValue } from './types';
import { textWidthPx, wrappedLines, type Column } from './layout';

/** Pixels a cell keeps free around its text (Sheets' and LibreOffice's padding, and a margin for a wider font). */
export const CELL_PADDING_PX = 14;

const grouped = (n: number, digits: number) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The text a spreadsheet shows for a value in a format (the widths of NUMBER_FORMAT_CODES' output). */
export function shownText(value: SpecValue, format?: NumberFormat): string {
  if (value == null) return '';
  if (typeof value !== 'number') return String(value);
  switch (format) {
    case 'integer':
      return grouped(Math.round(value), 0).replace(/,/g, '');
    case 'decimal1':
    case 'seconds':
      return value.toFixed(1);
    case 'decimal2':
      return value.toFixed(2);
    case 'percent':
      return `${(value * 100).toFixed(2)}%`;
    case 'percent1':
      return `${(value * 100).toFixed(1)}%`;
    case 'money':
      return grouped(value, 2);
    case 'points':
      return `+${Math.abs(value).toFixed(1)}`;
    default:
      return String(value);
  }
}

const CJK = /[\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffe6]/;
/** A Chinese term this short reads as one word: split over two lines (付款人 / 数) it reads badly. */
const SHORT_CJK_TERM = 5;

/**
 * The widest piece of a header that should not break: a Latin word, or a
 * run of up to SHORT_CJK_TERM Chinese characters (a longer run may break
 * between any two, as Chinese does).
 */
function longestWordPx(text: string, bold: boolean): number {
  const pieces = text.split(/[\s→/()（）:：,，]+/).filter(Boolean);
  return Math.max(0, ...pieces.map((piece) => {
    const cjk = [...piece].filter((ch) => CJK.test(ch)).length;
    return cjk > SHORT_CJK_TERM ? Math.max(textWidthPx('字', bold), textWidthPx(piece.replace(new RegExp(CJK.source, 'g'), ''), bold)) : textWidthPx(piece, bold);
  }));
}

export interface FitOptions {
  /** Lines a header may wrap to (default 3). */
  maxHeaderLines?: number;
  minPx?: number;
  /** A column of long text (a note) stops here and wraps. */
  maxPx?: number;
}

/**
 * The width in pixels one column needs: its widest value on one line, its
 * header's longest word, and room for the header in `maxHeaderLines` lines.
 * @example fitColumnWidth({ header: 'Inquiry conversion', format: 'percent' }, [0.3333]) // about 75
 */
export function fitColumnWidth(column: Column, values: readonly SpecValue[], opts: FitOptions = {}): number {
  const { maxHeaderLines = 3, minPx = 40, maxPx = 400 } = opts;
  const valuePx = Math.max(0, ...values.map((v) => textWidthPx(shownText(v, column.format))));
  let px = Math.max(minPx, valuePx + CELL_PADDING_PX, longestWordPx(column.header, true) + CELL_PADDING_PX);
  while (px < maxPx && wrappedLines(column.header, px, true) > maxHeaderLines) px += 4;
  return Math.ceil(Math.min(px, Math.max(maxPx, longestWordPx(column.header, true) + CELL_PADDING_PX)));
}

/** Widths of a table's columns from its rows (row i, column j = rows[i][j]). */
export function fitTableWidths(columns: readonly Column[], rows: readonly SpecValue[][], opts: FitOptions = {}): number[] {
  return columns.map((c, j) => (c.widthPx != null ? c.widthPx : fitColumnWidth(c, rows.map((r) => r[j] ?? null), opts)));
}
