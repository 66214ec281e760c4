/**
 * One row of an agent-day export → AgentDay. Exports give some figures only
 * as means or ratios; they are turned back into weighted sums here so that
 * team and period figures stay sums (SPEC §2).
 */
import type { AgentDay, IsoDate } from '../core/types';
import { agentNameOf } from './agentName';
import { RowProblem, type RowReader } from './cells';

const round2 = (n: number) => Math.round(n * 100) / 100;
/** Drops float noise (84.46000000000001) from figures rebuilt as mean × weight. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * @param tableDate the day of a file without a date column (title line, file name or the user's pick)
 */
export function agentDayFromRow(r: RowReader, tableDate: IsoDate | null): AgentDay {
  const agent = agentNameOf(r.required('agent'));
  const date = r.date('date') ?? tableDate;
  if (date === null) {
    if (r.has('date')) throw new RowProblem(r.header('date'), 'import.reject.required', { column: r.header('date') });
    throw new RowProblem('', 'import.reject.noDate');
  }
  const consultations = r.count('consultations');
  let receptions = r.count('receptions');
  const excluded = r.count('excluded');
  const inquiries = r.count('inquiries');
  const placed = r.count('placed');
  let paid = r.count('paid');
  const salesBuyers = r.count('salesBuyers');
  let sales = r.amount('sales');
  let items = r.count('items');
  const itemsPerBuyer = r.amount('itemsPerBuyer');
  const aov = r.amount('aov');
  const couponBuyers = r.count('couponBuyers');
  let buyerMessages = r.count('buyerMessages');
  let agentMessages = r.count('agentMessages');
  const qaRatio = r.amount('qaRatio');
  const responseRate = r.rate('responseRate');
  const firstResponse = r.seconds('firstResponseSec');
  const avgResponse = r.seconds('avgResponseSec');
  // Read to refuse nonsense (and the conversion to fill a missing paid); derived figures are recomputed from the counts.
  r.seconds('avgReceptionSec');
  const conversion = r.rate('inquiryConversion');
  r.rate('orderRate');

  // 回复率 = 接待 ÷ 咨询, so an export with the rate and consultations gives receptions.
  if (receptions === null && responseRate !== null && consultations !== null) receptions = Math.round(responseRate * consultations);
  // 生意参谋 gives only the rate: paid buyers are a whole number, so the rate × inquiries rounds to it.
  if (paid === null && conversion !== null && inquiries !== null) paid = Math.round(conversion * inquiries);
  if (items === null && itemsPerBuyer !== null && paid !== null) items = round6(itemsPerBuyer * paid);
  if (sales === null && aov !== null && paid !== null) sales = round2(aov * paid);

  // A mean is kept as (mean × weight, weight) so team means stay weighted (first response by receptions).
  const weight = receptions ?? consultations ?? inquiries ?? 1;
  const weighted = (mean: number | null) => (mean === null ? [null, null] : [round6(mean * weight), weight]);
  const [firstResponseTotalSec, firstResponseSamples] = weighted(firstResponse);
  const [responseTotalSec, responseSamples] = weighted(avgResponse);
  if (buyerMessages === null && agentMessages === null && qaRatio !== null) {
    buyerMessages = weight;
    agentMessages = round6(qaRatio * weight);
  }

  return {
    date,
    agent,
    consultations,
    receptions,
    excluded,
    inquiries,
    placed,
    paid,
    salesBuyers,
    sales,
    items,
    couponBuyers,
    firstResponseTotalSec,
    firstResponseSamples,
    responseTotalSec,
    responseSamples,
    buyerMessages,
    agentMessages,
  };
}
