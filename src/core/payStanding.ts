/**
 * Where each agent stands on pay this month (issue 10.4): the month-to-date
 * conversion and how many more paid buyers reach the next conversion tier
 * (at today's inquiries), and the month-to-date first response against the
 * next response-time tier. The agent sees what the next days are worth while
 * the month can still change; the payroll itself is computed at month end.
 */
import { inquiryMinimum } from './inquiryMinimum';
import type { AgentDay, IsoDate } from './types';
import type { Rules } from './rules';
import { deriveRatios, sumCounts } from './metrics';
import { monthOf } from './dates';
import { groupBy } from './groupBy';

export interface PayStanding {
  agent: string;
  inquiries: number;
  paid: number;
  conversion: number | null;
  /** The bonus of the best conversion tier met so far (0 = none). */
  conversionBonus: number;
  /** The next tier above, and the paid buyers still missing at the inquiries so far; null when the top tier is met. */
  nextConversion: { threshold: number; amount: number; paidMissing: number } | null;
  /** Inquiries still missing to qualify for any conversion bonus (the month's minimum so far); 0 when qualified. */
  inquiriesMissing: number;
  firstResponseSec: number | null;
  responseBonus: number;
  /** The next faster response tier, and how many seconds the mean must drop; null when the best tier is met or no data. */
  nextResponse: { maxSec: number; amount: number; secondsToCut: number } | null;
}

/** @param date the report day: the month runs from its first day to this one */
export function payStanding(agentDays: readonly AgentDay[], date: IsoDate, rules: Rules): PayStanding[] {
  const month = monthOf(date);
  const soFar = agentDays.filter((d) => monthOf(d.date) === month && d.date <= date);
  const minimum = inquiryMinimum(rules, soFar, `${month}-01`, date).minimum;
  const tiers = [...rules.conversionBonus].sort((a, b) => a.threshold - b.threshold);
  const speeds = [...rules.responseBonus].sort((a, b) => b.maxSec - a.maxSec);
  return [...groupBy(soFar, (d) => d.agent)]
    .map(([agent, days]) => {
      const counts = sumCounts(days);
      const ratios = deriveRatios(counts, rules.conversionDenominator);
      const inquiries = counts.inquiries ?? 0;
      const paid = counts.paid ?? 0;
      const c = ratios.inquiryConversion;
      const met = tiers.filter((t) => c != null && c >= t.threshold);
      const next = tiers.find((t) => c == null || c < t.threshold) ?? null;
      const first = ratios.firstResponseSec;
      const fastEnough = speeds.filter((s) => first != null && first <= s.maxSec);
      const nextSpeed = first == null ? null : (speeds.find((s) => first > s.maxSec) ?? null);
      return {
        agent,
        inquiries,
        paid,
        conversion: c,
        // Under the month's minimum sample no tier pays yet (as in the payroll).
        conversionBonus: inquiries < minimum ? 0 : Math.max(0, ...met.map((t) => t.amount)),
        // paid ÷ inquiries ≥ threshold ⇔ paid ≥ threshold × inquiries (a whole buyer, rounded up).
        nextConversion: next && inquiries > 0 ? { threshold: next.threshold, amount: next.amount, paidMissing: Math.max(0, Math.ceil(next.threshold * inquiries - 1e-9) - paid) } : null,
        inquiriesMissing: Math.max(0, minimum - inquiries),
        firstResponseSec: first,
        responseBonus: Math.max(0, ...fastEnough.map((s) => s.amount)),
        nextResponse: nextSpeed && first != null ? { maxSec: nextSpeed.maxSec, amount: nextSpeed.amount, secondsToCut: Math.round((first - nextSpeed.maxSec) * 10) / 10 } : null,
      };
    })
    .sort((a, b) => (a.agent < b.agent ? -1 : 1));
}
