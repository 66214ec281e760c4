/** Which stored days a report run reads (reports/readPlan.ts), by hand on the default rules. */
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../src/core/rules';
import type { CoachingEntry } from '../../src/core/coaching';
import { daysToRead, recordMarginAfterDays, recordMarginDays } from '../../src/reports/readPlan';
import type { TabKey } from '../../src/reports/types';
import { REPORT_GROUPS } from '../../src/reports/reportGroups';

const span = (days: Set<string>) => {
  const sorted = [...days].sort();
  return [sorted[0], sorted[sorted.length - 1], sorted.length];
};

describe('the days a report run reads', () => {
  const rules = defaultRules();

  it('margins: twice the repeat window, the attribution window and a day before; the longer window and a day after', () => {
    expect([recordMarginDays(rules), recordMarginAfterDays(rules)]).toEqual([4, 2]);
    expect(recordMarginDays({ ...rules, repeatWindowHours: 168, attributionWindow: '3_days' })).toBe(18);
    expect(recordMarginAfterDays({ ...rules, repeatWindowHours: 168, attributionWindow: 'same_day' })).toBe(8);
  });

  it('a Daily at a month end: the month from its margin; orders also the 30-day look-back', () => {
    const { all, orders } = daysToRead({ date: '2026-06-28', choice: {}, rules, coaching: [], latest: '2026-06-29' });
    // June 1 − 4 days … June 30 + 2 days (the payroll month).
    expect(span(all)).toEqual(['2026-05-28', '2026-07-02', 36]);
    // The ranking's previous day (June 27) − 30 days − 4.
    expect(span(orders)).toEqual(['2026-05-24', '2026-07-02', 40]);
  });

  it('an earlier month asked for, a coaching entry and the latest days are read, and nothing between them', () => {
    const coaching: CoachingEntry[] = [{ date: '2026-03-10', agent: 'A', problem: 'other', detail: '', measure: '', status: 'open', origin: 'row 2' }];
    const { all } = daysToRead({ date: '2026-06-28', choice: { month: '2026-04' }, rules, coaching, latest: '2026-06-29' });
    expect(all.has('2026-04-15')).toBe(true);
    expect(all.has('2026-02-27')).toBe(true); // 7 days before the entry, and the 4-day margin
    expect(all.has('2026-02-26')).toBe(false);
    expect(all.has('2026-05-20')).toBe(false);
    expect(all.has('2026-06-20')).toBe(true);
  });

  it('a run writing some tabs reads their days and the latest ones, and no others', () => {
    const plan = (keys: TabKey[], choice = {}) => daysToRead({ date: '2026-06-28', choice, rules, coaching: [], latest: '2026-06-29', keys });
    // The ranking of June 28 and the 27th, their margins and the latest 14 days: June 11 … July 1.
    const ranking = plan(['ranking']);
    expect(span(ranking.all)).toEqual(['2026-06-11', '2026-07-01', 21]);
    expect(ranking.orders.has('2026-05-24')).toBe(true); // the repurchase look-back, orders alone
    // The payroll of April: April and the latest days, nothing of May.
    const payroll = plan(['payroll', 'scorecard', 'unattributed'], { month: '2026-04' });
    expect(payroll.all.has('2026-03-28')).toBe(true);
    expect(payroll.all.has('2026-04-30')).toBe(true);
    expect(payroll.all.has('2026-05-20')).toBe(false);
    expect(payroll.orders.has('2026-05-20')).toBe(false);
    // The Daily and its chats to review of June 28: figures of its month so far (from June 1) and the latest days;
    // orders of the 28th and of the 30-day look-back before it, not of the latest days.
    const daily = plan(['daily', 'review']);
    expect(span(daily.all)).toEqual(['2026-05-28', '2026-07-01', 35]);
    expect(span(daily.orders)).toEqual(['2026-05-25', '2026-06-30', 37]);
    expect(plan(['import_errors']).all).toEqual(plan([]).all);
  });

  it('the latest days and the coaching windows are read for their figures: no orders', () => {
    const coaching: CoachingEntry[] = [{ date: '2026-03-10', agent: 'A', problem: 'other', detail: '', measure: '', status: 'open', origin: 'row 2' }];
    const plan = daysToRead({ date: '2026-06-28', choice: {}, rules, coaching, latest: '2026-06-29', keys: ['coaching'] });
    expect(plan.orders.size).toBe(0);
    // Planned from the margins on (a day not kept is computed from its neighbours), exports only of the days shown.
    // The latest days (June 15 … 29) and the entry's window (March 3 … 17), each from 4 days before to 2 after.
    expect(plan.all.size).toBe(21 + 21);
    expect(plan.shown.size).toBe(15 + 15);
    expect(plan.all.has('2026-06-11') && plan.all.has('2026-07-01') && plan.shown.has('2026-06-15') && plan.shown.has('2026-06-29')).toBe(true);
    expect(plan.shown.has('2026-06-14') || plan.shown.has('2026-06-30')).toBe(false);
    expect(plan.shown.has('2026-03-03') && plan.shown.has('2026-03-17') && plan.all.has('2026-02-27')).toBe(true);
    expect(plan.shown.has('2026-03-02') || plan.shown.has('2026-03-18')).toBe(false);
  });

  it('the Daily reads orders of its day alone, the payroll and Unattributed their month\'s, the ranking its period\'s and the look-back', () => {
    const plan = (keys: TabKey[], choice = {}) => daysToRead({ date: '2026-06-28', choice, rules, coaching: [], latest: '2026-06-29', keys });
    // The 28th's unremarked orders: created from its margin on, paid up to the attribution window after it.
    expect(span(plan(['daily']).orders)).toEqual(['2026-06-24', '2026-06-30', 7]);
    expect(span(plan(['daily']).shown)).toEqual(['2026-06-01', '2026-06-29', 29]);
    const payroll = plan(['payroll'], { month: '2026-04' });
    expect(span(payroll.orders)).toEqual(['2026-03-28', '2026-05-02', 36]);
    expect(span(payroll.shown)).toEqual(['2026-04-01', '2026-06-29', 45]);
    expect(payroll.shown.has('2026-05-01')).toBe(false);
    // The Unattributed list of April: its orders (and their credits, planned), no figures of April.
    const unattributed = plan(['unattributed'], { month: '2026-04' });
    expect(unattributed.orders).toEqual(payroll.orders);
    expect(unattributed.all.has('2026-04-15')).toBe(true);
    expect(unattributed.shown.has('2026-04-15')).toBe(false);
    // The week of June 22: its orders from its margin on, the look-back from 30 days before the week before it; the week before's figures.
    const ranking = plan(['ranking'], { period: 'week' });
    expect(span(ranking.orders)).toEqual(['2026-05-12', '2026-06-30', 50]);
    expect(ranking.shown.has('2026-06-15') && !ranking.shown.has('2026-06-14')).toBe(true);
  });

  it('the groups of Build all reports together read what one run of every tab reads', () => {
    const coaching: CoachingEntry[] = [
      { date: '2026-03-10', agent: 'A', problem: 'other', detail: '', measure: '', status: 'open', origin: 'row 2' },
      { date: '2026-06-20', agent: 'B', problem: 'low_conversion', detail: '', measure: '', status: 'open', origin: 'row 3' },
    ];
    const groups: TabKey[][] = Object.values(REPORT_GROUPS).map((keys) => [...keys]);
    for (const date of ['2026-06-28', '2026-07-02', '2026-03-01']) {
      for (const choice of [{}, { period: 'week' as const }, { period: 'month' as const }]) {
        const input = { date, choice, rules, coaching, latest: '2026-07-03' };
        const whole = daysToRead(input);
        const parts = groups.map((keys) => daysToRead({ ...input, keys }));
        expect(new Set(parts.flatMap((p) => [...p.all]))).toEqual(whole.all);
        expect(new Set(parts.flatMap((p) => [...p.orders]))).toEqual(whole.orders);
        expect(new Set(parts.flatMap((p) => [...p.shown]))).toEqual(whole.shown);
      }
    }
  });
});
