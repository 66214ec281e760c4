/**
 * The report builders on a small shop computed by hand: 3 agents, 2 days of
 * agent-day exports, 4 orders, 4 events (see the comments for the arithmetic).
 */
import { exportedOf } from '../support/exported';
import { describe, expect, test } from 'vitest';
import { buildReports, type ReportInput } from '../../src/reports';
import { prepareReportData } from '../../src/reports/data';
import { dailyFigures } from '../../src/reports/daily';
import { computeRanking } from '../../src/reports/ranking';
import { periodContaining } from '../../src/core/periods';
import { computePayroll } from '../../src/core/payroll';
import { defaultRules } from '../../src/core/rules';
import { emptyCounts } from '../../src/core/metrics';
import type { AgentDay, Order } from '../../src/core/types';
import { wallClock } from '../support/fixtures';
import { TEST_NOW } from '../support/now';

function agentDay(date: string, agent: string, figures: Partial<AgentDay>): AgentDay {
  return { ...emptyCounts(), date, agent, ...figures };
}
function paidOrder(orderId: string, paid: string, amount: number, remark: string, refunded = false): Order {
  return { orderId, buyer: `buyer-${orderId}`, created: wallClock(paid), paidAt: wallClock(paid), amount, items: 1, status: refunded ? '退款成功' : '交易成功', refunded, couponUsed: false, remark, flag: '' };
}

function shop(): ReportInput {
  return {
    language: 'en',
    rules: { ...defaultRules(), minInquiriesPerDay: 10, conversionTarget: 0.5 },
    roster: [
      { name: 'A', id: '101', shift: 'day', basePay: 3000, active: true },
      { name: 'B', id: '102', shift: 'night', basePay: 3300, active: true },
      { name: 'C', id: '103', shift: 'day', basePay: 3000, active: true },
    ],
    events: [
      { date: '2026-11-02', agent: 'A', kind: 'reward', reason: 'suggestion', amount: null },
      { date: '2026-11-02', agent: 'B', kind: 'fine', reason: 'late', amount: null },
      { date: '2026-11-03', agent: 'B', kind: 'fine', reason: 'late', amount: null },
      { date: '2026-11-04', agent: 'B', kind: 'fine', reason: 'late', amount: null },
    ],
    consultations: [],
    rejections: [],
    shopDays: [],
    orders: [
      paidOrder('o1', '2026-11-02 10:00:00', 1000, '101'),
      paidOrder('o2', '2026-11-02 11:00:00', 500, '工号:103'),
      paidOrder('o3', '2026-11-03 12:00:00', 300, ''),
      paidOrder('o4', '2026-11-03 13:00:00', 800, '102', true),
    ],
    agentDays: [
      // Monday: team 65 inquiries, 31 paid → C = 0.4769
      agentDay('2026-11-02', 'A', { consultations: 50, receptions: 50, excluded: 10, inquiries: 40, placed: 24, paid: 20, sales: 2000, firstResponseTotalSec: 500, firstResponseSamples: 50 }),
      agentDay('2026-11-02', 'B', { consultations: 25, receptions: 20, excluded: 5, inquiries: 20, placed: 10, paid: 6, sales: 600, firstResponseTotalSec: 600, firstResponseSamples: 20 }),
      agentDay('2026-11-02', 'C', { consultations: 5, receptions: 5, excluded: 0, inquiries: 5, placed: 5, paid: 5, sales: 500 }),
      // Tuesday: all three at C = 0.5; C has more paid, A and B tie on paid and sales
      agentDay('2026-11-03', 'A', { inquiries: 20, placed: 12, paid: 10, sales: 1000 }),
      agentDay('2026-11-03', 'B', { inquiries: 20, placed: 12, paid: 10, sales: 1000 }),
      agentDay('2026-11-03', 'C', { inquiries: 30, placed: 20, paid: 15, sales: 900 }),
    ].map((d) => exportedOf(d)),
  };
}

