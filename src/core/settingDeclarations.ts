/**
 * Every setting of the Settings tab and the `--rules` CSV (SPEC §7), declared
 * once: name, type, default, range and note. The `Rules` type, the defaults,
 * a fresh Settings tab, the reader of a tab or CSV, the range check and the
 * notes are all derived from this table, in its order.
 *
 * To add a setting:
 *   1. add one row below, e.g.
 *        numberSetting('coaching_window_days', 'coachingWindowDays', 7, { min: 1, max: 31 }, true),
 *      (the kinds: core/settingKinds.ts; the field appears on `Rules` with the default's type);
 *   2. add its note `settings.note.<name>` to src/i18n/settings.ts, en and zh (the compiler
 *      refuses a row whose note is missing);
 *   3. add its range to the table in docs/decisions.md ("Settings ranges").
 * The KPI scorecard's rows (`scorecard_…`) refer to each other and are read as one
 * card by core/scorecardSettings.ts.
 */
import type { ConsultationCategory, Shift } from './types';
import { ROTATION_PERIODS } from './schedule';
import { isProblem, number, problem, rate, wholeNumber, type Range } from './settingValues';
import {
  ascendingSetting,
  listSetting,
  namesSetting,
  numberSetting,
  oneOfSetting,
  optionalDateSetting,
  optionalNumberSetting,
  optionalRateSetting,
  rateSetting,
  wordsSetting,
  type ItemCodec,
} from './settingKinds';

/** A conversion-bonus tier: monthly C ≥ threshold earns amount. */
export interface BonusTier {
  threshold: number;
  amount: number;
}

/** Monthly weighted first response ≤ maxSec earns amount. */
export interface ResponseBonus {
  maxSec: number;
  amount: number;
}

/** The n-th fine of a month costs amount; null amount = dismissal review. */
export interface FineStep {
  nth: number;
  amount: number | null;
}

const MONEY: Range = { min: 0, max: 100_000 };
const FRACTION: Range = { min: 0, max: 1 };
const SECONDS: Range = { min: 1, max: 3600 };
const CATEGORIES: readonly ConsultationCategory[] = ['presale', 'after_sales', 'freebie'];
const SHIFTS: readonly Shift[] = ['day', 'night'];
/** day/night, 白班/夜班 (早班/晚班 too). */
const SHIFT_WORDS: Record<string, Shift> = { d: 'day', 白班: 'day', 早班: 'day', 日班: 'day', 白: 'day', n: 'night', 夜班: 'night', 晚班: 'night', 夜: 'night' };

export const DEFAULT_WORKLOAD_THRESHOLDS: [number, number, number, number] = [60, 80, 100, 120];

const bonusTier: ItemCodec<BonusTier> = {
  type: 'rate threshold, amount',
  range: FRACTION,
  amountRange: MONEY,
  read(value, amount) {
    const threshold = rate(value, FRACTION);
    if (threshold == null) return problem('settings.problem.missingThreshold');
    if (isProblem(threshold)) return threshold;
    const money = number(amount, MONEY);
    return isProblem(money) ? money : { threshold, amount: money };
  },
  write: (tier) => [String(tier.threshold), String(tier.amount)],
};

const responseTier: ItemCodec<ResponseBonus> = {
  type: 'seconds, amount',
  range: SECONDS,
  amountRange: MONEY,
  read(value, amount) {
    const maxSec = number(value, SECONDS);
    if (isProblem(maxSec)) return maxSec;
    const money = number(amount, MONEY);
    return isProblem(money) ? money : { maxSec, amount: money };
  },
  write: (tier) => [String(tier.maxSec), String(tier.amount)],
};

const reward: ItemCodec<[string, number]> = {
  type: 'reason, amount',
  amountRange: MONEY,
  read(value, amount) {
    if (value.trim() === '') return problem('settings.problem.missingReason');
    const money = number(amount, MONEY);
    return isProblem(money) ? money : [value.trim(), money];
  },
  write: ([reason, amount]) => [reason, String(amount)],
};

const DISMISSAL_REVIEW = /^dismissal[_ ]?review$|^开除评估$|^辞退评估$/i;
const fineStep: ItemCodec<FineStep> = {
  type: 'whole number n, amount or dismissal_review',
  range: { min: 1, max: 100 },
  amountRange: MONEY,
  read(value, amount) {
    const nth = wholeNumber(value, { min: 1, max: 100 });
    if (isProblem(nth)) return nth;
    if (DISMISSAL_REVIEW.test(amount.trim())) return { nth, amount: null };
    const money = number(amount, MONEY);
    return isProblem(money) ? money : { nth, amount: money };
  },
  write: (step) => [String(step.nth), step.amount == null ? 'dismissal_review' : String(step.amount)],
};

