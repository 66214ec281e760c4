/**
 * The supervisor's own tables (SPEC §7): the roster (`agent,agent_id,shift,
 * base_pay,active`) and the pay events (`date,agent,kind,reason,amount`),
 * with Chinese synonyms. CSV/TXT only (these are small, hand-written files).
 */
import { t } from '../i18n';
import { toHalfWidth } from '../core/values';
import type { Agent, Language, PayEvent, Rejection, Shift } from '../core/types';
import { agentNameOf } from './agentName';
import { RowProblem, RowReader } from './cells';
import { decodeBytes } from './decode';
import { parseDelimited } from './delimited';
import { expectedHeaders, findHeader, headersSeen } from './detect';
import { isBlankRow } from './shape';
import type { SourceFile } from './types';

type Kind = 'roster' | 'events';

/** Runs `read` over the data rows of a supervisor table; every bad row becomes a Rejection. */
function readRows<T>(file: SourceFile, kind: Kind, language: Language, read: (r: RowReader) => T): { values: T[]; rejected: Rejection[] } {
  const rows = parseDelimited(decodeBytes(file.bytes).text);
  const match = findHeader(rows, [kind]);
  if (!match) {
    const reason = `${t(language, 'import.refuse.noHeader', { rows: Math.min(rows.length, 20) })} ${expectedHeaders(kind, language)}`;
    return { values: [], rejected: [{ file: file.name, sheet: null, row: 1, column: '', reason, raw: headersSeen(rows) }] };
  }
  const reader = new RowReader(rows[match.index], match.mapping);
  const values: T[] = [];
  const rejected: Rejection[] = [];
  for (let i = match.index + 1; i < rows.length; i++) {
    if (isBlankRow(rows[i])) continue;
    try {
      values.push(read(reader.at(rows[i])));
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      rejected.push({ file: file.name, sheet: null, row: i + 1, column: error.column, reason: t(language, error.key, error.params), raw: [...rows[i]] });
    }
  }
  return { values, rejected };
}

/** day/night, 白班/夜班 (早班/晚班 too); blank = day. */
export function shiftOf(text: string): Shift | null {
  const v = toHalfWidth(text).trim().toLowerCase();
  if (['', 'day', 'd', '白班', '早班', '日班', '白'].includes(v)) return 'day';
  if (['night', 'n', '夜班', '晚班', '夜'].includes(v)) return 'night';
  return null;
}

/** fine/reward, 罚款/奖励 (扣款/奖金 too). */
export function eventKindOf(text: string): PayEvent['kind'] | null {
  const v = toHalfWidth(text).trim().toLowerCase();
  if (['fine', 'penalty', '罚款', '扣款', '处罚', '罚'].includes(v)) return 'fine';
  if (['reward', 'bonus', '奖励', '奖金', '奖'].includes(v)) return 'reward';
  return null;
}

/** The roster: base pay blank = 0, shift blank = day, active blank = yes. */
export function readRoster(file: SourceFile, language: Language = 'en'): { agents: Agent[]; rejected: Rejection[] } {
  const { values, rejected } = readRows(file, 'roster', language, (r): Agent => {
    const name = agentNameOf(r.required('agent'));
    const shift = shiftOf(r.text('shift'));
    if (shift === null) throw new RowProblem(r.header('shift'), 'import.reject.shift', { value: r.text('shift') });
    return { name, id: r.text('id'), shift, basePay: r.amount('basePay') ?? 0, active: r.yesNo('active', true) };
  });
  return { agents: values, rejected };
}

/** Pay events: amount blank = from the rules (null). */
export function readEvents(file: SourceFile, language: Language = 'en'): { events: PayEvent[]; rejected: Rejection[] } {
  const { values, rejected } = readRows(file, 'events', language, (r): PayEvent => {
    r.required('date');
    const date = r.date('date') as string;
    const agent = agentNameOf(r.required('agent'));
    const kind = eventKindOf(r.required('kind'));
    if (kind === null) throw new RowProblem(r.header('kind'), 'import.reject.kind', { value: r.text('kind') });
    return { date, agent, kind, reason: r.text('reason'), amount: r.amount('amount') };
  });
  return { events: values, rejected };
}
