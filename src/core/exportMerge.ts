/**
 * One agent-day from several exports of it (issue 8). 赤兔 gives a day as
 * several reports, each stating part of the picture (人均日接入: 回复率 and
 * conversion; 每周店铺个人数据: 询单 and 销售额; 客服数据: messages and response
 * times), so they are merged figure by figure, never row by row:
 *
 * - For each figure, the candidates are the rows (one per source) that state it.
 *   A final figure beats a provisional one (延迟统计); then the more specific
 *   report wins, i.e. the row stating fewer figures (a report dedicated to a
 *   figure knows it best); then the source signature, so the result never
 *   depends on the order files were read in.
 * - Candidates that disagree with the kept value are returned as conflicts
 *   (listed under data quality), never dropped silently.
 * - Only then are missing counts derived from the stated rates (paid from
 *   conversion × inquiries even when the two come from different reports), and
 *   stated means turned into weighted sums so team and period means stay
 *   weighted. A stated rate or mean is kept as stated (AgentDay.stated).
 */
import type { AgentDay, CountFigure, ExportedAgentDay, ExportFigure, StatedFigure, StatedFigures } from './types';
import { emptyCounts } from './metrics';
import { groupBy } from './groupBy';

/** The rate and mean figures an export can state (everything else it states is a count). */
export const STATED_FIGURES: readonly StatedFigure[] = [
  'responseRate', 'inquiryConversion', 'orderRate', 'paymentRate', 'nextDayConversion', 'sameDayConversion', 'qaRatio', 'aov',
  'itemsPerBuyer', 'firstResponseSec', 'avgResponseSec', 'avgSessionSec', 'satisfactionRate', 'ratingInviteRate', 'responseRate3min',
  'responseRate30s', 'serviceScore', 'refundRate',
];
const STATED = new Set<string>(STATED_FIGURES);
export const isStatedFigure = (figure: string): figure is StatedFigure => STATED.has(figure);

/** Two statements of one figure that differ by more than rounding. */
export interface SourceConflict {
  date: string;
  shop: string;
  agent: string;
  figure: ExportFigure;
  kept: { report: string; value: number };
  other: { report: string; value: number };
}

export interface MergedExports {
  agentDays: AgentDay[];
  conflicts: SourceConflict[];
}

/** Rates are stated to 4 decimals, counts and amounts to 2: closer than this is the same figure. */
function differs(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-4 * Math.max(1, Math.abs(a), Math.abs(b));
}

const round2 = (n: number) => Math.round(n * 100) / 100;
/** Drops float noise (84.46000000000001) from figures rebuilt as mean × weight. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

interface Candidate {
  row: ExportedAgentDay;
  value: number | null;
  provisional: boolean;
  width: number;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  if ((a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1;
  if (a.provisional !== b.provisional) return a.provisional ? 1 : -1;
  if (a.width !== b.width) return a.width - b.width;
  return a.row.source < b.row.source ? -1 : a.row.source > b.row.source ? 1 : 0;
}

export const exportKey = (d: { date: string; shop?: string; agent: string }) => `${d.date}\u0000${d.shop ?? ''}\u0000${d.agent}`;

/** Merge every export row of the same date + shop + agent into one agent-day (in order of first appearance). */
export function mergeExports(rows: readonly ExportedAgentDay[]): MergedExports {
  const conflicts: SourceConflict[] = [];
  const agentDays: AgentDay[] = [];
  for (const group of groupBy(rows, exportKey).values()) {
    const chosen = new Map<ExportFigure, Candidate>();
    const candidates = groupBy(
      group.flatMap((row) => {
        const width = Object.keys(row.figures).length;
        const stated = Object.entries(row.figures).map(([figure, value]) => ({ figure, candidate: { row, value: value as number, provisional: row.provisional.includes(figure as ExportFigure), width } }));
        const pending = row.provisional.filter((f) => !(f in row.figures)).map((figure) => ({ figure, candidate: { row, value: null, provisional: true, width } }));
        return [...stated, ...pending];
      }),
      (c) => c.figure,
    );
    for (const [figure, list] of candidates) {
      const sorted = list.map((c) => c.candidate).sort(compareCandidates);
      const kept = sorted[0];
      chosen.set(figure as ExportFigure, kept);
      if (kept.value === null) continue;
      for (const other of sorted.slice(1)) {
        // A provisional figure replaced by a final one is the count catching up, not a disagreement.
        if (other.value !== null && !other.provisional && differs(kept.value, other.value)) {
          const { date, shop, agent } = kept.row;
          conflicts.push({ date, shop, agent, figure: figure as ExportFigure, kept: { report: kept.row.report, value: kept.value }, other: { report: other.row.report, value: other.value } });
        }
      }
    }
    agentDays.push(agentDayFromFigures(group[0], chosen));
  }
  return { agentDays, conflicts };
}

