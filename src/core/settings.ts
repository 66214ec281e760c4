/**
 * The Settings table of SPEC §7, both ways: Rules → rows (a fresh Settings
 * tab, or `--rules` template) and rows → Rules (the tab as the supervisor left
 * it, or the CLI's CSV). Same layout everywhere: setting, value, amount, note.
 * Unknown or malformed settings are reported as problems, never ignored.
 */
import type { Language } from './types';
import { defaultRules, type AttributionWindow, type PayrollView, type Rules } from './rules';
import type { ConsultationCategory } from './types';
import { shortText } from './values';
import { isProblem, number, optionalNumber, problem, rate, wholeNumber, type Problem } from './settingValues';
import { t, type MessageKey } from '../i18n';
import { isScorecardSetting, ScorecardReader, scorecardTable } from './scorecardSettings';
import { ROTATION_PERIODS, type RotationPeriod } from './schedule';
import { isIsoDate } from './dates';
import type { Shift } from './types';

/** day/night, 白班/夜班 (早班/晚班 too). */
function shiftWord(text: string): Shift | null {
  const v = text.trim().toLowerCase();
  if (['day', 'd', '白班', '早班', '日班', '白'].includes(v)) return 'day';
  if (['night', 'n', '夜班', '晚班', '夜'].includes(v)) return 'night';
  return null;
}

export const SETTINGS_HEADER = ['setting', 'value', 'amount', 'note'];

const WINDOWS: AttributionWindow[] = ['same_day', 'next_day', '3_days'];
const VIEWS: PayrollView[] = ['direct', 'base_plus_bonus', 'target_minus_deductions'];
const CATEGORIES: ConsultationCategory[] = ['presale', 'after_sales', 'freebie'];

/** A problem with one settings row, for the supervisor to fix (1-based row in the table). */
export interface SettingsProblem {
  row: number;
  setting: string;
  reason: string;
}

const blankIfNull = (v: number | null): string => (v == null ? '' : String(v));

/** The table a fresh Settings tab (or a rules CSV template) holds: header, then one row per setting. */
export function settingsTable(rules: Rules, lang: Language): string[][] {
  const note = (setting: string) => t(lang, `settings.note.${setting}` as MessageKey);
  const rows: string[][] = [
    ['repeat_window_hours', String(rules.repeatWindowHours), '', note('repeat_window_hours')],
    ['attribution_window', rules.attributionWindow, '', note('attribution_window')],
    ['excluded_categories', rules.excludedCategories.join(';'), '', note('excluded_categories')],
    ['conversion_denominator', rules.conversionDenominator, '', note('conversion_denominator')],
    ['unattributed_pool_rate', String(rules.unattributedPoolRate), '', note('unattributed_pool_rate')],
    ['min_inquiries_per_day', String(rules.minInquiriesPerDay), '', note('min_inquiries_per_day')],
    ['monthly_sales_target', blankIfNull(rules.monthlySalesTarget), '', note('monthly_sales_target')],
    ['daily_sales_target', blankIfNull(rules.dailySalesTarget), '', note('daily_sales_target')],
    ['conversion_target', blankIfNull(rules.conversionTarget), '', note('conversion_target')],
    ['first_response_target_sec', String(rules.firstResponseTargetSec), '', note('first_response_target_sec')],
    ['industry_conversion', blankIfNull(rules.industryConversion), '', note('industry_conversion')],
    ['low_response_rate', String(rules.lowResponseRate), '', note('low_response_rate')],
    ['flag_min_inquiries', String(rules.flagMinInquiries), '', note('flag_min_inquiries')],
    ['workload_thresholds', rules.workloadThresholds.join(';'), '', note('workload_thresholds')],
    ['inquiries_per_agent', String(rules.inquiriesPerAgent), '', note('inquiries_per_agent')],
    ['commission_rate', String(rules.commissionRate), '', note('commission_rate')],
    ...rules.conversionBonus.map((tier) => ['conversion_bonus', String(tier.threshold), String(tier.amount), note('conversion_bonus')]),
    ...rules.responseBonus.map((b) => ['response_bonus', String(b.maxSec), String(b.amount), note('response_bonus')]),
    ...[...rules.rewardPerItem].map(([reason, amount]) => ['reward_per_item', reason, String(amount), note('reward_per_item')]),
    ...rules.fineSchedule.map((step) => [
      'fine_schedule',
      String(step.nth),
      step.amount == null ? 'dismissal_review' : String(step.amount),
      note('fine_schedule'),
    ]),
    ['payroll_view', rules.payrollView, '', note('payroll_view')],
    ['night_allowance', String(rules.nightAllowance), '', note('night_allowance')],
    ['rotation_agents', rules.rotationAgents.join(';'), '', note('rotation_agents')],
    ['rotation_start', rules.rotationStart ?? '', '', note('rotation_start')],
    ['rotation_period', rules.rotationPeriod, '', note('rotation_period')],
    ['rotation_pattern', rules.rotationPattern.join(';'), '', note('rotation_pattern')],
    ['coaching_window_days', String(rules.coachingWindowDays), '', note('coaching_window_days')],
    ['coaching_min_inquiries', String(rules.coachingMinInquiries), '', note('coaching_min_inquiries')],
    ['coaching_margin', String(rules.coachingMargin), '', note('coaching_margin')],
    ...scorecardTable(rules.scorecard, note),
  ];
  return [SETTINGS_HEADER, ...rows];
}

