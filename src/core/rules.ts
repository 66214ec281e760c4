/**
 * The rules a supervisor sets (SPEC §7): data rules, targets and pay rules.
 * One value of this type is what the Settings tab and the CLI's `--rules` CSV
 * both become. Its fields and defaults are declared once, row by row, in
 * core/settingDeclarations.ts.
 */
import { defaultScorecard, type ScorecardRules } from './scorecardRules';
import { SETTINGS, type SettingValues } from './settingDeclarations';

/** Shown, labelled as a default, while the supervisor has set no conversion target. */
export const DEFAULT_CONVERSION_TARGET = 0.5;
/** SPEC §3's inquiries per agent per day, used (labelled as a default) while the supervisor has set none. */
export const DEFAULT_INQUIRIES_PER_AGENT = 100;

export { DEFAULT_WORKLOAD_THRESHOLDS, type BonusTier, type FineStep, type ResponseBonus } from './settingDeclarations';

/** 归属窗口 — how long after an inquiry's day its buyer's order still counts. */
export type AttributionWindow = Rules['attributionWindow'];
export type ConversionDenominator = Rules['conversionDenominator'];
/** How the payroll tab shows the same money (SPEC §1.3); the total never changes. */
export type PayrollView = Rules['payrollView'];

export interface Rules extends SettingValues {
  /** 绩效考核表: KPI scorecard and performance pay (off by default). */
  scorecard: ScorecardRules;
}

/** A copy sharing nothing mutable with the original (defaults are lists, maps and plain records). */
function copyOf<T>(value: T): T {
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [copyOf(k), copyOf(v)])) as T;
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyOf(v)])) as T;
  return value;
}

/** The defaults SPEC §7 lists; a fresh Settings tab is written from these. */
export function defaultRules(): Rules {
  const values: Record<string, unknown> = {};
  for (const setting of SETTINGS) values[setting.field] = copyOf(setting.default);
  return { ...(values as SettingValues), scorecard: defaultScorecard() };
}
