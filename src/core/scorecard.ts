/**
 * 绩效考核表 (issue 12): one month's KPI scorecard per agent. Each KPI's
 * figure is scored (tiers, linear, percentile within the team, or the figure
 * itself), the points are weighted, the weighted score gives a grade and the
 * grade (or the score) the performance pay payroll adds.
 */
import { rolledSum, type RollUp } from './rollup';
import type { Agent, AgentDay, AttributedSales, IsoDate, Language, Order, PayEvent } from './types';
import type { Rules } from './rules';
import type { ShopDayTotals } from './shopDays';
import type { KpiRule, ScorecardRules, Scoring } from './scorecardRules';
import { kpiFigure, perAgentKpi, sampleOf, type AgentMonth } from './scorecardKpis';
import { dayOf, monthOf } from './dates';
import { daysWithData, periodContaining } from './periods';
import { groupBy } from './groupBy';
import { roundMoney } from './engine';
import { t, type MessageKey } from '../i18n';

export interface ScorecardInput {
  month: string;
  roster: readonly Agent[];
  agentDays: readonly AgentDay[];
  attributed: readonly AttributedSales[];
  events: readonly PayEvent[];
  /** All orders: the shop's AOV when no shop page gives one. */
  orders: readonly Order[];
  shopByDate: ReadonlyMap<IsoDate, ShopDayTotals>;
  rules: Rules;
  language?: Language;
  /** Sums of rolled-up days, whose orders are no longer held (core/rollup.ts). */
  rolledUp?: RollUp;
}

/** One KPI of one agent's card. */
export interface KpiScore {
  kpi: string;
  figure: number | null;
  /** null = not scored (no data and excluded, or the agent is not scored). */
  points: number | null;
  /** Which tier or rule gave the points, e.g. `>= 0.55`, `else`, `linear`, `percentile 2/4`, `no data`. */
  tier: string;
  weight: number;
}

/** Why an agent has no score. */
export type NotScored = 'not_assessed' | 'under_minimum' | 'no_data' | 'too_little_weight';

export interface ScoreRow {
  agent: string;
  agentId: string;
  kpis: KpiScore[];
  /** Σ points × weight over the KPIs that count (÷ their weights when some are excluded); null = not scored. */
  score: number | null;
  grade: string | null;
  coefficient: number | null;
  basePay: number;
  performancePay: number;
  notScored: NotScored | null;
  /** The minimum not reached (`inquiries 12 < 100`), for the row's note. */
  shortOf: string;
}

export interface Scorecard {
  month: string;
  card: ScorecardRules;
  rows: ScoreRow[];
  /** The average agent: ratios from summed counts, counts and scores as means of the scored agents. */
  team: { figures: (number | null)[]; points: (number | null)[]; score: number | null };
  shopAov: number | null;
}

/** Figures equal to a threshold up to float noise meet it (an exact 55 % is the 55 % tier). */
const EDGE = 1e-9;
const meets = (figure: number, threshold: number, direction: 'higher' | 'lower') =>
  direction === 'higher' ? figure >= threshold - EDGE * Math.max(1, Math.abs(threshold)) : figure <= threshold + EDGE * Math.max(1, Math.abs(threshold));

/** Points of one figure by a non-percentile scoring, with the tier that gave them. */
export function pointsOf(scoring: Scoring, figure: number, cap: number | null): { points: number; tier: string } {
  let points: number;
  let tier: string;
  if (scoring.kind === 'direct') {
    points = figure;
    tier = 'direct';
  } else if (scoring.kind === 'linear') {
    const { from, to } = scoring;
    const raw = from.points + ((figure - from.threshold) / (to.threshold - from.threshold)) * (to.points - from.points);
    // Never under the lower end; over the upper end only as far as a cap allows.
    points = Math.max(from.points, Math.min(raw, cap ?? to.points));
    tier = `linear ${from.threshold}→${to.threshold}`;
  } else if (scoring.kind === 'tiers') {
    const met = scoring.tiers.find((t) => meets(figure, t.threshold, scoring.direction));
    points = met ? met.points : scoring.otherwise;
    tier = met ? `${scoring.direction === 'higher' ? '≥' : '≤'} ${met.threshold}` : 'else';
  } else {
    throw new Error('percentile points need the team');
  }
  return { points: cap == null ? points : Math.min(points, cap), tier };
}

