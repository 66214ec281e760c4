/**
 * Reports follow the schedule: day/night subtotals on the Daily, the night
 * allowance in payroll with its audit line, the night figures of the ranking.
 */
import { describe, expect, test } from 'vitest';
import { buildReports, type ReportInput } from '../../src/reports';
import { prepareReportData } from '../../src/reports/data';
import { dailyFigures } from '../../src/reports/daily';
import { defaultRules } from '../../src/core/rules';
import { emptyCounts } from '../../src/core/metrics';
import type { AgentDay } from '../../src/core/types';
import { exportedOf } from '../support/exported';
import { TEST_NOW } from '../support/now';

const day = (date: string, agent: string, inquiries: number, paid: number): AgentDay => ({ ...emptyCounts(), date, agent, inquiries, placed: paid, paid, sales: paid * 100 });

/** Three agents over 2026-10-30 … 2026-11-03; J and M rotate weekly from Monday 2026-10-26 (J day first), A is a fixed day agent. */
function shop(nightAllowance = 25): ReportInput {
  const dates = ['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03'];
  return {
    language: 'en',
    rules: { ...defaultRules(), nightAllowance, rotationAgents: ['J', 'M'], rotationStart: '2026-10-26', rotationPeriod: 'week', rotationPattern: ['day', 'night'] },
    roster: [
      { name: 'A', id: '101', shift: 'day', basePay: 3000, active: true },
      { name: 'J', id: '105', shift: 'day', basePay: 3000, active: true },
      { name: 'M', id: '106', shift: 'day', basePay: 3000, active: true },
    ],
    events: [],
    consultations: [],
    orders: [],
    shopDays: [],
    rejections: [],
    // 11-03: M works J's night by hand (J off sick, no figures for J that day).
    schedule: [{ date: '2026-11-03', agent: 'M', rotation: 'day', shift: 'night', note: 'covers J' }],
    agentDays: [
      ...dates.flatMap((d) => [day(d, 'A', 40, 12), day(d, 'M', 30, 9)]),
      ...dates.filter((d) => d !== '2026-11-03').map((d) => day(d, 'J', 20, 8)),
    ].map((d) => exportedOf(d)),
  };
}

describe('shifts from the schedule', () => {
  test('day/night subtotals of the Daily follow the rotation: the swap on Monday moves J to the night', () => {
    const data = prepareReportData(shop(), TEST_NOW);
    const shiftOf = (date: string) => Object.fromEntries(dailyFigures(data, date).agents.map((a) => [a.day.agent, a.shift]));
    expect(shiftOf('2026-11-01')).toEqual({ A: 'day', J: 'day', M: 'night' });
    expect(shiftOf('2026-11-02')).toEqual({ A: 'day', J: 'night', M: 'day' });
    expect(shiftOf('2026-11-03')).toEqual({ A: 'day', M: 'night' });
    const tab = buildReports(shop(), { now: TEST_NOW, date: '2026-11-02' }).tabs.find((t) => t.key === 'daily')!;
    const cells = tab.blocks.flatMap((b) => b.values);
    const night = cells.find((r) => r[0] === 'Night shift');
    const dayRow = cells.find((r) => r[0] === 'Day shift');
    expect(night?.[3]).toBe(20); // J's 20 inquiries
    expect(dayRow?.[3]).toBe(70); // A 40 + M 30
  });

  test('payroll pays the night allowance per night worked, with the nights in its audit line', () => {
    const run = buildReports(shop(), { now: TEST_NOW, date: '2026-11-03', month: '2026-11' });
    const csv = run.csvs.find((c) => c.fileName === 'payroll.csv')!;
    const col = csv.header.indexOf('Night allowance');
    const row = (agent: string) => csv.rows.find((r) => r[0] === agent)!;
    // November: M worked nights on 11-01 (rotation) and 11-03 (the exception); J on 11-02.
    expect(row('M')[col]).toBe('50.00');
    expect(row('J')[col]).toBe('25.00');
    expect(row('A')[col]).toBe('0.00');
    const audit = run.tabs.find((t) => t.key === 'payroll')!.blocks.flatMap((b) => b.values).filter((r) => r[1] === 'Night allowance');
    expect(audit.map((r) => [r[0], r[3], r.find((c) => typeof c === 'string' && c.includes('nights'))])).toEqual([
      ['J', 25, 'nights worked 1: 11-02'],
      ['M', 50, 'nights worked 2: 11-01, 11-03'],
    ]);
  });

  test('a night allowance of 0 (the default) pays nothing and writes no line', () => {
    const run = buildReports(shop(0), { now: TEST_NOW, date: '2026-11-03', month: '2026-11' });
    const audit = run.tabs.find((t) => t.key === 'payroll')!.blocks.flatMap((b) => b.values).filter((r) => r[1] === 'Night allowance');
    expect(audit).toEqual([]);
  });
});
