/**
 * A supervisor table already split into rows (a tab's cells, a parsed CSV):
 * its header found by the synonyms, each data row read by `read`, every bad
 * row a Rejection naming file, row and column. No decoding or CSV parsing
 * here, so the Apps Script bundle can read its tabs without a CSV parser.
 */
import { t } from '../i18n';
import { toHalfWidth } from '../core/values';
import type { Language, Rejection, Shift } from '../core/types';
import { RowProblem, RowReader } from './cells';
import { expectedHeaders, findHeader, headersSeen } from './detect';
import { isBlankRow } from './shape';

export type TableKind = 'roster' | 'events' | 'claims' | 'schedule' | 'problems' | 'handovers' | 'coaching';

export interface ReadRows<T> {
  values: T[];
  /** The 1-based file row of each value. */
  rows: number[];
  rejected: Rejection[];
  /** The file's own header text of a field ('' when the table was refused). */
  header: (field: string) => string;
}

/** A table as rows of text, named for the messages (a file name, a tab name). */
export interface RowsSource {
  name: string;
  rows: string[][];
}

/** Runs `read` over the data rows of a supervisor table; every bad row becomes a Rejection. */
export function readTableRows<T>(file: RowsSource, kind: TableKind, language: Language, read: (r: RowReader) => T): ReadRows<T> {
  const rows = file.rows;
  const match = findHeader(rows, [kind]);
  if (!match) {
    const reason = `${t(language, 'import.refuse.noHeader', { rows: Math.min(rows.length, 20) })} ${expectedHeaders(kind, language)}`;
    return { values: [], rows: [], rejected: [{ file: file.name, sheet: null, row: 1, column: '', reason, raw: headersSeen(rows) }], header: () => '' };
  }
  const reader = new RowReader(rows[match.index], match.mapping);
  const values: T[] = [];
  const rowNumbers: number[] = [];
  const rejected: Rejection[] = [];
  for (let i = match.index + 1; i < rows.length; i++) {
    if (isBlankRow(rows[i])) continue;
    try {
      values.push(read(reader.at(rows[i])));
      rowNumbers.push(i + 1);
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      rejected.push({ file: file.name, sheet: null, row: i + 1, column: error.column, reason: t(language, error.key, error.params), raw: [...rows[i]] });
    }
  }
  return { values, rows: rowNumbers, rejected, header: (field) => reader.header(field) };
}

/** day/night, 白班/夜班 (早班/晚班 too); blank = day. */
export function shiftOf(text: string): Shift | null {
  const v = toHalfWidth(text).trim().toLowerCase();
  if (['', 'day', 'd', '白班', '早班', '日班', '白'].includes(v)) return 'day';
  if (['night', 'n', '夜班', '晚班', '夜'].includes(v)) return 'night';
  return null;
}