type Setter = (rules: Rules, value: string, amount: string) => Problem | null;

/** Applies a parsed value, or returns its problem. */
function apply<T>(parsed: T | Problem, set: (v: T) => void): Problem | null {
  if (isProblem(parsed)) return parsed;
  set(parsed);
  return null;
}

const notOneOf = (value: string, options: readonly string[]) => problem('settings.problem.notOneOf', { value: shortText(value), options: options.join(', ') });

/**
 * One handler per setting name; list settings (tiers, schedules) collect every
 * row. A Map, so a setting named `constructor` or `__proto__` is unknown
 * rather than a property of Object.prototype.
 */
const SETTERS: ReadonlyMap<string, Setter> = new Map(
  Object.entries({
    repeat_window_hours: (r, v) => apply(number(v, 'repeat_window_hours'), (n) => (r.repeatWindowHours = n)),
    attribution_window: (r, v) => {
      const w = v.trim().toLowerCase().replace(/^3_day$/, '3_days') as AttributionWindow;
      if (!WINDOWS.includes(w)) return notOneOf(v, WINDOWS);
      r.attributionWindow = w;
      return null;
    },
    excluded_categories: (r, v) => {
      const list = v.split(/[;,，；\s]+/).filter(Boolean).map((c) => c.trim().toLowerCase().replace('-', '_')) as ConsultationCategory[];
      const bad = list.find((c) => !CATEGORIES.includes(c));
      if (bad) return notOneOf(bad, CATEGORIES);
      r.excludedCategories = list;
      return null;
    },
    conversion_denominator: (r, v) => {
      const d = v.trim().toLowerCase();
      if (d !== 'inquiries' && d !== 'consultations') return notOneOf(v, ['inquiries', 'consultations']);
      r.conversionDenominator = d;
      return null;
    },
    unattributed_pool_rate: (r, v) => apply(rate(v, 'unattributed_pool_rate'), (n) => (r.unattributedPoolRate = n ?? 0)),
    min_inquiries_per_day: (r, v) => apply(number(v, 'min_inquiries_per_day'), (n) => (r.minInquiriesPerDay = n)),
    monthly_sales_target: (r, v) => apply(optionalNumber(v, 'monthly_sales_target'), (n) => (r.monthlySalesTarget = n)),
    daily_sales_target: (r, v) => apply(optionalNumber(v, 'daily_sales_target'), (n) => (r.dailySalesTarget = n)),
    conversion_target: (r, v) => apply(rate(v, 'conversion_target'), (n) => (r.conversionTarget = n)),
    first_response_target_sec: (r, v) => apply(number(v, 'first_response_target_sec'), (n) => (r.firstResponseTargetSec = n)),
    industry_conversion: (r, v) => apply(rate(v, 'industry_conversion'), (n) => (r.industryConversion = n)),
    low_response_rate: (r, v) => apply(rate(v, 'low_response_rate'), (n) => (r.lowResponseRate = n ?? 0)),
    flag_min_inquiries: (r, v) => apply(number(v, 'flag_min_inquiries'), (n) => (r.flagMinInquiries = n)),
    workload_thresholds: (r, v) => {
      const parts = v.split(/[;,，；\s]+/).filter(Boolean).map((p) => number(p, 'workload_thresholds'));
      const bad = parts.find(isProblem);
      if (bad) return bad;
      const limits = parts as number[];
      if (limits.length !== 4 || limits.some((n, i) => i > 0 && n <= limits[i - 1])) return problem('settings.problem.thresholds', { value: shortText(v) });
      r.workloadThresholds = limits as [number, number, number, number];
      return null;
    },
    inquiries_per_agent: (r, v) => apply(number(v, 'inquiries_per_agent'), (n) => (r.inquiriesPerAgent = n)),
    commission_rate: (r, v) => apply(rate(v, 'commission_rate'), (n) => (r.commissionRate = n ?? 0)),
    conversion_bonus: (r, v, a) => {
      const threshold = rate(v, 'conversion_bonus');
      const amount = number(a, 'conversion_bonus.amount');
      if (isProblem(threshold) || threshold == null) return threshold ?? problem('settings.problem.missingThreshold');
      if (isProblem(amount)) return amount;
      r.conversionBonus.push({ threshold, amount });
      return null;
    },
    response_bonus: (r, v, a) => {
      const maxSec = number(v, 'response_bonus');
      const amount = number(a, 'response_bonus.amount');
      if (isProblem(maxSec)) return maxSec;
      if (isProblem(amount)) return amount;
      r.responseBonus.push({ maxSec, amount });
      return null;
    },
    reward_per_item: (r, v, a) => {
      const amount = number(a, 'reward_per_item.amount');
      if (v.trim() === '') return problem('settings.problem.missingReason');
      if (isProblem(amount)) return amount;
      r.rewardPerItem.set(v.trim(), amount);
      return null;
    },
    payroll_view: (r, v) => {
      const view = v.trim().toLowerCase() as PayrollView;
      if (!VIEWS.includes(view)) return notOneOf(v, VIEWS);
      r.payrollView = view;
      return null;
    },
    night_allowance: (r, v) => apply(number(v, 'night_allowance'), (n) => (r.nightAllowance = n)),
    rotation_agents: (r, v) => {
      r.rotationAgents = [...new Set(v.split(/[;,，；、]+/).map((a) => a.trim()).filter(Boolean))];
      return null;
    },
    rotation_start: (r, v) => {
      const day = v.trim();
      if (day !== '' && !isIsoDate(day)) return problem('settings.problem.notDate', { value: shortText(v) });
      r.rotationStart = day || null;
      return null;
    },
    rotation_period: (r, v) => {
      const period = v.trim().toLowerCase() as RotationPeriod;
      if (!ROTATION_PERIODS.includes(period)) return notOneOf(v, ROTATION_PERIODS);
      r.rotationPeriod = period;
      return null;
    },
    rotation_pattern: (r, v) => {
      const words = v.split(/[;,，；、\s]+/).filter(Boolean);
      const shifts = words.map((w) => shiftWord(w));
      const bad = words.find((_w, i) => shifts[i] == null);
      if (bad !== undefined || shifts.length === 0) return notOneOf(bad ?? v, ['day', 'night']);
      r.rotationPattern = shifts as Shift[];
      return null;
    },
    coaching_window_days: (r, v) => apply(wholeNumber(v, 'coaching_window_days'), (n) => (r.coachingWindowDays = n)),
    coaching_min_inquiries: (r, v) => apply(wholeNumber(v, 'coaching_min_inquiries'), (n) => (r.coachingMinInquiries = n)),
    coaching_margin: (r, v) => apply(rate(v, 'coaching_margin'), (n) => (r.coachingMargin = n ?? 0)),
    fine_schedule: (r, v, a) => {
      const nth = wholeNumber(v, 'fine_schedule');
      if (isProblem(nth)) return nth;
      if (/^dismissal[_ ]?review$|^开除评估$|^辞退评估$/i.test(a.trim())) {
        r.fineSchedule.push({ nth, amount: null });
        return null;
      }
      const amount = number(a, 'fine_schedule.amount');
      if (isProblem(amount)) return amount;
      r.fineSchedule.push({ nth, amount });
      return null;
    },
  } satisfies Record<string, Setter>),
);

