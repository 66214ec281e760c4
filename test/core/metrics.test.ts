import { describe, expect, it } from 'vitest';
import { deriveRatios, emptyCounts, inquiryConversion, ratio, sumCounts } from '../../src/core/metrics';
import type { Counts } from '../../src/core/types';

const counts = (over: Partial<Counts>): Counts => ({ ...emptyCounts(), ...over });

describe('ratio', () => {
  it('is empty (null) for a zero denominator, not 0 and not an error', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
  });
  it('is empty when either side is missing', () => {
    expect(ratio(null, 4)).toBeNull();
    expect(ratio(3, null)).toBeNull();
  });
  it('divides', () => {
    expect(ratio(3, 4)).toBe(0.75);
  });
});

describe('inquiryConversion', () => {
  it('is paid over inquiries less excluded', () => {
    expect(inquiryConversion(36, 96)).toBeCloseTo(0.375, 12);
    expect(inquiryConversion(30, 110, 10)).toBeCloseTo(0.3, 12);
  });
  it('is empty when nothing is left after exclusions', () => {
    expect(inquiryConversion(0, 10, 10)).toBeNull();
  });
});

describe('sumCounts', () => {
  it('adds figures and keeps a figure missing only when every row misses it', () => {
    const total = sumCounts([counts({ inquiries: 10, paid: 3 }), counts({ inquiries: 20, paid: null })]);
    expect(total.inquiries).toBe(30);
    expect(total.paid).toBe(3);
    expect(total.sales).toBeNull();
  });
  it('does not mutate its inputs', () => {
    const a = counts({ inquiries: 1 });
    sumCounts([a, a]);
    expect(a.inquiries).toBe(1);
  });
});

describe('deriveRatios', () => {
  it('computes team conversion from summed counts, not the mean of agent ratios', () => {
    const agents = [counts({ inquiries: 100, placed: 50, paid: 40 }), counts({ inquiries: 10, placed: 1, paid: 1 })];
    const team = deriveRatios(sumCounts(agents));
    expect(team.inquiryConversion).toBeCloseTo(41 / 110, 12);
    // The mean of 0.4 and 0.1 would be 0.25: a different, wrong figure.
    expect(team.inquiryConversion).not.toBeCloseTo(0.25, 3);
  });
  it('keeps C = A × B', () => {
    const r = deriveRatios(counts({ inquiries: 96, placed: 43, paid: 36 }));
    expect(r.orderRate! * r.paymentRate!).toBeCloseTo(r.inquiryConversion!, 12);
  });
  it('weights first response by the replies it averages over', () => {
    const team = sumCounts([
      counts({ firstResponseTotalSec: 10 * 100, firstResponseSamples: 100 }),
      counts({ firstResponseTotalSec: 40 * 1, firstResponseSamples: 1 }),
    ]);
    expect(deriveRatios(team).firstResponseSec).toBeCloseTo(1040 / 101, 12);
  });
  it('uses consultations as the denominator when the rules say so', () => {
    const r = deriveRatios(counts({ consultations: 120, inquiries: 100, paid: 30 }), 'consultations');
    expect(r.inquiryConversion).toBeCloseTo(0.25, 12);
  });
  it('leaves every ratio empty when its denominator is 0', () => {
    const r = deriveRatios(counts({ consultations: 0, inquiries: 0, placed: 0, paid: 0, sales: 0, buyerMessages: 0 }));
    expect(r.inquiryConversion).toBeNull();
    expect(r.orderRate).toBeNull();
    expect(r.paymentRate).toBeNull();
    expect(r.aov).toBeNull();
    expect(r.responseRate).toBeNull();
    expect(r.qaRatio).toBeNull();
  });
});
