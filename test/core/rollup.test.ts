import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/core/dates';
import { daysToRollUp, EMPTY_ROLL_UP, joinRollUps, retentionDays, rollUpDay, rollUpReads, sameRollUp, type RollUp } from '../../src/core/rollup';
import { defaultRules } from '../../src/core/rules';
import type { IsoDate } from '../../src/core/types';
import { buildReports, type ReportInput } from '../../src/reports';
import { localTime } from '../../src/core/dates';
import { rollupShop, rollupShopDays } from '../support/rollupShop';

const NOW = localTime(2026, 11, 9, 9);

/** Rolls up the given days one by one, oldest first, as a store does: compute from the raw days it reads, then drop the day's raw records. */
function rolledUp(input: ReportInput, days: IsoDate[]): ReportInput {
  let consultations = input.consultations;
  let orders = input.orders;
  let rollUp: RollUp = EMPTY_ROLL_UP;
  for (const day of days) {
    const reads = new Set(rollUpReads(day, input.rules));
    const one = rollUpDay(day, consultations.filter((c) => reads.has(dayOf(c.start))), orders.filter((o) => reads.has(dayOf(o.created))), input.roster, input.rules, input.claims, rollUp.anchors);
    rollUp = joinRollUps(rollUp, one);
    consultations = consultations.filter((c) => dayOf(c.start) !== day);
    orders = orders.filter((o) => dayOf(o.created) !== day);
  }
  return { ...input, consultations, orders, rolledUp: rollUp };
}

/** Every figure of the Daily, Ranking, Payroll and Scorecard: their CSVs and their tabs. */
function reportsOf(input: ReportInput, date: IsoDate, month: string) {
  const run = buildReports(input, { now: NOW, date, period: 'month', month });
  const tabs = Object.fromEntries(run.tabs.filter((t) => ['daily', 'ranking', 'payroll', 'scorecard'].includes(t.key)).map((t) => [t.key, t]));
  const csvs = Object.fromEntries(run.csvs.filter((c) => ['daily.csv', 'ranking.csv', 'payroll.csv', 'scorecard.csv'].includes(c.fileName)).map((c) => [c.fileName, c.rows]));
  return { tabs, csvs };
}

describe('roll-up of old raw days', () => {
  it('rolls up the days before the retention, counted back from the latest stored day, never fewer than the windows need', () => {
    const rules = { ...defaultRules(), retentionDays: 10 };
    const days = ['2026-10-01', '2026-10-20', '2026-10-21', '2026-10-30'];
    expect(daysToRollUp(days, '2026-10-30', rules)).toEqual(['2026-10-01', '2026-10-20']);
    expect(daysToRollUp(days, '2026-10-30', { ...rules, retentionDays: 0 })).toEqual([]);
    expect(retentionDays({ ...rules, retentionDays: 1, attributionWindow: '3_days', repeatWindowHours: 48 })).toBe(5);
    expect(defaultRules().retentionDays).toBe(70);
  });

  it('keeps the Daily, Ranking, Payroll and Scorecard of a rolled-up month identical', () => {
    const input = rollupShop();
    const scorecardOn = { ...input, rules: { ...input.rules, scorecard: { ...input.rules.scorecard, enabled: true } } };
    for (const base of [input, scorecardOn]) {
      // August and September whole, and the first days of October.
      const days = rollupShopDays().filter((d) => d < '2026-10-05');
      const after = rolledUp(base, days);
      expect(after.consultations.length).toBeLessThan(base.consultations.length / 2);
      for (const [date, month] of [['2026-09-14', '2026-09'], ['2026-08-31', '2026-08'], ['2026-10-02', '2026-10'], ['2026-10-20', '2026-10']]) {
        const before = reportsOf(base, date, month);
        const now = reportsOf(after, date, month);
        expect(now.csvs, `${date} ${month}`).toEqual(before.csvs);
        expect(now.tabs.daily, `daily ${date}`).toEqual(before.tabs.daily);
        expect(now.tabs.payroll, `payroll ${month}`).toEqual(before.tabs.payroll);
        expect(now.tabs.scorecard, `scorecard ${month}`).toEqual(before.tabs.scorecard);
      }
    }
  });

  it('changes payroll when a figure of the roll-up is left out (the comparison can fail)', () => {
    const input = rollupShop();
    const days = rollupShopDays().filter((d) => d < '2026-10-01');
    const after = rolledUp(input, days);
    const lost = { ...after, rolledUp: { ...after.rolledUp!, sales: after.rolledUp!.sales.filter((s) => s.kind !== 'unattributed') } };
    expect(reportsOf(lost, '2026-09-14', '2026-09').csvs['payroll.csv']).not.toEqual(reportsOf(input, '2026-09-14', '2026-09').csvs['payroll.csv']);
  });

  it('tells a stored roll-up equal to the computed one only when every figure matches', () => {
    const input = rollupShop();
    const a = rolledUp(input, rollupShopDays().slice(0, 20)).rolledUp!;
    const shuffled: RollUp = { ...a, agentDays: [...a.agentDays].reverse(), sales: [...a.sales].reverse() };
    expect(sameRollUp(a, shuffled)).toBe(true);
    expect(a.agentDays.length).toBeGreaterThan(20);
    expect(a.anchors.length).toBeGreaterThan(0);
    expect(new Set(a.sales.map((s) => s.kind))).toEqual(new Set(['attributed', 'claimed', 'unattributed', 'credited', 'shop_paid']));
    const changed: RollUp = { ...a, agentDays: a.agentDays.map((d, i) => (i === 0 ? { ...d, paid: (d.paid ?? 0) + 1 } : d)) };
    expect(sameRollUp(a, changed)).toBe(false);
    expect(sameRollUp(a, { ...a, sales: a.sales.slice(1) })).toBe(false);
  });
});
