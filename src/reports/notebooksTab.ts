/**
 * 问题与交接 — the notebooks for the supervisor: the week's problem log by
 * agent and kind (the weekly hand-in), the week's entries, and every handover
 * still open; problems.csv and handovers.csv carry the same. The Daily's two
 * small blocks (the previous shift's open handovers, the week's new problems)
 * are here too, so the Daily only places them.
 */
import type { IsoDate } from '../core/types';
import type { CsvTable, SpecValue, TabSpec } from './types';
import { openHandovers, previousShift, problemsOfWeek, PROBLEM_KINDS, weekTo, weeklySummary, type HandoverEntry, type ProblemEntry, type ProblemSummaryRow } from '../core/notebooks';
import { t, type Language, type MessageKey } from '../i18n';
import { agentDaysOn, type ReportData } from './data';
import { addTitle, COLOURS, emptyTab, setWidths, tableBlock, titledTable, type Column } from './layout';

const word = (lang: Language, prefix: string, value: string) => t(lang, `${prefix}.${value}` as MessageKey);

function summaryColumns(lang: Language): Column[] {
  return [
    { header: t(lang, 'col.agent'), format: 'text', widthPx: 110 },
    ...PROBLEM_KINDS.map((k): Column => ({ header: word(lang, 'notebooks.kind', k), format: 'integer', widthPx: 80 })),
    { header: t(lang, 'notebooks.col.total'), format: 'integer', widthPx: 70 },
    { header: t(lang, 'notebooks.col.open'), format: 'integer', widthPx: 70 },
    { header: t(lang, 'notebooks.col.confirmed'), format: 'integer', widthPx: 90 },
  ];
}
const summaryCells = (r: ProblemSummaryRow, label: string): SpecValue[] => [label, ...PROBLEM_KINDS.map((k) => r.byKind[k]), r.total, r.open, r.confirmed];

function problemColumns(lang: Language): Column[] {
  return [
    { header: t(lang, 'col.date'), format: 'date', widthPx: 90 },
    { header: t(lang, 'col.shift'), format: 'text' },
    { header: t(lang, 'col.agent'), format: 'text', widthPx: 100 },
    { header: t(lang, 'notebooks.col.reference'), format: 'text', widthPx: 110 },
    { header: t(lang, 'notebooks.col.kind'), format: 'text', widthPx: 90 },
    { header: t(lang, 'notebooks.col.what'), format: 'text', widthPx: 260, wrap: true },
    { header: t(lang, 'notebooks.col.urgency'), format: 'text' },
    { header: t(lang, 'notebooks.col.status'), format: 'text', widthPx: 120 },
  ];
}
const problemCells = (lang: Language, e: ProblemEntry): SpecValue[] => [
  e.date, word(lang, 'shift', e.shift), e.agent, e.reference, word(lang, 'notebooks.kind', e.kind), e.what, word(lang, 'notebooks.urgency', e.urgency),
  word(lang, 'notebooks.status', e.status) + (e.confirmed ? ` ✓` : ''),
];

function handoverColumns(lang: Language): Column[] {
  return [
    { header: t(lang, 'col.date'), format: 'date', widthPx: 90 },
    { header: t(lang, 'col.shift'), format: 'text' },
    { header: t(lang, 'col.agent'), format: 'text', widthPx: 100 },
    { header: t(lang, 'notebooks.col.reference'), format: 'text', widthPx: 110 },
    { header: t(lang, 'notebooks.col.what'), format: 'text', widthPx: 260, wrap: true },
    { header: t(lang, 'notebooks.col.urgency'), format: 'text' },
  ];
}
const handoverCells = (lang: Language, e: HandoverEntry): SpecValue[] => [e.date, word(lang, 'shift', e.shift), e.agent, e.reference, e.what, word(lang, 'notebooks.urgency', e.urgency)];
const urgentStyles = (entries: readonly { urgency: string }[], col: number) =>
  entries.flatMap((e, i) => (e.urgency === 'urgent' ? [{ row: i + 1, col, style: { background: COLOURS.bad } }] : []));

/** The shift the Daily of `date` reads handovers from: the night when anyone worked one that day (or it wrote a handover). */
export function dailyPreviousShift(data: ReportData, date: IsoDate) {
  const night =
    agentDaysOn(data, date).some((d) => data.shiftOn(d.agent, date)?.shift === 'night') || (data.input.handovers ?? []).some((h) => h.date === date && h.shift === 'night');
  return previousShift(date, night);
}

/** Where the buyer/order column sits in the notebook tables. */
const REFERENCE_AT = 3;

/**
 * In the Daily's narrow agent columns the text goes last, unwrapped, and runs
 * over the empty cells to its right; the other cells wrap in their column (a
 * long order number over two lines), never cut.
 */
