/**
 * 给老板的日报 (SPEC §1.1 "report to the owner", issue 10): the few lines the
 * supervisor used to retype every morning, in the report's language — the
 * day and whether it is final, conversion against target and the days before,
 * sales against target, the CS share of shop sales, the best and weakest agent
 * (only agents with the minimum sample), staffing, unremarked orders, and one
 * line on anything provisional or doubtful. Shown at the top of the Daily tab,
 * in the Sheets dialog after a build, and as summary.txt from the CLI.
 */
import { rolledSum } from '../core/rollup';
import type { IsoDate, Order } from '../core/types';
import { addDays, dayOf, daysInMonth, monthOf } from '../core/dates';
import { ratio, sumCounts } from '../core/metrics';
import { agentsNeeded } from '../core/bands';
import { t } from '../i18n';
import { agentDaysOn, type ReportData } from './data';
import type { DailyFigures } from './daily';
import { moneyText, percentText } from './format';
import { shopLines } from './shopBlock';
import { dailyTeamRatios } from './dailyTeam';
import { inquiryMinimum } from '../core/inquiryMinimum';

/** `▲ 1.2 个百分点` / `▲ 1.2 pp`: a change of a rate, in the report's language. */
function pointsChange(lang: ReportData['input']['language'], now: number | null, before: number | null): string {
  if (now == null || before == null) return '—';
  const diff = (now - before) * 100;
  const arrow = diff > 0.05 ? '▲' : diff < -0.05 ? '▼' : '＝';
  return t(lang, 'owner.points', { arrow, points: Math.abs(diff).toFixed(1) });
}

/** Paid orders of the day that no remark attributes, and their amount. */
function unremarkedOn(data: ReportData, date: IsoDate): Order[] {
  return data.claims.unattributed.filter((o) => o.paidAt != null && dayOf(o.paidAt) === date);
}

/** A count for the message: "—" when the exports have not counted it yet, never 0. */
const countText = (n: number | null | undefined): string | number => (n == null ? '—' : n);

/**
 * Only owner-level lines: a target, staffing and a sales target appear only
 * when the supervisor set them (a default is no shop's target); data-quality
 * findings stay on the Daily tab's notes.
 */
export function ownerMessage(data: ReportData, daily: DailyFigures, openClaims: { count: number; amount: number } | null = null): string[] {
  const { rules, language: lang } = data.input;
  const { date } = daily;
  const lines: string[] = [];
  const provisional = daily.provisional.length > 0;
  lines.push(t(lang, provisional ? 'owner.titleProvisional' : 'owner.title', { date }));

  const c = daily.teamRatios.inquiryConversion;
  // A day with nothing imported is no comparison ("—"), not a day of 0 %.
  const before = (d: IsoDate) => (agentDaysOn(data, d).length === 0 ? null : dailyTeamRatios(data, d).inquiryConversion);
  const comparison = { value: percentText(c), vsPrevious: pointsChange(lang, c, before(addDays(date, -1))), vsLastWeek: pointsChange(lang, c, before(addDays(date, -7))) };
  lines.push(rules.conversionTarget == null ? t(lang, 'owner.conversionNoTarget', comparison) : t(lang, 'owner.conversion', { ...comparison, target: percentText(rules.conversionTarget) }));

  const month = monthOf(date);
  const dayTarget = rules.dailySalesTarget ?? (rules.monthlySalesTarget == null ? null : rules.monthlySalesTarget / daysInMonth(month));
  const sales = daily.team.sales;
  if (dayTarget != null && sales != null) {
    const monthSales = sumCounts(
      Array.from({ length: Number(date.slice(8, 10)) }, (_, i) => agentDaysOn(data, `${month}-${String(i + 1).padStart(2, '0')}`)).flat(),
    ).sales;
    const monthTarget = rules.monthlySalesTarget ?? dayTarget * daysInMonth(month);
    lines.push(t(lang, 'owner.salesTarget', { sales: moneyText(sales), ofDay: percentText(ratio(sales, dayTarget), 1), ofMonth: percentText(ratio(monthSales, monthTarget), 1) }));
  } else {
    lines.push(t(lang, 'owner.sales', { sales: moneyText(sales) }));
  }

  const shop = new Map(shopLines(data, date, daily.team, daily.teamRatios).map((l) => [l.label, l.value]));
  // A share over the whole shop means the pages disagree on scope or attribution: a note on the Daily tab, not news for the owner.
  const share = shop.get('shop.csShare');
  if (share != null && share <= 1) lines.push(t(lang, 'owner.shopShare', { share: percentText(share, 1), silent: moneyText(shop.get('shop.silentSales') ?? null) }));

  const { minimum } = inquiryMinimum(rules, data.agentDays, date, date);
  const judged = daily.agents.filter((a) => (a.day.inquiries ?? 0) >= minimum && a.ratios.inquiryConversion != null);
  const byConversion = [...judged].sort((a, b) => b.ratios.inquiryConversion! - a.ratios.inquiryConversion! || (b.day.inquiries ?? 0) - (a.day.inquiries ?? 0));
  const who = (a: (typeof judged)[number]) =>
    t(lang, 'owner.agentSample', { agent: a.day.agent, value: percentText(a.ratios.inquiryConversion), inquiries: countText(a.day.inquiries), paid: countText(a.day.paid) });
  if (byConversion.length >= 2) lines.push(t(lang, 'owner.bestWorst', { best: who(byConversion[0]), worst: who(byConversion[byConversion.length - 1]) }));
  else if (byConversion.length === 1) lines.push(t(lang, 'owner.onlyOneJudged', { best: who(byConversion[0]) }));
  else if (daily.team.inquiries != null) lines.push(t(lang, 'owner.noneEnough'));

  if (rules.inquiriesPerAgent != null) {
    const onDuty = new Set(daily.agents.map((a) => a.day.agent)).size;
    const needed = daily.team.inquiries == null ? null : agentsNeeded(daily.team.inquiries, rules.inquiriesPerAgent);
    lines.push(t(lang, 'owner.staffing', { onDuty, needed: countText(needed) }));
  }

  const unremarked = unremarkedOn(data, date);
  const rolled = rolledSum(data.input.rolledUp, 'unattributed', date);
  const open = openClaims ?? { count: unremarked.length + rolled.orders, amount: unremarked.reduce((s, o) => s + o.amount, rolled.amount) };
  lines.push(t(lang, 'owner.unremarked', { date, count: open.count, amount: moneyText(open.amount) }));

  if (provisional) lines.push(t(lang, 'owner.provisional', { final: data.finality.latestFinal ?? '—' }));
  return lines;
}
