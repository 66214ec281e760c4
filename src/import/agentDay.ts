/**
 * One row of an agent-day export → what it states about that agent-day
 * (ExportedAgentDay): every figure the report has, as written, and which of
 * them are not final yet. Nothing is derived here: the reports of one day are
 * merged field by field first (core/exportMerge), so a rate in one report and
 * the count it applies to in another still meet.
 */
import type { CountFigure, ExportedAgentDay, ExportFigure, IsoDate, StatedFigure } from '../core/types';
import { agentNameOf, shopOfAccount } from './agentName';
import { RowProblem, type RowReader } from './cells';

type Reading = 'count' | 'amount' | 'rate' | 'seconds' | 'number';

/** How each figure is written in exports: whole counts, money, 0..1 rates, durations or plain numbers. */
export const FIGURE_READING: Record<ExportFigure, Reading> = {
  consultations: 'count', receptions: 'count', excluded: 'count', inquiries: 'count', placed: 'count', paid: 'count',
  salesBuyers: 'count', sales: 'amount', items: 'count', couponBuyers: 'count', buyerMessages: 'count', agentMessages: 'count',
  orders: 'count', unanswered: 'count', slowResponses: 'count', longReceptions: 'count', directReceptions: 'count',
  transfersIn: 'count', transfersOut: 'count', peakConcurrent: 'count', daysWorked: 'amount', verySatisfied: 'count',
  satisfied: 'count', neutral: 'count', dissatisfied: 'count', veryDissatisfied: 'count', silentPaid: 'count',
  silentSales: 'amount', netSales: 'amount', refundDisputes: 'count', complaints: 'count', lowRatings: 'count',
  responseRate: 'rate', inquiryConversion: 'rate', orderRate: 'rate', paymentRate: 'rate', nextDayConversion: 'rate',
  sameDayConversion: 'rate', qaRatio: 'number', aov: 'amount', itemsPerBuyer: 'number', firstResponseSec: 'seconds',
  avgResponseSec: 'seconds', avgSessionSec: 'seconds', satisfactionRate: 'rate', ratingInviteRate: 'rate',
  responseRate3min: 'rate', responseRate30s: 'rate', serviceScore: 'number', refundRate: 'rate',
};

const FIGURES = Object.keys(FIGURE_READING) as ExportFigure[];

/** 赤兔 writes `延迟统计` where a figure will be counted later. */
const PENDING = /^\s*延迟统计\s*$/;
/** A header marked `…延` holds a delayed (not yet final) figure; `…修` a corrected one, which is final. */
const DELAYED_HEADER = /延\s*$/;
/** 赤兔 leaves 询单人数 blank until it has counted it: blank there means "not yet", not "none". */
const BLANK_MEANS_PENDING = new Set<ExportFigure>(['inquiries']);

function read(r: RowReader, figure: ExportFigure): number | null {
  switch (FIGURE_READING[figure]) {
    case 'count':
      return r.count(figure);
    case 'rate':
      return r.rate(figure);
    case 'seconds':
      return r.seconds(figure);
    default:
      return r.amount(figure);
  }
}

export interface ReportSource {
  source: string;
  report: string;
}

/**
 * @param tableDate the day of a file without a date column (title line, file name or the user's pick)
 */
export function exportedAgentDayFromRow(r: RowReader, tableDate: IsoDate | null, from: ReportSource): ExportedAgentDay {
  const account = r.required('agent');
  const agent = agentNameOf(account);
  // A cell of invisible characters only is as good as blank once they are stripped.
  if (agent === '') throw new RowProblem(r.header('agent'), 'import.reject.required', { column: r.header('agent') });
  const shop = r.has('shop') ? r.text('shop') : shopOfAccount(account);
  const date = r.date('date') ?? tableDate;
  if (date === null) {
    if (r.has('date')) throw new RowProblem(r.header('date'), 'import.reject.required', { column: r.header('date') });
    throw new RowProblem('', 'import.reject.noDate');
  }
  const figures: Partial<Record<ExportFigure, number>> = {};
  const provisional: ExportFigure[] = [];
  for (const figure of FIGURES) {
    if (!r.has(figure)) continue;
    const raw = r.raw(figure);
    const value = read(r, figure);
    if (value !== null) figures[figure] = value;
    const pending = PENDING.test(raw) || DELAYED_HEADER.test(r.header(figure)) || (value === null && raw.trim() === '' && BLANK_MEANS_PENDING.has(figure));
    if (pending) provisional.push(figure);
  }
  return { date, shop, agent, source: from.source, report: from.report, figures, provisional };
}

export type { CountFigure, StatedFigure };