function textLast(columns: Column[], cells: SpecValue[][], whatAt: number): { columns: Column[]; rows: SpecValue[][] } {
  // The buyer or order (a long number) first, in the Daily's wide agent column; the text last.
  const move = <T>(list: T[]) => [list[REFERENCE_AT], ...list.filter((_x, i) => i !== REFERENCE_AT && i !== whatAt), list[whatAt]];
  return {
    columns: move(columns).map(({ widthPx: _w, ...c }, i, all) => ({ ...c, wrap: i !== all.length - 1 && c.format === 'text' })),
    rows: cells.map((r) => move(r)),
  };
}

/** The Daily's notebook blocks at `row`: the previous shift's open handovers and the week's new problems; returns the next free row. */
export function dailyNotebookBlocks(data: ReportData, date: IsoDate, tab: TabSpec, row: number): number {
  const lang = data.input.language;
  const handovers = data.input.handovers ?? [];
  const problems = data.input.problems ?? [];
  if (handovers.length === 0 && problems.length === 0) return row;
  const shift = dailyPreviousShift(data, date);
  const open = openHandovers(handovers, shift);
  const title = t(lang, 'notebooks.daily.handovers', { date: shift.date, shift: word(lang, 'shift', shift.shift) });
  const handover = textLast(handoverColumns(lang), open.map((e) => handoverCells(lang, e)), 4);
  row = titledTable(tab, row, { title, ...handover, note: open.length ? '' : t(lang, 'notebooks.daily.noHandovers'), cellStyles: urgentStyles(open, 4) });
  const week = problemsOfWeek(problems, date);
  const problem = textLast(problemColumns(lang), week.map((e) => problemCells(lang, e)), 5);
  return titledTable(tab, row, { title: t(lang, 'notebooks.daily.problems', { first: weekTo(date).first, date }), ...problem, note: week.length ? '' : t(lang, 'notebooks.daily.noProblems') });
}

export function notebooksTab(data: ReportData, date: IsoDate): TabSpec {
  const lang = data.input.language;
  const tab = emptyTab('notebooks', t(lang, 'tab.notebooks'));
  const summary = weeklySummary(data.input.problems ?? [], date);
  const columns = summaryColumns(lang);
  addTitle(tab, 0, t(lang, 'notebooks.title', { first: summary.first, last: summary.last }), columns.length);
  const rows = [...summary.rows.map((r) => summaryCells(r, r.agent)), summaryCells(summary.team, t(lang, 'daily.teamTotal'))];
  const bold = columns.map((_c, col) => ({ row: rows.length, col, style: { bold: true } }));
  tab.blocks.push(tableBlock(1, 0, columns, rows, bold));
  tab.frozenRows = 2;
  let row = rows.length + 3;
  const ofWeek = (data.input.problems ?? []).filter((e) => e.date >= summary.first && e.date <= summary.last).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  row = titledTable(tab, row, { title: t(lang, 'notebooks.weekProblems'), columns: problemColumns(lang), rows: ofWeek.map((e) => problemCells(lang, e)), note: t(lang, 'notebooks.rewardNote') });
  const open = (data.input.handovers ?? []).filter((h) => h.status === 'open' && h.date <= date).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.shift < b.shift ? -1 : 1));
  titledTable(tab, row, { title: t(lang, 'notebooks.openHandovers'), columns: handoverColumns(lang), rows: open.map((e) => handoverCells(lang, e)), note: '', cellStyles: urgentStyles(open, 5) });
  setWidths(tab, problemColumns(lang).map((c, i) => ({ ...c, widthPx: Math.max(c.widthPx ?? 64, columns[i]?.widthPx ?? 64) })));
  return tab;
}

/** problems.csv: the week's summary by agent and kind (the team last), the same figures as the tab. */
export function problemsCsv(data: ReportData, date: IsoDate): CsvTable {
  const lang = data.input.language;
  const summary = weeklySummary(data.input.problems ?? [], date);
  return {
    fileName: 'problems.csv',
    header: [t(lang, 'notebooks.col.week'), ...summaryColumns(lang).map((c) => c.header)],
    rows: [...summary.rows.map((r) => summaryCells(r, r.agent)), summaryCells(summary.team, t(lang, 'daily.teamTotal'))].map((r) => [summary.first, ...r]),
  };
}

/** handovers.csv: every handover still open up to the report's day, oldest first. */
export function handoversCsv(data: ReportData, date: IsoDate): CsvTable {
  const lang = data.input.language;
  const open = (data.input.handovers ?? []).filter((h) => h.status === 'open' && h.date <= date).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.shift < b.shift ? -1 : 1));
  return {
    fileName: 'handovers.csv',
    header: handoverColumns(lang).map((c) => c.header),
    rows: open.map((e) => [e.date, e.shift, e.agent, e.reference, e.what, e.urgency]),
  };
}
