/**
 * 辅导效果 — the coaching log with its effect: for each entry the agent's
 * figure for the problem over the N days before and after the measure, the
 * rest of the team's over the same days, the inquiries of each window and
 * the verdict (or why there is none). Also the owner's line on the measures
 * that worked this week.
 */
import type { IsoDate, Ratios } from '../core/types';
import type { CsvTable, NumberFormat, SpecValue, TabSpec } from './types';
import { coachingEffects, measuresThatWorked, type CoachingEffect } from '../core/coaching';
import { isoWeekStart } from '../core/dates';
import { t, type Language, type MessageKey } from '../i18n';
import type { ReportData } from './data';
import { addTitle, COLOURS, emptyTab, fitRowHeights, setWidths, tableBlock, type Column } from './layout';
import { csvCount, csvNumber } from './format';

/** How a problem's figure is shown: rates as percentages, seconds and ratios as decimals. */
const FORMAT: Partial<Record<keyof Ratios, NumberFormat>> = { inquiryConversion: 'percent', responseRate: 'percent', firstResponseSec: 'decimal1', qaRatio: 'decimal2' };

/** Every coaching entry's effect as of the report's day. */
export function coachingOf(data: ReportData, date: IsoDate): CoachingEffect[] {
  const { rules } = data.input;
  const settings = { windowDays: rules.coachingWindowDays, minInquiries: rules.coachingMinInquiries, margin: rules.coachingMargin };
  return coachingEffects(data.input.coaching ?? [], data.agentDays, settings, date, rules.conversionDenominator);
}

const change = (after: number | null, before: number | null) => (after == null || before == null ? null : after - before);

/** The verdict in words, or why there is none. */
export function verdictText(effect: CoachingEffect, lang: Language, minimum: number): string {
  if (effect.verdict) return t(lang, `coaching.verdict.${effect.verdict}` as MessageKey);
  if (effect.noVerdict === 'too_few') return t(lang, 'coaching.noVerdict.too_few', { minimum });
  return t(lang, `coaching.noVerdict.${effect.noVerdict}` as MessageKey);
}

const HEADERS: MessageKey[] = [
  'col.date', 'col.agent', 'coaching.col.problem', 'coaching.col.measure', 'coaching.col.before', 'coaching.col.after', 'coaching.col.change',
  'coaching.col.teamBefore', 'coaching.col.teamAfter', 'coaching.col.teamChange', 'coaching.col.inquiriesBefore', 'coaching.col.inquiriesAfter', 'coaching.col.verdict',
];

function cells(effect: CoachingEffect, lang: Language, minimum: number): SpecValue[] {
  const e = effect.entry;
  const problem = t(lang, `coaching.problem.${e.problem}` as MessageKey) + (e.detail ? ` — ${e.detail}` : '');
  return [
    e.date, e.agent, problem, e.measure, effect.agentBefore, effect.agentAfter, change(effect.agentAfter, effect.agentBefore),
    effect.teamBefore, effect.teamAfter, change(effect.teamAfter, effect.teamBefore), effect.inquiriesBefore, effect.inquiriesAfter, verdictText(effect, lang, minimum),
  ];
}

export function coachingCsv(data: ReportData, effects: readonly CoachingEffect[]): CsvTable {
  const lang = data.input.language;
  const minimum = data.input.rules.coachingMinInquiries;
  return {
    fileName: 'coaching.csv',
    header: [...HEADERS.map((k) => t(lang, k)), t(lang, 'coaching.col.verdictKey')],
    rows: effects.map((effect) => {
      const row = cells(effect, lang, minimum);
      const plain = row.map((v, i) => (i >= 4 && i <= 9 ? csvNumber(v as number | null) : i === 10 || i === 11 ? csvCount(v as number) : v));
      return [...plain, effect.verdict ?? effect.noVerdict ?? ''];
    }),
  };
}

