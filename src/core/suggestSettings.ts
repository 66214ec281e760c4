/**
 * Settings fitted to the shop: from the shop's own final days (the latest
 * 90 with data), a proposal for the settings whose defaults were written for
 * another shop, each with the figures it came from, in the reader's language.
 * A proposal only: nothing changes until the supervisor accepts a row. Both
 * edges (the CLI's suggested-settings.csv, the Settings tab's proposal
 * column) take their proposals from here.
 */
import type { AgentDay, IsoDate, Language } from './types';
import { deriveRatios, sumCounts } from './metrics';
import { groupBy } from './groupBy';
import { quantile } from './quantile';
import { RELATIVE_MINIMUM_SHARE } from './inquiryMinimum';
import { dateSpanText, numberText, percentText } from './localeText';
import { t, type MessageKey } from '../i18n';

/** How many of the latest days with data a proposal looks at. */
export const SUGGESTION_DAYS = 90;
/** Fewer days with data than this, and each source says the proposal is a rough guide. */
export const SUGGESTION_MIN_DAYS = 30;

export interface Proposal {
  setting: string;
  value: string;
  amount: string;
  /** The figures it came from, in words (`2026-04-03 … 05-02 每日团队转化率中位数 9.8%`). */
  source: string;
}

export interface Suggestions {
  proposals: Proposal[];
  /** The days looked at (null when there were none). */
  first: IsoDate | null;
  last: IsoDate | null;
  days: number;
}

/** A rate as the settings read it back (two decimals of a percent). */
const settingRate = (n: number) => `${(n * 100).toFixed(2)}%`;

/**
 * The latest SUGGESTION_DAYS days with data of `days` (all of them when fewer).
 * @example suggestionWindow(['2026-05-01', '2026-05-02']) // { first: '2026-05-01', last: '2026-05-02' }
 */
export function suggestionWindow(days: Iterable<IsoDate>): { first: IsoDate; last: IsoDate; dates: IsoDate[] } | null {
  const dates = [...new Set(days)].sort().slice(-SUGGESTION_DAYS);
  return dates.length === 0 ? null : { first: dates[0], last: dates[dates.length - 1], dates };
}

/** SPEC §3's band limits as shares of what one agent carries (its 100 is the top of "Busy"). */
const BAND_SHARES = [0.6, 0.8, 1, 1.2];

/**
 * The workload band limits for agents who carry `capacity` inquiries a day:
 * SPEC §3's bands scaled, each limit above the one before.
 * @example workloadBands(100) // [60, 80, 100, 120]
 */
export function workloadBands(capacity: number): number[] {
  const limits: number[] = [];
  for (const share of BAND_SHARES) limits.push(Math.max(Math.round(share * capacity), (limits[limits.length - 1] ?? 0) + 1));
  return limits;
}

/** Proposals from the final agent-days (provisional days already left out), their sources in `lang`. */
export function suggestSettings(finalDays: readonly AgentDay[], lang: Language = 'en'): Suggestions {
  const window = suggestionWindow(finalDays.map((d) => d.date));
  if (!window) return { proposals: [], first: null, last: null, days: 0 };
  const inWindow = finalDays.filter((d) => d.date >= window.first && d.date <= window.last);
  const span = dateSpanText(lang, window.first, window.last);
  const days = window.dates.length;
  const pct = (n: number) => percentText(lang, n);
  const num = (n: number) => numberText(lang, n);
  const caution = days < SUGGESTION_MIN_DAYS ? t(lang, 'suggest.fewDays', { days, minimum: SUGGESTION_MIN_DAYS }) : '';
  const source = (key: MessageKey, params: Record<string, string | number>) => t(lang, key, { span, days, ...params }) + caution;
  const proposals: Proposal[] = [];

  const daily = [...groupBy(inWindow, (d) => d.date).values()].map((ds) => deriveRatios(sumCounts(ds)).inquiryConversion).filter((c): c is number => c != null);
  const target = quantile(daily, 0.5);
  if (target != null) proposals.push({ setting: 'conversion_target', value: settingRate(target), amount: '', source: source('suggest.source.conversionTarget', { value: pct(target), count: daily.length }) });

  const perAgentDay = inWindow.flatMap((d) => (d.inquiries == null ? [] : [d.inquiries]));
  const medianLoad = quantile(perAgentDay, 0.5);
  if (medianLoad != null) {
    const minimum = Math.max(1, Math.ceil(RELATIVE_MINIMUM_SHARE * medianLoad));
    proposals.push({ setting: 'min_inquiries_per_day', value: String(minimum), amount: '', source: source('suggest.source.minInquiries', { median: num(medianLoad), count: perAgentDay.length }) });
    const p90 = quantile(perAgentDay, 0.9)!;
    const capacity = Math.max(1, Math.ceil(p90));
    proposals.push({ setting: 'inquiries_per_agent', value: String(capacity), amount: '', source: source('suggest.source.perAgent', { p90: num(p90), median: num(medianLoad), count: perAgentDay.length }) });
    const bands = workloadBands(capacity);
    proposals.push({ setting: 'workload_thresholds', value: bands.join(';'), amount: '', source: source('suggest.source.workload', { capacity: num(capacity), bands: bands.map(num).join(' / ') }) });
  }

  const agents = [...groupBy(inWindow, (d) => d.agent).values()].map((ds) => deriveRatios(sumCounts(ds)).inquiryConversion).filter((c): c is number => c != null);
  if (agents.length >= 2) {
    const [p25, p50, p75] = [0.25, 0.5, 0.75].map((p) => quantile(agents, p)!);
    proposals.push({
      setting: 'scorecard_score',
      value: 'inquiry_conversion',
      amount: `>=${settingRate(p75)}:100; >=${settingRate(p50)}:80; >=${settingRate(p25)}:60; ${t(lang, 'suggest.otherwise')}:50`,
      source: source('suggest.source.tiers', { p75: pct(p75), p50: pct(p50), p25: pct(p25), agents: agents.length }),
    });
  }

  const response = inWindow.flatMap((d) => {
    const first = deriveRatios(d).firstResponseSec;
    return first == null ? [] : [first];
  });
  const slow = quantile(response, 0.75);
  if (slow != null) proposals.push({ setting: 'first_response_target_sec', value: String(Math.round(Math.max(1, slow))), amount: '', source: source('suggest.source.firstResponse', { p75: num(slow), count: response.length }) });
  return { proposals, first: window.first, last: window.last, days };
}
