/**
 * The KPI scorecard (issue 12) on cards computed by hand: tiers with a tie at
 * the edge, a KPI without data (excluded or zero), weights that do not add up,
 * linear, percentile, cap, minimum sample, not assessed, manual scores, and
 * the performance pay payroll adds.
 */
import { describe, expect, test } from 'vitest';
import type { Agent, AgentDay, Counts, Order, PayEvent } from '../../src/core/types';
import { emptyCounts } from '../../src/core/metrics';
import { startOfDay } from '../../src/core/dates';
import { defaultRules, type Rules } from '../../src/core/rules';
import { rulesFromTable, settingsTable } from '../../src/core/settings';
import { computeScorecard, shopAovOf, type ScorecardInput } from '../../src/core/scorecard';
import { computePayroll } from '../../src/core/payroll';
import type { ShopDayTotals } from '../../src/core/shopDays';

const day = (agent: string, date: string, counts: Partial<Counts>): AgentDay => ({ ...emptyCounts(), ...counts, agent, date });
const agent = (name: string, id: string, extra: Partial<Agent> = {}): Agent => ({ name, id, shift: 'day', basePay: 3000, active: true, ...extra });

/** The pre-sales card, switched on, base 1 000. */
const CARD = [
  ['setting', 'value', 'amount'],
  ['scorecard', 'on', ''],
  ['scorecard_kpi', 'inquiry_conversion', '45%'],
  ['scorecard_score', 'inquiry_conversion', '>=55%:100; >=50%:80; >=45%:60; else:50'],
  ['scorecard_kpi', 'aov_ratio', '25%'],
  ['scorecard_score', 'aov_ratio', '>=1.12:100; >=1.08:80; >=1.06:60; else:50'],
  ['scorecard_kpi', 'response_rate', '15%'],
  ['scorecard_score', 'response_rate', '>=99%:100; >=97%:80; >=95%:60; else:50'],
  ['scorecard_kpi', 'avg_response_sec', '15%'],
  ['scorecard_score', 'avg_response_sec', '<=25:100; <=30:80; <=40:60; else:50'],
  ['scorecard_base_pay', '1000', ''],
];

function rulesOf(rows: string[][]): Rules {
  const { rules, problems } = rulesFromTable(rows);
  expect(problems).toEqual([]);
  return rules;
}

/** Shop AOV 200 from a shop page: 20 000 sold to 100 buyers. */
const SHOP = new Map<string, ShopDayTotals>([['2026-11-02', { shop: { shopSales: 20000, shopPaidBuyers: 100 }, peerAverage: {}, peerTop: {} }]]);

/**
 * 甲: 55 paid of 100 (exactly 55 % → 100), AOV 220 (1.10 → 80), 198 of 200 replied (99 % → 100), 25 s (≤ 25 → 100):
 *     45 + 20 + 15 + 15 = 95 → A × 1.2 = 1 200.
 * 乙: 54 % → 80, AOV 212 (1.06 → 60), 96 % → 60, 28 s → 80: 36 + 15 + 9 + 12 = 72 → C × 0.8 = 800.
 * 丙: 45 % → 60, AOV 240 (1.2 → 100), 100 % → 100, no response time:
 *     excluded: (27 + 25 + 15) ÷ 0.85 = 78.82 → C = 800; zero: 67 → D × 0.5 = 500.
 */
const DAYS = [
  day('甲', '2026-11-02', { inquiries: 100, paid: 55, sales: 12100, consultations: 200, receptions: 198, responseTotalSec: 2500, responseSamples: 100 }),
  day('乙', '2026-11-02', { inquiries: 60, paid: 30, sales: 6360, consultations: 60, receptions: 58, responseTotalSec: 1400, responseSamples: 50 }),
  day('乙', '2026-11-03', { inquiries: 40, paid: 24, sales: 5088, consultations: 40, receptions: 38 }),
  day('丙', '2026-11-02', { inquiries: 80, paid: 36, sales: 8640, consultations: 100, receptions: 100 }),
];
const ROSTER = [agent('甲', '101'), agent('乙', '102'), agent('丙', '103')];

