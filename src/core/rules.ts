/**
 * The rules a supervisor sets (SPEC §7): data rules, targets and pay rules.
 * One value of this type is what the Settings tab and the CLI's `--rules` CSV
 * both become.
 */
import type { ConsultationCategory, IsoDate, Shift } from './types';
import type { RotationPeriod } from './schedule';
import { defaultScorecard, type ScorecardRules } from './scorecardRules';

/** 归属窗口 — how long after an inquiry's day its buyer's order still counts. */
export type AttributionWindow = 'same_day' | 'next_day' | '3_days';

export type ConversionDenominator = 'inquiries' | 'consultations';

/** A conversion-bonus tier: monthly C ≥ threshold earns amount. */
export interface BonusTier {
  threshold: number;
  amount: number;
}

/** The n-th fine of a month costs amount; null amount = dismissal review. */
export interface FineStep {
  nth: number;
  amount: number | null;
}

/** How the payroll tab shows the same money (SPEC §1.3); the total never changes. */
export type PayrollView = 'direct' | 'base_plus_bonus' | 'target_minus_deductions';

export interface Rules {
  repeatWindowHours: number;
  attributionWindow: AttributionWindow;
  excludedCategories: ConsultationCategory[];
  conversionDenominator: ConversionDenominator;
  /** Share of unattributed sales split equally among active agents (0 = none). */
  unattributedPoolRate: number;
  /** Ranking minimum per day with data; a period's minimum is this × its days with data. */
  minInquiriesPerDay: number;
  monthlySalesTarget: number | null;
  /** A per-day sales target; when set it replaces monthly ÷ days in month. */
  dailySalesTarget: number | null;
  conversionTarget: number | null;
  firstResponseTargetSec: number;
  industryConversion: number | null;
  /** A response rate under this flags the agent. */
  lowResponseRate: number;
  /** 标记最低询单数 — the Daily tab judges an agent's conversion only from this many inquiries of the day. */
  flagMinInquiries: number;
  /** Workload band thresholds (SPEC §3). */
  workloadThresholds: [number, number, number, number];
  /** Daily inquiries one agent can carry (staffing = ceil(total ÷ this)). */
  inquiriesPerAgent: number;
  commissionRate: number;
  conversionBonus: BonusTier[];
  /** Monthly weighted first response ≤ maxSec earns amount. */
  responseBonus: { maxSec: number; amount: number }[];
  /** Reward per events row of a given reason (a Map: reasons are user text, `constructor` included). */
  rewardPerItem: Map<string, number>;
  fineSchedule: FineStep[];
  payrollView: PayrollView;
  /** 绩效考核表: KPI scorecard and performance pay (off by default). */
  scorecard: ScorecardRules;
  /** 夜班补贴 — paid per night worked (by the schedule); 0 = none. */
  nightAllowance: number;
  /** 轮班 — the agents of the rotation (none = no rotation: the roster's shifts), its first day, period and pattern. */
  rotationAgents: string[];
  rotationStart: IsoDate | null;
  rotationPeriod: RotationPeriod;
  rotationPattern: Shift[];
  /** 辅导 — days in each window before and after a measure, the inquiries each window needs, the smallest net change that counts. */
  coachingWindowDays: number;
  coachingMinInquiries: number;
  coachingMargin: number;
}

export const DEFAULT_WORKLOAD_THRESHOLDS: [number, number, number, number] = [60, 80, 100, 120];

/** The defaults SPEC §7 lists; a fresh Settings tab is written from these. */
export function defaultRules(): Rules {
  return {
    repeatWindowHours: 24,
    attributionWindow: 'next_day',
    excludedCategories: ['after_sales', 'freebie'],
    conversionDenominator: 'inquiries',
    unattributedPoolRate: 0,
    minInquiriesPerDay: 30,
    monthlySalesTarget: null,
    dailySalesTarget: null,
    conversionTarget: 0.5,
    firstResponseTargetSec: 20,
    industryConversion: null,
    lowResponseRate: 0.9,
    flagMinInquiries: 10,
    workloadThresholds: [...DEFAULT_WORKLOAD_THRESHOLDS],
    inquiriesPerAgent: 100,
    commissionRate: 0.01,
    conversionBonus: [
      { threshold: 0.45, amount: 200 },
      { threshold: 0.55, amount: 400 },
    ],
    responseBonus: [{ maxSec: 20, amount: 100 }],
    rewardPerItem: new Map([
      ['data_error', 20],
      ['suggestion', 50],
    ]),
    fineSchedule: [
      { nth: 1, amount: 10 },
      { nth: 2, amount: 30 },
      { nth: 3, amount: null },
    ],
    payrollView: 'direct',
    scorecard: defaultScorecard(),
    nightAllowance: 0,
    rotationAgents: [],
    rotationStart: null,
    rotationPeriod: 'week',
    rotationPattern: ['day', 'night'],
    coachingWindowDays: 7,
    coachingMinInquiries: 30,
    coachingMargin: 0.05,
  };
}