describe('daily figures', () => {
  const data = prepareReportData(shop(), TEST_NOW);
  const daily = dailyFigures(data, '2026-11-02');
  const row = (agent: string) => daily.agents.find((a) => a.day.agent === agent)!;

  test('the team block sums counts: 31 paid of 65 inquiries', () => {
    expect(daily.team.inquiries).toBe(65);
    expect(daily.team.paid).toBe(31);
    expect(daily.teamRatios.inquiryConversion).toBeCloseTo(31 / 65, 12);
    expect(daily.teamRatios.firstResponseSec).toBeCloseTo(1100 / 70, 12);
  });
  test('flags: above team → learn from; below, slow and low response rate on B; none on a sample under the minimum', () => {
    expect(row('A').flags).toEqual(['learn_from']);
    expect(row('B').flags).toEqual(['below_team_conversion', 'slow_first_response', 'low_response_rate']);
    // C converts 5 of 5, but 5 inquiries are under flag_min_inquiries (10): no conversion flag either way.
    expect(row('C').flags).toEqual([]);
  });
  test('workload band and roster fields', () => {
    expect(row('A').band).toBe(1);
    expect([row('B').agentId, row('B').shift]).toEqual(['102', 'night']);
  });
});

describe('ranking', () => {
  const data = prepareReportData(shop(), TEST_NOW);
  test('a day: the under-minimum agent is listed after, unranked', () => {
    const ranking = computeRanking(data, periodContaining('2026-11-02', 'day'));
    expect(ranking.minimum).toBe(10);
    expect(ranking.rows.map((r) => [r.agent, r.rank])).toEqual([['A', 1], ['B', 2], ['C', null]]);
    expect(ranking.rows[0].gapToTeam).toBeCloseTo(0.5 - 31 / 65, 12);
  });
  test('ties broken by paid, then equal ranks; rank change against the previous day', () => {
    const ranking = computeRanking(data, periodContaining('2026-11-03', 'day'));
    expect(ranking.rows.map((r) => [r.agent, r.rank, r.rankChange])).toEqual([['C', 1, null], ['A', 2, -1], ['B', 2, 0]]);
  });
  test('a week scales the minimum by the days with data', () => {
    const ranking = computeRanking(data, periodContaining('2026-11-03', 'week'));
    expect(ranking.minimum).toBe(20);
    expect(ranking.rows.map((r) => [r.agent, r.rank])).toEqual([['C', 1], ['A', 2], ['B', 3]]);
  });
});

describe('payroll', () => {
  const input = shop();
  const data = prepareReportData(input, TEST_NOW);
  const payroll = computePayroll({ month: '2026-11', roster: input.roster, agentDays: data.agentDays, attributed: data.result.attributed, unattributed: data.result.unattributed, events: input.events, rules: input.rules });
  const row = (agent: string) => payroll.rows.find((r) => r.agent === agent)!;

  test('A: 3000 base + 10 commission + 200 (C 0.5 ≥ 0.45) + 100 (10 s) + 50 reward = 3360', () => {
    expect(row('A')).toMatchObject({ basePay: 3000, commission: 10, conversionBonus: 200, responseBonus: 100, rewards: 50, fines: 0, total: 3360 });
  });
  test('B: fines 10 then 30, the third is a dismissal review; refunded remark earns nothing', () => {
    expect(row('B')).toMatchObject({ commission: 0, conversionBonus: 0, responseBonus: 0, fines: 40, total: 3260, dismissalReview: true });
  });
  test('C: 57 % earns the highest tier met; no first response → no response bonus', () => {
    expect(row('C')).toMatchObject({ commission: 5, conversionBonus: 400, responseBonus: 0, total: 3405 });
  });
  test('one audit line per money item', () => {
    const lines = payroll.lines.filter((l) => l.agent === 'B').map((l) => [l.item, l.amount]);
    expect(lines).toEqual([['base_pay', 3300], ['commission', 0], ['fine', 10], ['fine', 30], ['dismissal_review', 0]]);
  });
  test('agents under the minimum get no conversion bonus', () => {
    const strict = computePayroll({ month: '2026-11', roster: input.roster, agentDays: data.agentDays, attributed: data.result.attributed, unattributed: data.result.unattributed, events: [], rules: { ...input.rules, minInquiriesPerDay: 25 } });
    expect(strict.rows.find((r) => r.agent === 'C')!.conversionBonus).toBe(0);
    expect(strict.rows.find((r) => r.agent === 'A')!.conversionBonus).toBe(200);
  });
  test('a pool share of unattributed sales splits equally among active agents', () => {
    const pooled = computePayroll({ month: '2026-11', roster: input.roster, agentDays: data.agentDays, attributed: data.result.attributed, unattributed: data.result.unattributed, events: [], rules: { ...input.rules, unattributedPoolRate: 0.3 } });
    expect(pooled.rows.find((r) => r.agent === 'B')!.commission).toBe(30);
  });
});