function input(rules: Rules, extra: Partial<ScorecardInput> = {}): ScorecardInput {
  return { month: '2026-11', roster: ROSTER, agentDays: DAYS, attributed: [], events: [], orders: [], shopByDate: SHOP, rules, ...extra };
}

describe('hand-computed cards of three agents', () => {
  const card = computeScorecard(input(rulesOf(CARD)));
  const row = (name: string) => card.rows.find((r) => r.agent === name)!;

  test('exactly 55 % meets the 55 % tier, exactly 99 % and 25 s meet theirs', () => {
    expect(row('甲').kpis.map((k) => k.figure)).toEqual([0.55, 1.1, 0.99, 25]);
    expect(row('甲').kpis.map((k) => k.points)).toEqual([100, 80, 100, 100]);
    expect(row('甲').score).toBe(95);
    expect(row('甲').grade).toBe('A');
    expect(row('甲').coefficient).toBe(1.2);
    expect(row('甲').performancePay).toBe(1200);
  });

  test('a month of two days is scored on its summed counts (54 paid of 100 inquiries)', () => {
    expect(row('乙').kpis[0].figure).toBeCloseTo(0.54, 12);
    expect(row('乙').kpis.map((k) => k.points)).toEqual([80, 60, 60, 80]);
    expect(row('乙').score).toBe(72);
    expect([row('乙').grade, row('乙').performancePay]).toEqual(['C', 800]);
  });

  test('no response time: excluded by default, the other weights rescaled', () => {
    expect(row('丙').kpis[3]).toMatchObject({ figure: null, points: null, tier: 'no data' });
    expect(row('丙').score).toBeCloseTo(67 / 0.85, 6);
    expect([row('丙').grade, row('丙').performancePay]).toEqual(['C', 800]);
  });

  test('no response time with scorecard_missing zero: 0 points and the full weights', () => {
    const zero = computeScorecard(input(rulesOf([...CARD, ['scorecard_missing', 'zero', '']])));
    const 丙 = zero.rows.find((r) => r.agent === '丙')!;
    expect(丙.kpis[3].points).toBe(0);
    expect(丙.score).toBe(67);
    expect([丙.grade, 丙.coefficient, 丙.performancePay]).toEqual(['D', 0.5, 500]);
  });

  test('the team average row: conversion from summed counts, points and score as means', () => {
    expect(card.team.figures[0]).toBeCloseTo(145 / 280, 12);
    expect(card.team.points[0]).toBeCloseTo((100 + 80 + 60) / 3, 12);
    expect(card.team.score).toBeCloseTo((95 + 72 + 67 / 0.85) / 3, 6);
  });

  test('pay by score: base × score ÷ 100', () => {
    const byScore = computeScorecard(input(rulesOf([...CARD, ['scorecard_pay', 'score', '']])));
    expect(byScore.rows.map((r) => r.performancePay)).toEqual([950, 720, Math.round(1000 * (67 / 0.85)) / 100]);
  });
});

