import { describe, expect, test } from 'vitest';
import { agentTotals, daysWithData, periodContaining, previousPeriod, teamTotals } from '../../src/core/periods';
import { deriveRatios, emptyCounts } from '../../src/core/metrics';
import type { AgentDay } from '../../src/core/types';

const day = (date: string, agent: string, inquiries: number, paid: number, firstTotal: number | null = null, samples: number | null = null): AgentDay => ({
  ...emptyCounts(),
  date,
  agent,
  inquiries,
  paid,
  firstResponseTotalSec: firstTotal,
  firstResponseSamples: samples,
});

describe('periods', () => {
  test('ISO weeks start on Monday; months are calendar months', () => {
    expect(periodContaining('2026-11-15', 'week')).toMatchObject({ first: '2026-11-09', last: '2026-11-15', label: '2026-W46' });
    expect(periodContaining('2026-11-16', 'week').first).toBe('2026-11-16');
    expect(periodContaining('2026-02-10', 'month')).toMatchObject({ first: '2026-02-01', last: '2026-02-28' });
    expect(previousPeriod(periodContaining('2026-01-05', 'week')).label).toBe('2026-W01');
    expect(previousPeriod(periodContaining('2026-03-01', 'month')).label).toBe('2026-02');
  });
});

describe('rollups from summed counts', () => {
  const days = [
    day('2026-11-09', 'A', 100, 50, 100, 10),
    day('2026-11-10', 'A', 10, 1, 300, 10),
    day('2026-11-10', 'B', 30, 9),
    day('2026-11-16', 'A', 40, 40),
  ];
  const week = periodContaining('2026-11-10', 'week');
  test('an agent-week adds counts; its C is not the mean of daily Cs', () => {
    const a = agentTotals(days, week).find((t) => t.agent === 'A')!;
    expect([a.counts.inquiries, a.counts.paid, a.days]).toEqual([110, 51, 2]);
    expect(deriveRatios(a.counts).inquiryConversion).toBeCloseTo(51 / 110, 12);
    expect(deriveRatios(a.counts).firstResponseSec).toBe(20);
  });
  test('the team is every agent-day of the period; days with data count shop days', () => {
    expect(teamTotals(days, week).inquiries).toBe(140);
    expect(daysWithData(days, week)).toBe(2);
    expect(daysWithData(days, periodContaining('2026-11-10', 'month'))).toBe(3);
  });
});
