/**
 * The Scorecard tab and scorecard.csv (issue 12) built from a card computed
 * by hand: headers per KPI, grade colours, the team average row, notes for
 * agents not scored, Chinese headers, and the whole run's tab and CSV.
 */
import { describe, expect, test } from 'vitest';
import { exportedOf } from '../support/exported';
import { buildReports, type ReportInput } from '../../src/reports';
import { scorecardCsv, scorecardTab } from '../../src/reports/scorecardTab';
import { computeScorecard } from '../../src/core/scorecard';
import { rulesFromTable } from '../../src/core/settings';
import { emptyCounts } from '../../src/core/metrics';
import { COLOURS } from '../../src/reports/layout';
import type { ReportData } from '../../src/reports/data';
import type { Agent, AgentDay, Language } from '../../src/core/types';
import { TEST_NOW } from '../support/now';

const day = (agent: string, counts: Partial<AgentDay>): AgentDay => ({ ...emptyCounts(), date: '2026-11-02', agent, ...counts });
const person = (name: string, id: string, extra: Partial<Agent> = {}): Agent => ({ name, id, shift: 'day', basePay: 3000, active: true, ...extra });

/** Conversion (60 %) and a manual attitude score (40 %); base 1 000 paid by grade. */
const RULES = [
  ['scorecard', 'on', ''],
  ['scorecard_kpi', 'inquiry_conversion', '60%'],
  ['scorecard_score', 'inquiry_conversion', '>=50%:100; >=40%:80; else:40'],
  ['scorecard_kpi', 'manual:attitude', '40%'],
  ['scorecard_base_pay', '1000', ''],
  // C has 10 inquiries: the supervisor's own sample, under the default 20.
  ['scorecard_min_sample', 'inquiries', '10'],
];
const ROSTER = [person('A', '101'), person('B', '102'), person('C', '103'), person('T', '104', { assessed: false })];
/**
 * A: 50 % → 100, attitude 95 → 60 + 38 = 98 → A (1.2).
 * B: 40 % → 80, attitude 80 → 48 + 32 = 80 → B (1.0).
 * C: 20 % → 40, attitude 60 → 24 + 24 = 48 → D (0.5).
 * T: a trainee, listed with her figure, not scored.
 */
const DAYS = [day('A', { inquiries: 40, paid: 20 }), day('B', { inquiries: 50, paid: 20 }), day('C', { inquiries: 10, paid: 2 }), day('T', { inquiries: 10, paid: 1 })];
const EVENTS = [
  { date: '2026-11-30', agent: 'A', kind: 'score' as const, reason: 'attitude', amount: 95 },
  { date: '2026-11-30', agent: 'B', kind: 'score' as const, reason: 'attitude', amount: 80 },
  { date: '2026-11-30', agent: 'C', kind: 'score' as const, reason: 'attitude', amount: 60 },
];

function card(rows: string[][] = RULES) {
  const { rules, problems } = rulesFromTable(rows);
  expect(problems).toEqual([]);
  return computeScorecard({ month: '2026-11', roster: ROSTER, agentDays: DAYS, attributed: [], events: EVENTS, orders: [], shopByDate: new Map(), rules });
}
/** What the tab reads of a run: its language, and that every day is final. */
const data = (language: Language) => ({ input: { language }, agentDays: [], finality: { provisional: new Map(), latestFinal: null } }) as unknown as ReportData;

describe('scorecard.csv', () => {
  test('Agent, Agent ID, each KPI figure and points, Weighted score, Grade, Coefficient', () => {
    const csv = scorecardCsv(data('en'), card());
    expect(csv.fileName).toBe('scorecard.csv');
    expect(csv.header).toEqual(['Agent', 'Agent ID', 'Inquiry conversion figure', 'Inquiry conversion points', 'attitude figure', 'attitude points', 'Weighted score', 'Grade', 'Coefficient', 'Month', 'Scorecard', 'Note']);
    // Rates with 4 decimals, points, scores and coefficients with 2; the month and the card's state on every row; why an agent is not scored.
    const on = 'on: performance pay by grade';
    expect(csv.rows).toEqual([
      ['A', '101', '0.5000', '100.00', '95.00', '95.00', '98.00', 'A', '1.20', '2026-11', on, ''],
      ['B', '102', '0.4000', '80.00', '80.00', '80.00', '80.00', 'B', '1.00', '2026-11', on, ''],
      ['C', '103', '0.2000', '40.00', '60.00', '60.00', '48.00', 'D', '0.50', '2026-11', on, ''],
      ['T', '104', '0.1000', '', '', '', '', '', '', '2026-11', on, 'not assessed (roster)'],
    ]);
  });

  test('Chinese headers with --lang zh', () => {
    expect(scorecardCsv(data('zh'), card()).header).toEqual(['客服', '工号', '询单转化率 数值', '询单转化率 得分', 'attitude 数值', 'attitude 得分', '加权得分', '等级', '系数', '月份', '考核表', '备注']);
  });
});

