/**
 * The KPIs a scorecard can use (issue 12 §2) and how each one's monthly
 * figure comes from an agent's month: every SPEC §2 metric, AOV against the
 * shop's, sales against target, attendance, satisfaction, fines and the
 * supervisor's manual scores.
 */
import type { AgentDay, Counts, StatedFigures } from './types';
import { buyersOf, deriveRatios, ratio, statedOver, sumCounts } from './metrics';
import { manualKpiName, type Direction, type SampleFigure } from './scorecardRules';

/** Everything an agent's figures of one month are computed from. */
export interface AgentMonth {
  days: readonly AgentDay[];
  attributedSales: number;
  fines: number;
  /** Manual scores of the month by KPI name (a later row of one name wins). */
  manual: ReadonlyMap<string, number>;
  /** The shop's AOV of the month; null when no shop data nor paid order gives one. */
  shopAov: number | null;
  /** The agent's sales target of the month; null = none set. */
  salesTarget: number | null;
  /** Working days of the month (the setting, or the days the shop has data). */
  workingDays: number;
}

/** How a figure is shown: the tab's number format and whether thresholds are rates (`55%`). */
export type KpiFormat = 'percent' | 'money' | 'seconds' | 'decimal2' | 'integer';

interface KpiDef {
  format: KpiFormat;
  /** The direction when the scoring names none (percentile). */
  direction: Direction;
  figure: (month: AgentMonth, counts: Counts, denominator: 'inquiries' | 'consultations') => number | null;
}

/**
 * A ratio the exporting tool may state (赤兔's 回复率 is not 接待 ÷ 咨询): its
 * stated figure over the month when every day with weight states it, as the
 * daily tab shows it, else SPEC §2's from summed counts.
 */
const statedOrCounted = (stated: keyof StatedFigures, weight: (c: Counts) => number | null, counted: (c: Counts, d: 'inquiries' | 'consultations') => number | null) =>
  (m: AgentMonth, c: Counts, d: 'inquiries' | 'consultations') => statedOver(m.days, stated, weight) ?? counted(c, d);

const count = (key: keyof Counts): KpiDef => ({ format: key === 'sales' || key === 'netSales' ? 'money' : 'integer', direction: 'higher', figure: (_m, c) => c[key] });

const satisfaction = (m: AgentMonth, c: Counts): number | null => {
  const rated = [c.verySatisfied, c.satisfied, c.neutral, c.dissatisfied, c.veryDissatisfied].reduce<number>((s, v) => s + (v ?? 0), 0);
  if (rated > 0) return ((c.verySatisfied ?? 0) + (c.satisfied ?? 0)) / rated;
  const weighted = statedOver(m.days.filter((d) => d.stated?.satisfactionRate !== undefined), 'satisfactionRate', (d) => d.receptions ?? d.consultations ?? 1);
  return weighted;
};