/** 100 × the share of the other agents this figure beats; ties beat nobody. */
function percentilePoints(figure: number, all: number[], direction: 'higher' | 'lower'): { points: number; tier: string } {
  const beaten = all.filter((other) => (direction === 'higher' ? figure > other : figure < other)).length;
  const points = all.length <= 1 ? 100 : (100 * beaten) / (all.length - 1);
  return { points, tier: `percentile ${beaten}/${Math.max(all.length - 1, 0)}` };
}

/** The shop's AOV of the month: shop pages' sales ÷ paid buyers, else every paid order of the month (buyers counted per payment day, as the platform counts them). */
export function shopAovOf(month: string, shopByDate: ReadonlyMap<IsoDate, ShopDayTotals>, orders: readonly Order[], rolledUp?: RollUp): number | null {
  let sales = 0;
  let buyers = 0;
  for (const [date, totals] of shopByDate) {
    const { shopSales, shopPaidBuyers } = totals.shop;
    if (monthOf(date) !== month || shopSales == null || shopPaidBuyers == null) continue;
    sales += shopSales;
    buyers += shopPaidBuyers;
  }
  if (buyers > 0) return sales / buyers;
  const buyerDays = new Set<string>();
  // Rolled-up days count each paying buyer of a day once, unless the buyer paid then for a raw day's order too (core/rollup.ts).
  const rolled = rolledSum(rolledUp, 'shop_paid', month);
  let amount = rolled.amount;
  for (const order of orders) {
    if (order.paidAt == null || monthOf(dayOf(order.paidAt)) !== month) continue;
    amount += order.amount;
    buyerDays.add(`${dayOf(order.paidAt)}|${order.buyer}`);
  }
  const paying = buyerDays.size + rolled.buyers;
  // The amount in cents: a sum of money whatever order its parts were added in (rolled-up days add theirs first).
  return paying > 0 ? roundMoney(amount) / paying : null;
}

/** Active roster agents and anyone with data or events in the month: the same people payroll lists. */
function agentsOfMonth(input: ScorecardInput, monthDays: readonly AgentDay[], monthEvents: readonly PayEvent[]): Agent[] {
  const agents = new Map<string, Agent>();
  for (const a of input.roster) if (a.active && !a.unknown) agents.set(a.name, a);
  for (const name of [...monthDays.map((d) => d.agent), ...monthEvents.map((e) => e.agent)]) {
    if (!agents.has(name)) agents.set(name, input.roster.find((a) => a.name === name) ?? { name, id: '', shift: 'day', basePay: 0, active: true, unknown: true });
  }
  return [...agents.values()];
}

const mean = (values: (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v != null);
  return present.length === 0 ? null : present.reduce((s, v) => s + v, 0) / present.length;
};