/** The agent-day the chosen figures make: counts as stated, missing counts derived, means as weighted sums. */
function agentDayFromFigures(first: ExportedAgentDay, chosen: Map<ExportFigure, Candidate>): AgentDay {
  const day: AgentDay = { date: first.date, agent: first.agent, shop: first.shop, ...emptyCounts() };
  const stated: Partial<StatedFigures> = {};
  const provisional = new Set<ExportFigure>();
  for (const [figure, candidate] of chosen) {
    if (candidate.provisional) provisional.add(figure);
    if (candidate.value === null) continue;
    if (isStatedFigure(figure)) stated[figure] = candidate.value;
    else day[figure as CountFigure] = candidate.value;
  }
  const pending = (...figures: ExportFigure[]) => figures.some((f) => provisional.has(f));
  const derive = (figure: CountFigure, value: number, from: ExportFigure[]) => {
    day[figure] = value;
    if (pending(...from)) provisional.add(figure);
  };

  // 生意参谋 and 人均日接入 give only the rate: paid buyers are a whole number, so rate × inquiries rounds to it.
  if (day.paid === null && stated.inquiryConversion !== undefined && day.inquiries !== null) {
    derive('paid', Math.round(stated.inquiryConversion * day.inquiries), ['inquiryConversion', 'inquiries']);
  }
  // A missing receptions count from 回复率 × 咨询 (SPEC §2's definition; a tool's own rate is still shown as stated).
  if (day.receptions === null && stated.responseRate !== undefined && day.consultations !== null) {
    derive('receptions', Math.round(stated.responseRate * day.consultations), ['responseRate', 'consultations']);
  }
  // 客单价 and 客件数 are per paying buyer (销售人数) when the export states them, else per paid inquiry.
  const buyers: [number | null, ExportFigure] = day.salesBuyers !== null ? [day.salesBuyers, 'salesBuyers'] : [day.paid, 'paid'];
  if (day.items === null && stated.itemsPerBuyer !== undefined && buyers[0] !== null) derive('items', round6(stated.itemsPerBuyer * buyers[0]), ['itemsPerBuyer', buyers[1]]);
  if (day.sales === null && stated.aov !== undefined && buyers[0] !== null) derive('sales', round2(stated.aov * buyers[0]), ['aov', buyers[1]]);

  // No reply means no reply delay to time: the 0 s such a row states is no figure, never the fastest answer.
  if (answeredNobody(day, stated)) {
    delete stated.firstResponseSec;
    delete stated.avgResponseSec;
  }
  // A mean is kept as (mean × weight, weight) so team means stay weighted (response times by receptions).
  const weight = day.receptions ?? day.consultations ?? day.inquiries ?? 1;
  const weighted = (mean: number | undefined): [number | null, number | null] => (mean === undefined ? [null, null] : [round6(mean * weight), weight]);
  [day.firstResponseTotalSec, day.firstResponseSamples] = weighted(stated.firstResponseSec);
  [day.responseTotalSec, day.responseSamples] = weighted(stated.avgResponseSec);
  [day.sessionTotalSec, day.sessionSamples] = weighted(stated.avgSessionSec);
  // Only when the export gives no message counts is 答问比 turned into an estimate of them.
  if (day.buyerMessages === null && day.agentMessages === null && stated.qaRatio !== undefined) {
    day.buyerMessages = weight;
    day.agentMessages = round6(stated.qaRatio * weight);
  }
  if (Object.keys(stated).length > 0) day.stated = stated;
  if (provisional.size > 0) day.provisional = [...provisional].sort();
  return day;
}

/**
 * The agent replied to nobody that day: no receptions, every consultation
 * unanswered (未回复 = 咨询), no agent message, or a stated 回复率 of 0.
 * 赤兔 writes 0 s of response time for such a day.
 */
export function answeredNobody(day: AgentDay, stated: Partial<StatedFigures>): boolean {
  if (day.receptions === 0 || day.agentMessages === 0 || stated.responseRate === 0) return true;
  return day.unanswered != null && day.consultations != null && day.consultations > 0 && day.unanswered >= day.consultations;
}

/**
 * On duty: the agent had consultations or receptions that day. An export's
 * row of zeros is an account that was not working, not an agent on duty.
 */
export function isOnDuty(day: AgentDay): boolean {
  if ((day.consultations ?? 0) > 0 || (day.receptions ?? 0) > 0) return true;
  // Exports without either count (生意参谋's 询单 pages): any inquiry or sale shows the agent worked.
  return day.consultations === null && day.receptions === null && ((day.inquiries ?? 0) > 0 || (day.sales ?? 0) > 0);
}
