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
  if (text.length > 24 || !MAY_BE_TOTAL.test(text)) return false;
  const v = normalizeHeader(text).replace(/[:：.。,，;；!！\-—*#]/g, '');
  return v !== '' && (TOTALS.has(v) || TOTAL_PREFIX.test(v));
}

export function isBlankRow(row: string[]): boolean {
  return row.every((c) => c.trim() === '');
}

/**
 * Why a data row is left out, or null when it is data.
 * @param agentCol the column of the agent (or -1): a total row may start with a date.
 */
export function skipReason(row: string[], kind: RecordKind, agentCol: number): SkippedRow['why'] | null {
  if (isBlankRow(row)) return 'blank';
  const first = row.find((c) => c.trim() !== '') ?? '';
  const agent = agentCol >= 0 ? (row[agentCol] ?? '') : '';
  if (isTotalLabel(first) || isTotalLabel(agent)) return 'total';
  // 生意参谋 may write the peer label in any column (店铺名称, 类型…), but only as a label of its own:
  // an agent called "Industry Jo" is an agent.
  if (kind === 'agent_day' && row.some((c) => c.length <= 24 && BENCHMARK_LABEL.test(normalizeHeader(c)))) return 'benchmark';
  return null;
}
