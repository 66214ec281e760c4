/** Which stored days a report run reads (reports/readPlan.ts), by hand on the default rules. */
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../src/core/rules';
import type { CoachingEntry } from '../../src/core/coaching';
import { daysToRead, recordMarginAfterDays, recordMarginDays } from '../../src/reports/readPlan';
import type { TabKey } from '../../src/reports/types';

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
    // The Daily of June 28: its month so far (from June 1) and the latest days; orders from 30 days before it, not the ranking's look-back.
    const daily = plan(['daily', 'review']);
    expect(span(daily.all)).toEqual(['2026-05-28', '2026-07-01', 35]);
    expect(span(daily.orders)).toEqual(['2026-05-25', '2026-07-01', 38]);
    expect(plan(['import_errors']).all).toEqual(plan([]).all);
  });

  it('the groups of Build all reports together read what one run of every tab reads', () => {
    const coaching: CoachingEntry[] = [
      { date: '2026-03-10', agent: 'A', problem: 'other', detail: '', measure: '', status: 'open', origin: 'row 2' },
      { date: '2026-06-20', agent: 'B', problem: 'low_conversion', detail: '', measure: '', status: 'open', origin: 'row 3' },
    ];
    const groups: TabKey[][] = [['daily', 'review', 'notebooks', 'import_errors'], ['ranking'], ['payroll', 'scorecard', 'unattributed'], ['coaching']];
    for (const date of ['2026-06-28', '2026-07-02', '2026-03-01']) {
      for (const choice of [{}, { period: 'week' as const }, { period: 'month' as const }]) {
        const input = { date, choice, rules, coaching, latest: '2026-07-03' };
        const whole = daysToRead(input);
        const parts = groups.map((keys) => daysToRead({ ...input, keys }));
        expect(new Set(parts.flatMap((p) => [...p.all]))).toEqual(whole.all);
        expect(new Set(parts.flatMap((p) => [...p.orders]))).toEqual(whole.orders);
      }
    }
  });
});
