/**
 * The §2 ratios, derived from additive counts. Team and period figures come
 * from summed counts (`sumCounts`), never from averaging agents' ratios.
 */
import type { Counts, Ratios } from './types';

/**
 * numerator ÷ denominator, or null when either is missing or the denominator
 * is 0: a ratio with nothing to divide by is empty, not 0 and not an error.
 * @example ratio(3, 4) // 0.75
 * @example ratio(3, 0) // null
 */
export function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null || denominator === 0) return null;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) return null;
  return numerator / denominator;
}

/**
 * 询单转化率 C = paid ÷ (inquiries − excluded). Use `excluded` only when the
 * inquiries figure still contains excluded contacts (a raw 咨询人数).
 * @example inquiryConversion(131, 393) // 0.3333…
 */
export function inquiryConversion(paid: number, inquiries: number, excluded = 0): number | null {
  return ratio(paid, inquiries - excluded);
}

export function emptyCounts(): Counts {
  return {
    consultations: null,
    receptions: null,
    excluded: null,
    inquiries: null,
    placed: null,
    paid: null,
    salesBuyers: null,
    sales: null,
    items: null,
    couponBuyers: null,
    firstResponseTotalSec: null,
    firstResponseSamples: null,
    responseTotalSec: null,
    responseSamples: null,
    buyerMessages: null,
    agentMessages: null,
  };
}

export const COUNT_KEYS = Object.keys(emptyCounts()) as (keyof Counts)[];

/** Adds two optional figures: missing + missing stays missing, missing + x is x. */
function addOptional(a: number | null, b: number | null): number | null {
  if (a == null) return b;
  if (b == null) return a;
  return a + b;
}

/** The counts of several agents or days together. Inputs are not mutated. */
export function sumCounts(rows: readonly Counts[]): Counts {
  const total = emptyCounts();
  for (const row of rows) {
    for (const key of COUNT_KEYS) total[key] = addOptional(total[key], row[key]);
  }
  return total;
}

/**
 * Every §2 ratio of one set of counts.
 * `denominator` is the rules' conversion denominator (SPEC §7): some teams
 * divide by consultations instead of inquiries.
 */
export function deriveRatios(c: Counts, denominator: 'inquiries' | 'consultations' = 'inquiries'): Ratios {
  return {
    orderRate: ratio(c.placed, c.inquiries),
    paymentRate: ratio(c.paid, c.placed),
    inquiryConversion: ratio(c.paid, denominator === 'inquiries' ? c.inquiries : c.consultations),
    aov: ratio(c.sales, c.paid),
    itemsPerBuyer: ratio(c.items, c.paid),
    responseRate: ratio(c.receptions, c.consultations),
    firstResponseSec: ratio(c.firstResponseTotalSec, c.firstResponseSamples),
    avgResponseSec: ratio(c.responseTotalSec, c.responseSamples),
    qaRatio: ratio(c.agentMessages, c.buyerMessages),
  };
}
