import { describe, expect, test } from 'vitest';
import { coachingEffect, coachingLinks, measuresThatWorked, type CoachingEntry } from '../../src/core/coaching';
import { emptyCounts } from '../../src/core/metrics';
import { addDays } from '../../src/core/dates';
import type { AgentDay } from '../../src/core/types';

const settings = { windowDays: 7, minInquiries: 30, margin: 0.05 };
const day = (date: string, agent: string, inquiries: number, paid: number, firstResponseSec = 20): AgentDay => ({
  ...emptyCounts(), date, agent, inquiries, placed: paid, paid, receptions: inquiries, firstResponseTotalSec: firstResponseSec * inquiries, firstResponseSamples: inquiries,
});

/**
 * A synthetic shop over 2026-10-26 … 2026-11-15: X converts 20 % until the
 * measure of 2026-11-05 and 35 % after; Y and Z stay at 40 % throughout.
 */
function shop(inquiriesOfX = 20): AgentDay[] {
  const days: AgentDay[] = [];
  for (let i = 0; i < 21; i++) {
    const date = addDays('2026-10-26', i);
    const after = date > '2026-11-05';
    days.push(day(date, 'X', inquiriesOfX, Math.round(inquiriesOfX * (after ? 0.35 : 0.2))));
    days.push(day(date, 'Y', 30, 12), day(date, 'Z', 25, 10));
  }
  return days;
}
const entry = (problem: CoachingEntry['problem'] = 'low_conversion', date = '2026-11-05'): CoachingEntry => ({
  date, agent: 'X', problem, detail: 'did not know the promotion', measure: 'read the promotion rules with her', status: 'open', origin: 'coaching row 2',
});

describe('coaching effect', () => {
  test('conversion rises after a dated measure and the team\'s does not: improved, with both windows and the team beside it', () => {
    const effect = coachingEffect(entry(), shop(), settings, '2026-11-15');
    expect(effect.before).toEqual({ first: '2026-10-29', last: '2026-11-04' });
    expect(effect.after).toEqual({ first: '2026-11-06', last: '2026-11-12' });
    expect(effect.agentBefore).toBeCloseTo(0.2, 6);
    expect(effect.agentAfter).toBeCloseTo(0.35, 6);
    expect(effect.teamBefore).toBeCloseTo(0.4, 6);
    expect(effect.teamAfter).toBeCloseTo(0.4, 6);
    expect([effect.inquiriesBefore, effect.inquiriesAfter]).toEqual([140, 140]);
    expect(effect.net).toBeCloseTo(0.15, 6);
    expect(effect.verdict).toBe('improved');
  });

  test('the same rise shared by the whole team is no change, and a lower-is-better figure that grows is worse', () => {
    const everyoneUp = shop().map((d) => (d.agent !== 'X' && d.date > '2026-11-05' ? { ...d, paid: Math.round(d.inquiries! * 0.54), placed: Math.round(d.inquiries! * 0.54) } : d));
    expect(coachingEffect(entry(), everyoneUp, settings, '2026-11-15').verdict).toBe('no_change');
    const slower = shop().map((d) => (d.agent === 'X' && d.date > '2026-11-05' ? { ...d, firstResponseTotalSec: 30 * d.inquiries! } : d));
    const effect = coachingEffect(entry('slow_response'), slower, settings, '2026-11-15');
    expect([effect.agentBefore, effect.agentAfter, effect.net, effect.verdict]).toEqual([20, 30, -10, 'worse']);
  });

  test('a window under the minimum sample gets no verdict, though its figures are shown', () => {
    const effect = coachingEffect(entry(), shop(4), settings, '2026-11-15'); // 28 inquiries a window < 30
    expect(effect.inquiriesBefore).toBe(28);
    expect(effect.agentAfter).not.toBeNull();
    expect([effect.verdict, effect.noVerdict]).toEqual([null, 'too_few']);
  });

  test('an after window not over yet is pending, and a problem without a figure has none', () => {
    expect(coachingEffect(entry(), shop(), settings, '2026-11-10').noVerdict).toBe('pending');
    expect(coachingEffect(entry('other'), shop(), settings, '2026-11-15').noVerdict).toBe('no_figure');
  });

  test('measures that worked this week are the improved ones whose after window ended in it', () => {
    const effects = [coachingEffect(entry(), shop(), settings, '2026-11-15')];
    expect(measuresThatWorked(effects, '2026-11-09', '2026-11-15')).toHaveLength(1);
    expect(measuresThatWorked(effects, '2026-11-16', '2026-11-22')).toHaveLength(0);
  });

  test('the Daily links a flagged agent to the open entries, and marks a flag for the same problem after the measure', () => {
    const entries = [entry(), { ...entry('slow_response', '2026-11-01'), status: 'closed' as const }, entry('low_qa_ratio', '2026-11-09')];
    const links = coachingLinks(entries, 'X', '2026-11-08', ['below_team_conversion', 'slow_first_response']);
    expect(links.map((l) => [l.entry.date, l.entry.problem, l.again])).toEqual([['2026-11-05', 'low_conversion', true]]);
    expect(coachingLinks(entries, 'X', '2026-11-05', ['below_team_conversion'])[0].again).toBe(false);
  });
});