describe('refused cards name their rows', () => {
  test('weights adding up to 95 % refuse the card, which is switched off', () => {
    const rows = CARD.map((r) => (r[0] === 'scorecard_kpi' && r[1] === 'avg_response_sec' ? [r[0], r[1], '10%'] : r));
    const { rules, problems } = rulesFromTable(rows);
    expect(problems.map((p) => p.reason).join(' | ')).toContain('the weights of rows 3, 5, 7, 9 add up to 95%, not 100%');
    expect(problems[0].row).toBe(2);
    expect(problems.some((p) => p.row === 9 && p.setting === 'scorecard_kpi')).toBe(true);
    expect(rules.scorecard.enabled).toBe(false);
  });

  test('an unknown KPI, a bad tier and a score for a KPI the card lacks are each refused with their row', () => {
    const { problems } = rulesFromTable([
      ['scorecard_kpi', 'happiness', '50%'],
      ['scorecard_kpi', 'paid', '50%'],
      ['scorecard_score', 'paid', '>=ten:100'],
      ['scorecard_score', 'sales', 'percentile'],
    ]);
    expect(problems.map((p) => [p.row, p.reason])).toEqual([
      [1, expect.stringContaining('"happiness" is not a KPI')],
      // paid's only scoring row was refused, and without happiness the weights are 50 %.
      [2, 'paid has no scorecard_score row'],
      [2, 'the weights of rows 2 add up to 50%, not 100%'],
      [3, '"ten" is not a number'],
      [4, 'sales has no scorecard_kpi row'],
    ]);
  });

  test('the default card is written to a fresh Settings tab and read back unchanged, switched off', () => {
    const { rules, problems } = rulesFromTable(settingsTable(defaultRules(), 'en'));
    expect(problems).toEqual([]);
    expect(rules.scorecard).toEqual(defaultRules().scorecard);
    expect(rules.scorecard.enabled).toBe(false);
    expect(rules.scorecard.kpis.map((k) => [k.kpi, k.weight])).toEqual([['inquiry_conversion', 0.45], ['aov_ratio', 0.25], ['response_rate', 0.15], ['avg_response_sec', 0.15]]);
  });
});

describe('other scorings, samples and people', () => {
  const rows = (extra: string[][]) => [
    ['scorecard', 'on', ''],
    ['scorecard_kpi', 'sales', '50%'],
    ['scorecard_score', 'sales', 'linear 6000:0; 12000:100'],
    ['scorecard_cap', 'sales', '110'],
    ['scorecard_kpi', 'inquiries', '30%'],
    ['scorecard_score', 'inquiries', 'percentile'],
    ['scorecard_kpi', 'manual:attitude', '20%'],
    ['scorecard_base_pay', '1000', ''],
    ...extra,
  ];
  const events: PayEvent[] = [
    { date: '2026-11-05', agent: '甲', kind: 'score', reason: 'attitude', amount: 70 },
    { date: '2026-11-28', agent: '甲', kind: 'score', reason: 'attitude', amount: 90 },
    { date: '2026-11-28', agent: '乙', kind: 'score', reason: 'attitude', amount: 80 },
    { date: '2026-10-28', agent: '丙', kind: 'score', reason: 'attitude', amount: 10 },
  ];

  test('linear with a cap, percentile within the team, the latest manual score of the month', () => {
    const card = computeScorecard(input(rulesOf(rows([])), { events }));
    const by = Object.fromEntries(card.rows.map((r) => [r.agent, r.kpis.map((k) => k.points)]));
    // Sales 12 100 → 101.67 (cap 110 lets it past 100); 11 448 → 90.8; 8 640 → 44.
    // Inquiries 100, 100, 80: 甲 and 乙 tie (each beats only 丙: 50), 丙 beats nobody (0).
    expect(by['甲'][0]).toBeCloseTo((100 * 6100) / 6000, 9);
    expect(by['乙'][0]).toBeCloseTo(90.8, 9);
    expect(by['丙'][0]).toBeCloseTo(44, 9);
    expect([by['甲'][1], by['乙'][1], by['丙'][1]]).toEqual([50, 50, 0]);
    expect([by['甲'][2], by['乙'][2], by['丙'][2]]).toEqual([90, 80, null]);
  });

  test('a minimum sample: 丙 (80 inquiries) is listed, not scored, and the row says why', () => {
    const card = computeScorecard(input(rulesOf(rows([['scorecard_min_sample', 'inquiries', '90']])), { events }));
    const 丙 = card.rows.find((r) => r.agent === '丙')!;
    expect([丙.score, 丙.notScored, 丙.shortOf, 丙.performancePay]).toEqual([null, 'under_minimum', 'inquiries 80 < 90', 0]);
    // The percentile then ranks 甲 and 乙 alone: a tie beats nobody.
    expect(card.rows.find((r) => r.agent === '甲')!.kpis[1].points).toBe(0);
  });

  test('an agent the roster marks not assessed is listed but not scored, and own base pay is used', () => {
    const roster = [agent('甲', '101', { performancePay: 2000 }), agent('乙', '102', { assessed: false }), agent('丙', '103')];
    const card = computeScorecard(input(rulesOf(CARD), { roster }));
    const 乙 = card.rows.find((r) => r.agent === '乙')!;
    expect([乙.score, 乙.notScored, 乙.performancePay]).toEqual([null, 'not_assessed', 0]);
    expect(card.rows.find((r) => r.agent === '甲')!.performancePay).toBe(2400);
  });
});

