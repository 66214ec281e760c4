/**
 * 辅导记录 and its effect: the supervisor writes down the day, the agent, the
 * problem seen and the measure taken; CS Daily sets the agent's figure for
 * that problem over the N days before the measure against the N days after,
 * beside the rest of the team's change over the same days, and gives a
 * verdict only when both of the agent's windows hold the minimum sample.
 */
import type { AgentDay, Counts, IsoDate, Ratios } from './types';
import { deriveRatios, sumCounts } from './metrics';
import { addDays } from './dates';
import type { ConversionDenominator } from './rules';

/** 问题 — what the supervisor saw; each but `other` has a figure to measure. */
export type CoachingProblem = 'low_conversion' | 'slow_response' | 'low_qa_ratio' | 'low_response_rate' | 'other';
export const COACHING_PROBLEMS: readonly CoachingProblem[] = ['low_conversion', 'slow_response', 'low_qa_ratio', 'low_response_rate', 'other'];

export type CoachingStatus = 'open' | 'closed';

export interface CoachingEntry {
  date: IsoDate;
  agent: string;
  problem: CoachingProblem;
  /** The problem in the supervisor's words (read chats, found …). */
  detail: string;
  /** 措施 — what was done about it. */
  measure: string;
  status: CoachingStatus;
  /** Where the entry is written (`辅导记录 row 3`), for links from the Daily. */
  origin: string;
}

/** The Ratios figure each problem is measured by, and whether higher is better. */
const FIGURE: Record<Exclude<CoachingProblem, 'other'>, { figure: keyof Ratios; higherBetter: boolean }> = {
  low_conversion: { figure: 'inquiryConversion', higherBetter: true },
  slow_response: { figure: 'firstResponseSec', higherBetter: false },
  low_qa_ratio: { figure: 'qaRatio', higherBetter: true },
  low_response_rate: { figure: 'responseRate', higherBetter: true },
};

export const figureOf = (problem: CoachingProblem): keyof Ratios | null => (problem === 'other' ? null : FIGURE[problem].figure);

export interface CoachingSettings {
  /** N: days in each window (the measure's own day is in neither). */
  windowDays: number;
  /** Inquiries each of the agent's windows must hold before a verdict. */
  minInquiries: number;
  /** The smallest net change that counts, as a share of the agent's figure before (0.05 = 5 %). */
  margin: number;
}

export type Verdict = 'improved' | 'no_change' | 'worse';
/** Why an entry has no verdict: a window under the minimum, the after window not over yet, a problem with no figure. */
export type NoVerdict = 'too_few' | 'pending' | 'no_figure';

export interface CoachingEffect {
  entry: CoachingEntry;
  figure: keyof Ratios | null;
  before: { first: IsoDate; last: IsoDate };
  after: { first: IsoDate; last: IsoDate };
  agentBefore: number | null;
  agentAfter: number | null;
  teamBefore: number | null;
  teamAfter: number | null;
  inquiriesBefore: number;
  inquiriesAfter: number;
  /** Agent's change − team's change, in the figure's unit, signed so that positive is better; null without both. */
  net: number | null;
  verdict: Verdict | null;
  noVerdict: NoVerdict | null;
}

function windowCounts(days: readonly AgentDay[], first: IsoDate, last: IsoDate, keep: (d: AgentDay) => boolean): Counts {
  return sumCounts(days.filter((d) => d.date >= first && d.date <= last && keep(d)));
}

const change = (after: number | null, before: number | null) => (after == null || before == null ? null : after - before);

/**
 * The effect of one entry as of `today` (the last day with figures): the
 * agent's figure before and after, the rest of the team's, and the verdict.
 */
