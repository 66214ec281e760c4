/** 给老板的日报 (issue 10): the owner's message on a small shop, computed by hand. */
import { describe, expect, test } from 'vitest';
import { buildReports, type ReportInput } from '../../src/reports';
import { defaultRules } from '../../src/core/rules';
import { emptyCounts } from '../../src/core/metrics';
import type { AgentDay, Language, ShopDay } from '../../src/core/types';
import { exportedOf } from '../support/exported';
import { TEST_NOW } from '../support/now';

const day = (date: string, agent: string, figures: Partial<AgentDay>): AgentDay => ({ ...emptyCounts(), date, agent, consultations: 50, ...figures });

function shop(language: Language, extra: Partial<ReportInput> = {}): ReportInput {
  return {
    language,
    rules: { ...defaultRules(), conversionTarget: 0.4, dailySalesTarget: 2000, monthlySalesTarget: 60_000, minInquiriesPerDay: 20 },
    roster: [],
    events: [],
    consultations: [],
    orders: [],
    rejections: [],
    shopDays: [],
    agentDays: [
      // The day before: 20 of 60 paid (33.3 %); a week before: 30 of 60 (50 %).
      day('2026-11-09', 'A', { inquiries: 60, paid: 30, sales: 1000 }),
      day('2026-11-15', 'A', { inquiries: 60, paid: 20, sales: 1000 }),
      // The day: A 15/30 = 50 %, B 6/25 = 24 %, C has 10 inquiries (under the minimum of 20): 26/65 = 40 %.
      day('2026-11-16', 'A', { inquiries: 30, paid: 15, sales: 1500 }),
      day('2026-11-16', 'B', { inquiries: 25, paid: 6, sales: 300 }),
      day('2026-11-16', 'C', { inquiries: 10, paid: 5, sales: 200 }),
    ].map((d) => exportedOf(d)),
    ...extra,
  };
}

