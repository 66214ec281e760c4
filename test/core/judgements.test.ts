/**
 * Judgements earned only from figures that exist and are final (issue 18):
 * no reply is no response time, provisional days stay out of pay and grades,
 * the scorecard needs a sample and most of its weight, and the ranking
 * minimum is relative to the team unless the supervisor sets one.
 */
import { describe, expect, test } from 'vitest';
import type { AgentDay, ExportedAgentDay } from '../../src/core/types';
import { mergeExports } from '../../src/core/exportMerge';
import { emptyCounts } from '../../src/core/metrics';
import { defaultRules } from '../../src/core/rules';
import { finalOnly, finalSpan } from '../../src/core/finalDays';
import { inquiryMinimum, median } from '../../src/core/inquiryMinimum';
import { computeScorecard } from '../../src/core/scorecard';
import { computePayroll } from '../../src/core/payroll';
import { wallClock } from '../support/fixtures';

const row = (agent: string, figures: ExportedAgentDay['figures']): ExportedAgentDay => ({ date: '2026-05-01', shop: '', agent, source: 'agent_day:x', report: 'x', figures, provisional: [] });
const day = (agent: string, date: string, counts: Partial<AgentDay>): AgentDay => ({ ...emptyCounts(), date, agent, ...counts });

describe('answering nobody is no response time', () => {
  test('赤兔 states 0 s for an agent whose one consultation went unanswered: no figure, not the fastest', () => {
    // bob of the public workbook, 2026-05-01: 咨询 1, 接待 1, 未回复 1, 客服消息 0, 回复率 0, 首次/平均响应 0.
    const [bob] = mergeExports([row('bob', { consultations: 1, receptions: 1, unanswered: 1, agentMessages: 0, buyerMessages: 1, responseRate: 0, firstResponseSec: 0, avgResponseSec: 0 })]).agentDays;
    expect([bob.firstResponseTotalSec, bob.firstResponseSamples, bob.responseTotalSec, bob.stated?.firstResponseSec, bob.stated?.avgResponseSec]).toEqual([null, null, null, undefined, undefined]);
  });

  test.each([
    ['no receptions', { consultations: 3, receptions: 0, firstResponseSec: 0 }],
    ['every consultation unanswered', { consultations: 2, unanswered: 2, firstResponseSec: 0 }],
  ])('%s: no response time', (_why, figures) => {
    const [d] = mergeExports([row('x', figures)]).agentDays;
    expect(d.firstResponseSamples).toBeNull();
  });

  test('an agent who answered keeps the stated time, weighted by receptions', () => {
    const [d] = mergeExports([row('x', { consultations: 35, receptions: 24, unanswered: 0, firstResponseSec: 16.68 })]).agentDays;
    expect([d.firstResponseTotalSec, d.firstResponseSamples]).toEqual([400.32, 24]);
  });

  test('no response bonus without a response figure', () => {
    const [bob] = mergeExports([row('bob', { consultations: 1, receptions: 1, unanswered: 1, inquiries: 1, paid: 0, firstResponseSec: 0 })]).agentDays;
    const payroll = computePayroll({
      month: '2026-05', roster: [{ name: 'bob', id: '7', shift: 'day', basePay: 100, active: true }], agentDays: [bob], attributed: [], unattributed: [], events: [], rules: defaultRules(),
    });
    expect(payroll.rows[0].responseBonus).toBe(0);
    expect(payroll.lines.some((l) => l.item === 'response_bonus')).toBe(false);
  });
});

describe('final days only', () => {
  const days = [day('a', '2026-05-01', { inquiries: 10 }), day('a', '2026-05-02', { inquiries: 12 }), day('b', '2026-05-03', { inquiries: 3 })];
  const provisional = new Map([['2026-05-03', ['export_pending']]]);

  test('provisional dates are left out, and the month is final through its latest final day', () => {
    expect(finalOnly(days, provisional).map((d) => d.date)).toEqual(['2026-05-01', '2026-05-02']);
    expect(finalSpan(days, provisional, '2026-05-01', '2026-05-31')).toEqual({ leftOut: ['2026-05-03'], finalThrough: '2026-05-02' });
    expect(finalSpan(days, new Map(), '2026-05-01', '2026-05-31')).toEqual({ leftOut: [], finalThrough: '2026-05-03' });
  });
});

