/**
 * 客服排名 (SPEC §6.2): agents ranked by inquiry conversion over a day, ISO
 * week or month, among those with at least the minimum inquiries (the daily
 * minimum × the period's days with data). Ties go to more paid buyers, then
 * more sales; still equal = the same rank. Under-minimum agents follow, unranked.
 */
import type { Counts, Ratios } from '../core/types';
import type { CsvTable, SpecValue, TabSpec } from './types';
import { deriveRatios } from '../core/metrics';
import { agentTotals, daysWithData, previousPeriod, teamTotals, type Period } from '../core/periods';
import { t, type MessageKey } from '../i18n';
import type { ReportData } from './data';
import { addTitle, COLOURS, emptyTab, setWidths, tableBlock, type Column } from './layout';
import { csvCount, csvMoney, csvNumber, csvRate, percentText } from './format';

export interface RankingRow {
  rank: number | null;
  agent: string;
  agentId: string;
  counts: Counts;
  ratios: Ratios;
  gapToTeam: number | null;
  /** Places gained since the previous period (positive = up); null when unranked in either. */
  rankChange: number | null;
}

export interface Ranking {
  period: Period;
  minimum: number;
  team: Ratios;
  rows: RankingRow[];
  /** Days of the period whose figures are not final yet: the ranking may still change. */
  provisionalDays: string[];
}

/** Orders agents for ranking: C descending, then paid, then sales. */
function compare(a: { ratios: Ratios; counts: Counts }, b: { ratios: Ratios; counts: Counts }): number {
  return (
    (b.ratios.inquiryConversion ?? -1) - (a.ratios.inquiryConversion ?? -1) ||
    (b.counts.paid ?? 0) - (a.counts.paid ?? 0) ||
    (b.counts.sales ?? 0) - (a.counts.sales ?? 0)
  );
}

/** Rank per agent within a period (competition ranking: 1, 1, 3). */
function ranks(data: ReportData, period: Period): { ranks: Map<string, number>; minimum: number } {
  const { rules } = data.input;
  const minimum = rules.minInquiriesPerDay * daysWithData(data.agentDays, period);
  const eligible = agentTotals(data.agentDays, period)
    .map((a) => ({ agent: a.agent, counts: a.counts, ratios: deriveRatios(a.counts, rules.conversionDenominator) }))
    .filter((a) => (a.counts.inquiries ?? 0) >= minimum && a.ratios.inquiryConversion != null)
    .sort((a, b) => compare(a, b) || (a.agent < b.agent ? -1 : 1));
  const result = new Map<string, number>();
  eligible.forEach((a, i) => {
    const tiedWithPrevious = i > 0 && compare(eligible[i - 1], a) === 0;
    result.set(a.agent, tiedWithPrevious ? result.get(eligible[i - 1].agent)! : i + 1);
  });
  return { ranks: result, minimum };
}

export function computeRanking(data: ReportData, period: Period): Ranking {
  const { rules } = data.input;
  const { ranks: current, minimum } = ranks(data, period);
  const { ranks: previous } = ranks(data, previousPeriod(period));
  const team = deriveRatios(teamTotals(data.agentDays, period), rules.conversionDenominator);
  const rows = agentTotals(data.agentDays, period).map((a): RankingRow => {
    const ratios = deriveRatios(a.counts, rules.conversionDenominator);
    const rank = current.get(a.agent) ?? null;
    const before = previous.get(a.agent) ?? null;
    return {
      rank,
      agent: a.agent,
      agentId: data.agentsByName.get(a.agent)?.id ?? '',
      counts: a.counts,
      ratios,
      gapToTeam: ratios.inquiryConversion == null || team.inquiryConversion == null ? null : ratios.inquiryConversion - team.inquiryConversion,
      rankChange: rank == null || before == null ? null : before - rank,
    };
  });
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || compare(a, b) || (a.agent < b.agent ? -1 : 1));
  const provisionalDays = [...data.finality.provisional.keys()].filter((d) => d >= period.first && d <= period.last).sort();
  return { period, minimum, team, rows, provisionalDays };
}

const COLUMNS: [MessageKey, Column['format']][] = [
  ['col.rank', 'integer'], ['col.agent', 'text'], ['col.agentId', 'text'], ['col.inquiries', 'integer'], ['col.placed', 'integer'],
  ['col.paid', 'integer'], ['col.inquiryConversion', 'percent'], ['col.sales', 'money'], ['col.aov', 'money'],
  ['col.firstResponseSec', 'decimal1'], ['col.gapToTeam', 'percent'], ['col.rankChange', 'integer'],
];

export function rankingCsv(data: ReportData, ranking: Ranking): CsvTable {
  return {
    fileName: 'ranking.csv',
    header: COLUMNS.map(([k]) => t(data.input.language, k)),
    rows: ranking.rows.map((r) => [
      csvCount(r.rank), r.agent, r.agentId, csvCount(r.counts.inquiries), csvCount(r.counts.placed), csvCount(r.counts.paid),
      csvRate(r.ratios.inquiryConversion), csvMoney(r.counts.sales), csvMoney(r.ratios.aov), csvNumber(r.ratios.firstResponseSec),
      csvRate(r.gapToTeam), csvCount(r.rankChange),
    ]),
  };
}

export function rankingTab(data: ReportData, ranking: Ranking): TabSpec {
  const lang = data.input.language;
  const tab = emptyTab('ranking', t(lang, 'tab.ranking'));
  const columns: Column[] = COLUMNS.map(([k, format]) => ({ header: t(lang, k), format, widthPx: k === 'col.agent' ? 150 : 92 }));
  const provisional = ranking.provisionalDays.length > 0;
  addTitle(tab, 0, t(lang, provisional ? 'ranking.titleProvisional' : 'ranking.title', { period: ranking.period.label }), columns.length);
  if (provisional) tab.blocks.push({ row: 2, col: 0, values: [[t(lang, 'ranking.provisionalNote', { days: ranking.provisionalDays.join(', ') })]], style: { italic: true, color: COLOURS.down } });
  tab.blocks.push({
    row: 1,
    col: 0,
    values: [[`${t(lang, 'ranking.minimum', { minimum: ranking.minimum })} · ${t(lang, 'ranking.team', { value: percentText(ranking.team.inquiryConversion) })}`]],
    style: { italic: true, color: COLOURS.muted },
  });
  const cellStyles: NonNullable<TabSpec['blocks'][number]['cellStyles']> = [];
  const rows: SpecValue[][] = ranking.rows.map((r, i) => {
    if (r.rank == null) cellStyles.push({ row: i + 1, col: 0, style: { background: '#EEEEEE' } }, { row: i + 1, col: 1, style: { color: COLOURS.muted } });
    if (r.gapToTeam != null) cellStyles.push({ row: i + 1, col: 10, style: { format: 'percent', color: r.gapToTeam >= 0 ? COLOURS.up : COLOURS.down } });
    if (r.rankChange) cellStyles.push({ row: i + 1, col: 11, style: { format: 'integer', color: r.rankChange > 0 ? COLOURS.up : COLOURS.down } });
    return [
      r.rank, r.agent, r.agentId, r.counts.inquiries, r.counts.placed, r.counts.paid, r.ratios.inquiryConversion, r.counts.sales,
      r.ratios.aov, r.ratios.firstResponseSec, r.gapToTeam, r.rankChange,
    ];
  });
  tab.blocks.push(tableBlock(3, 0, columns, rows, cellStyles));
  tab.frozenRows = 4;
  setWidths(tab, columns);
  return tab;
}
