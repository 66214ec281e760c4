/** The Daily tab read at a glance (issue 10.3): totals, subtotals, changes written like their figures, zh wording. */
import { describe, expect, test } from 'vitest';
import { buildReports, type ReportInput } from '../../src/reports';
import { defaultRules } from '../../src/core/rules';
import { emptyCounts } from '../../src/core/metrics';
import type { Agent, AgentDay, Language } from '../../src/core/types';
import type { TabSpec } from '../../src/reports/types';
import { change } from '../../src/reports/dailyTeam';
import { conversionTrend } from '../../src/reports/dailyAgents';
import { prepareReportData } from '../../src/reports/data';
import { exportedOf } from '../support/exported';
import { TEST_NOW } from '../support/now';

const day = (date: string, agent: string, figures: Partial<AgentDay>): AgentDay => ({ ...emptyCounts(), date, agent, consultations: 40, ...figures });
const roster: Agent[] = [
  { name: 'A', id: '1', shift: 'day', basePay: 0, active: true },
  { name: 'B', id: '2', shift: 'day', basePay: 0, active: true },
  { name: 'N', id: '3', shift: 'night', basePay: 0, active: true },
];

function input(language: Language): ReportInput {
  return {
    language,
    rules: { ...defaultRules(), dailySalesTarget: 10_000 },
    roster,
    events: [],
    consultations: [],
    orders: [],
    rejections: [],
    shopDays: [],
    agentDays: [
      day('2026-11-15', 'A', { inquiries: 20, paid: 5, sales: 1000 }),
      day('2026-11-16', 'A', { inquiries: 20, paid: 10, sales: 3000 }),
      day('2026-11-16', 'B', { inquiries: 20, paid: 4, sales: 2000, receptions: 20 }),
      day('2026-11-16', 'N', { inquiries: 10, paid: 6, sales: 3651 }),
    ].map((d) => exportedOf(d)),
  };
}

const rowsOf = (tab: TabSpec, firstCell: string) => tab.blocks.flatMap((b) => b.values).filter((r) => r[0] === firstCell);

describe('the Daily tab', () => {
  const daily = buildReports(input('en'), { now: TEST_NOW, date: '2026-11-16' }).tabs.find((t) => t.key === 'daily')!;

  test('ends the agent table with day/night subtotals and the team total', () => {
    // Conversion and sales part: agent, consultations, excluded, inquiries, placed, paid, …
    expect(rowsOf(daily, 'Day shift')[0].slice(3, 6)).toEqual([40, null, 14]);
    expect(rowsOf(daily, 'Night shift')[0].slice(3, 6)).toEqual([10, null, 6]);
    const total = rowsOf(daily, 'Team total')[0];
    expect([total[3], total[5], total[8], total[9]]).toEqual([50, 20, 0.4, 8651]);
  });

  test('shows sales as a share of the day target, and changes written like their figures', () => {
    const sales = rowsOf(daily, 'Sales, % of target')[0];
    expect(sales[1]).toBeCloseTo(0.8651, 9);
    const salesLine = rowsOf(daily, 'Sales')[0];
    expect(salesLine[4]).toBe('▲ 7,651.00');
    // No target set: the tool's default is shown, labelled as one.
    const conversion = rowsOf(daily, 'Inquiry conversion (default target, not set for this shop)')[0];
    expect(conversion[4]).toBe('▲ 15.0 pp');
    expect(conversion[2]).toBe(0.5);
  });

  test('has a 7-day conversion trend per agent, one bar a day, a dot for a day off', () => {
    const data = prepareReportData(input('en'), TEST_NOW);
    expect(conversionTrend(data, '2026-11-16', 'A')).toBe('·····▃▅');
    expect(conversionTrend(data, '2026-11-16', 'N')).toBe('······▅');
  });

  test('in Chinese: 个百分点 and full-width punctuation between flags', () => {
    expect(change('zh', 0.4, 0.25, 'rate')).toBe('▲ 15.0 个百分点');
    const zh = buildReports(input('zh'), { now: TEST_NOW, date: '2026-11-16' }).tabs.find((t) => t.key === 'daily')!;
    const b = zh.blocks.flatMap((blk) => blk.values).find((r) => r[0] === 'B')!;
    expect(String(b.at(-1))).toContain('；');
    // One team total under each part of the agent table (conversion and sales, service).
    expect(rowsOf(zh, '团队合计')).toHaveLength(2);
  });
});