const KPIS: ReadonlyMap<string, KpiDef> = new Map<string, KpiDef>([
  ['consultations', count('consultations')],
  ['receptions', count('receptions')],
  ['excluded', count('excluded')],
  ['inquiries', count('inquiries')],
  ['placed', count('placed')],
  ['paid', count('paid')],
  ['sales', count('sales')],
  ['coupon_buyers', count('couponBuyers')],
  ['attributed_sales', { format: 'money', direction: 'higher', figure: (m) => m.attributedSales }],
  ['order_rate', { format: 'percent', direction: 'higher', figure: statedOrCounted('orderRate', (c) => c.inquiries, (c) => deriveRatios(c).orderRate) }],
  ['payment_rate', { format: 'percent', direction: 'higher', figure: statedOrCounted('paymentRate', (c) => c.placed, (c) => deriveRatios(c).paymentRate) }],
  ['inquiry_conversion', { format: 'percent', direction: 'higher', figure: statedOrCounted('inquiryConversion', (c) => c.inquiries, (c, d) => deriveRatios(c, d).inquiryConversion) }],
  ['aov', { format: 'money', direction: 'higher', figure: statedOrCounted('aov', buyersOf, (c) => deriveRatios(c).aov) }],
  ['items_per_buyer', { format: 'decimal2', direction: 'higher', figure: statedOrCounted('itemsPerBuyer', buyersOf, (c) => deriveRatios(c).itemsPerBuyer) }],
  ['response_rate', { format: 'percent', direction: 'higher', figure: statedOrCounted('responseRate', (c) => c.consultations, (c) => deriveRatios(c).responseRate) }],
  ['first_response_sec', { format: 'seconds', direction: 'lower', figure: (_m, c) => deriveRatios(c).firstResponseSec }],
  ['avg_response_sec', { format: 'seconds', direction: 'lower', figure: (_m, c) => deriveRatios(c).avgResponseSec }],
  ['qa_ratio', { format: 'decimal2', direction: 'higher', figure: (_m, c) => deriveRatios(c).qaRatio }],
  // 落实客单价: the agent's AOV against the whole shop's, silent orders included.
  ['aov_ratio', { format: 'decimal2', direction: 'higher', figure: (m, c) => ratio(ratio(c.sales, buyersOf(c)), m.shopAov) }],
  ['sales_target', { format: 'percent', direction: 'higher', figure: (m, c) => ratio(c.sales, m.salesTarget) }],
  ['attendance', { format: 'percent', direction: 'higher', figure: (m) => ratio(new Set(m.days.map((d) => d.date)).size, m.workingDays) }],
  ['satisfaction_rate', { format: 'percent', direction: 'higher', figure: satisfaction }],
  ['fines', { format: 'integer', direction: 'lower', figure: (m) => m.fines }],
]);

/** The catalogue's keys, for messages that list them. */
export const KPI_KEYS: readonly string[] = [...KPIS.keys()];

/**
 * The canonical key of a KPI as a supervisor writes it: `inquiry_conversion`,
 * `inquiryConversion`, `Inquiry conversion`, `manual:attitude`; null when unknown.
 */
export function kpiKeyOf(text: string): string | null {
  const trimmed = text.trim();
  const manual = /^(manual|手工|人工)\s*[:：]\s*(.+)$/i.exec(trimmed);
  if (manual) return `manual:${manual[2].trim()}`;
  const key = trimmed.replace(/([a-z])([A-Z])/g, '$1_$2').replace(/[\s-]+/g, '_').toLowerCase();
  return KPIS.has(key) ? key : null;
}

/** How a KPI's figure is shown and whether its thresholds are rates. */
export function kpiFormat(kpi: string): KpiFormat {
  return manualKpiName(kpi) != null ? 'decimal2' : KPIS.get(kpi)?.format ?? 'decimal2';
}

export function kpiDirection(kpi: string): Direction {
  return KPIS.get(kpi)?.direction ?? 'higher';
}

/** KPIs the team row shows as a mean per agent (counts, attendance, fines, manual scores) rather than a ratio of summed counts. */
export function perAgentKpi(kpi: string): boolean {
  const format = kpiFormat(kpi);
  return manualKpiName(kpi) != null || kpi === 'attendance' || format === 'integer' || kpi === 'sales' || kpi === 'attributed_sales';
}

/** An agent's figure of one KPI for the month; null = no data. */
export function kpiFigure(kpi: string, month: AgentMonth, denominator: 'inquiries' | 'consultations'): number | null {
  const manual = manualKpiName(kpi);
  if (manual != null) return month.manual.get(manual) ?? null;
  const def = KPIS.get(kpi);
  return def ? def.figure(month, sumCounts(month.days), denominator) : null;
}

/** The month's count behind a minimum sample. */
export function sampleOf(figure: SampleFigure, month: AgentMonth): number {
  if (figure === 'days') return new Set(month.days.map((d) => d.date)).size;
  return sumCounts(month.days)[figure] ?? 0;
}
