/**
 * What a card says about a table at a glance, computed from its import
 * result: the days it covers, its encoding in words, and row counts that add
 * up the way the CLI's run line does (src/cli/runCounts.ts).
 */
import { dayOf } from '../../core/dates';
import type { Rejection } from '../../core/types';
import type { ImportResult, TableEncoding } from '../../import/types';
import type { MessageKey } from '../../i18n';

export interface TableCounts {
  /** Every row of the table but its header: rows above it (titles) count too. */
  read: number;
  toImport: number;
  rejected: number;
  skipped: number;
}

/**
 * read = toImport + rejected + skipped. Rows above the header are read and
 * skipped (or rejected when broken), as in the CLI's run line; a data row
 * makes one record, so records are counted by the rows they came from.
 */
export function tableCounts(result: ImportResult): TableCounts {
  const toImport = result.recordRows?.length ?? result.agentDays.length + result.shopDays.length + result.consultations.length + result.orders.length;
  return { read: rowsReadOf(result), toImport, rejected: result.rejected.length, skipped: result.skipped.length };
}

/** All rows of a table but its header (what the import log and the CLI call rows read). */
export function rowsReadOf(result: Pick<ImportResult, 'rowsRead' | 'headerRow'>): number {
  return result.rowsRead + Math.max(0, result.headerRow - 1);
}

/** The first and last day the table's records cover (null for none), whatever their kind. */
export function daySpan(result: ImportResult): { first: string; last: string } | null {
  let first = '';
  let last = '';
  const see = (day: string) => {
    if (!day) return;
    if (!first || day < first) first = day;
    if (!last || day > last) last = day;
  };
  for (const a of result.agentDays) see(a.date);
  for (const s of result.shopDays) see(s.date);
  // Times are compared as numbers first: a day text per record would cost on a million chats.
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of result.consultations) if (Number.isFinite(c.start)) (lo = Math.min(lo, c.start)), (hi = Math.max(hi, c.start));
  for (const o of result.orders) if (Number.isFinite(o.created)) (lo = Math.min(lo, o.created)), (hi = Math.max(hi, o.created));
  if (lo <= hi) {
    see(dayOf(lo));
    see(dayOf(hi));
  }
  return first ? { first, last } : null;
}

/** `first – last`, or one day. */
export function daySpanText(span: { first: string; last: string }): string {
  return span.first === span.last ? span.first : `${span.first} – ${span.last}`;
}

/** The i18n key naming an encoding in words (Excel formats say Excel). */
export function encodingKey(encoding: TableEncoding): MessageKey {
  switch (encoding) {
    case 'gb18030':
      return 'sidebar.encoding.gbk';
    case 'utf-16le':
    case 'utf-16be':
      return 'sidebar.encoding.utf16';
    case 'xlsx':
      return 'sidebar.encoding.xlsx';
    case 'xls':
      return 'sidebar.encoding.xls';
    case 'xml':
      return 'sidebar.encoding.xml';
    case 'html':
      return 'sidebar.encoding.html';
    default:
      return 'sidebar.encoding.utf8';
  }
}

/** How many rejected rows a card lists before importing; the rest are counted. */
export const REJECTIONS_SHOWN = 5;

/** The first rejected rows, in file order, and how many more there are. */
export function firstRejections(rejected: readonly Rejection[], count: number = REJECTIONS_SHOWN): { shown: Rejection[]; more: number } {
  const sorted = [...rejected].sort((a, b) => a.row - b.row);
  return { shown: sorted.slice(0, count), more: Math.max(0, rejected.length - count) };
}