export function coachingTab(data: ReportData, effects: readonly CoachingEffect[], date: IsoDate): TabSpec {
  const lang = data.input.language;
  const { coachingWindowDays: n, coachingMinInquiries: minimum } = data.input.rules;
  const tab = emptyTab('coaching', t(lang, 'tab.coaching'));
  // One A4 page wide (under 1 229 px): the two texts wrap, the figures stay narrow.
  const widths = [84, 80, 170, 190, 64, 64, 64, 64, 64, 64, 64, 64, 130];
  const columns: Column[] = HEADERS.map((k, i) => ({
    header: t(lang, k),
    format: i <= 3 || i === 12 ? (i === 0 ? 'date' : 'text') : i >= 10 ? 'integer' : undefined,
    // The figures' format is per row (a rate, seconds or a ratio): right-aligned like every figure column.
    ...(i >= 4 && i <= 9 ? { align: 'right' as const } : {}),
    widthPx: widths[i],
    wrap: i === 2 || i === 3,
  }));
  addTitle(tab, 0, t(lang, 'coaching.title', { date, days: n }), columns.length);
  tab.blocks.push({ row: 1, col: 0, values: [[t(lang, 'coaching.legend', { days: n, minimum, margin: `${Math.round(data.input.rules.coachingMargin * 100)}%` })]], style: { italic: true, color: COLOURS.muted, wrap: true } });
  // The legend wraps inside the table's width rather than running off the page.
  tab.merges.push({ row: 1, col: 0, rows: 1, cols: columns.length });
  tab.rowHeights = { ...(tab.rowHeights ?? {}), 1: 36 };
  if (effects.length === 0) {
    tab.blocks.push({ row: 3, col: 0, values: [[t(lang, 'coaching.none')]] });
    return tab;
  }
  const rows = effects.map((e) => cells(e, lang, minimum));
  const cellStyles: NonNullable<TabSpec['blocks'][number]['cellStyles']> = [];
  effects.forEach((e, i) => {
    const format = e.figure ? FORMAT[e.figure] : undefined;
    const changeFormat: NumberFormat | undefined = format === 'percent' ? 'points' : format;
    for (const col of [4, 5, 7, 8]) if (format) cellStyles.push({ row: i + 1, col, style: { format, align: 'right' } });
    for (const col of [6, 9]) if (changeFormat) cellStyles.push({ row: i + 1, col, style: { format: changeFormat, align: 'right' } });
    const colour = e.verdict === 'improved' ? COLOURS.good : e.verdict === 'worse' ? COLOURS.bad : null;
    if (colour) cellStyles.push({ row: i + 1, col: 12, style: { background: colour } });
  });
  // Percentage-point changes are stored ×100, as the format reads them.
  const shown = rows.map((r, i) => (effects[i].figure && FORMAT[effects[i].figure!] === 'percent' ? r.map((v, c) => ((c === 6 || c === 9) && typeof v === 'number' ? v * 100 : v)) : r));
  tab.blocks.push(tableBlock(2, 0, columns, shown, cellStyles));
  fitRowHeights(tab, 2, columns, shown);
  tab.frozenRows = 3;
  setWidths(tab, columns);
  return tab;
}

/** The owner's line on the measures that worked this week (none: no line). */
export function measuresLine(data: ReportData, effects: readonly CoachingEffect[], date: IsoDate): string[] {
  const lang = data.input.language;
  const worked = measuresThatWorked(effects, isoWeekStart(date), date);
  if (worked.length === 0) return [];
  const percent = (e: CoachingEffect) => FORMAT[e.figure!] === 'percent';
  const show = (e: CoachingEffect, v: number | null) => (v == null ? '—' : percent(e) ? `${(v * 100).toFixed(1)}%` : v.toFixed(1));
  const team = (e: CoachingEffect) => {
    const c = change(e.teamAfter, e.teamBefore);
    if (c == null) return '—';
    const size = Math.abs(percent(e) ? c * 100 : c).toFixed(1);
    const signed = size === '0.0' ? size : `${c > 0 ? '+' : '−'}${size}`;
    return percent(e) ? t(lang, 'coaching.owner.points', { change: signed }) : signed;
  };
  const items = worked.map((e) =>
    t(lang, 'coaching.owner.item', {
      agent: e.entry.agent, measure: e.entry.measure, problem: t(lang, `coaching.problem.${e.entry.problem}` as MessageKey),
      before: show(e, e.agentBefore), after: show(e, e.agentAfter), team: team(e),
    }),
  );
  return [t(lang, 'coaching.owner', { items: items.join(lang === 'zh' ? '；' : '; ') })];
}
