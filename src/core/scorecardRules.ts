/**
 * The KPI scorecard's rules (绩效考核表, issue 12): which KPIs, how each is
 * scored (tiers, linear, percentile, direct), their weights, the grade table,
 * the base performance pay and how it is paid. Pure data and defaults; the
 * settings rows that set them are read in scorecardSettings.ts.
 */

/** Which way a KPI is good: conversion higher, response time lower. */
export type Direction = 'higher' | 'lower';

/** A tier: a figure at or beyond `threshold` (in the KPI's direction) earns `points`. */
export interface ScoreTier {
  threshold: number;
  points: number;
}

/** How one KPI's figure becomes points. */
export type Scoring =
  /** The best tier met; `otherwise` below every tier. */
  | { kind: 'tiers'; direction: Direction; tiers: ScoreTier[]; otherwise: number }
  /** A straight line through two (figure, points) points, never below the lower points; above the upper one only up to the cap. */
  | { kind: 'linear'; from: ScoreTier; to: ScoreTier }
  /** 100 × the share of the team's other agents this figure beats. */
  | { kind: 'percentile'; direction: Direction }
  /** The figure is the points (a supervisor's own 0–100 score). */
  | { kind: 'direct' };

export interface KpiRule {
  /** Catalogue key (`inquiry_conversion`, `aov_ratio` …) or `manual:<name>` for a score typed per agent. */
  kpi: string;
  /** A fraction; a card's weights add up to 1. */
  weight: number;
  scoring: Scoring;
  /** The most points this KPI can give (e.g. 120 = no more than 120 % of its target); null = no cap. */
  cap: number | null;
}

export interface GradeRule {
  grade: string;
  /** A weighted score at or above this gets the grade. */
  minScore: number;
  /** × base performance pay. */
  coefficient: number;
}

/** A count an agent must reach in the month to be scored at all (e.g. 100 inquiries). */
export interface MinimumSample {
  figure: SampleFigure;
  minimum: number;
}

export const SAMPLE_FIGURES = ['inquiries', 'consultations', 'receptions', 'placed', 'paid', 'days'] as const;
export type SampleFigure = (typeof SAMPLE_FIGURES)[number];

/** What a KPI with no figure for an agent does: scores 0, or drops out and the other weights are rescaled. */
export type MissingKpi = 'exclude' | 'zero';
/** Performance pay = base × the grade's coefficient, or base × weighted score ÷ 100. */
export type PayBy = 'coefficient' | 'score';

export interface ScorecardRules {
  /** Switched off by default: then performance pay is 0 and payroll is unchanged. */
  enabled: boolean;
  kpis: KpiRule[];
  /** Highest minimum score first. */
  grades: GradeRule[];
  /** Base performance pay for agents whose roster gives none. */
  basePay: number;
  payBy: PayBy;
  missing: MissingKpi;
  minSamples: MinimumSample[];
  /**
   * The share of the card's weight an agent's figures must cover to be graded
   * (0–1): an agent scored on a sliver of the card (only response figures, say)
   * is listed, not graded.
   */
  minWeight: number;
  /** Monthly sales target per agent for `sales_target`; null = monthly_sales_target ÷ the agents assessed. */
  salesTarget: number | null;
  /** Working days of the month for `attendance`; null = the days of the month the shop has data. */
  workingDays: number | null;
}

/** The default minimum sample: inquiries of the month an agent needs to be scored. */
export const DEFAULT_MIN_INQUIRIES = 20;
/** The default share of the card's weight that must have figures for a grade. */
export const DEFAULT_MIN_WEIGHT = 0.6;

const tiers = (direction: Direction, steps: [number, number][], otherwise: number): Scoring => ({
  kind: 'tiers',
  direction,
  tiers: steps.map(([threshold, points]) => ({ threshold, points })),
  otherwise,
});

/**
 * A published pre-sales card (issue 12): conversion weighs most because it
 * is what pre-sales agents are for; AOV against the shop's rewards selling
 * up; response rate and time keep the service honest. Off until turned on.
 */
export function defaultScorecard(): ScorecardRules {
  return {
    enabled: false,
    kpis: [
      { kpi: 'inquiry_conversion', weight: 0.45, cap: null, scoring: tiers('higher', [[0.55, 100], [0.5, 80], [0.45, 60]], 50) },
      { kpi: 'aov_ratio', weight: 0.25, cap: null, scoring: tiers('higher', [[1.12, 100], [1.08, 80], [1.06, 60]], 50) },
      { kpi: 'response_rate', weight: 0.15, cap: null, scoring: tiers('higher', [[0.99, 100], [0.97, 80], [0.95, 60]], 50) },
      { kpi: 'avg_response_sec', weight: 0.15, cap: null, scoring: tiers('lower', [[25, 100], [30, 80], [40, 60]], 50) },
    ],
    grades: [
      { grade: 'A', minScore: 90, coefficient: 1.2 },
      { grade: 'B', minScore: 80, coefficient: 1 },
      { grade: 'C', minScore: 70, coefficient: 0.8 },
      { grade: 'D', minScore: 0, coefficient: 0.5 },
    ],
    basePay: 0,
    payBy: 'coefficient',
    missing: 'exclude',
    // A month's conversion on fewer inquiries moves five points per buyer: too thin to grade (docs/decisions.md).
    minSamples: [{ figure: 'inquiries', minimum: DEFAULT_MIN_INQUIRIES }],
    minWeight: DEFAULT_MIN_WEIGHT,
    salesTarget: null,
    workingDays: null,
  };
}

/** A manual KPI's name (`manual:attitude` → `attitude`), else null. */
export const manualKpiName = (kpi: string): string | null => (kpi.startsWith('manual:') ? kpi.slice('manual:'.length) : null);