describe("the owner's message", () => {
  test('in English: conversion against target and the days before, sales against targets, best and weakest with the minimum, staffing', () => {
    const run = buildReports(shop('en'), { now: TEST_NOW, date: '2026-11-16' });
    expect(run.ownerMessage).toEqual([
      'CS daily report 2026-11-16 (final figures)',
      'Inquiry conversion 40.00% (target 40.00%; vs previous day ▲ 6.7 pp; vs same day last week ▼ 10.0 pp)',
      // 2 000 of 2 000 for the day; the month so far (1 000 + 2 000 + 1 000) of 60 000.
      "Customer-service sales 2,000.00: 100.0% of the day's target, 6.7% of the month's so far",
      'Best: A 50.00% (15 of 30 inquiries paid); weakest: B 24.00% (6 of 25 inquiries paid)',
      // No staffing line: the supervisor set no inquiries per agent, and a default is no shop's staffing rule.
      'Paid orders of 2026-11-16 without an agent ID: 0 (0.00)',
    ]);
  });

  test('staffing only when the supervisor set the inquiries one agent can take', () => {
    const input = shop('en');
    input.rules.inquiriesPerAgent = 30;
    // 65 inquiries ÷ 30 an agent can take, rounded up.
    expect(buildReports(input, { now: TEST_NOW, date: '2026-11-16' }).ownerMessage).toContain('Agents on duty 3, needed 3');
  });

  test('a default target is left out; a day with nothing imported is "—", never a change from 0', () => {
    const input = shop('en');
    input.rules.conversionTarget = null;
    input.agentDays = input.agentDays.filter((d) => d.date === '2026-11-16');
    const message = buildReports(input, { now: TEST_NOW, date: '2026-11-16' }).ownerMessage;
    expect(message[1]).toBe('Inquiry conversion 40.00% (vs previous day —; vs same day last week —)');
    expect(message.join('\n')).not.toMatch(/target 50/);
  });

  test('without a minimum set, agents are judged against half the team\'s median inquiries', () => {
    const input = shop('en');
    input.rules.minInquiriesPerDay = null;
    // The day's agent-days: 10, 25, 30 inquiries → median 25, half of it 12.5: C (10) is not judged.
    expect(buildReports(input, { now: TEST_NOW, date: '2026-11-16' }).ownerMessage[3]).toBe('Best: A 50.00% (15 of 30 inquiries paid); weakest: B 24.00% (6 of 25 inquiries paid)');
    input.agentDays = input.agentDays.filter((d) => d.agent !== 'A');
    // 10 and 25 → median 17.5, half 8.75: both judged, C's 50 % best.
    expect(buildReports(input, { now: TEST_NOW, date: '2026-11-16' }).ownerMessage[3]).toBe('Best: C 50.00% (5 of 10 inquiries paid); weakest: B 24.00% (6 of 25 inquiries paid)');
  });

  test('in Chinese, with 个百分点 and full-width punctuation', () => {
    const run = buildReports(shop('zh'), { now: TEST_NOW, date: '2026-11-16' });
    expect(run.ownerMessage[0]).toBe('客服日报 2026-11-16（数据已确定）');
    expect(run.ownerMessage[1]).toBe('询单转化率 40.00%（目标 40.00%；较前一日 ▲6.7 个百分点；较上周同日 ▼10.0 个百分点）');
    expect(run.ownerMessage[3]).toBe('最佳：A 50.00%（询单 30，付款 15）；待提升：B 24.00%（询单 25，付款 6）');
  });

  test('a provisional day says so in its title and in a closing note', () => {
    const input = shop('en');
    input.agentDays.push({ ...exportedOf(day('2026-11-17', 'A', { inquiries: 5 })), provisional: ['paid'] });
    const run = buildReports(input, { now: TEST_NOW, date: '2026-11-17' });
    expect(run.ownerMessage[0]).toBe('CS daily report 2026-11-17 (provisional figures)');
    expect(run.ownerMessage.at(-1)).toBe('Note: these figures are not final yet; the latest final day is 2026-11-16.');
    // Asked for nothing, the run reports the latest final day.
    expect(buildReports(input, { now: TEST_NOW }).date).toBe('2026-11-16');
  });

  test('with shop data, the CS share of shop sales and the silent sales', () => {
    const page: ShopDay = { date: '2026-11-16', shop: '', row: 'shop', source: 'shop_day:x', report: 'overview', figures: { shopSales: 8000, visitors: 4000 } };
    const run = buildReports(shop('en', { shopDays: [page] }), { now: TEST_NOW, date: '2026-11-16' });
    expect(run.ownerMessage).toContain('Customer service made 25.0% of shop sales (silent sales 6,000.00)');
  });

  test('CS sales above the shop\'s own figure is a note on the Daily tab, not a line for the owner', () => {
    const page: ShopDay = { date: '2026-11-16', shop: '', row: 'shop', source: 'shop_day:x', report: 'overview', figures: { shopSales: 1000 } };
    const run = buildReports(shop('en', { shopDays: [page] }), { now: TEST_NOW, date: '2026-11-16' });
    expect(run.ownerMessage.join('\n')).not.toMatch(/shop/i);
    const daily = run.tabs.find((tab) => tab.key === 'daily')!;
    const notes = daily.blocks.flatMap((b) => b.values).map((r) => String(r[0]));
    expect(notes).toContain('Check the shop page: customer-service sales 2,000.00 exceed the shop sales 1,000.00 it states for this day');
  });

  test('the message is the first thing on the Daily tab, in one cell', () => {
    const run = buildReports(shop('en'), { now: TEST_NOW, date: '2026-11-16' });
    const daily = run.tabs.find((tab) => tab.key === 'daily')!;
    // Right under the title (row 1 is left for a provisional day's reason).
    const cell = daily.blocks.find((b) => b.row === 1 && b.col === 0)!;
    expect(cell.values).toEqual([[run.ownerMessage.join('\n')]]);
  });
});
