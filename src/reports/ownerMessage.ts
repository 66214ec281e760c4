/**
 * 给老板的日报 (SPEC §1.1 "report to the owner", issue 10): the few lines the
 * supervisor used to retype every morning, in the report's language — the
 * day and whether it is final, conversion against target and the days before,
 * sales against target, the CS share of shop sales, the best and weakest agent
 * (only agents with the minimum sample), staffing, unremarked orders, and one
 * line on anything provisional or doubtful. Shown at the top of the Daily tab,
 * in the Sheets dialog after a build, and as summary.txt from the CLI.
 */
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

export function ownerMessage(data: ReportData, daily: DailyFigures, openClaims: { count: number; amount: number } | null = null): string[] {
  const { rules, language: lang } = data.input;
  const { date } = daily;
  const lines: string[] = [];
  const provisional = daily.provisional.length > 0;
  lines.push(t(lang, provisional ? 'owner.titleProvisional' : 'owner.title', { date }));

  const c = daily.teamRatios.inquiryConversion;
  const before = (d: IsoDate) => dailyTeamRatios(data, d).inquiryConversion;
  lines.push(
    t(lang, 'owner.conversion', {
      value: percentText(c),
      target: percentText(rules.conversionTarget),
      vsPrevious: pointsChange(lang, c, before(addDays(date, -1))),
      vsLastWeek: pointsChange(lang, c, before(addDays(date, -7))),
    }),
  );

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
  if (shop.has('shop.csShare')) {
    const share = shop.get('shop.csShare')!;
    // More than the whole shop means the pages disagree on the day or the scope: say so rather than print 111 %.
    if (share > 1) lines.push(t(lang, 'owner.shopShareOver', { cs: moneyText(shop.get('shop.csSales') ?? null), shop: moneyText(shop.get('shop.sales') ?? null) }));
    else lines.push(t(lang, 'owner.shopShare', { share: percentText(share, 1), silent: moneyText(shop.get('shop.silentSales') ?? null) }));
  }

  const judged = daily.agents.filter((a) => (a.day.inquiries ?? 0) >= rules.minInquiriesPerDay && a.ratios.inquiryConversion != null);
  const byConversion = [...judged].sort((a, b) => b.ratios.inquiryConversion! - a.ratios.inquiryConversion! || (b.day.inquiries ?? 0) - (a.day.inquiries ?? 0));
  const who = (a: (typeof judged)[number]) => t(lang, 'owner.agent', { agent: a.day.agent, value: percentText(a.ratios.inquiryConversion), inquiries: a.day.inquiries ?? 0 });
  if (byConversion.length >= 2) lines.push(t(lang, 'owner.bestWorst', { best: who(byConversion[0]), worst: who(byConversion[byConversion.length - 1]) }));
  else if (byConversion.length === 1) lines.push(t(lang, 'owner.onlyOne', { best: who(byConversion[0]), minimum: rules.minInquiriesPerDay }));
  else lines.push(t(lang, 'owner.noneJudged', { minimum: rules.minInquiriesPerDay }));

  const onDuty = new Set(daily.agents.map((a) => a.day.agent)).size;
  const needed = daily.team.inquiries == null ? null : agentsNeeded(daily.team.inquiries, rules.inquiriesPerAgent);
  lines.push(t(lang, 'owner.staffing', { onDuty, needed: needed ?? '—' }));

  const unremarked = unremarkedOn(data, date);
  const open = openClaims ?? { count: unremarked.length, amount: unremarked.reduce((s, o) => s + o.amount, 0) };
  lines.push(t(lang, 'owner.unremarked', { date, count: open.count, amount: moneyText(open.amount) }));

  const findings = data.differences.filter((d) => d.date === date).length + data.impossible.filter((d) => d.date === date).length + data.conflicts.filter((d) => d.date === date).length;
  if (provisional) lines.push(t(lang, 'owner.provisional', { final: data.finality.latestFinal ?? '—' }));
  if (findings > 0) lines.push(t(lang, 'owner.quality', { count: findings }));
  return lines;
}
