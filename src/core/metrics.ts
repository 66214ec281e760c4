/**
 * The §2 ratios, derived from additive counts. Team and period figures come
 * from summed counts (`sumCounts`), never from averaging agents' ratios.
 */
import type { Counts, Ratios, StatedFigures } from './types';

// Bound once: a custom function over a 10 000-row range calls ratio per cell, and a global lookup per call is slow where globals are intercepted (a vm context).
const isFiniteNumber = Number.isFinite;

/**
 * numerator ÷ denominator, or null when either is missing or the denominator
 * is 0: a ratio with nothing to divide by is empty, not 0 and not an error.
 * @example ratio(3, 4) // 0.75
 * @example ratio(3, 0) // null
 */
export function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null || denominator === 0) return null;
  if (!isFiniteNumber(numerator) || !isFiniteNumber(denominator)) return null;
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
    sessionTotalSec: null,
    sessionSamples: null,
    orders: null,
    unanswered: null,
    slowResponses: null,
    longReceptions: null,
    directReceptions: null,
    transfersIn: null,
    transfersOut: null,
    peakConcurrent: null,
    daysWorked: null,
    verySatisfied: null,
    satisfied: null,
    neutral: null,
    dissatisfied: null,
    veryDissatisfied: null,
    silentPaid: null,
    silentSales: null,
    netSales: null,
    refundDisputes: null,
    complaints: null,
    lowRatings: null,
  };
}

export const COUNT_KEYS = Object.keys(emptyCounts()) as (keyof Counts)[];

/** Adds two optional figures: missing + missing stays missing, missing + x is x. */
function addOptional(a: number | null, b: number | null): number | null {
  if (a == null) return b;
  if (b == null) return a;
  return a + b;
}

/** Figures that are a maximum over agents and days, not a sum. */
const MAXIMUM_KEYS = new Set<keyof Counts>(['peakConcurrent']);
const SUMMED_KEYS = COUNT_KEYS.filter((key) => !MAXIMUM_KEYS.has(key));

function maxOptional(a: number | null, b: number | null): number | null {
  if (a == null) return b;
  if (b == null) return a;
  return Math.max(a, b);
}

/** The counts of several agents or days together (maxima stay maxima). Inputs are not mutated. */
export function sumCounts(rows: readonly Counts[]): Counts {
  const total = emptyCounts();
  for (const row of rows) {
    for (const key of SUMMED_KEYS) total[key] = addOptional(total[key], row[key]);
    total.peakConcurrent = maxOptional(total.peakConcurrent, row.peakConcurrent);
  }
  return total;
}

/**
 * The buyers sales and items are divided by: the export's 销售人数 (paying
 * buyers, as 赤兔's own 客单价 divides) when it states them, else the paid
 * inquiries. The two differ (6 final payers of 41 inquiries, 5 销售人数), and a
 * provisional day's 销售人数 is final while its paid count is not.
 */
export function buyersOf(c: Counts): number | null {
  return c.salesBuyers ?? c.paid;
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
    aov: ratio(c.sales, buyersOf(c)),
    itemsPerBuyer: ratio(c.items, buyersOf(c)),
    responseRate: ratio(c.receptions, c.consultations),
    firstResponseSec: ratio(c.firstResponseTotalSec, c.firstResponseSamples),
    avgResponseSec: ratio(c.responseTotalSec, c.responseSamples),
    qaRatio: ratio(c.agentMessages, c.buyerMessages),
  };
}

/** The §2 ratios each stated figure stands for (a tool's own rate is shown instead of ours). */
const STATED_RATIOS: (keyof Ratios & keyof StatedFigures)[] = [
  'orderRate', 'paymentRate', 'inquiryConversion', 'aov', 'itemsPerBuyer', 'responseRate', 'firstResponseSec', 'avgResponseSec', 'qaRatio',
];

/**
 * The ratios to show for one agent-day: the exporting tool's own figure where
 * it states one (赤兔's 回复率 is not 接待 ÷ 咨询), else SPEC §2's from the counts.
 */
export function shownRatios(day: Counts & { stated?: Partial<StatedFigures> }, denominator: 'inquiries' | 'consultations' = 'inquiries'): Ratios {
  const ratios = deriveRatios(day, denominator);
  if (!day.stated) return ratios;
  for (const key of STATED_RATIOS) {
    const stated = day.stated[key];
    if (stated !== undefined) ratios[key] = stated;
  }
  return ratios;
}

/**
 * A stated rate over several agent-days, weighted (回复率 by consultations),
 * when every day that carries weight states it; else null (use the counts).
 */
export function statedOver(days: readonly (Counts & { stated?: Partial<StatedFigures> })[], figure: keyof StatedFigures, weightOf: (c: Counts) => number | null): number | null {
  let total = 0;
  let weights = 0;
  for (const day of days) {
    const weight = weightOf(day) ?? 0;
    if (weight === 0) continue;
    const value = day.stated?.[figure];
    if (value === undefined) return null;
    total += value * weight;
    weights += weight;
  }
  return weights === 0 ? null : total / weights;
}
