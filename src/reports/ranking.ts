/**
 * 客服排名 (SPEC §6.2): agents ranked by inquiry conversion over a day, ISO
 * week or month, among those with at least the minimum inquiries (the daily
 * minimum × the period's days with data). Ties go to more paid buyers, then
 * more sales; still equal = the same rank. Under-minimum agents follow,
 * unranked, each with its reason on the row.
 */
import type { Counts, Ratios } from '../core/types';
import type { Block, CsvTable, SpecValue, TabSpec } from './types';
import { deriveRatios } from '../core/metrics';
import { inquiryMinimum } from '../core/inquiryMinimum';
import { agentTotals, previousPeriod, teamTotals, type Period } from '../core/periods';
import { t, type Language, type MessageKey } from '../i18n';
import type { ReportData } from './data';
import { addIntro, addTitle, COLOURS, emptyTab, fitRowHeights, setWidths, tableBlock, type Column } from './layout';
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
  /** Why the agent has no rank: too few inquiries, or no inquiry figures yet (blank 询单, figures counted later). */
  unranked: 'under_minimum' | 'no_data' | null;
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
  const { minimum } = inquiryMinimum(rules, data.agentDays, period.first, period.last);
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
      unranked: rank != null ? null : ratios.inquiryConversion == null ? 'no_data' : 'under_minimum',
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
    header: [...COLUMNS.map(([k]) => t(data.input.language, k)), t(data.input.language, 'col.period')],
    rows: ranking.rows.map((r) => [
      csvCount(r.rank), r.agent, r.agentId, csvCount(r.counts.inquiries), csvCount(r.counts.placed), csvCount(r.counts.paid),
      csvRate(r.ratios.inquiryConversion), csvMoney(r.counts.sales), csvMoney(r.ratios.aov), csvNumber(r.ratios.firstResponseSec),
      csvRate(r.gapToTeam), csvCount(r.rankChange), ranking.period.label,
    ]),
  };
}

/** The period as the title shows it: a day as itself, a week or month with its dates. */
export function periodText(period: Period, lang: Language): string {
  if (period.first === period.last) return period.label;
  return t(lang, 'ranking.period', { label: period.label, first: period.first, last: period.last });
}

/** The Note of an unranked row: its inquiries against the minimum, or that no figures came in. */
function unrankedNote(row: RankingRow, minimum: number, lang: Language): string {
  if (row.unranked === 'no_data') return t(lang, 'ranking.unranked.noData');
  if (row.unranked === 'under_minimum') return t(lang, 'ranking.unranked.underMinimum', { inquiries: row.counts.inquiries ?? 0, minimum });
  return '';
}

/** The tab's columns: the CSV's, with the gap in percentage points and a Note for the unranked. */
function tabColumns(lang: Language): Column[] {
  const widths: Partial<Record<MessageKey, number>> = { 'col.rank': 48, 'col.agent': 120, 'col.sales': 96, 'col.placed': 64, 'col.paid': 64, 'col.rankChange': 72 };
  const columns = COLUMNS.map(([k, format]): Column => {
    if (k === 'col.gapToTeam') return { header: t(lang, 'ranking.gapPoints'), format: 'points', widthPx: 96 };
    // Centred, the rank keeps clear of the name beside it.
    if (k === 'col.rank') return { header: t(lang, k), format, widthPx: widths[k], align: 'center' };
    return { header: t(lang, k), format, widthPx: widths[k] ?? (format === 'text' ? 64 : 84) };
  });
  return [...columns, { header: t(lang, 'ranking.note'), format: 'text', widthPx: 220, wrap: true }];
}

export function rankingTab(data: ReportData, ranking: Ranking): TabSpec {
  const lang = data.input.language;
  const tab = emptyTab('ranking', t(lang, 'tab.ranking'));
  const columns = tabColumns(lang);
  const col = (key: MessageKey) => COLUMNS.findIndex(([k]) => k === key);
  const provisional = ranking.provisionalDays.length > 0;
  const period = periodText(ranking.period, lang);
  addTitle(tab, 0, t(lang, provisional ? 'ranking.titleProvisional' : 'ranking.title', { period }), columns.length);
  const muted = { italic: true, color: COLOURS.muted };
  setWidths(tab, columns);
  addIntro(tab, 1, `${t(lang, 'ranking.minimum', { minimum: ranking.minimum })} · ${t(lang, 'ranking.team', { value: percentText(ranking.team.inquiryConversion) })}`, columns.length);
  addIntro(tab, 2, t(lang, 'ranking.legend'), columns.length);
  if (provisional) addIntro(tab, 3, t(lang, 'ranking.provisionalNote', { days: ranking.provisionalDays.join(', ') }), columns.length, { italic: true, color: COLOURS.down });
  const headerRow = provisional ? 4 : 3;
  const cellStyles: NonNullable<Block['cellStyles']> = [];
  const rows: SpecValue[][] = ranking.rows.map((r, i) => {
    // Grey marks the unranked, whose Note says why.
    if (r.rank == null) cellStyles.push({ row: i + 1, col: col('col.agent'), style: { color: COLOURS.muted } }, { row: i + 1, col: columns.length - 1, style: muted });
    if (r.gapToTeam != null) cellStyles.push({ row: i + 1, col: col('col.gapToTeam'), style: { color: r.gapToTeam >= 0 ? COLOURS.up : COLOURS.down } });
    if (r.rankChange) cellStyles.push({ row: i + 1, col: col('col.rankChange'), style: { color: r.rankChange > 0 ? COLOURS.up : COLOURS.down } });
    return [
      r.rank, r.agent, r.agentId, r.counts.inquiries, r.counts.placed, r.counts.paid, r.ratios.inquiryConversion, r.counts.sales,
      r.ratios.aov, r.ratios.firstResponseSec, r.gapToTeam == null ? null : r.gapToTeam * 100, r.rankChange, unrankedNote(r, ranking.minimum, lang),
    ];
  });
  tab.blocks.push(tableBlock(headerRow, 0, columns, rows, cellStyles));
  fitRowHeights(tab, headerRow, columns, rows);
  tab.frozenRows = headerRow + 1;
  setWidths(tab, columns);
  return tab;
}
