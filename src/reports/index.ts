/**
 * Every report of one run (SPEC §6), computed whole from the stored data and
 * settings: the tab descriptions both writers render, the machine CSVs, and a
 * one-screen summary. The Sheets menu and the CLI both call this.
 */
import type { IsoDate } from '../core/types';
import type { CsvTable, TabSpec } from './types';
import { computePayroll } from '../core/payroll';
import { dayOf, monthOf } from '../core/dates';
import { periodContaining } from '../core/periods';
import { t, type Language, type MessageKey } from '../i18n';
import { prepareReportData, type ReportData, type ReportInput, type ReportRequest } from './data';
import { dailyCsv, dailyFigures, dailyTab } from './daily';
import { computeRanking, rankingCsv, rankingTab } from './ranking';
import { payrollCsv, payrollTab } from './payrollTab';
import { computeScorecard } from '../core/scorecard';
import { scorecardCsv, scorecardTab } from './scorecardTab';
import { carriedClaims, importErrorsCsv, importErrorsTab, unattributedCsv, unattributedOrders, unattributedTab } from './lists';
import { pickUnattributed } from './unattributedPick';
import { moneyText, percentText } from './format';
import { ownerMessage } from './ownerMessage';
import { appendCycles } from './cyclesBlock';
import { rewardEvents } from '../core/notebooks';
import { coachingOf, measuresLine } from './coachingTab';
import { appendNotebooks } from './notebooksRun';
import { appendNightShift } from './nightBlock';
import { finalOnly } from '../core/finalDays';
import { chatReview, type ChatReview } from './chatReview';
import { reviewCsv, reviewTab } from './reviewTab';
import { computedDayOf, type ComputedDay } from './computedDays';

export type { ReportInput, ReportChoice, ReportRequest, ReportData, StoreCapacity } from './data';

export interface ReportRun {
  date: IsoDate | null;
  /** The latest day whose figures are final (the default report day), null when none is. */
  latestFinal: IsoDate | null;
  tabs: TabSpec[];
  csvs: CsvTable[];
  summary: string[];
  /** 给老板的日报: the owner's message of the reported day (empty when there is no day). */
  ownerMessage: string[];
  /** The engine's figures of the days among ReportRequest.computeDays (rolled-up days have their roll-up). */
  computedDays: ComputedDay[];
}

/** The days asked for, as the engine found them. */
function computedDaysOf(data: ReportData, days: readonly IsoDate[] | undefined): ComputedDay[] {
  const rolledUp = new Set(data.input.rolledUp?.days ?? []);
  return (days ?? []).filter((d) => !rolledUp.has(d)).map((d) => computedDayOf(data.result, d, data.input.consultations, data.input.orders));
}

/** The engine's figures of `days` from `input` (its reads cover their dependencies), as a run given them as ReportRequest.computeDays returns them. */
export function engineDays(input: ReportInput, now: ReportRequest['now'], days: readonly IsoDate[]): ComputedDay[] {
  return computedDaysOf(prepareReportData(input, now), days);
}

/** The day a run asked for no day reports: the latest day whose figures are final, else the latest with data. */
export function defaultReportDay(input: ReportInput, now: ReportRequest['now']): IsoDate | null {
  const data = prepareReportData(input, now);
  return data.finality.latestFinal ?? data.latest;
}

/** The reported date: the one asked for, else the latest day whose figures are final, else the latest with data. */
function reportDate(data: ReportData, request: ReportRequest): IsoDate | null {
  return request.date ?? data.finality.latestFinal ?? data.latest;
}

/** The console's line of the review: chats listed, or the exports' counts when no flagged agent's chats were imported. */
function reviewSummary(review: ChatReview, lang: Language): string[] {
  if (review.agents.length === 0) return [];
  const listed = review.agents.reduce((n, a) => n + a.chats.length, 0);
  const fromChats = review.agents.some((a) => a.source === 'chats');
  return [t(lang, fromChats ? 'summary.review' : 'summary.reviewExports', { date: review.date, chats: listed, agents: review.agents.length })];
}