/** List settings (one row per tier or step): their first row in a table replaces the default list whole. */
const LIST_RESETS: ReadonlyMap<string, (rules: Rules) => void> = new Map<string, (rules: Rules) => void>([
  ['conversion_bonus', (r) => (r.conversionBonus = [])],
  ['response_bonus', (r) => (r.responseBonus = [])],
  ['reward_per_item', (r) => (r.rewardPerItem = new Map())],
  ['fine_schedule', (r) => (r.fineSchedule = [])],
]);

/** A list whose every row was refused falls back to its default, as a refused single setting does. */
const LIST_DEFAULTS: ReadonlyMap<string, (rules: Rules, defaults: Rules) => void> = new Map<string, (rules: Rules, defaults: Rules) => void>([
  ['conversion_bonus', (r, d) => (r.conversionBonus = d.conversionBonus)],
  ['response_bonus', (r, d) => (r.responseBonus = d.responseBonus)],
  ['reward_per_item', (r, d) => (r.rewardPerItem = d.rewardPerItem)],
  ['fine_schedule', (r, d) => (r.fineSchedule = d.fineSchedule)],
]);

/**
 * Strips a `# remark` the way SPEC §7 writes its examples: from the first
 * whitespace followed by `#`. Found by a fixed two-character search, since
 * `/\s+#.*$/` backtracks quadratically over long runs of spaces.
 */
