import { describe, expect, test } from 'vitest';
import { openHandovers, previousShift, problemsOfWeek, rewardEvents, weeklySummary, type HandoverEntry, type ProblemEntry } from '../../src/core/notebooks';
import { buildReports, type ReportInput } from '../../src/reports';
import { defaultRules } from '../../src/core/rules';
import { emptyCounts } from '../../src/core/metrics';
import { exportedOf } from '../support/exported';
import { TEST_NOW } from '../support/now';

const handover = (date: string, shift: 'day' | 'night', what: string, status: 'open' | 'done' = 'open', urgency: HandoverEntry['urgency'] = 'normal'): HandoverEntry => ({
  date, shift, agent: 'J', reference: 'tb_1', what, urgency, status, doneBy: '', origin: `handovers row ${what}`,
});
const problem = (date: string, agent: string, kind: ProblemEntry['kind'], status: ProblemEntry['status'] = 'open', confirmed = false, what = `${kind} ${date}`): ProblemEntry => ({
  date, shift: 'day', agent, reference: '', kind, what, urgency: 'normal', status, doneBy: '', confirmed, origin: 'problems.csv row 2',
});

describe('handover log', () => {
  test('the Daily shows the open handovers of the previous shift only, urgent first', () => {
    const entries = [
      handover('2026-11-03', 'night', 'a'),
      handover('2026-11-03', 'night', 'b', 'open', 'urgent'),
      handover('2026-11-03', 'night', 'c', 'done'),
      handover('2026-11-03', 'day', 'd'),
      handover('2026-11-02', 'night', 'e'),
    ];
    expect(openHandovers(entries, previousShift('2026-11-03', true)).map((e) => e.what)).toEqual(['b', 'a']);
    // A shop without a night shift hands over from the day shift.
    expect(openHandovers(entries, previousShift('2026-11-03', false)).map((e) => e.what)).toEqual(['d']);
  });
});

describe('problem log', () => {
  const entries = [
    problem('2026-11-02', 'A', 'product'),
    problem('2026-11-03', 'A', 'suggestion', 'suggestion_adopted', true),
    problem('2026-11-04', 'B', 'listing_error', 'listing_error_found', true),
    problem('2026-11-04', 'B', 'product', 'done'),
    problem('2026-11-05', 'B', 'suggestion', 'suggestion_adopted', false),
    problem('2026-11-09', 'A', 'logistics'),
    problem('2026-11-01', 'A', 'complaint'),
  ];

  test('the week of a date (Monday first) up to it, and the weekly summary counts by agent and kind', () => {
    expect(problemsOfWeek(entries, '2026-11-04').map((e) => e.what)).toEqual(['product 2026-11-02', 'suggestion 2026-11-03', 'listing_error 2026-11-04', 'product 2026-11-04']);
    const week = weeklySummary(entries, '2026-11-04');
    expect([week.first, week.last]).toEqual(['2026-11-02', '2026-11-08']);
    const a = week.rows.find((r) => r.agent === 'A')!;
    const b = week.rows.find((r) => r.agent === 'B')!;
    expect([a.byKind.product, a.byKind.suggestion, a.total, a.open, a.confirmed]).toEqual([1, 1, 2, 1, 1]);
    expect([b.byKind.product, b.byKind.listing_error, b.byKind.suggestion, b.total, b.open, b.confirmed]).toEqual([1, 1, 1, 3, 0, 1]);
    expect([week.team.total, week.team.byKind.product, week.team.confirmed]).toEqual([5, 2, 2]);
  });

  test('a confirmed outcome is one reward event; unconfirmed or plain entries are none; the same entry written twice is still one', () => {
    const events = rewardEvents([...entries, entries[1]]);
    expect(events.map((e) => [e.agent, e.reason, e.amount])).toEqual([
      ['A', 'suggestion', null],
      ['B', 'data_error', null],
    ]);
  });

  test('a confirmed suggestion pays once in payroll, with its entry in the audit line, and building again pays it once', () => {
    const input: ReportInput = {
      language: 'en',
      rules: defaultRules(),
      roster: [{ name: 'A', id: '101', shift: 'day', basePay: 3000, active: true }],
      events: [],
      consultations: [],
      orders: [],
      shopDays: [],
      rejections: [],
      agentDays: [exportedOf({ ...emptyCounts(), date: '2026-11-03', agent: 'A', inquiries: 10, paid: 3, placed: 3 })],
      problems: [problem('2026-11-03', 'A', 'suggestion', 'suggestion_adopted', true, 'gift wrap option')],
    };
    for (let build = 0; build < 2; build++) {
      const run = buildReports(input, { now: TEST_NOW, date: '2026-11-03' });
      const payroll = run.csvs.find((c) => c.fileName === 'payroll.csv')!;
      expect(payroll.rows[0][payroll.header.indexOf('Rewards')]).toBe('50.00');
      const lines = run.tabs.find((t) => t.key === 'payroll')!.blocks.flatMap((b) => b.values).filter((r) => r[1] === 'Reward');
      expect(lines).toHaveLength(1);
      expect(lines[0].some((c) => typeof c === 'string' && c.includes('gift wrap option'))).toBe(true);
    }
    expect(input.events).toEqual([]);
  });
});
