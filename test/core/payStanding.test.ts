/** Where each agent stands on pay this month (issue 10.4), computed by hand. */
import { describe, expect, test } from 'vitest';
import { payStanding } from '../../src/core/payStanding';
import { defaultRules, type Rules } from '../../src/core/rules';
import { emptyCounts } from '../../src/core/metrics';
import type { AgentDay } from '../../src/core/types';

const day = (date: string, agent: string, f: Partial<AgentDay>): AgentDay => ({ ...emptyCounts(), date, agent, ...f });
const rules: Rules = {
  ...defaultRules(),
  minInquiriesPerDay: 20,
  conversionBonus: [
    { threshold: 0.3, amount: 200 },
    { threshold: 0.4, amount: 500 },
  ],
  responseBonus: [
    { maxSec: 30, amount: 50 },
    { maxSec: 20, amount: 100 },
  ],
};

describe('payStanding', () => {
  const days = [
    // A: 100 inquiries, 35 paid over two days → 35 %: the 30 % tier; 40 % needs 40 paid → 5 more.
    day('2026-11-01', 'A', { inquiries: 50, paid: 15, firstResponseTotalSec: 1250, firstResponseSamples: 50 }),
    day('2026-11-02', 'A', { inquiries: 50, paid: 20, firstResponseTotalSec: 1250, firstResponseSamples: 50 }),
    // B: 30 inquiries, under the month's minimum (20 × 2 days = 40): 10 more to qualify.
    day('2026-11-02', 'B', { inquiries: 30, paid: 15, firstResponseTotalSec: 450, firstResponseSamples: 30 }),
    // Next month's day does not count for the 2nd.
    day('2026-12-01', 'A', { inquiries: 50, paid: 50 }),
  ];
  const [a, b] = payStanding(days, '2026-11-02', rules);

  test('conversion so far, its bonus, and the paid buyers missing for the next tier', () => {
    expect([a.agent, a.inquiries, a.paid, a.conversion, a.conversionBonus]).toEqual(['A', 100, 35, 0.35, 200]);
    expect(a.nextConversion).toEqual({ threshold: 0.4, amount: 500, paidMissing: 5 });
    expect(a.inquiriesMissing).toBe(0);
  });

  test('under the minimum sample: the inquiries missing to qualify', () => {
    expect([b.agent, b.inquiriesMissing]).toEqual(['B', 10]);
    expect(b.nextConversion).toBeNull();
    // 50 % would pay the top tier, but not before the minimum is met.
    expect(b.conversionBonus).toBe(0);
  });

  test('response: 25 s earns the 30 s tier, 5 s faster reaches the 20 s one; 15 s is the top', () => {
    expect([a.firstResponseSec, a.responseBonus]).toEqual([25, 50]);
    expect(a.nextResponse).toEqual({ maxSec: 20, amount: 100, secondsToCut: 5 });
    expect([b.firstResponseSec, b.responseBonus, b.nextResponse]).toEqual([15, 100, null]);
  });
});