function withoutRemark(cell: string): string {
  const remark = cell.search(/\s#/);
  return (remark < 0 ? cell : cell.slice(0, remark)).trim();
}

/**
 * Rules from a settings table (header optional). Settings not in the table
 * keep their defaults; a list setting (tiers, schedule) present in the table
 * replaces its default list whole.
 */
export function rulesFromTable(rows: string[][], language: Language = 'en'): { rules: Rules; problems: SettingsProblem[] } {
  const rules = defaultRules();
  const problems: SettingsProblem[] = [];
  /** Rows accepted per list setting seen. */
  const listsSeen = new Map<string, number>();
  const scorecard = new ScorecardReader();
  rows.forEach((cells, index) => {
    const setting = withoutRemark(String(cells[0] ?? '')).toLowerCase();
    if (setting === '' || setting.startsWith('#') || (index === 0 && setting === 'setting')) return;
    // The scorecard's rows refer to each other: read as one card after the loop.
    if (isScorecardSetting(setting)) return scorecard.add(index + 1, setting, withoutRemark(String(cells[1] ?? '')), withoutRemark(String(cells[2] ?? '')));
    const setter = SETTERS.get(setting);
    if (!setter) {
      problems.push({ row: index + 1, setting: shortText(setting), reason: t(language, 'settings.problem.unknown') });
      return;
    }
    const reset = LIST_RESETS.get(setting);
    if (reset && !listsSeen.has(setting)) {
      listsSeen.set(setting, 0);
      reset(rules);
    }
    const refused = setter(rules, withoutRemark(String(cells[1] ?? '')), withoutRemark(String(cells[2] ?? '')));
    if (refused) problems.push({ row: index + 1, setting, reason: t(language, refused.key, refused.params) });
    else if (reset) listsSeen.set(setting, (listsSeen.get(setting) ?? 0) + 1);
  });
  const defaults = defaultRules();
  for (const [list, accepted] of listsSeen) if (accepted === 0) LIST_DEFAULTS.get(list)?.(rules, defaults);
  rules.conversionBonus.sort((a, b) => a.threshold - b.threshold);
  rules.fineSchedule.sort((a, b) => a.nth - b.nth);
  const card = scorecard.finish(language);
  rules.scorecard = card.scorecard;
  problems.push(...card.problems);
  problems.sort((a, b) => a.row - b.row);
  return { rules, problems };
}