export function computeScorecard(input: ScorecardInput): Scorecard {
  const { month, rules } = input;
  const card = rules.scorecard;
  const monthDays = input.agentDays.filter((d) => monthOf(d.date) === month);
  const monthEvents = input.events.filter((e) => monthOf(e.date) === month).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const daysByAgent = groupBy(monthDays, (d) => d.agent);
  const eventsByAgent = groupBy(monthEvents, (e) => e.agent);
  const agents = agentsOfMonth(input, monthDays, monthEvents);
  const assessed = agents.filter((a) => a.assessed !== false);
  const shopAov = shopAovOf(month, input.shopByDate, input.orders, input.rolledUp);
  const salesTarget = card.salesTarget ?? (rules.monthlySalesTarget != null && assessed.length > 0 ? rules.monthlySalesTarget / assessed.length : null);
  const workingDays = card.workingDays ?? daysWithData(input.agentDays, periodContaining(`${month}-01`, 'month'));

  const monthOfAgent = (agent: Agent): AgentMonth => {
    const events = eventsByAgent.get(agent.name) ?? [];
    const manual = new Map<string, number>();
    for (const e of events) if (e.kind === 'score' && e.amount != null) manual.set(e.reason.trim(), e.amount);
    return {
      days: daysByAgent.get(agent.name) ?? [],
      attributedSales: agent.id === '' ? 0 : input.attributed.filter((a) => a.agentId === agent.id && a.month === month).reduce((s, a) => s + a.amount, 0),
      fines: events.filter((e) => e.kind === 'fine').length,
      manual,
      shopAov,
      salesTarget,
      workingDays,
    };
  };

  const months = agents.map(monthOfAgent);
  const figures = months.map((m) => card.kpis.map((k) => kpiFigure(k.kpi, m, rules.conversionDenominator)));
  const lang = input.language ?? 'en';
  const shortOf = months.map((m) =>
    card.minSamples
      .filter((s) => sampleOf(s.figure, m) < s.minimum)
      .map((s) => `${t(lang, `scorecard.sample.${s.figure}` as MessageKey)} ${sampleOf(s.figure, m)} < ${s.minimum}`)
      .join(lang === 'zh' ? '；' : '; '),
  );
  const notScored = agents.map((a, i): NotScored | null => {
    if (a.assessed === false) return 'not_assessed';
    // No final day in the month (on leave, or only provisional days): no figures, never "inquiries 0".
    if (months[i].days.length === 0 && months[i].manual.size === 0) return 'no_data';
    if (shortOf[i] !== '') return 'under_minimum';
    return figures[i].every((f) => f == null) ? 'no_data' : null;
  });
  // Percentiles rank the scored agents only: a trainee's figure moves nobody's points.
  const scoredFigures = card.kpis.map((_k, j) => figures.filter((_f, i) => notScored[i] == null).map((f) => f[j]).filter((f): f is number => f != null));

  const rows = agents.map((agent, i): ScoreRow => {
    const kpis = card.kpis.map((k, j) => kpiScore(k, figures[i][j], notScored[i] == null, scoredFigures[j], card.missing));
    const counted = kpis.filter((k) => k.points != null);
    const weights = counted.reduce((s, k) => s + k.weight, 0);
    // Rescaled from a sliver of the card, a score would grade the figures that happen to exist.
    const tooLittle = notScored[i] == null && weights > 0 && weights < card.minWeight - EDGE;
    const score = notScored[i] != null || weights === 0 || tooLittle ? null : Math.round((counted.reduce((s, k) => s + k.points! * k.weight, 0) / weights) * 1e6) / 1e6;
    const grade = score == null ? null : card.grades.find((g) => score >= g.minScore) ?? null;
    const basePay = agent.performancePay ?? card.basePay;
    const pay = !card.enabled || score == null ? 0 : card.payBy === 'score' ? (basePay * score) / 100 : basePay * (grade?.coefficient ?? 0);
    return {
      agent: agent.name,
      agentId: agent.id,
      kpis,
      score,
      grade: grade?.grade ?? null,
      coefficient: grade?.coefficient ?? null,
      basePay,
      performancePay: roundMoney(pay),
      notScored: notScored[i] ?? (tooLittle ? 'too_little_weight' : score == null ? 'no_data' : null),
      shortOf: tooLittle ? `${Math.round(weights * 100)}% < ${Math.round(card.minWeight * 100)}%` : shortOf[i],
    };
  });
  return { month, card, rows, team: teamRow(card.kpis, rows, months, figures, rules), shopAov };
}

function kpiScore(k: KpiRule, figure: number | null, scored: boolean, team: number[], missing: 'exclude' | 'zero'): KpiScore {
  const base = { kpi: k.kpi, figure, weight: k.weight };
  if (!scored) return { ...base, points: null, tier: '' };
  if (figure == null) return { ...base, points: missing === 'zero' ? 0 : null, tier: 'no data' };
  const got = k.scoring.kind === 'percentile' ? percentilePoints(figure, team, k.scoring.direction) : pointsOf(k.scoring, figure, k.cap);
  return { ...base, points: k.cap == null ? got.points : Math.min(got.points, k.cap), tier: got.tier };
}

/** The team average row: ratios from the scored agents' summed counts (SPEC §2), counts and points as means per agent. */
function teamRow(kpis: KpiRule[], rows: ScoreRow[], months: AgentMonth[], figures: (number | null)[][], rules: Rules): Scorecard['team'] {
  const scored = rows.map((r, i) => (r.score != null ? i : -1)).filter((i) => i >= 0);
  const together: AgentMonth | null =
    scored.length === 0
      ? null
      : {
          days: scored.flatMap((i) => months[i].days),
          attributedSales: 0,
          fines: 0,
          manual: new Map(),
          shopAov: months[0].shopAov,
          salesTarget: months[0].salesTarget == null ? null : months[0].salesTarget * scored.length,
          workingDays: months[0].workingDays,
        };
  return {
    figures: kpis.map((k, j) => (together == null ? null : perAgentKpi(k.kpi) ? mean(scored.map((i) => figures[i][j])) : kpiFigure(k.kpi, together, rules.conversionDenominator))),
    points: kpis.map((_k, j) => mean(scored.map((i) => rows[i].kpis[j].points))),
    score: mean(scored.map((i) => rows[i].score)),
  };
}
