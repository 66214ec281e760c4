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
import { addIntro, addTitle, COLOURS, emptyTab, fitRowHeights, LINE_PX, setWidths, tableBlock, textWidthPx, wrappedLines, type Column } from './layout';
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
    header: [...headers(lang, scorecard.card), t(lang, 'col.month'), t(lang, 'col.scorecardState'), t(lang, 'col.note')],
    rows: scorecard.rows.map((r) => [
      r.agent,
      r.agentId,
      ...r.kpis.flatMap((k) => [csvFigure(k.kpi, k.figure), csvNumber(k.points)]),
      csvNumber(r.score),
      r.grade ?? '',
      csvNumber(r.coefficient),
      scorecard.month,
      t(lang, scorecard.card.enabled ? 'csv.scorecard.on' : 'csv.scorecard.off'),
      noteOf(lang, r),
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

/** Figure columns as wide as their format's longest figure; the KPI name spans the pair above them. */
const FIGURE_PX: Partial<Record<NumberFormat, number>> = { percent: 64, money: 84 };
const POINTS_PX = 50;
const NOTE_PX = 200;

/**
 * The tab: title, the intro wrapped across the table, a header row with each
 * KPI's name merged above its figure/points pair (the other headers merged
 * down both header rows), one row per agent and the team average. Narrow
 * columns and a wrapped note keep it one A4 page wide.
 */
export function scorecardTab(data: ReportData, scorecard: Scorecard): TabSpec {
  const lang = data.input.language;
  const tab = emptyTab('scorecard', t(lang, 'tab.scorecard'));
  const kpis = scorecard.card.kpis;
  const figure = t(lang, 'scorecard.sub.figure');
  const points = t(lang, 'scorecard.sub.points');
  const columns: Column[] = [
    { header: '', format: 'text', widthPx: 90 },
    { header: '', format: 'text', widthPx: 50 },
    ...kpis.flatMap((k): Column[] => {
      const format = TAB_FORMATS[kpiFormat(k.kpi)];
      return [
        { header: figure, format, widthPx: FIGURE_PX[format] ?? 56 },
        { header: points, format: 'decimal1', widthPx: POINTS_PX },
      ];
    }),
    { header: '', format: 'decimal2', widthPx: 64 },
    { header: '', format: 'text', widthPx: 48, align: 'center' },
    { header: '', format: 'decimal2', widthPx: 56 },
    { header: '', format: 'money', widthPx: 84 },
    { header: '', format: 'text', widthPx: NOTE_PX, wrap: true },
  ];
  const width = columns.length;
  addTitle(tab, 0, t(lang, 'scorecard.title', { month: scorecard.month }), width);
  const intro = [finalNote(data, scorecard.month), scorecard.card.enabled ? '' : t(lang, 'scorecard.off'), scorecard.shopAov == null ? '' : t(lang, 'scorecard.shopAov', { aov: moneyText(scorecard.shopAov) })]
    .filter(Boolean)
    .join(' ');

  // Row 2: each KPI's name over its pair; the single headers span rows 2–3.
  const single = (col: number, header: string) => {
    tab.merges.push({ row: 2, col, rows: 2, cols: 1 });
    return header;
  };
  const kpiRow: SpecValue[] = [single(0, t(lang, 'col.agent')), single(1, t(lang, 'col.agentId'))];
  kpis.forEach((k, j) => {
    kpiRow.push(kpiLabel(lang, k.kpi), '');
    tab.merges.push({ row: 2, col: 2 + 2 * j, rows: 1, cols: 2 });
  });
  const after = 2 + 2 * kpis.length;
  kpiRow.push(single(after, t(lang, 'col.weightedScore')), single(after + 1, t(lang, 'col.grade')), single(after + 2, t(lang, 'col.coefficient')), single(after + 3, t(lang, 'col.performancePay')), single(after + 4, t(lang, 'col.note')));
  const headerStyle = { bold: true, background: COLOURS.header, wrap: true, format: 'text' } as const;
  tab.blocks.push({
    row: 2,
    col: 0,
    values: [kpiRow],
    style: headerStyle,
    columnStyles: columns.map((c, i) => (i >= 2 && i < after ? { align: 'center' } : c.align ? { align: c.align } : c.format && c.format !== 'text' ? { align: 'right' } : null)),
  });

  const cellStyles: NonNullable<TabSpec['blocks'][number]['cellStyles']> = [];
  const rows: SpecValue[][] = scorecard.rows.map((r, i) => {
    const colour = gradeColour(scorecard, r.grade);
    if (colour) for (let col = 0; col < width - 1; col++) cellStyles.push({ row: i + 1, col, style: { background: colour } });
    if (r.notScored) cellStyles.push({ row: i + 1, col: 0, style: { color: COLOURS.muted } });
    return [r.agent, r.agentId, ...r.kpis.flatMap((k) => [k.figure, k.points]), r.score, r.grade ?? '', r.coefficient, r.performancePay, noteOf(lang, r)];
  });
  const team = scorecard.team;
  rows.push([t(lang, 'scorecard.teamAverage'), '', ...kpis.flatMap((_k, j) => [team.figures[j], team.points[j]]), team.score, '', null, null, '']);
  cellStyles.push(...columns.map((_c, col) => ({ row: rows.length, col, style: { bold: true, background: COLOURS.header } })));
  tab.blocks.push(tableBlock(3, 0, columns, rows, cellStyles));
  tab.frozenRows = 4;
  tab.frozenCols = 1;
  // A header word never breaks inside: a column is at least as wide as its header's longest word.
  kpiRow.forEach((h, i) => {
    const words = String(h || columns[i].header).split(/\s+/);
    columns[i].widthPx = Math.max(columns[i].widthPx!, ...words.map((w) => (/[\u2e80-\ua4cf]/.test(w) ? 0 : textWidthPx(w, true) + 12)));
  });
  setWidths(tab, columns);
  if (intro) addIntro(tab, 1, intro, width);
  const kpiLines = Math.max(1, ...kpis.map((k, j) => wrappedLines(kpiLabel(lang, k.kpi), columns[2 + 2 * j].widthPx! + POINTS_PX, true)));
  const singleLines = Math.max(1, ...kpiRow.map((h, i) => (i < 2 || i >= after ? wrappedLines(String(h), columns[i].widthPx!, true) : 1)));
  // The KPI names take row 2; a single header taller than both rows grows row 2 too.
  const kpiRowLines = Math.max(kpiLines, singleLines - 1);
  if (kpiRowLines > 1) tab.rowHeights = { ...(tab.rowHeights ?? {}), 2: kpiRowLines * LINE_PX + 4 };
  fitRowHeights(tab, 3, columns, rows);
  // One page wide whatever the card's size: column groups would leave the notes alone on their own pages.
  tab.print = { repeatRows: { first: 0, last: 3 }, repeatCols: null, fitToWidth: true };
  return tab;
}