describe('the Scorecard tab', () => {
  const tab = scorecardTab(data('en'), card());
  const table = tab.blocks.find((b) => b.row === 3)!;
  const kpiRow = tab.blocks.find((b) => b.row === 2)!.values[0];

  test("each KPI's name is merged above its figure/points pair; the other headers span both header rows", () => {
    expect(kpiRow.slice(0, 6)).toEqual(['Agent', 'Agent ID', 'Inquiry conversion', '', 'attitude', '']);
    expect(table.values[0].slice(2, 6)).toEqual(['Figure', 'Points', 'Figure', 'Points']);
    expect(tab.merges).toContainEqual({ row: 2, col: 2, rows: 1, cols: 2 });
    expect(tab.merges).toContainEqual({ row: 2, col: 4, rows: 1, cols: 2 });
    expect(tab.merges).toContainEqual({ row: 2, col: 0, rows: 2, cols: 1 });
    expect(tab.frozenRows).toBe(4);
    expect(tab.print).toMatchObject({ fitToWidth: true, repeatRows: { first: 0, last: 3 } });
  });

  test('one row per agent, performance pay and a note, then the team average', () => {
    expect(kpiRow.slice(-3)).toEqual(['Coefficient', 'Performance pay', 'Note']);
    expect(table.values.slice(1).map((r) => [r[0], r[9]])).toEqual([
      ['A', 1200],
      ['B', 1000],
      ['C', 500],
      ['T', 0],
      ['Team average', null],
    ]);
    expect(table.values[4][10]).toBe('not assessed (roster)');
    // Team conversion from the scored agents' summed counts: 42 paid of 100 inquiries; points and score as means.
    const team = table.values[5];
    expect(team[2]).toBeCloseTo(0.42, 12);
    expect(team[3]).toBeCloseTo(220 / 3, 12);
    expect(team[4]).toBeCloseTo(235 / 3, 12);
    expect(team[6]).toBeCloseTo(226 / 3, 12);
  });

  test('rows coloured by grade: best green, worst red, between amber; the trainee uncoloured', () => {
    const background = (row: number) => new Set(table.cellStyles!.filter((s) => s.row === row && s.style.background).map((s) => s.style.background));
    expect(background(1)).toEqual(new Set([COLOURS.good]));
    expect(background(2)).toEqual(new Set([COLOURS.warn]));
    expect(background(3)).toEqual(new Set([COLOURS.bad]));
    expect(background(4).size).toBe(0);
  });

  test('figures in their formats: conversion as a percentage, points with one decimal', () => {
    expect(table.columnStyles!.slice(2, 4)).toMatchObject([{ format: 'percent' }, { format: 'decimal1' }]);
    expect(tab.key).toBe('scorecard');
    expect(tab.name).toBe('Scorecard');
  });

  test('a card switched off says so above the table, and pays nothing', () => {
    const off = scorecardTab(data('en'), card(RULES.filter((r) => r[0] !== 'scorecard')));
    expect(off.blocks.find((b) => b.row === 1)!.values[0][0]).toContain('The scorecard is off');
    expect(off.blocks.find((b) => b.row === 3)!.values.slice(1, 4).map((r) => r[9])).toEqual([0, 0, 0]);
  });
});

describe('the whole run', () => {
  test('the Scorecard tab follows Payroll, and scorecard.csv payroll.csv', () => {
    const input: ReportInput = {
      language: 'en',
      rules: rulesFromTable(RULES).rules,
      roster: ROSTER,
      events: EVENTS,
      consultations: [],
      orders: [],
      shopDays: [],
      rejections: [],
      agentDays: DAYS.map((d) => exportedOf(d)),
    };
    const run = buildReports(input, { now: TEST_NOW, date: '2026-11-02' });
    expect(run.tabs.map((t) => t.key).slice(2, 4)).toEqual(['payroll', 'scorecard']);
    expect(run.csvs.map((c) => c.fileName).slice(2, 4)).toEqual(['payroll.csv', 'scorecard.csv']);
    const payroll = run.csvs[2];
    const column = payroll.header.indexOf('Performance pay');
    expect(column).toBe(payroll.header.indexOf('Response bonus') + 1);
    expect(payroll.rows.map((r) => [r[0], r[column]])).toEqual([
      ['A', '1200.00'],
      ['B', '1000.00'],
      ['C', '500.00'],
      ['T', '0.00'],
    ]);
    expect(run.summary.some((line) => line.startsWith('Scorecard 2026-11: 3 scored, 1 not scored, performance pay 2,700.00'))).toBe(true);
  });
});