export function buildReports(input: ReportInput, request: ReportRequest): ReportRun {
  const data = prepareReportData(input, request.now);
  const lang = input.language;
  const date = reportDate(data, request);
  const tabs: TabSpec[] = [];
  const csvs: CsvTable[] = [];
  const summary: string[] = [];
  if (data.clockBeforeData) summary.push(t(lang, 'summary.clockBeforeData', { today: data.today, first: data.clockBeforeData }));
  let message: string[] = [];

  if (date) {
    const daily = dailyFigures(data, date);
    const coaching = coachingOf(data, date);
    message = [...ownerMessage(data, daily), ...measuresLine(data, coaching, date)];
    tabs.push(dailyTab(data, daily, message));
    csvs.push(dailyCsv(data, daily));
    const review = chatReview(data, daily);
    summary.push(
      t(lang, 'summary.daily', {
        date,
        inquiries: daily.team.inquiries ?? '—',
        paid: daily.team.paid ?? '—',
        conversion: percentText(daily.teamRatios.inquiryConversion),
        sales: moneyText(daily.team.sales),
      }),
    );
    if (daily.provisional.length > 0) {
      const reasons = daily.provisional.map((r) => t(lang, `summary.provisional.${r}` as MessageKey)).join(lang === 'zh' ? '、' : ', ');
      const final = data.finality.latestFinal;
      summary.push(final ? t(lang, 'summary.provisional', { date, reasons, final }) : t(lang, 'summary.provisionalNone', { date, reasons }));
    }
    const period = periodContaining(request.period === 'month' && request.month ? `${request.month}-01` : date, request.period ?? 'day');
    const ranking = computeRanking(data, period);
    const rankingSpec = rankingTab(data, ranking);
    appendCycles(rankingSpec, data, period);
    appendNightShift(rankingSpec, data, period);
    tabs.push(rankingSpec);
    csvs.push(rankingCsv(data, ranking));
    const ranked = ranking.rows.filter((r) => r.rank != null).length;
    const uncounted = ranking.rows.filter((r) => r.unranked === 'no_data').length;
    const under = ranking.rows.length - ranked - uncounted;
    summary.push(t(lang, uncounted > 0 ? 'summary.rankingUncounted' : 'summary.ranking', { period: period.label, ranked, unranked: under, uncounted }));
    if (ranking.provisionalDays.length > 0) summary.push(t(lang, 'summary.rankingProvisional', { days: ranking.provisionalDays.join(', ') }));

    const month = request.month ?? monthOf(date);
    // Pay and grades judge final figures only; the tabs say which days were left out.
    const finalDays = finalOnly(data.agentDays, data.finality.provisional);
    const scorecard = computeScorecard({
      month,
      roster: input.roster,
      agentDays: finalDays,
      attributed: data.claims.attributed,
      events: input.events,
      orders: input.orders,
      shopByDate: data.shopByDate,
      rules: input.rules,
      language: lang,
      rolledUp: input.rolledUp,
    });
    const payroll = computePayroll({
      month,
      roster: input.roster,
      agentDays: finalDays,
      attributed: data.claims.attributed,
      unattributed: data.claims.unattributed,
      // Confirmed problem-log outcomes are derived on every build, never stored: a rebuild cannot pay one twice.
      events: [...input.events, ...rewardEvents(input.problems ?? [])],
      rules: input.rules,
      scorecard,
      language: lang,
      shiftOn: data.shiftOn,
      workedDays: data.agentDays,
      credits: data.result.credits,
      rolledUp: input.rolledUp,
    });
    tabs.push(payrollTab(data, payroll));
    csvs.push(payrollCsv(data, payroll));
    tabs.push(scorecardTab(data, scorecard));
    csvs.push(scorecardCsv(data, scorecard));
    const scored = scorecard.rows.filter((r) => r.score != null).length;
    summary.push(
      scorecard.card.enabled
        ? t(lang, 'summary.scorecard', { month, scored, unscored: scorecard.rows.length - scored, total: moneyText(scorecard.rows.reduce((s, r) => s + r.performancePay, 0)) })
        : t(lang, 'summary.scorecardOff', { month, scored }),
    );
    summary.push(t(lang, 'summary.payroll', { month, agents: payroll.rows.length, total: moneyText(payroll.rows.reduce((s, r) => s + r.total, 0)) }));
    appendNotebooks(data, date, coaching, { tabs, csvs, summary });
    // The flagged agents' chats to read, after the period tabs: the tabs before keep their places.
    tabs.push(reviewTab(data, review));
    csvs.push(reviewCsv(data, review));
    summary.push(...reviewSummary(review, lang));
  }

  // The payroll month's orders: the period the supervisor claims orders for.
  const listMonth = date ? (request.month ?? monthOf(date)) : (request.month ?? null);
  const orders = unattributedOrders(data, listMonth);
  // The tab lists what a supervisor can act on (at most UNATTRIBUTED_LISTED_MAX orders, the report day's first); the csv and the counts keep the month.
  const listing = pickUnattributed(data, orders, date);
  tabs.push(unattributedTab(data, orders, listMonth, listing, carriedClaims(data, listing.listed)));
  csvs.push(unattributedCsv(data, orders, carriedClaims(data, orders)));
  const open = orders.filter((o) => !data.claims.claimedBy.has(o.orderId));
  const amount = moneyText(open.reduce((s, o) => s + o.amount, 0));
  const paidDays = open.flatMap((o) => (o.paidAt == null ? [] : [dayOf(o.paidAt)])).sort();
  const [first, last] = [paidDays[0], paidDays[paidDays.length - 1]];
  const span = first === last ? first : t(lang, 'summary.span', { first, last });
  summary.push(paidDays.length > 0 ? t(lang, 'summary.unattributedSpan', { span, count: open.length, amount }) : t(lang, 'summary.unattributed', { count: open.length, amount }));
  if (data.claims.claimedBy.size > 0) summary.push(t(lang, 'summary.claims', { count: data.claims.claimedBy.size }));
  for (const { claim, why } of data.claims.refused) summary.push(t(lang, why === 'unknown_agent' ? 'claims.unknownAgent' : 'claims.notOpen', { ...claim }));

  tabs.push(importErrorsTab(data, input.rejections));
  csvs.push(importErrorsCsv(data, input.rejections));
  summary.push(t(lang, 'summary.importErrors', { count: input.rejections.length }));
  return { date, latestFinal: data.finality.latestFinal, tabs, csvs, summary, ownerMessage: message, computedDays: computedDaysOf(data, request.computeDays) };
}
