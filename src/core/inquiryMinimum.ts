/**
 * The minimum inquiries an agent needs to be ranked, named best or weakest,
 * or paid a conversion bonus over a period. A supervisor's
 * `min_inquiries_per_day` is absolute; left blank it is relative to the team:
 * half the median inquiries of the period's agent-days, at least
 * `min_inquiries_floor`, so a shop whose agents take 15 inquiries a day ranks
 * them and one whose agents take 150 does not judge an agent on 10.
 * Either way the period's minimum is the per-day figure × the period's days
 * with data.
 */
import type { AgentDay, IsoDate } from './types';
import type { Rules } from './rules';
import { quantile } from './quantile';

/** The share of the team's median agent-day the relative minimum asks for. */
export const RELATIVE_MINIMUM_SHARE = 0.5;

export interface InquiryMinimum {
  /** Inquiries per day with data. */
  perDay: number;
  /** Days of the period with data. */
  days: number;
  /** perDay × days, rounded up to a whole inquiry. */
  minimum: number;
  /** The team's median inquiries per agent-day, when the minimum is relative to it; null when absolute. */
  median: number | null;
}

/** The median of a list of numbers (the mean of the two middle ones for an even count); null when empty. */
export const median = (values: readonly number[]): number | null => quantile(values, 0.5);

/** The minimum over first…last from the agent-days on duty in it. */
export function inquiryMinimum(rules: Rules, agentDays: readonly AgentDay[], first: IsoDate, last: IsoDate): InquiryMinimum {
  const inPeriod = agentDays.filter((d) => d.date >= first && d.date <= last);
  const days = new Set(inPeriod.map((d) => d.date)).size;
  if (rules.minInquiriesPerDay != null) {
    return { perDay: rules.minInquiriesPerDay, days, minimum: Math.ceil(rules.minInquiriesPerDay * days - 1e-9), median: null };
  }
  const counted = median(inPeriod.flatMap((d) => (d.inquiries == null ? [] : [d.inquiries])));
  const perDay = Math.max(rules.minInquiriesFloor, RELATIVE_MINIMUM_SHARE * (counted ?? 0));
  return { perDay, days, minimum: Math.ceil(perDay * days - 1e-9), median: counted };
}