describe('shop AOV', () => {
  test('from the shop pages of the month, else from every paid order (buyers counted per payment day)', () => {
    expect(shopAovOf('2026-11', SHOP, [])).toBe(200);
    const at = (date: string, hour: number) => startOfDay(date) + hour * 3_600_000;
    const order = (id: string, buyer: string, paidAt: number | null, amount: number): Order => ({
      orderId: id, buyer, created: paidAt ?? at('2026-11-01', 8), paidAt, amount, items: 1, status: '', refunded: false, couponUsed: false, remark: '', flag: '',
    });
    const orders = [
      order('1', 'b1', at('2026-11-01', 10), 100),
      order('2', 'b1', at('2026-11-01', 12), 50),
      order('3', 'b2', at('2026-11-01', 13), 300),
      order('4', 'b1', at('2026-11-02', 9), 150),
      order('5', 'b3', null, 999),
      order('6', 'b3', at('2026-10-31', 23), 999),
    ];
    expect(shopAovOf('2026-11', new Map(), orders)).toBe(200);
  });
});

describe('performance pay in payroll', () => {
  const payrollOf = (rules: Rules, events: PayEvent[] = []) => {
    const scorecard = computeScorecard(input(rules, { events }));
    return computePayroll({ month: '2026-11', roster: ROSTER, agentDays: DAYS, attributed: [], unattributed: [], events, rules, scorecard });
  };

  test('its own column, in the total, with one audit line per KPI and one for the pay', () => {
    const payroll = payrollOf(rulesOf(CARD));
    const 甲 = payroll.rows.find((r) => r.agent === '甲')!;
    expect(甲.performancePay).toBe(1200);
    expect(甲.total).toBe(3000 + 甲.commission + 甲.conversionBonus + 甲.responseBonus + 1200);
    const lines = payroll.lines.filter((l) => l.agent === '甲' && l.item.startsWith('performance'));
    expect(lines.map((l) => l.item)).toEqual(['performance_kpi', 'performance_kpi', 'performance_kpi', 'performance_kpi', 'performance_pay']);
    expect(lines[0].rule).toBe('Inquiry conversion, weight 45%');
    expect(lines[0].figure).toBe('55.00% (≥ 55.00%) → 100 points × 45% = 45');
    expect(lines[1].figure).toBe('1.1 (≥ 1.08) → 80 points × 25% = 20');
    expect(lines[4]).toMatchObject({ rule: "performance pay = base × the grade's coefficient", figure: 'score 95 → A: 1000.00 × 1.2', amount: 1200 });
  });

  test('the audit in Chinese, and a KPI left out for lack of data rescales the weights it shows', () => {
    const scorecard = computeScorecard(input(rulesOf(CARD)));
    const payroll = computePayroll({ month: '2026-11', roster: ROSTER, agentDays: DAYS, attributed: [], unattributed: [], events: [], rules: rulesOf(CARD), scorecard, language: 'zh' });
    const lines = payroll.lines.filter((l) => l.agent === '丙' && l.item.startsWith('performance'));
    expect(lines[0].rule).toBe('询单转化率，权重 45%');
    // 45 % of the 85 % that counted is 52.94 %.
    expect(lines[0].figure).toBe('45.00%（≥ 45.00%）→ 60 分 × 52.9412% = 31.76');
    expect(lines[3].figure).toBe('无数据：不计，其余权重按比例放大');
    expect(lines[4]).toMatchObject({ rule: '绩效工资 = 基数 × 等级系数', amount: 800 });
  });

  test('switched off: the column is 0 and payroll is what it was without a card; score events are not fines', () => {
    const events: PayEvent[] = [{ date: '2026-11-28', agent: '甲', kind: 'score', reason: 'attitude', amount: 90 }];
    const off = rulesOf(CARD.filter((r) => r[0] !== 'scorecard'));
    const withCard = payrollOf(off, events);
    const without = computePayroll({ month: '2026-11', roster: ROSTER, agentDays: DAYS, attributed: [], unattributed: [], events: [], rules: off });
    expect(withCard.rows.map((r) => r.performancePay)).toEqual([0, 0, 0]);
    expect(withCard).toEqual(without);
  });
});