describe('the ranking minimum', () => {
  test('median of an odd and an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 15, 16, 32])).toBe(15.5);
    expect(median([])).toBeNull();
  });

  test('not set: half the median inquiries per agent-day, at least the floor, × days with data', () => {
    const rules = defaultRules();
    const days = [day('a', '2026-05-01', { inquiries: 15 }), day('b', '2026-05-01', { inquiries: 16 }), day('c', '2026-05-01', { inquiries: 32 }), day('d', '2026-05-01', { inquiries: 1 })];
    expect(inquiryMinimum(rules, days, '2026-05-01', '2026-05-01')).toEqual({ perDay: 7.75, days: 1, minimum: 8, median: 15.5 });
    // Two days: the per-day figure × 2.
    const two = [...days, day('a', '2026-05-02', { inquiries: 20 })];
    expect(inquiryMinimum(rules, two, '2026-05-01', '2026-05-07').minimum).toBe(16);
    // A quiet shop still asks for the floor.
    expect(inquiryMinimum(rules, [day('a', '2026-05-01', { inquiries: 4 })], '2026-05-01', '2026-05-01').minimum).toBe(5);
  });

  test('set by the supervisor: absolute, as before', () => {
    const rules = { ...defaultRules(), minInquiriesPerDay: 30 };
    expect(inquiryMinimum(rules, [day('a', '2026-05-01', { inquiries: 15 }), day('a', '2026-05-02', { inquiries: 15 })], '2026-05-01', '2026-05-31')).toEqual({ perDay: 30, days: 2, minimum: 60, median: null });
  });
});

describe('the scorecard grades only on a sample and most of its weight', () => {
  const roster = ['a', 'b'].map((name) => ({ name, id: name, shift: 'day' as const, basePay: 0, active: true }));
  const score = (days: AgentDay[]) => computeScorecard({ month: '2026-05', roster, agentDays: days, attributed: [], events: [], orders: [], shopByDate: new Map(), rules: defaultRules() });

  test('under 20 inquiries in the month: listed, not scored, the row says which count fell short', () => {
    const card = score([day('a', '2026-05-01', { inquiries: 19, paid: 10, consultations: 19, receptions: 19 })]);
    expect([card.rows[0].score, card.rows[0].notScored, card.rows[0].shortOf]).toEqual([null, 'under_minimum', 'inquiries 19 < 20']);
  });

  test('figures for under 60 % of the weight: not graded, the share named', () => {
    // Only response rate (15 %) and conversion (45 %) … without conversion only 30 % of the default card has figures.
    const only = { ...day('b', '2026-05-01', { inquiries: 30, consultations: 30, receptions: 30, responseTotalSec: 600, responseSamples: 30 }) };
    const card = score([only]);
    const b = card.rows.find((r) => r.agent === 'b')!;
    expect([b.score, b.grade, b.notScored, b.shortOf]).toEqual([null, null, 'too_little_weight', '30% < 60%']);
    // With conversion too (45 % + 30 %) the agent is graded.
    const full = score([{ ...only, paid: 3 }]).rows.find((r) => r.agent === 'b')!;
    expect(full.grade).not.toBeNull();
  });
});

