/**
 * The scorecard's rows as a fresh Settings tab or a `--rules` template writes
 * them (issue 12): the same syntax scorecardSettings.ts reads back.
 */
import type { KpiRule, ScorecardRules } from './scorecardRules';
import { kpiFormat } from './scorecardKpis';

/** The card's rows as a fresh Settings tab or a `--rules` template writes them. */
export function scorecardTable(card: ScorecardRules, note: (setting: string) => string): string[][] {
  const pct = (n: number) => `${Number((n * 100).toFixed(6))}%`;
  const figure = (kpi: string, n: number) => (kpiFormat(kpi) === 'percent' ? pct(n) : String(n));
  const scoring = (kpi: KpiRule): string => {
    const s = kpi.scoring;
    if (s.kind === 'direct') return 'direct';
    if (s.kind === 'percentile') return `percentile ${s.direction}`;
    if (s.kind === 'linear') return `linear ${figure(kpi.kpi, s.from.threshold)}:${s.from.points}; ${figure(kpi.kpi, s.to.threshold)}:${s.to.points}`;
    const op = s.direction === 'higher' ? '>=' : '<=';
    return [...s.tiers.map((tier) => `${op}${figure(kpi.kpi, tier.threshold)}:${tier.points}`), `else:${s.otherwise}`].join('; ');
  };
  return [
    ['scorecard', card.enabled ? 'on' : 'off', '', note('scorecard')],
    ...card.kpis.map((k) => ['scorecard_kpi', k.kpi, pct(k.weight), note('scorecard_kpi')]),
    ...card.kpis.map((k) => ['scorecard_score', k.kpi, scoring(k), note('scorecard_score')]),
    ...card.kpis.filter((k) => k.cap != null).map((k) => ['scorecard_cap', k.kpi, String(k.cap), note('scorecard_cap')]),
    ...card.grades.map((g) => ['scorecard_grade', g.minScore === 0 ? `else:${g.grade}` : `>=${g.minScore}:${g.grade}`, String(g.coefficient), note('scorecard_grade')]),
    ['scorecard_base_pay', String(card.basePay), '', note('scorecard_base_pay')],
    ['scorecard_pay', card.payBy, '', note('scorecard_pay')],
    ['scorecard_missing', card.missing, '', note('scorecard_missing')],
    ['scorecard_min_weight', pct(card.minWeight), '', note('scorecard_min_weight')],
    ...card.minSamples.map((m) => ['scorecard_min_sample', m.figure, String(m.minimum), note('scorecard_min_sample')]),
    ['scorecard_sales_target', card.salesTarget == null ? '' : String(card.salesTarget), '', note('scorecard_sales_target')],
    ['scorecard_working_days', card.workingDays == null ? '' : String(card.workingDays), '', note('scorecard_working_days')],
  ];
}