describe('the other KPIs of the catalogue', () => {
  test('attendance, sales against target, fines, satisfaction and attributed sales, each from its own source', () => {
    const rows = [
      ['scorecard_kpi', 'attendance', '20%'], ['scorecard_score', 'attendance', '>=90%:100; else:0'],
      ['scorecard_kpi', 'sales_target', '20%'], ['scorecard_score', 'sales_target', 'linear 0:0; 1:100'], ['scorecard_cap', 'sales_target', '120'],
      ['scorecard_kpi', 'fines', '20%'], ['scorecard_score', 'fines', '<=0:100; <=1:50; else:0'],
      ['scorecard_kpi', 'satisfaction_rate', '20%'], ['scorecard_score', 'satisfaction_rate', 'percentile'],
      ['scorecard_kpi', 'attributed_sales', '20%'], ['scorecard_score', 'attributed_sales', 'direct'],
      ['scorecard_working_days', '2', ''], ['scorecard_sales_target', '10000', ''],
      // These agents have no inquiries: the card asks for none.
      ['scorecard_min_sample', 'inquiries', '0'],
    ];
    const days = [
      // 甲: two days of two, sales 12 100 → 121 % of 10 000 (capped at 120 points), 8 of 10 ratings satisfied.
      day('甲', '2026-11-02', { sales: 6100, verySatisfied: 5, satisfied: 3, neutral: 1, dissatisfied: 1 }),
      day('甲', '2026-11-03', { sales: 6000 }),
      // 乙: one day of two, the tool's own 客户满意率 only.
      { ...day('乙', '2026-11-02', { sales: 5000, receptions: 10 }), stated: { satisfactionRate: 0.9 } },
    ];
    const events: PayEvent[] = [{ date: '2026-11-10', agent: '乙', kind: 'fine', reason: 'late', amount: null }];
    const card = computeScorecard({ ...input(rulesOf(rows), { events }), roster: [agent('甲', '101'), agent('乙', '102')], agentDays: days, attributed: [{ agentId: '101', month: '2026-11', amount: 88, orderIds: [] }] });
    const [甲, 乙] = card.rows;
    expect(甲.kpis.map((k) => k.figure)).toEqual([1, 1.21, 0, 0.8, 88]);
    expect(甲.kpis.map((k) => k.points)).toEqual([100, 120, 100, 0, 88]);
    expect(乙.kpis.map((k) => k.figure)).toEqual([0.5, 0.5, 1, 0.9, 0]);
    expect(乙.kpis.map((k) => k.points)).toEqual([0, 50, 50, 100, 0]);
  });

  test('every KPI has a name in English and Chinese', async () => {
    const { KPI_KEYS } = await import('../../src/core/scorecardKpis');
    const { kpiLabel } = await import('../../src/core/scorecardAudit');
    for (const kpi of KPI_KEYS) for (const lang of ['en', 'zh'] as const) expect(kpiLabel(lang, kpi), `${lang} ${kpi}`).not.toContain('scorecard.kpi');
    expect(kpiLabel('zh', 'manual:态度')).toBe('态度');
  });
});
