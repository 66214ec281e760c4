/**
 * The payroll audit lines of an agent's scorecard (issue 12): one per KPI
 * (figure, tier, points, weight, weighted points), then the performance pay
 * itself, so "why is my performance pay X?" has an answer line by line.
 */
import { t, type Language, type MessageKey } from '../i18n';
import type { ScorecardRules } from './scorecardRules';
import type { ScoreRow } from './scorecard';
import { kpiFormat } from './scorecardKpis';
import { manualKpiName } from './scorecardRules';

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

/** A KPI's name in the report's language (a manual KPI keeps the supervisor's own name). */
export function kpiLabel(lang: Language, kpi: string): string {
  return manualKpiName(kpi) ?? t(lang, `scorecard.kpi.${kpi}` as MessageKey);
}

/** The tier (scorecard.ts writes it as `≥ 0.55`, `else`, `linear 0.9→1.1`, `percentile 2/4`) in words, thresholds as the figure prints. */
function tierText(kpi: string, tier: string, say: Say): string {
  const edge = /^([≥≤]) (\S+)$/.exec(tier);
  if (edge) return `${edge[1]} ${figureText(kpi, Number(edge[2]))}`;
  const linear = /^linear (\S+)→(\S+)$/.exec(tier);
  if (linear) return say('scorecard.tier.linear', { from: figureText(kpi, Number(linear[1])), to: figureText(kpi, Number(linear[2])) });
  const percentile = /^percentile (\d+)\/(\d+)$/.exec(tier);
  if (percentile) return say('scorecard.tier.percentile', { beaten: percentile[1], others: percentile[2] });
  return tier === 'direct' ? say('scorecard.tier.direct') : say('scorecard.tier.else');
}

export function scorecardLines(row: ScoreRow, card: ScorecardRules, lang: Language): ScorecardLine[] {
  const say: Say = (key, params) => t(lang, key, params);
  if (row.score == null) {
    const reason = say(`scorecard.notScored.${row.notScored ?? 'no_data'}` as MessageKey, { detail: row.shortOf });
    return [{ item: 'performance_pay', rule: say('scorecard.audit.card'), figure: say('scorecard.audit.notScored', { reason }), amount: 0 }];
  }
  const counted = row.kpis.filter((k) => k.points != null).reduce((s, k) => s + k.weight, 0);
  const lines: ScorecardLine[] = row.kpis.map((k) => {
    const rule = say('scorecard.audit.rule', { kpi: kpiLabel(lang, k.kpi), weight: `${trim(k.weight * 100, 4)}%` });
    if (k.points == null) return { item: 'performance_kpi', rule, figure: say('scorecard.audit.noDataExcluded'), amount: 0 };
    // With KPIs left out, the weight that counts is rescaled so the weights still add up to 100 %.
    const weight = `${trim((k.weight / counted) * 100, 4)}%`;
    if (k.figure == null) return { item: 'performance_kpi', rule, figure: say('scorecard.audit.noDataZero', { weight }), amount: 0 };
    const figure = figureText(k.kpi, k.figure);
    const weighted = trim((k.points * k.weight) / counted);
    return { item: 'performance_kpi', rule, figure: say('scorecard.audit.kpi', { figure, tier: tierText(k.kpi, k.tier, say), points: trim(k.points), weight, weighted }), amount: 0 };
  });
  const factor = card.payBy === 'score' ? `${trim(row.score)} ÷ 100` : String(row.coefficient ?? 0);
  const rule = say(card.payBy === 'score' ? 'scorecard.audit.byScore' : 'scorecard.audit.byGrade');
  lines.push({ item: 'performance_pay', rule, figure: say('scorecard.audit.pay', { score: trim(row.score), grade: row.grade ?? '', base: row.basePay.toFixed(2), factor }), amount: row.performancePay });
  return lines;
}
