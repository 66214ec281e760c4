/**
 * The supervisor's logs as tables (CSV for the CLI, a tab's rows in Sheets):
 * the schedule, the problem log, the handover log and the coaching log, with
 * Chinese and English headers and values. Every bad row is a Rejection naming
 * file, row, column and reason; nothing in a cell is evaluated.
 */
import type { Language, Rejection } from '../core/types';
import type { ScheduleEntry } from '../core/schedule';
import { HANDOVER_STATUSES, PROBLEM_KINDS, PROBLEM_STATUSES, URGENCIES, type HandoverEntry, type ProblemEntry } from '../core/notebooks';
import { COACHING_PROBLEMS, type CoachingEntry } from '../core/coaching';
import { toHalfWidth } from '../core/values';
import { agentNameOf } from './agentName';
import { RowProblem, type RowReader } from './cells';
import { readTableRows as readRows, shiftOf, type RowsSource as SupervisorSource } from './tableRows';

/** Each value a column accepts, with the Chinese words written for it. */
const WORDS = {
  kind: {
    product: ['商品', '产品', '商品描述', 'product'], listing_error: ['链接错误', '详情页错误', '数据错误', 'listing error', 'listing_error'],
    promotion: ['活动', '促销', 'promotion'], logistics: ['物流', '快递', 'logistics'], complaint: ['投诉', 'complaint'],
    suggestion: ['建议', 'suggestion', 'idea'], other: ['其他', 'other'],
  },
  problemStatus: {
    open: ['待处理', '未处理', 'open', ''], done: ['已处理', '已完成', 'done'], suggestion_adopted: ['建议已采纳', '已采纳', 'suggestion adopted', 'suggestion_adopted'],
    listing_error_found: ['链接错误属实', '错误属实', 'listing error found', 'listing_error_found'], rejected: ['不采纳', '不属实', 'rejected'],
  },
  handoverStatus: { open: ['待处理', '未处理', 'open', ''], done: ['已处理', '已完成', 'done'] },
  urgency: { urgent: ['紧急', '急', 'urgent', 'high'], normal: ['一般', '普通', 'normal', ''], low: ['不急', '低', 'low'] },
  problem: {
    low_conversion: ['转化低', '转化率低', '询单转化低', 'low conversion', 'low_conversion'], slow_response: ['响应慢', '首响慢', 'slow response', 'slow_response'],
    low_qa_ratio: ['答问比低', 'low q/a ratio', 'low qa ratio', 'low_qa_ratio'], low_response_rate: ['回复率低', 'low response rate', 'low_response_rate'],
    other: ['其他', 'other'],
  },
  coachingStatus: { open: ['进行中', '跟进中', '未结束', 'open', ''], closed: ['已结束', '已关闭', 'closed', 'done'] },
} satisfies Record<string, Record<string, string[]>>;

/** A value of a closed list from its English key or Chinese word (case, width and spaces ignored). */
function oneOf<K extends string>(r: RowReader, field: string, words: Record<K, string[]>, allowed: readonly K[]): K {
  const text = toHalfWidth(r.text(field)).trim().toLowerCase().replace(/\s+/g, ' ');
  const hit = allowed.find((key) => words[key].some((w) => w.toLowerCase() === text));
  if (hit === undefined) throw new RowProblem(r.header(field), 'import.reject.notOneOf', { value: r.text(field), options: allowed.join(', ') });
  return hit;
}

function requiredDate(r: RowReader): string {
  r.required('date');
  return r.date('date') as string;
}

function shiftCell(r: RowReader, field: string) {
  const shift = shiftOf(r.text(field));
  if (shift === null) throw new RowProblem(r.header(field), 'import.reject.shift', { value: r.text(field) });
  return shift;
}

const origin = (file: SupervisorSource, row: number) => `${file.name} row ${row}`;

