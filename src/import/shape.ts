/**
 * Rows that are not data and not errors: blank lines, total/average rows,
 * 生意参谋's peer benchmark rows and repeated headers (SPEC §5).
 */
import { normalizeHeader } from './normalize';
import { BENCHMARK_LABEL, TOTAL_LABELS } from './synonyms';
import type { RecordKind, SkippedRow } from './types';

const TOTALS = new Set(TOTAL_LABELS.map((l) => normalizeHeader(l)));
/** Chinese total words no agent is named after, recognised even with a suffix (`合计(6人)`). */
const TOTAL_PREFIX = /^(合计|总计|汇总|小计|店铺汇总|店铺平均)/;

/** Every total label has one of these; a cheap first test before normalising. */
const MAY_BE_TOTAL = /[合总汇小平均计值全店\uFF01-\uFF5E]|total|average|avg|sum|mean|grand/i;

/** `合计`, `Total:`, `店铺平均值` … — after normalising, and without trailing punctuation. */
export function isTotalLabel(text: string): boolean {
  // Every label is short; most cells of a data row are not, and this runs on every row.
  if (text.length > 24 || startsWithDigit(text) || !MAY_BE_TOTAL.test(text)) return false;
  const v = normalizeHeader(text).replace(/[:：.。,，;；!！\-—*#]/g, '');
  return v !== '' && (TOTALS.has(v) || TOTAL_PREFIX.test(v));
}

/** No total label starts with a digit; IDs, times and counts do. */
function startsWithDigit(text: string): boolean {
  const first = text.charCodeAt(0);
  return first >= 48 && first <= 57;
}

export function isBlankRow(row: string[]): boolean {
  return firstFilledCell(row) < 0;
}

/** The index of the first cell holding more than white space, or -1 (a loop: this runs on every row). */
export function firstFilledCell(row: string[]): number {
  for (let c = 0; c < row.length; c++) if (row[c].trim() !== '') return c;
  return -1;
}

/** A Chinese total word no one is named after (`合计`, `均值`), or an English one a buyer or agent may be called (`Total`, `Sum`). */
function totalLabelLanguage(text: string): 'zh' | 'en' | null {
  if (!isTotalLabel(text)) return null;
  return /[\u3400-\u9fff]/.test(text) ? 'zh' : 'en';
}

/** The fields that identify a raw record: on a total line they are blank but for the label. */
export const KEY_FIELDS: Partial<Record<RecordKind, string[]>> = {
  consultations: ['buyer', 'agent', 'start'],
  orders: ['orderId', 'buyer', 'created'],
};

/** Where a data row stands, for telling a total line from a buyer or agent named `Total`. */
export interface RowContext {
  /** Columns of the KEY_FIELDS of a raw-record table (-1 when unmapped). */
  keyCols?: number[];
  /** No data row follows this one (it is in the block of totals at the end). Default true. */
  afterData?: boolean;
}

function labelOf(row: string[], agentCol: number): { text: string; col: number } | null {
  const col = firstFilledCell(row);
  if (col >= 0 && totalLabelLanguage(row[col])) return { text: row[col], col };
  if (agentCol >= 0 && totalLabelLanguage(row[agentCol] ?? '')) return { text: row[agentCol], col: agentCol };
  return null;
}

/**
 * Why a data row is left out, or null when it is data. A total label makes a
 * total line when (raw records) every other key cell is blank, so a buyer
 * named `Total` with a start time is data; or (agent-day stats) when the
 * label is Chinese, or English on a line after the last agent's.
 * @param agentCol the column of the agent (or -1): a total row may start with a date.
 */
export function skipReason(row: string[], kind: RecordKind, agentCol: number, context: RowContext = {}): SkippedRow['why'] | null {
  if (isBlankRow(row)) return 'blank';
  const label = labelOf(row, agentCol);
  if (label) {
    const keyCols = (context.keyCols ?? []).filter((c) => c >= 0);
    if (keyCols.length > 0) {
      if (keyCols.every((c) => c === label.col || (row[c] ?? '').trim() === '')) return 'total';
    } else if (totalLabelLanguage(label.text) === 'zh' || context.afterData !== false) return 'total';
  }
  // 生意参谋 may write the peer label in any column (店铺名称, 类型…), but only as a label of its own:
  // an agent called "Industry Jo" is an agent.
  if (kind === 'agent_day' && row.some((c) => c.length <= 24 && BENCHMARK_LABEL.test(normalizeHeader(c)))) return 'benchmark';
  return null;
}

/** Index of the last row (from `from` on) that is neither blank nor labelled as a total: rows after it are the closing totals. */
export function lastDataRow(rows: string[][], from: number, agentCol: number): number {
  for (let i = rows.length - 1; i >= from; i--) {
    if (!isBlankRow(rows[i]) && labelOf(rows[i], agentCol) === null) return i;
  }
  return from - 1;
}