describe('agents an import found but the roster does not vouch for', () => {
  const input = shop();
  input.roster.push({ name: 'D', id: '', shift: 'day', basePay: 0, active: true, unknown: true });
  input.agentDays.push(exportedOf(agentDay('2026-11-02', 'D', { inquiries: 10, paid: 5, firstResponseTotalSec: 50, firstResponseSamples: 10 })));
  const data = prepareReportData(input, TEST_NOW);
  const pay = (rules = input.rules) =>
    computePayroll({ month: '2026-11', roster: input.roster, agentDays: data.agentDays, attributed: data.result.attributed, unattributed: data.result.unattributed, events: [], rules });

  test('are listed with no pay and an audit line saying why', () => {
    const d = pay().rows.find((r) => r.agent === 'D')!;
    expect([d.total, d.responseBonus]).toEqual([0, 0]);
    expect(pay().lines.filter((l) => l.agent === 'D').map((l) => l.item)).toEqual(['not_in_roster']);
  });
  test('do not dilute the unattributed pool: 30 % of 300 splits among the 3 roster agents', () => {
    const rows = pay({ ...input.rules, unattributedPoolRate: 0.3 }).rows;
    expect(rows.find((r) => r.agent === 'B')!.commission).toBe(30);
    expect(rows.find((r) => r.agent === 'A')!.commission).toBe(40);
  });
  test('have no shift on the daily sheet', () => {
    expect(dailyFigures(data, '2026-11-02').agents.find((a) => a.day.agent === 'D')!.shift).toBe('');
  });
  test('are paid once the roster gives them an ID', () => {
    const vouched = { ...input, roster: input.roster.map((a) => (a.name === 'D' ? { ...a, id: '104', basePay: 2800 } : a)) };
    const row = computePayroll({ month: '2026-11', roster: vouched.roster, agentDays: data.agentDays, attributed: [], unattributed: [], events: [], rules: input.rules }).rows.find((r) => r.agent === 'D')!;
    expect(row.basePay).toBe(2800);
    expect(row.responseBonus).toBe(100);
  });
});

