/**
 * The supervisor's own tables (SPEC §7): the roster (`agent,agent_id,shift,
 * base_pay,active`) and the pay events (`date,agent,kind,reason,amount`),
 * with Chinese synonyms. CSV/TXT only (these are small, hand-written files).
 */
import { t } from '../i18n';
import { shortText, toHalfWidth } from '../core/values';

export { shiftOf };
import type { Agent, Claim, Language, PayEvent, Rejection } from '../core/types';
import { agentNameOf } from './agentName';
import { parseAccounts } from '../core/accounts';
import { RowProblem, type RowReader } from './cells';
import { decodeBytes } from './decode';
import { parseDelimited } from './delimited';
import { readTableRows, shiftOf, type ReadRows, type RowsSource, type TableKind } from './tableRows';
import type { SourceFile } from './types';

/** A supervisor table as bytes (CSV/TXT), or as rows already read (a sheet of a workbook, in the sidebar). */
export type SupervisorSource = SourceFile | RowsSource;

/** Runs `read` over the data rows of a supervisor table, decoding and parsing its bytes first. */
function readRows<T>(file: SupervisorSource, kind: TableKind, language: Language, read: (r: RowReader) => T): ReadRows<T> {
  return readTableRows('rows' in file ? file : { name: file.name, rows: parseDelimited(decodeBytes(file.bytes).text) }, kind, language, read);
}

/** fine/reward, 罚款/奖励 (扣款/奖金 too). */
export function eventKindOf(text: string): PayEvent['kind'] | null {
  const v = toHalfWidth(text).trim().toLowerCase();
  if (['fine', 'penalty', '罚款', '扣款', '处罚', '罚'].includes(v)) return 'fine';
  if (['reward', 'bonus', '奖励', '奖金', '奖'].includes(v)) return 'reward';
  if (['score', 'manual_score', '评分', '打分', '考核分'].includes(v)) return 'score';
  return null;
}

/**
 * The roster: base pay blank = 0, shift blank = day, active blank = yes.
 * One agent ID on two people would pay both the same commission, one name
 * twice would let the last row win: a roster with either is refused whole
 * (`agents` empty), every row involved listed in `duplicates`, and the caller
 * keeps the roster it had.
 */
export function readRoster(file: SupervisorSource, language: Language = 'en'): { agents: Agent[]; rejected: Rejection[]; duplicates: Rejection[] } {
  const read = readRows(file, 'roster', language, (r): Agent => {
    const name = agentNameOf(r.required('agent'));
    const shift = shiftOf(r.text('shift'));
    if (shift === null) throw new RowProblem(r.header('shift'), 'import.reject.shift', { value: r.text('shift') });
    const accounts = parseAccounts(r.text('accounts'));
    const performancePay = r.amount('performancePay');
    return {
      name, id: r.text('id'), shift, basePay: r.amount('basePay') ?? 0, active: r.yesNo('active', true),
      ...(accounts.length ? { accounts } : {}),
      // The scorecard's own columns: blank = the card's base for all, and assessed.
      ...(performancePay != null ? { performancePay } : {}),
      ...(r.yesNo('assessed', true) ? {} : { assessed: false }),
    };
  });
  const duplicates = [
    ...duplicateRows(read.values.map((a) => a.name), read, 'agent', file.name, 'import.reject.duplicateName', language),
    ...duplicateRows(read.values.map((a) => a.id.trim()), read, 'id', file.name, 'import.reject.duplicateId', language),
    // One account on two people would count its chats for both.
    ...duplicateAccounts(read, file.name, language),
  ].sort((a, b) => a.row - b.row);
  return { agents: duplicates.length > 0 ? [] : read.values, rejected: read.rejected, duplicates };
}

function duplicateAccounts(read: ReadRows<Agent>, fileName: string, language: Language): Rejection[] {
  const rowsOf = new Map<string, number[]>();
  read.values.forEach((agent, i) => {
    for (const account of new Set(agent.accounts ?? [])) rowsOf.set(account, [...(rowsOf.get(account) ?? []), read.rows[i]]);
  });
  const out: Rejection[] = [];
  for (const [value, rows] of rowsOf) {
    if (rows.length < 2) continue;
    for (const row of rows) out.push({ file: fileName, sheet: null, row, column: read.header('accounts'), reason: t(language, 'import.reject.duplicateAccount', { value: shortText(value), rows: rows.join(', ') }), raw: [value] });
  }
  return out;
}

/** One Rejection per row whose key (non-blank) another row also has, naming all of those rows. */
function duplicateRows(
  keys: string[],
  read: ReadRows<Agent>,
  field: string,
  fileName: string,
  reason: 'import.reject.duplicateName' | 'import.reject.duplicateId',
  language: Language,
): Rejection[] {
  const rowsOf = new Map<string, number[]>();
  keys.forEach((key, i) => {
    if (key === '') return;
    const rows = rowsOf.get(key);
    if (rows) rows.push(read.rows[i]);
    else rowsOf.set(key, [read.rows[i]]);
  });
  const out: Rejection[] = [];
  for (const [value, rows] of rowsOf) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      out.push({ file: fileName, sheet: null, row, column: read.header(field), reason: t(language, reason, { value: shortText(value), rows: rows.join(', ') }), raw: [value] });
    }
  }
  return out;
}

/** Pay events: amount blank = from the rules (null). */
export function readEvents(file: SupervisorSource, language: Language = 'en'): { events: PayEvent[]; rejected: Rejection[] } {
  const { values, rejected } = readRows(file, 'events', language, (r): PayEvent => {
    r.required('date');
    const date = r.date('date') as string;
    const agent = agentNameOf(r.required('agent'));
    const kind = eventKindOf(r.required('kind'));
    if (kind === null) throw new RowProblem(r.header('kind'), 'import.reject.kind', { value: r.text('kind') });
    // A manual score without its score would be a KPI with no data, silently.
    if (kind === 'score' && r.amount('amount') == null) throw new RowProblem(r.header('amount'), 'import.reject.scoreAmount');
    return { date, agent, kind, reason: r.text('reason'), amount: r.amount('amount') };
  });
  return { events: values, rejected };
}

/** Claims (`order_id,agent_id`): the supervisor confirms whose sale an unremarked order was. IDs stay text. */
export function readClaims(file: SourceFile, language: Language = 'en'): { claims: Claim[]; rejected: Rejection[] } {
  const { values, rejected } = readRows(file, 'claims', language, (r): Claim => ({ orderId: r.required('orderId'), agentId: r.required('agentId') }));
  return { claims: values, rejected };
}
