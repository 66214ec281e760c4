/**
 * Settings fitted to the shop (issue 18): from the shop's own final days
 * (the last 90 with data), a proposal for the settings whose defaults were
 * written for another shop, each with the figures it came from. A proposal
 * only: nothing changes until the supervisor copies a row into the settings.
 */
import type { AgentDay, IsoDate } from './types';
import { deriveRatios, sumCounts } from './metrics';
import { groupBy } from './groupBy';
import { RELATIVE_MINIMUM_SHARE } from './inquiryMinimum';

/** How many of the latest days with data a proposal looks at. */
export const SUGGESTION_DAYS = 90;

export interface Proposal {
  setting: string;
  value: string;
  amount: string;
  /** The figures it came from, in words (`median 9.80% of 2 days, 2026-05-01 … 2026-05-02`). */
  source: string;
}

/**
 * The p-th quantile (0–1) by linear interpolation between order statistics
 * (Hyndman & Fan type 7, Excel's PERCENTILE.INC); null for no values.
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

const pct = (n: number) => `${(n * 100).toFixed(2)}%`;
const num = (n: number, digits = 1) => String(Number(n.toFixed(digits)));

/** Proposals from the final agent-days (provisional days already left out). */
export function suggestSettings(finalDays: readonly AgentDay[]): { proposals: Proposal[]; first: IsoDate | null; last: IsoDate | null; days: number } {
  const dates = [...new Set(finalDays.map((d) => d.date))].sort().slice(-SUGGESTION_DAYS);
  if (dates.length === 0) return { proposals: [], first: null, last: null, days: 0 };
  const inWindow = finalDays.filter((d) => d.date >= dates[0] && d.date <= dates[dates.length - 1]);
  const span = `${dates.length} days, ${dates[0]} … ${dates[dates.length - 1]}`;
  const proposals: Proposal[] = [];

  const daily = [...groupBy(inWindow, (d) => d.date).values()].map((days) => deriveRatios(sumCounts(days)).inquiryConversion).filter((c): c is number => c != null);
  const target = quantile(daily, 0.5);
  if (target != null) proposals.push({ setting: 'conversion_target', value: pct(target), amount: '', source: `median of the team's daily conversion ${pct(target)} over ${daily.length} of ${span}` });

  const perAgentDay = inWindow.flatMap((d) => (d.inquiries == null ? [] : [d.inquiries]));
  const medianLoad = quantile(perAgentDay, 0.5);
  if (medianLoad != null) {
    const minimum = Math.max(1, Math.ceil(RELATIVE_MINIMUM_SHARE * medianLoad));
    proposals.push({ setting: 'min_inquiries_per_day', value: String(minimum), amount: '', source: `half the median inquiries per agent-day (${num(medianLoad)} over ${perAgentDay.length} agent-days of ${span})` });
    const p90 = quantile(perAgentDay, 0.9)!;
    proposals.push({ setting: 'inquiries_per_agent', value: String(Math.max(1, Math.ceil(p90))), amount: '', source: `90th percentile of inquiries per agent-day (${num(p90)}; median ${num(medianLoad)}) over ${span}` });
  }

  const agents = [...groupBy(inWindow, (d) => d.agent).values()].map((days) => deriveRatios(sumCounts(days)).inquiryConversion).filter((c): c is number => c != null);
  if (agents.length >= 2) {
    const [p25, p50, p75] = [0.25, 0.5, 0.75].map((p) => quantile(agents, p)!);
    proposals.push({
      setting: 'scorecard_score',
      value: 'inquiry_conversion',
      amount: `>=${pct(p75)}:100; >=${pct(p50)}:80; >=${pct(p25)}:60; else:50`,
      source: `the agents' conversion over ${span}: 75th ${pct(p75)}, median ${pct(p50)}, 25th ${pct(p25)} percentile of ${agents.length} agents`,
    });
  }

  const response = inWindow.flatMap((d) => {
    const first = deriveRatios(d).firstResponseSec;
    return first == null ? [] : [first];
  });
  const slow = quantile(response, 0.75);
  if (slow != null) proposals.push({ setting: 'first_response_target_sec', value: num(Math.max(1, slow), 0), amount: '', source: `75th percentile of agent-days' first response (${num(slow)} s over ${response.length} agent-days of ${span})` });
  return { proposals, first: dates[0], last: dates[dates.length - 1], days: dates.length };
}