/** 排班表 rows: `date, agent, shift[, rotation, note]`; a blank rotation is a row the supervisor added. */
export function readSchedule(file: SupervisorSource, language: Language = 'en'): { entries: ScheduleEntry[]; rejected: Rejection[] } {
  const { values, rejected } = readRows(file, 'schedule', language, (r): ScheduleEntry => {
    const date = requiredDate(r);
    const agent = agentNameOf(r.required('agent'));
    const shift = shiftCell(r, 'shift');
    const rotation = r.text('rotation') === '' ? null : shiftCell(r, 'rotation');
    return { date, agent, shift, rotation, note: r.text('note') };
  });
  return { entries: values, rejected };
}

export function readProblems(file: SupervisorSource, language: Language = 'en'): { entries: ProblemEntry[]; rejected: Rejection[] } {
  const { values, rows, rejected } = readRows(file, 'problems', language, (r): Omit<ProblemEntry, 'origin'> => ({
    date: requiredDate(r),
    shift: shiftCell(r, 'shift'),
    agent: agentNameOf(r.required('agent')),
    reference: r.text('reference'),
    kind: r.text('kind') === '' ? 'other' : oneOf(r, 'kind', WORDS.kind, PROBLEM_KINDS),
    what: r.required('what'),
    urgency: oneOf(r, 'urgency', WORDS.urgency, URGENCIES),
    status: oneOf(r, 'status', WORDS.problemStatus, PROBLEM_STATUSES),
    doneBy: r.text('doneBy'),
    confirmed: r.yesNo('confirmed', false),
  }));
  return { entries: values.map((v, i) => ({ ...v, origin: origin(file, rows[i]) })), rejected };
}

export function readHandovers(file: SupervisorSource, language: Language = 'en'): { entries: HandoverEntry[]; rejected: Rejection[] } {
  const { values, rows, rejected } = readRows(file, 'handovers', language, (r): Omit<HandoverEntry, 'origin'> => ({
    date: requiredDate(r),
    shift: shiftCell(r, 'shift'),
    agent: agentNameOf(r.required('agent')),
    reference: r.text('reference'),
    what: r.required('what'),
    urgency: oneOf(r, 'urgency', WORDS.urgency, URGENCIES),
    status: oneOf(r, 'status', WORDS.handoverStatus, HANDOVER_STATUSES),
    doneBy: r.text('doneBy'),
  }));
  return { entries: values.map((v, i) => ({ ...v, origin: origin(file, rows[i]) })), rejected };
}

export function readCoaching(file: SupervisorSource, language: Language = 'en'): { entries: CoachingEntry[]; rejected: Rejection[] } {
  const { values, rows, rejected } = readRows(file, 'coaching', language, (r): Omit<CoachingEntry, 'origin'> => ({
    date: requiredDate(r),
    agent: agentNameOf(r.required('agent')),
    problem: oneOf(r, 'problem', WORDS.problem, COACHING_PROBLEMS),
    detail: r.text('detail'),
    measure: r.required('measure'),
    status: oneOf(r, 'status', WORDS.coachingStatus, ['open', 'closed'] as const),
  }));
  return { entries: values.map((v, i) => ({ ...v, origin: origin(file, rows[i]) })), rejected };
}

/** The list columns of the logs, each with its values in drop-down order. */
const CHOICES = {
  shift: { day: ['白班'], night: ['夜班'] },
  kind: WORDS.kind,
  problemStatus: WORDS.problemStatus,
  handoverStatus: WORDS.handoverStatus,
  urgency: WORDS.urgency,
  problem: WORDS.problem,
  coachingStatus: WORDS.coachingStatus,
  yesNo: { yes: ['是'], no: ['否'] },
} satisfies Record<string, Record<string, string[]>>;

export type ChoiceList = keyof typeof CHOICES;

/**
 * The values a drop-down of a list column offers (Sheets' data validation):
 * the English keys, or in Chinese the first Chinese word of each (every one
 * of them reads back as its key).
 */
export function choicesOf(list: ChoiceList, language: Language): string[] {
  const words: Record<string, string[]> = CHOICES[list];
  return Object.keys(words).map((key) => (language === 'zh' ? words[key].find((w) => /[^\x00-\x7f]/.test(w)) ?? key : key));
}
