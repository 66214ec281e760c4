/**
 * Reading one settings cell (SPEC §7) into a value of its setting's range,
 * or a problem for the supervisor: numbers, whole numbers and rates, each
 * checked against the range docs/decisions.md lists.
 */
import { parseNumber, parseRate, shortText } from './values';
import type { MessageKey } from '../i18n';

/** Inclusive bounds of a numeric setting. */
export interface Range {
  min: number;
  max: number;
}

/** Why a settings row was refused: an i18n key and its parameters, worded in the report's language later. */
export interface Problem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export const problem = (key: MessageKey, params?: Record<string, string | number>): Problem => ({ key, params });

/** Parsed values are numbers, null (blank) or a Problem. */
export const isProblem = (v: unknown): v is Problem => typeof v === 'object' && v !== null;

const MONEY: Range = { min: 0, max: 100_000 };
const FRACTION: Range = { min: 0, max: 1 };

/**
 * The values each numeric setting accepts (docs/decisions.md, settings
 * ranges): a value outside is refused with its row, and the default stays.
 * `.amount` is the amount column of a list setting.
 */
export const SETTING_RANGES: ReadonlyMap<string, Range> = new Map([
  ['repeat_window_hours', { min: 1, max: 168 }],
  ['unattributed_pool_rate', { min: 0, max: 0.2 }],
  ['min_inquiries_per_day', { min: 0, max: 1000 }],
  ['monthly_sales_target', { min: 0, max: 1_000_000_000 }],
  ['daily_sales_target', { min: 0, max: 100_000_000 }],
  ['conversion_target', FRACTION],
  ['first_response_target_sec', { min: 1, max: 3600 }],
  ['industry_conversion', FRACTION],
  ['low_response_rate', FRACTION],
  ['flag_min_inquiries', { min: 0, max: 1000 }],
  ['workload_thresholds', { min: 0, max: 10_000 }],
  ['inquiries_per_agent', { min: 1, max: 10_000 }],
  ['commission_rate', { min: 0, max: 0.2 }],
  ['conversion_bonus', FRACTION],
  ['conversion_bonus.amount', MONEY],
  ['response_bonus', { min: 1, max: 3600 }],
  ['response_bonus.amount', MONEY],
  ['reward_per_item.amount', MONEY],
  ['fine_schedule', { min: 1, max: 100 }],
  ['fine_schedule.amount', MONEY],
  ['night_allowance', MONEY],
  ['coaching_window_days', { min: 1, max: 31 }],
  ['coaching_min_inquiries', { min: 0, max: 10_000 }],
  ['coaching_margin', FRACTION],
]);

function rangeOf(name: string): Range {
  const range = SETTING_RANGES.get(name);
  if (!range) throw new Error(`no range for setting ${name}`);
  return range;
}

/** A problem when n is outside the setting's range, else null. */
function outside(n: number, name: string): Problem | null {
  const { min, max } = rangeOf(name);
  return n < min || n > max ? problem('settings.problem.outOfRange', { value: n, min, max }) : null;
}

/** A number of the setting's range. */
export function number(value: string, name: string): number | Problem {
  const parsed = parseNumber(value);
  if (!parsed.ok || parsed.value == null) return problem('settings.problem.notNumber', { value: shortText(value) });
  return outside(parsed.value, name) ?? parsed.value;
}

export function wholeNumber(value: string, name: string): number | Problem {
  const n = number(value, name);
  return typeof n === 'number' && !Number.isInteger(n) ? problem('settings.problem.notWhole', { value: n }) : n;
}

/** A number of the setting's range; blank = null. */
export function optionalNumber(value: string, name: string): number | null | Problem {
  return value.trim() === '' ? null : number(value, name);
}

/** A rate (`1%`, `0.01`) of the setting's range; blank = null. */
export function rate(value: string, name: string): number | null | Problem {
  if (value.trim() === '') return null;
  const parsed = parseRate(value);
  if (!parsed.ok) return problem('settings.problem.notRate', { value: shortText(value) });
  return parsed.value == null ? null : outside(parsed.value, name) ?? parsed.value;
}
