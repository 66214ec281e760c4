/**
 * Reading one settings cell (SPEC §7) into a value of its setting's range,
 * or a problem for the supervisor: numbers, whole numbers and rates, each
 * checked against the range its setting declares (core/settingDeclarations.ts).
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

/** Parsed values are numbers, null (blank), lists, maps or a Problem. */
export const isProblem = (v: unknown): v is Problem => typeof v === 'object' && v !== null && !Array.isArray(v) && 'key' in v;

/** A problem when n is outside the range, else null. */
function outside(n: number, { min, max }: Range): Problem | null {
  return n < min || n > max ? problem('settings.problem.outOfRange', { value: n, min, max }) : null;
}

/** A number of the range. */
export function number(value: string, range: Range): number | Problem {
  const parsed = parseNumber(value);
  if (!parsed.ok || parsed.value == null) return problem('settings.problem.notNumber', { value: shortText(value) });
  return outside(parsed.value, range) ?? parsed.value;
}

export function wholeNumber(value: string, range: Range): number | Problem {
  const n = number(value, range);
  return typeof n === 'number' && !Number.isInteger(n) ? problem('settings.problem.notWhole', { value: n }) : n;
}

/** A number of the range; blank = null. */
export function optionalNumber(value: string, range: Range): number | null | Problem {
  return value.trim() === '' ? null : number(value, range);
}

/** A rate (`1%`, `0.01`) of the range; blank = null. */
export function rate(value: string, range: Range): number | null | Problem {
  if (value.trim() === '') return null;
  const parsed = parseRate(value);
  if (!parsed.ok) return problem('settings.problem.notRate', { value: shortText(value) });
  return parsed.value == null ? null : outside(parsed.value, range) ?? parsed.value;
}
