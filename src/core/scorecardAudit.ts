/**
 * The payroll audit lines of an agent's scorecard (issue 12): one per KPI
 * (figure, tier, points, weight, weighted points), then the performance pay
 * itself, so "why is my performance pay X?" has an answer line by line.
 */
import type { MessageKey } from '../i18n';
import type { ScorecardRules } from './scorecardRules';
import type { ScoreRow } from './scorecard';
import { kpiFormat } from './scorecardKpis';

export interface ScorecardLine {
  item: 'performance_kpi' | 'performance_pay';
  rule: string;
  figure: string;
  amount: number;
}

type Say = (key: MessageKey, params?: Record<string, string | number>) => string;

const trim = (n: number, digits = 2) => String(Number(n.toFixed(digits)));
/** A KPI's figure as the audit prints it: rates as percentages. */
export function figureText(kpi: string, figure: number): string {
  const format = kpiFormat(kpi);
  if (format === 'percent') return `${(figure * 100).toFixed(2)}%`;
  if (format === 'money') return figure.toFixed(2);
  return trim(figure, 4);
}

/** The tier as the audit prints it: thresholds of rate KPIs as percentages. */
function tierText(kpi: string, tier: string): string {
  const m = /^([≥≤]) (-?[\d.e+-]+)$/.exec(tier);
  return m ? `${m[1]} ${figureText(kpi, Number(m[2]))}` : tier;
}

export function scorecardLines(row: ScoreRow, card: ScorecardRules, say: Say): ScorecardLine[] {
  if (row.score == null) {
    const reason = say(`scorecard.notScored.${row.notScored ?? 'no_data'}` as MessageKey, { detail: row.shortOf });
    return [{ item: 'performance_pay', rule: 'scorecard', figure: say('scorecard.audit.notScored', { reason }), amount: 0 }];
  }
  const counted = row.kpis.filter((k) => k.points != null).reduce((s, k) => s + k.weight, 0);
  const lines: ScorecardLine[] = row.kpis.map((k) => {
    const rule = `${k.kpi} ${trim(k.weight * 100, 4)}%`;
    if (k.points == null) return { item: 'performance_kpi', rule, figure: say('scorecard.audit.noData', { missing: card.missing }), amount: 0 };
    // With KPIs left out, the weight that counts is rescaled so the weights still add up to 100 %.
    const weight = k.weight / counted;
    const figure = k.figure == null ? say('scorecard.audit.noData', { missing: card.missing }) : figureText(k.kpi, k.figure);
    return {
      item: 'performance_kpi',
      rule,
      figure: say('scorecard.audit.kpi', { figure, tier: tierText(k.kpi, k.tier), points: trim(k.points), weight: `${trim(weight * 100, 4)}%`, weighted: trim(k.points * weight) }),
      amount: 0,
    };
  });
  const factor = card.payBy === 'score' ? `${trim(row.score)} ÷ 100` : String(row.coefficient ?? 0);
  const rule = card.enabled ? `scorecard_pay ${card.payBy}` : 'scorecard off';
  lines.push({ item: 'performance_pay', rule, figure: say('scorecard.audit.pay', { score: trim(row.score), grade: row.grade ?? '', base: row.basePay.toFixed(2), factor }), amount: row.performancePay });
  return lines;
}
