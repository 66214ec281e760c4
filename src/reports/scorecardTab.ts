/**
 * 绩效考核表 tab and scorecard.csv (issue 12): one row per agent with each
 * KPI's figure and points, the weighted score, grade and coefficient; rows
 * coloured by grade, a team average row under them (tab only, like payroll's
 * total), and a note per agent who is not scored.
 */
import type { CsvTable, NumberFormat, SpecValue, TabSpec } from './types';
import type { Scorecard, ScoreRow } from '../core/scorecard';
import { kpiFormat } from '../core/scorecardKpis';
import { kpiLabel } from '../core/scorecardAudit';
import { t, type Language, type MessageKey } from '../i18n';
import type { ReportData } from './data';
import { addTitle, COLOURS, emptyTab, fitRowHeights, setWidths, tableBlock, type Column } from './layout';
import { csvCount, csvMoney, csvNumber, csvRate, moneyText } from './format';
import { finalNote } from './finalNote';

const TAB_FORMATS: Record<ReturnType<typeof kpiFormat>, NumberFormat> = { percent: 'percent', money: 'money', seconds: 'seconds', decimal2: 'decimal2', integer: 'integer' };
function csvFigure(kpi: string, figure: number | null): SpecValue {
  if (figure == null) return '';
  const format = kpiFormat(kpi);
  return format === 'money' ? csvMoney(figure) : format === 'percent' ? csvRate(figure) : format === 'integer' ? csvCount(figure) : csvNumber(figure);
}

function headers(lang: Language, card: Scorecard['card']): string[] {
  return [
    t(lang, 'col.agent'),
    t(lang, 'col.agentId'),
    ...card.kpis.flatMap((k) => [t(lang, 'scorecard.col.figure', { kpi: kpiLabel(lang, k.kpi) }), t(lang, 'scorecard.col.points', { kpi: kpiLabel(lang, k.kpi) })]),
    t(lang, 'col.weightedScore'),
    t(lang, 'col.grade'),
    t(lang, 'col.coefficient'),
  ];
}

export function scorecardCsv(data: ReportData, scorecard: Scorecard): CsvTable {
  const lang = data.input.language;
  return {
    fileName: 'scorecard.csv',
    header: [...headers(lang, scorecard.card), t(lang, 'col.month'), t(lang, 'col.scorecardState')],
    rows: scorecard.rows.map((r) => [
      r.agent,
      r.agentId,
      ...r.kpis.flatMap((k) => [csvFigure(k.kpi, k.figure), csvNumber(k.points)]),
      csvNumber(r.score),
      r.grade ?? '',
      csvNumber(r.coefficient),
      scorecard.month,
      t(lang, scorecard.card.enabled ? 'csv.scorecard.on' : 'csv.scorecard.off'),
    ]),
  };
}

/** Why an agent has no score, or which KPIs were left out for lack of data. */
function noteOf(lang: Language, row: ScoreRow): string {
  if (row.notScored) return t(lang, `scorecard.notScored.${row.notScored}` as MessageKey, { detail: row.shortOf });
  const left = row.kpis.filter((k) => k.points == null).map((k) => kpiLabel(lang, k.kpi));
  return left.length > 0 ? t(lang, 'scorecard.excluded', { kpis: left.join(lang === 'zh' ? '、' : ', ') }) : '';
}

/** Best grade green, worst red, the ones between amber. */
function gradeColour(scorecard: Scorecard, grade: string | null): string | null {
  const grades = scorecard.card.grades;
  if (grade == null || grades.length < 2) return null;
  const index = grades.findIndex((g) => g.grade === grade);
  return index === 0 ? COLOURS.good : index === grades.length - 1 ? COLOURS.bad : COLOURS.warn;
}

export function scorecardTab(data: ReportData, scorecard: Scorecard): TabSpec {
  const lang = data.input.language;
  const tab = emptyTab('scorecard', t(lang, 'tab.scorecard'));
  const kpis = scorecard.card.kpis;
  const columns: Column[] = headers(lang, scorecard.card).map((header, i): Column => {
    if (i === 0) return { header, format: 'text', widthPx: 150 };
    if (i === 1) return { header, format: 'text' };
    const k = Math.floor((i - 2) / 2);
    if (k < kpis.length) return { header, format: (i - 2) % 2 === 0 ? TAB_FORMATS[kpiFormat(kpis[k].kpi)] : 'decimal1', widthPx: 90 };
    return { header, format: header === t(lang, 'col.grade') ? 'text' : 'decimal2', widthPx: 80 };
  });
  columns.push({ header: t(lang, 'col.performancePay'), format: 'money', widthPx: 100 }, { header: t(lang, 'col.note'), format: 'text', widthPx: 260 });
  addTitle(tab, 0, t(lang, 'scorecard.title', { month: scorecard.month }), columns.length);
  const intro = [finalNote(data, scorecard.month), scorecard.card.enabled ? '' : t(lang, 'scorecard.off'), scorecard.shopAov == null ? '' : t(lang, 'scorecard.shopAov', { aov: moneyText(scorecard.shopAov) })]
    .filter(Boolean)
    .join(' ');
  if (intro) tab.blocks.push({ row: 1, col: 0, values: [[intro]], style: { italic: true, color: COLOURS.muted } });

  const cellStyles: NonNullable<TabSpec['blocks'][number]['cellStyles']> = [];
  const rows: SpecValue[][] = scorecard.rows.map((r, i) => {
    const colour = gradeColour(scorecard, r.grade);
    if (colour) for (let col = 0; col < columns.length - 1; col++) cellStyles.push({ row: i + 1, col, style: { background: colour } });
    if (r.notScored) cellStyles.push({ row: i + 1, col: 0, style: { color: COLOURS.muted } });
    return [r.agent, r.agentId, ...r.kpis.flatMap((k) => [k.figure, k.points]), r.score, r.grade ?? '', r.coefficient, r.performancePay, noteOf(lang, r)];
  });
  const team = scorecard.team;
  rows.push([t(lang, 'scorecard.teamAverage'), '', ...kpis.flatMap((_k, j) => [team.figures[j], team.points[j]]), team.score, '', null, null, '']);
  cellStyles.push(...columns.map((_c, col) => ({ row: rows.length, col, style: { bold: true, background: COLOURS.header } })));
  tab.blocks.push(tableBlock(2, 0, columns, rows, cellStyles));
  tab.frozenRows = 3;
  tab.frozenCols = 1;
  setWidths(tab, columns);
  // Each KPI's name wraps above "figure"/"points" in its header: the row is as tall as the longest, so no name is cut off.
  fitRowHeights(tab, 2, columns, rows);
  return tab;
}