export function coachingEffect(entry: CoachingEntry, agentDays: readonly AgentDay[], settings: CoachingSettings, today: IsoDate, denominator: ConversionDenominator = 'inquiries'): CoachingEffect {
  const n = settings.windowDays;
  const before = { first: addDays(entry.date, -n), last: addDays(entry.date, -1) };
  const after = { first: addDays(entry.date, 1), last: addDays(entry.date, n) };
  const figure = figureOf(entry.problem);
  const mine = (d: AgentDay) => d.agent === entry.agent;
  const others = (d: AgentDay) => d.agent !== entry.agent;
  const agentB = windowCounts(agentDays, before.first, before.last, mine);
  const agentA = windowCounts(agentDays, after.first, after.last, mine);
  const pick = (c: Counts) => (figure ? deriveRatios(c, denominator)[figure] : null);
  const effect: CoachingEffect = {
    entry,
    figure,
    before,
    after,
    agentBefore: pick(agentB),
    agentAfter: pick(agentA),
    teamBefore: pick(windowCounts(agentDays, before.first, before.last, others)),
    teamAfter: pick(windowCounts(agentDays, after.first, after.last, others)),
    inquiriesBefore: agentB.inquiries ?? 0,
    inquiriesAfter: agentA.inquiries ?? 0,
    net: null,
    verdict: null,
    noVerdict: null,
  };
  if (!figure || entry.problem === 'other') return { ...effect, noVerdict: 'no_figure' };
  const agentChange = change(effect.agentAfter, effect.agentBefore);
  // Without the rest of a team (an agent alone), the team's change is taken as none.
  const teamChange = change(effect.teamAfter, effect.teamBefore) ?? 0;
  const sign = FIGURE[entry.problem as Exclude<CoachingProblem, 'other'>].higherBetter ? 1 : -1;
  effect.net = agentChange == null ? null : sign * (agentChange - teamChange);
  if (after.last > today) return { ...effect, noVerdict: 'pending' };
  if (effect.inquiriesBefore < settings.minInquiries || effect.inquiriesAfter < settings.minInquiries || effect.net == null) return { ...effect, noVerdict: 'too_few' };
  const threshold = settings.margin * Math.abs(effect.agentBefore ?? 0);
  effect.verdict = effect.net > threshold ? 'improved' : effect.net < -threshold ? 'worse' : 'no_change';
  return effect;
}

/** Every entry's effect, in date order. */
export function coachingEffects(entries: readonly CoachingEntry[], agentDays: readonly AgentDay[], settings: CoachingSettings, today: IsoDate, denominator: ConversionDenominator = 'inquiries'): CoachingEffect[] {
  return [...entries]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.agent < b.agent ? -1 : 1))
    .map((e) => coachingEffect(e, agentDays, settings, today, denominator));
}

/** Daily flags and the coaching problem each one is. */
export const PROBLEM_OF_FLAG: Readonly<Record<string, CoachingProblem>> = {
  below_team_conversion: 'low_conversion',
  slow_first_response: 'slow_response',
  low_response_rate: 'low_response_rate',
};

/** What the Daily says beside an agent's flags: their open entries, and whether a flag came back after a measure for it. */
export interface CoachingLink {
  entry: CoachingEntry;
  /** Flagged on the day for the entry's problem, after the measure was taken. */
  again: boolean;
}

/** The agent's open entries dated on or before `date`, newest first, each marked when the day's flags repeat its problem. */
export function coachingLinks(entries: readonly CoachingEntry[], agent: string, date: IsoDate, flags: readonly string[]): CoachingLink[] {
  const flagged = new Set(flags.map((f) => PROBLEM_OF_FLAG[f]).filter(Boolean));
  return entries
    .filter((e) => e.agent === agent && e.status === 'open' && e.date <= date)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .map((entry) => ({ entry, again: entry.date < date && flagged.has(entry.problem) }));
}

/** Measures that worked this week: improved entries whose after window ended in the ISO week up to `date`. */
export function measuresThatWorked(effects: readonly CoachingEffect[], weekFirst: IsoDate, date: IsoDate): CoachingEffect[] {
  return effects.filter((e) => e.verdict === 'improved' && e.after.last >= weekFirst && e.after.last <= date);
}