/** The settings, in the order a fresh Settings tab lists them. */
export const SETTINGS = [
  numberSetting('repeat_window_hours', 'repeatWindowHours', 24, { min: 1, max: 168 }),
  /** 保留天数 — days of raw chats and orders kept, counted back from the latest stored day; older days are rolled up into final agent-day figures (0 = keep all). */
  numberSetting('retention_days', 'retentionDays', 70, { min: 0, max: 3660 }, true),
  /** 归属窗口 — how long after an inquiry's day its buyer's order still counts. */
  oneOfSetting('attribution_window', 'attributionWindow', ['same_day', 'next_day', '3_days'], 'next_day', { '3_day': '3_days' }),
  wordsSetting('excluded_categories', 'excludedCategories', CATEGORIES, ['after_sales', 'freebie'], { aliases: { 'after-sales': 'after_sales' } }),
  oneOfSetting('conversion_denominator', 'conversionDenominator', ['inquiries', 'consultations'], 'inquiries'),
  /** Share of unattributed sales split equally among active agents (0 = none). */
  rateSetting('unattributed_pool_rate', 'unattributedPoolRate', 0, { min: 0, max: 0.2 }),
  /** Ranking minimum per day with data (a period's minimum is this × its days with data); blank = relative to the team (core/inquiryMinimum.ts). */
  optionalNumberSetting('min_inquiries_per_day', 'minInquiriesPerDay', null, { min: 0, max: 1000 }),
  /** The least the relative ranking minimum asks per day. */
  numberSetting('min_inquiries_floor', 'minInquiriesFloor', 5, { min: 0, max: 1000 }),
  optionalNumberSetting('monthly_sales_target', 'monthlySalesTarget', null, { min: 0, max: 1_000_000_000 }),
  /** A per-day sales target; when set it replaces monthly ÷ days in month. */
  optionalNumberSetting('daily_sales_target', 'dailySalesTarget', null, { min: 0, max: 100_000_000 }),
  /** The supervisor's conversion target; blank = not set (the Daily shows DEFAULT_CONVERSION_TARGET, labelled as a default). */
  optionalRateSetting('conversion_target', 'conversionTarget', null, FRACTION),
  numberSetting('first_response_target_sec', 'firstResponseTargetSec', 20, SECONDS),
  optionalRateSetting('industry_conversion', 'industryConversion', null, FRACTION),
  /** A response rate under this flags the agent. */
  rateSetting('low_response_rate', 'lowResponseRate', 0.9, FRACTION),
  /** 标记最低询单数 — the Daily tab judges an agent's conversion only from this many inquiries of the day. */
  numberSetting('flag_min_inquiries', 'flagMinInquiries', 10, { min: 0, max: 1000 }),
  /** Workload band thresholds (SPEC §3). */
  ascendingSetting('workload_thresholds', 'workloadThresholds', DEFAULT_WORKLOAD_THRESHOLDS, { min: 0, max: 10_000 }),
  /** Daily inquiries one agent can carry (staffing = ceil(total ÷ this)); blank = not set (SPEC §3's 100, labelled as a default). */
  optionalNumberSetting('inquiries_per_agent', 'inquiriesPerAgent', null, { min: 1, max: 10_000 }),
  rateSetting('commission_rate', 'commissionRate', 0.01, { min: 0, max: 0.2 }),
  /** What commission_rate is paid on: remarks (orders whose seller remark names the agent ID), stated_sales (the export's 销售额), credited_sales (§6a's credited orders). */
  oneOfSetting('commission_basis', 'commissionBasis', ['remarks', 'stated_sales', 'credited_sales'], 'remarks'),
  listSetting('conversion_bonus', 'conversionBonus', [{ threshold: 0.45, amount: 200 }, { threshold: 0.55, amount: 400 }], bonusTier, (tiers) => tiers.sort((a, b) => a.threshold - b.threshold), (tiers) => tiers),
  listSetting('response_bonus', 'responseBonus', [{ maxSec: 20, amount: 100 }], responseTier, (tiers) => tiers, (tiers) => tiers),
  /** Reward per events row of a given reason (a Map: reasons are user text, `constructor` included). */
  listSetting('reward_per_item', 'rewardPerItem', new Map([['data_error', 20], ['suggestion', 50]]), reward, (items) => new Map(items), (map) => [...map]),
  listSetting('fine_schedule', 'fineSchedule', [{ nth: 1, amount: 10 }, { nth: 2, amount: 30 }, { nth: 3, amount: null }], fineStep, (steps) => steps.sort((a, b) => a.nth - b.nth), (steps) => steps),
  /** How the payroll tab shows the same money (SPEC §1.3); the total never changes. */
  oneOfSetting('payroll_view', 'payrollView', ['direct', 'base_plus_bonus', 'target_minus_deductions'], 'direct'),
  /** 夜班补贴 — paid per night worked (by the schedule); 0 = none. */
  numberSetting('night_allowance', 'nightAllowance', 0, MONEY),
  /** 轮班 — the agents of the rotation (none = no rotation: the roster's shifts), its first day, period and pattern. */
  namesSetting('rotation_agents', 'rotationAgents', []),
  optionalDateSetting('rotation_start', 'rotationStart', null),
  oneOfSetting('rotation_period', 'rotationPeriod', ROTATION_PERIODS, 'week'),
  wordsSetting('rotation_pattern', 'rotationPattern', SHIFTS, ['day', 'night'], { aliases: SHIFT_WORDS, atLeastOne: true }),
  /** 辅导 — days in each window before and after a measure, the inquiries each window needs, the smallest net change that counts. */
  numberSetting('coaching_window_days', 'coachingWindowDays', 7, { min: 1, max: 31 }, true),
  numberSetting('coaching_min_inquiries', 'coachingMinInquiries', 30, { min: 0, max: 10_000 }, true),
  rateSetting('coaching_margin', 'coachingMargin', 0.05, FRACTION),
] as const;

type Declared = (typeof SETTINGS)[number];

/** The values of the declared settings, one field per row of `SETTINGS`. */
export type SettingValues = { -readonly [S in Declared as S['field']]: S['default'] };
