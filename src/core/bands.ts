/**
 * Workload bands (SPEC §3) and staffing: how loaded one agent's day is, and
 * how many agents a day's inquiries need.
 */
import { DEFAULT_WORKLOAD_THRESHOLDS } from './rules';

/** 1 Idle/空闲 · 2 Normal/正常 · 3 Busy/偏满 · 4 Strained/吃力 · 5 Add staff/需加人 */
export type WorkloadBand = 1 | 2 | 3 | 4 | 5;

export type Thresholds = readonly [number, number, number, number];

/**
 * The band of one agent-day's inquiries. The lower edge of "Normal" is
 * inclusive (60 is Normal); every other edge belongs to the band below
 * (80 is Normal, 100 is Busy, 120 is Strained).
 * @example workloadBand(59) // 1
 * @example workloadBand(60) // 2
 * @example workloadBand(121) // 5
 */
export function workloadBand(dailyInquiries: number, thresholds: Thresholds = DEFAULT_WORKLOAD_THRESHOLDS): WorkloadBand {
  const [idleBelow, normalUpTo, busyUpTo, strainedUpTo] = thresholds;
  if (dailyInquiries < idleBelow) return 1;
  if (dailyInquiries <= normalUpTo) return 2;
  if (dailyInquiries <= busyUpTo) return 3;
  if (dailyInquiries <= strainedUpTo) return 4;
  return 5;
}

/** Problems with a thresholds list, as a reason a person can act on; null when valid. */
export function thresholdsProblem(values: readonly number[]): string | null {
  if (values.length !== 4) return `needs exactly 4 thresholds, got ${values.length}`;
  if (values.some((v) => !Number.isFinite(v))) return 'thresholds must be numbers';
  for (let i = 1; i < 4; i++) {
    if (!(values[i] > values[i - 1])) return 'thresholds must be in ascending order';
  }
  return null;
}

/**
 * Agents needed for a day's total inquiries: ceil(total ÷ perAgent).
 * The default 100 is the top of "Busy".
 * @example agentsNeeded(393) // 4
 * @example agentsNeeded(0) // 0
 */
export function agentsNeeded(totalInquiries: number, perAgent = 100): number {
  if (totalInquiries <= 0) return 0;
  return Math.ceil(totalInquiries / perAgent);
}