describe('the whole run', () => {
  const run = buildReports(shop(), { now: TEST_NOW, date: '2026-11-02' });
  test('five tabs and five CSVs, in order', () => {
    expect(run.tabs.map((t) => t.key)).toEqual(['daily', 'ranking', 'payroll', 'scorecard', 'review', 'unattributed', 'import_errors']);
    expect(run.csvs.map((c) => c.fileName)).toEqual(['daily.csv', 'ranking.csv', 'payroll.csv', 'scorecard.csv', 'review.csv', 'unattributed.csv', 'import-errors.csv']);
  });
  test('CSV headers as SPEC §6 (en), then the period each file covers, and the flags as keys for machines', () => {
    const headers = Object.fromEntries(run.csvs.map((c) => [c.fileName, c.header.join(', ')]));
    expect(headers['ranking.csv']).toBe('Rank, Agent, Agent ID, Inquiries, Placed, Paid, Inquiry conversion, Sales, AOV, First response (s), Gap to team, Rank change, Period');
    expect(headers['payroll.csv']).toBe('Agent, Agent ID, Base pay, Commission, Conversion bonus, Response bonus, Performance pay, Night allowance, Rewards, Fines, Total, Note, Month');
    expect(headers['daily.csv']).toBe(
      'Date, Agent, Agent ID, Shift, Consultations, Excluded, Inquiries, Placed, Paid, Order rate, Payment rate, Inquiry conversion, Sales, AOV, Items per buyer, Response rate, First response (s), Q/A ratio, Workload band, Flags, Flag keys, Average response (s), Slow responses, Unanswered, Transfers out, Very satisfied, Satisfied, Neutral, Dissatisfied, Very dissatisfied',
    );
    expect(run.csvs.find((c) => c.fileName === 'ranking.csv')!.rows.every((r) => r[12] === '2026-11-02')).toBe(true);
    expect(run.csvs.find((c) => c.fileName === 'payroll.csv')!.rows.every((r) => r[12] === '2026-11')).toBe(true);
    // SPEC §6's columns, then the likely agent and the supervisor's claim (issue 10.7).
    expect(headers['unattributed.csv']).toBe('Order ID, Buyer, Paid at, Amount, Seller remark, Likely agent, Claimed by');
    expect(headers['import-errors.csv']).toBe('File, Row, Column, Reason');
  });
  test('CSV values: rates with 4 decimals, seconds and ratios 2, amounts 2, blanks for empty, flags in words and as keys', () => {
    const daily = run.csvs[0];
    const b = daily.rows.find((r) => r[1] === 'B')!;
    expect(b[11]).toBe('0.3000');
    expect(b[12]).toBe('600.00');
    expect(b[16]).toMatch(/^\d+\.\d\d$/);
    expect(b[19]).toBe('below team conversion: review chats; slow first response; low response rate');
    expect(b[20]).toBe('below_team_conversion;slow_first_response;low_response_rate');
    const c = daily.rows.find((r) => r[1] === 'C')!;
    expect(c[16]).toBe('');
    // o3's buyer never chatted: a silent order has no likely agent; nobody has claimed it.
    expect(run.csvs.find((c) => c.fileName === 'unattributed.csv')!.rows).toEqual([['o3', 'buyer-o3', '2026-11-03 12:00:00', '300.00', '', '', '']]);
  });
  test('the daily tab carries a 14-day trend chart: conversion and its target on the left axis, inquiries on the right, axes titled', () => {
    const chart = run.tabs[0].charts[0];
    expect(chart.series.map((s) => [s.name, s.axis])).toEqual([
      ['Inquiry conversion', 'left'],
      ['Conversion target', 'left'],
      ['Inquiries', 'right'],
    ]);
    expect(chart.axisTitles).toEqual({ bottom: 'Date', left: 'Inquiry conversion', right: 'Inquiries' });
    // Only the days with data are points of the trend: of the 14 days up to 2026-11-02 this shop has one.
    const trend = run.tabs[0].blocks.find((b) => b.row === chart.categories.firstRow - 1 && b.col === chart.categories.col)!;
    expect(trend.values.slice(1).map((r) => r[0])).toEqual(['2026-11-02']);
    expect(chart.categories.lastRow - chart.categories.firstRow).toBe(0);
  });
  test('the daily sales target is the monthly one ÷ days in month, or the per-day one when set', () => {
    const target = (rules: Partial<ReportInput['rules']>) => {
      const tab = buildReports({ ...shop(), rules: { ...shop().rules, ...rules } }, { now: TEST_NOW, date: '2026-11-02' }).tabs[0];
      const team = tab.blocks.find((b) => b.values[0][0] === 'Metric')!;
      return team.values.find((row) => row[0] === 'Sales')![2];
    };
    expect(target({ monthlySalesTarget: 300_000 })).toBe(10_000);
    expect(target({ monthlySalesTarget: 300_000, dailySalesTarget: 12_000 })).toBe(12_000);
    expect(target({})).toBeNull();
  });
  test('zh headers for --lang zh', () => {
    const zh = buildReports({ ...shop(), language: 'zh' }, { now: TEST_NOW, date: '2026-11-02' });
    expect(zh.csvs[1].header.slice(0, 3)).toEqual(['排名', '客服', '工号']);
    expect(zh.tabs[0].name).toBe('日报');
  });
});