describe('AOV and items per buyer', () => {
  test('sales ÷ 销售人数 when the export states paying buyers, as 赤兔 divides; else ÷ paid', async () => {
    const { deriveRatios } = await import('../../src/core/metrics');
    // winnie of the public workbook, 2026-05-01: 销售额 33 022, 销售人数 2, 销售量 6; liz 2026-05-02 paid 1 but 销售人数 2 would differ.
    const winnie = { ...emptyCounts(), sales: 33022, salesBuyers: 2, paid: 2, items: 6 };
    expect([deriveRatios(winnie).aov, deriveRatios(winnie).itemsPerBuyer]).toEqual([16511, 3]);
    const differs = { ...emptyCounts(), sales: 600, salesBuyers: 5, paid: 6, items: 10 };
    expect([deriveRatios(differs).aov, deriveRatios(differs).itemsPerBuyer]).toEqual([120, 2]);
    // A provisional day: paid not counted yet, 销售人数 and 销售额 final — AOV is still shown.
    const provisional = { ...emptyCounts(), sales: 3000, salesBuyers: 1, paid: null };
    expect(deriveRatios(provisional).aov).toBe(3000);
    expect(deriveRatios({ ...emptyCounts(), sales: 600, paid: 6 }).aov).toBe(100);
  });
});

describe('commission_basis', () => {
  const order = (orderId: string, amount: number, paid: string | null, refunded = false) => ({
    orderId, buyer: `b${orderId}`, created: wallClock(`${paid ?? '2026-05-02'} 10:00:00`), paidAt: paid == null ? null : wallClock(`${paid} 10:00:00`), amount, items: 1, status: '', refunded, couponUsed: false, remark: '', flag: '',
  });
  const credit = (o: ReturnType<typeof order>) => ({ order: o, agent: 'winnie', date: '2026-05-01', opened: wallClock('2026-05-01 09:00:00'), inquiry: 1, inquiryPaid: true });
  const payWith = (basis: 'remarks' | 'stated_sales' | 'credited_sales') =>
    computePayroll({
      month: '2026-05',
      roster: [{ name: 'winnie', id: '101', shift: 'day', basePay: 0, active: true }],
      // The export states 销售额 33 022 for the month's final days.
      agentDays: [day('winnie', '2026-05-01', { inquiries: 15, paid: 2, sales: 33022 })],
      // Remarks name 101 on 4 000 of paid orders.
      attributed: [{ agentId: '101', month: '2026-05', amount: 4000, orderIds: ['r1'] }],
      unattributed: [],
      events: [],
      // §6a credits her 6 000 paid in May, 500 refunded (not commissionable) and 700 paid in June.
      credits: [credit(order('c1', 6000, '2026-05-02')), credit(order('c2', 500, '2026-05-02', true)), credit(order('c3', 700, '2026-06-01'))],
      rules: { ...defaultRules(), commissionRate: 0.01, commissionBasis: basis },
    });

  test.each([
    ['remarks', 40, '1.00% of attributed sales', '4,000.00 attributed sales'],
    ['stated_sales', 330.22, '1.00% of sales as the export states them (销售额)', '33,022.00 sales as the export states them (销售额)'],
    ['credited_sales', 60, "1.00% of credited sales (orders credited to the agent's inquiries, not refunded)", "6,000.00 credited sales (orders credited to the agent's inquiries, not refunded)"],
  ] as const)('%s: commission and its audit line name the basis', (basis, commission, rule, figure) => {
    const payroll = payWith(basis);
    expect(payroll.rows[0].commission).toBe(commission);
    expect(payroll.lines.find((l) => l.item === 'commission')).toMatchObject({ rule, figure, amount: commission });
  });
});

describe('scorecard_min_weight', () => {
  test('read as a rate, written back by a fresh Settings table, refused out of 0–100 %', async () => {
    const { rulesFromTable, settingsTable } = await import('../../src/core/settings');
    expect(rulesFromTable([['scorecard_min_weight', '40%']]).rules.scorecard.minWeight).toBe(0.4);
    const fresh = rulesFromTable(settingsTable(defaultRules(), 'en'));
    expect([fresh.problems, fresh.rules.scorecard.minWeight, fresh.rules.scorecard.minSamples]).toEqual([[], 0.6, [{ figure: 'inquiries', minimum: 20 }]]);
    const bad = rulesFromTable([['scorecard_min_weight', '150%']]);
    expect([bad.problems.length, bad.rules.scorecard.minWeight]).toEqual([1, 0.6]);
  });
});
