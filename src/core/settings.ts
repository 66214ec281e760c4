/**
 * The Settings table of SPEC §7, both ways: Rules → rows (a fresh Settings
 * tab, or `--rules` template) and rows → Rules (the tab as the supervisor left
 * it, or the CLI's CSV). Same layout everywhere: setting, value, amount, note.
 * Unknown or malformed settings are reported as problems, never ignored.
 */
import type { Language } from './types';
import { defaultRules, type AttributionWindow, type PayrollView, type Rules } from './rules';
import type { ConsultationCategory } from './types';
import { parseNumber, parseRate } from './values';
import { t, type MessageKey } from '../i18n';

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
    ['workload_thresholds', rules.workloadThresholds.join(';'), '', note('workload_thresholds')],
    ['inquiries_per_agent', String(rules.inquiriesPerAgent), '', note('inquiries_per_agent')],
    ['commission_rate', String(rules.commissionRate), '', note('commission_rate')],
    ...rules.conversionBonus.map((tier) => ['conversion_bonus', String(tier.threshold), String(tier.amount), note('conversion_bonus')]),
    ...rules.responseBonus.map((b) => ['response_bonus', String(b.maxSec), String(b.amount), note('response_bonus')]),
    ...Object.entries(rules.rewardPerItem).map(([reason, amount]) => ['reward_per_item', reason, String(amount), note('reward_per_item')]),
    ...rules.fineSchedule.map((step) => [
      'fine_schedule',
      String(step.nth),
      step.amount == null ? 'dismissal_review' : String(step.amount),
      note('fine_schedule'),
    ]),
    ['payroll_view', rules.payrollView, '', note('payroll_view')],
  ];
  return [SETTINGS_HEADER, ...rows];
}

type Setter = (rules: Rules, value: string, amount: string) => string | null;

function number(value: string, min = 0): number | string {
  const parsed = parseNumber(value);
  if (!parsed.ok || parsed.value == null) return `"${value}" is not a number`;
  if (parsed.value < min) return `${parsed.value} is below ${min}`;
  return parsed.value;
}
function optionalNumber(value: string): number | null | string {
  return value.trim() === '' ? null : number(value);
}
function rate(value: string): number | null | string {
  if (value.trim() === '') return null;
  const parsed = parseRate(value);
  if (!parsed.ok) return parsed.reason;
  return parsed.value;
}
/** Applies a parsed value, or returns the parse error. */
function apply<T>(parsed: T | string, set: (v: T) => void): string | null {
  if (typeof parsed === 'string') return parsed;
  set(parsed);
  return null;
}

/** One handler per setting name; list settings (tiers, schedules) collect every row. */
const SETTERS: Record<string, Setter> = {
  repeat_window_hours: (r, v) => apply(number(v), (n) => (r.repeatWindowHours = n)),
  attribution_window: (r, v) => {
    const w = v.trim().toLowerCase().replace(/^3_day$/, '3_days') as AttributionWindow;
    if (!WINDOWS.includes(w)) return `"${v}" is not one of ${WINDOWS.join(', ')}`;
    r.attributionWindow = w;
    return null;
  },
  excluded_categories: (r, v) => {
    const list = v.split(/[;,，；\s]+/).filter(Boolean).map((c) => c.trim().toLowerCase().replace('-', '_')) as ConsultationCategory[];
    const bad = list.find((c) => !CATEGORIES.includes(c));
    if (bad) return `"${bad}" is not one of ${CATEGORIES.join(', ')}`;
    r.excludedCategories = list;
    return null;
  },
  conversion_denominator: (r, v) => {
    const d = v.trim().toLowerCase();
    if (d !== 'inquiries' && d !== 'consultations') return `"${v}" is not inquiries or consultations`;
    r.conversionDenominator = d;
    return null;
  },
  unattributed_pool_rate: (r, v) => apply(rate(v), (n) => (r.unattributedPoolRate = n ?? 0)),
  min_inquiries_per_day: (r, v) => apply(number(v), (n) => (r.minInquiriesPerDay = n)),
  monthly_sales_target: (r, v) => apply(optionalNumber(v), (n) => (r.monthlySalesTarget = n)),
  daily_sales_target: (r, v) => apply(optionalNumber(v), (n) => (r.dailySalesTarget = n)),
  conversion_target: (r, v) => apply(rate(v), (n) => (r.conversionTarget = n)),
  first_response_target_sec: (r, v) => apply(number(v), (n) => (r.firstResponseTargetSec = n)),
  industry_conversion: (r, v) => apply(rate(v), (n) => (r.industryConversion = n)),
  low_response_rate: (r, v) => apply(rate(v), (n) => (r.lowResponseRate = n ?? 0)),
  workload_thresholds: (r, v) => {
    const parts = v.split(/[;,，；\s]+/).filter(Boolean).map(Number);
    if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || parts.some((n, i) => i > 0 && n <= parts[i - 1])) {
      return `"${v}" is not 4 ascending numbers`;
    }
    r.workloadThresholds = parts as [number, number, number, number];
    return null;
  },
  inquiries_per_agent: (r, v) => apply(number(v, 1), (n) => (r.inquiriesPerAgent = n)),
  commission_rate: (r, v) => apply(rate(v), (n) => (r.commissionRate = n ?? 0)),
  conversion_bonus: (r, v, a) => {
    const threshold = rate(v);
    const amount = number(a);
    if (typeof threshold === 'string' || threshold == null) return threshold ?? 'missing threshold';
    if (typeof amount === 'string') return amount;
    r.conversionBonus.push({ threshold, amount });
    return null;
  },
  response_bonus: (r, v, a) => {
    const maxSec = number(v);
    const amount = number(a);
    if (typeof maxSec === 'string') return maxSec;
    if (typeof amount === 'string') return amount;
    r.responseBonus.push({ maxSec, amount });
    return null;
  },
  reward_per_item: (r, v, a) => {
    const amount = number(a);
    if (v.trim() === '') return 'missing reason';
    if (typeof amount === 'string') return amount;
    r.rewardPerItem[v.trim()] = amount;
    return null;
  },
  payroll_view: (r, v) => {
    const view = v.trim().toLowerCase() as PayrollView;
    if (!VIEWS.includes(view)) return `"${v}" is not one of ${VIEWS.join(', ')}`;
    r.payrollView = view;
    return null;
  },
  fine_schedule: (r, v, a) => {
    const nth = number(v, 1);
    if (typeof nth === 'string') return nth;
    if (/^dismissal[_ ]?review$|^开除评估$|^辞退评估$/i.test(a.trim())) {
      r.fineSchedule.push({ nth, amount: null });
      return null;
    }
    const amount = number(a);
    if (typeof amount === 'string') return amount;
    r.fineSchedule.push({ nth, amount });
    return null;
  },
};

/** List settings (one row per tier or step): their first row in a table replaces the default list whole. */
const LIST_RESETS: Record<string, (rules: Rules) => void> = {
  conversion_bonus: (r) => (r.conversionBonus = []),
  response_bonus: (r) => (r.responseBonus = []),
  reward_per_item: (r) => (r.rewardPerItem = {}),
  fine_schedule: (r) => (r.fineSchedule = []),
};

/** Strips a `# remark` the way SPEC §7 writes its examples. */
const withoutRemark = (cell: string) => cell.replace(/\s+#.*$/, '').trim();

/**
 * Rules from a settings table (header optional). Settings not in the table
 * keep their defaults; a list setting (tiers, schedule) present in the table
 * replaces its default list whole.
 */
export function rulesFromTable(rows: string[][]): { rules: Rules; problems: SettingsProblem[] } {
  const rules = defaultRules();
  const problems: SettingsProblem[] = [];
  const listsSeen = new Set<string>();
  rows.forEach((cells, index) => {
    const setting = withoutRemark(String(cells[0] ?? '')).toLowerCase();
    if (setting === '' || setting.startsWith('#') || (index === 0 && setting === 'setting')) return;
    const setter = SETTERS[setting];
    if (!setter) {
      problems.push({ row: index + 1, setting, reason: 'unknown setting' });
      return;
    }
    if (setting in LIST_RESETS && !listsSeen.has(setting)) {
      listsSeen.add(setting);
      LIST_RESETS[setting](rules);
    }
    const reason = setter(rules, withoutRemark(String(cells[1] ?? '')), withoutRemark(String(cells[2] ?? '')));
    if (reason) problems.push({ row: index + 1, setting, reason });
  });
  rules.conversionBonus.sort((a, b) => a.threshold - b.threshold);
  rules.fineSchedule.sort((a, b) => a.nth - b.nth);
  return { rules, problems };
}
