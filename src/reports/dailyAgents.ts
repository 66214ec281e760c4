/**
 * The Daily tab's agent table, in two parts that print one under the other
 * (each repeating the agent column): conversion and sales, then service
 * (with the agent's ID and shift, when the roster or schedule gives them).
 * One row per agent (per account when a person works several), with a 7-day
 * conversion trend, then the subtotals a supervisor reads — per person with
 * several accounts, per shift (SPEC §1.5 night shifts), per shop — and the
 * team total.
 */
import type { AgentDay, Counts, IsoDate, Language, Ratios } from '../core/types';
import type { Block, CellStyle, SpecValue, TabSpec } from './types';
import { shownRatios, sumCounts } from '../core/metrics';
import { addDays } from '../core/dates';
import { groupBy } from '../core/groupBy';
import { t, type MessageKey } from '../i18n';
import { agentDaysOn, type ReportData } from './data';
import type { DailyAgentRow, DailyFigures } from './dailyTypes';
import { COLOURS, fitRowHeights, tableBlock, type Column } from './layout';
import { teamRatiosOf } from './dailyTeam';
import { shownServiceFigures, totalServiceValue } from './dailyService';
import { fitTableWidths } from './columnFit';
import type { CoachingLink } from '../core/coaching';

/** The person, and the account (with its shop) when the row is one of a person's accounts. */
export function agentLabel(day: AgentDay): string {
  if (!day.account) return day.agent;
  return `${day.agent} (${day.shop ? `${day.shop}:` : ''}${day.account})`;
}

const BARS = '▁▂▃▄▅▆▇█';
/** What an unknown figure shows in a column whose figure some rows state. */
export const UNKNOWN = '—';

/**
 * The last 7 days of an agent's conversion as text bars (`▃▅▂▇▆▄▅`), a day
 * without inquiries as `·`. Text renders the same in Sheets, Excel, the CSV
 * and a PDF, and runs nothing: no formula is built from names out of files.
 */
export function conversionTrend(data: ReportData, date: IsoDate, agent: string): string {
  const denominator = data.input.rules.conversionDenominator;
  const values = Array.from({ length: 7 }, (_, i) => {
    const days = agentDaysOn(data, addDays(date, i - 6)).filter((d) => d.agent === agent);
    return days.length === 0 ? null : shownRatios(days.length === 1 ? days[0] : { ...sumCounts(days) }, denominator).inquiryConversion;
  });
  return values.map((v) => (v == null ? '·' : BARS[Math.min(BARS.length - 1, Math.floor(v * BARS.length))])).join('');
}

/** One row of the table: an agent's, or a subtotal / the team total (bold). */
interface Line {
  label: string;
  agent: DailyAgentRow | null;
  days: AgentDay[];
  counts: Counts;
  ratios: Ratios;
}

interface PartColumn extends Column {
  value: (line: Line) => SpecValue;
  /** A cell's colour on an agent's row (a flag's). */
  mark?: (row: DailyAgentRow) => CellStyle | null;
}

/** Service columns at most this many leave the coaching notes room to run over the empty cells right of the service part. */
const NARROW_SERVICE = 9;

/** A part of the agent table, laid out but not placed: its columns, rows and cell colours. */
export interface AgentPart {
  title: string;
  columns: Column[];
  rows: SpecValue[][];
  cellStyles: NonNullable<Block['cellStyles']>;
  /** The last column's text runs over the empty cells to its right: it sizes no column. */
  runsOver: boolean;
}

function coachingNotes(links: readonly CoachingLink[], lang: Language): string[] {
  return links.map(({ entry, again }) =>
    again ? t(lang, 'coaching.flag.again', { date: entry.date }) : t(lang, 'coaching.flag.open', { date: entry.date, measure: entry.measure }),
  );
}

function tableLines(data: ReportData, figures: DailyFigures): Line[] {
  const { language: lang, rules } = data.input;
  const lines: Line[] = [];
  const total = (label: string, days: AgentDay[]) => lines.push({ label, agent: null, days, counts: sumCounts(days), ratios: teamRatiosOf(days, rules.conversionDenominator) });
  const rowsOfAgent = groupBy(figures.agents, (a) => a.day.agent);
  figures.agents.forEach((agent, i) => {
    lines.push({ label: agentLabel(agent.day), agent, days: [agent.day], counts: agent.day, ratios: agent.ratios });
    // A person working several accounts (shops) gets a subtotal under their last account's row.
    const own = rowsOfAgent.get(agent.day.agent)!;
    if (own.length > 1 && own[own.length - 1] === figures.agents[i]) total(t(lang, 'daily.personSubtotal', { agent: agent.day.agent }), own.map((a) => a.day));
  });
  const byShift = groupBy(figures.agents, (a) => a.shift);
  if (byShift.size > 1) {
    for (const shift of ['day', 'night', ''] as const) {
      const agents = byShift.get(shift);
      if (agents) total(t(lang, shift ? 'daily.shiftSubtotal' : 'daily.noShiftSubtotal', { shift: shift ? t(lang, `shift.${shift}`) : '' }), agents.map((a) => a.day));
    }
  }
  const days = figures.agents.map((a) => a.day);
  const byShop = groupBy(days, (d) => d.shop ?? '');
  if (byShop.size > 1) for (const [shop, ofShop] of [...byShop].sort()) total(t(lang, 'daily.shopSubtotal', { shop: shop || '—' }), ofShop);
  lines.push({ label: t(lang, 'daily.teamTotal'), agent: null, days, counts: figures.team, ratios: figures.teamRatios });
  return lines;
}

/** The flags in words, and the open coaching entries after them unless they have a column of their own. */
function flagsText(row: DailyAgentRow, lang: Language, withCoaching: boolean): string {
  return [...row.flags.map((f) => t(lang, `flag.${f}` as MessageKey)), ...(withCoaching ? coachingNotes(row.coaching, lang) : [])].join(lang === 'zh' ? '；' : '; ');
}

const coachingAgain = (row: DailyAgentRow) => (row.coaching.some((c) => c.again) ? { color: COLOURS.down } : null);

function salesColumns(data: ReportData, date: IsoDate, withCoaching: boolean): PartColumn[] {
  const lang = data.input.language;
  const col = (key: MessageKey, format: Column['format'], value: PartColumn['value'], more: Partial<PartColumn> = {}): PartColumn => ({ header: t(lang, key), format, value, ...more });
  // A figure the tool will count later is shown as provisional, never as an empty or a 0.
  const pending = (line: Line, figure: string, value: SpecValue): SpecValue =>
    value == null && line.agent?.day.provisional?.includes(figure as never) ? t(lang, 'daily.provisionalCell') : value;
  const flagged = (flag: string, background: string) => (row: DailyAgentRow) => (row.flags.includes(flag as never) ? { background } : null);
  return [
    col('col.agent', 'text', (l) => l.label, { wrap: true }),
    col('col.consultations', 'integer', (l) => l.counts.consultations),
    col('col.excluded', 'integer', (l) => l.counts.excluded),
    col('col.inquiries', 'integer', (l) => pending(l, 'inquiries', l.counts.inquiries)),
    col('col.placed', 'integer', (l) => l.counts.placed),
    col('col.paid', 'integer', (l) => pending(l, 'paid', l.counts.paid)),
    col('col.orderRate', 'percent', (l) => l.ratios.orderRate),
    col('col.paymentRate', 'percent', (l) => l.ratios.paymentRate),
    col('col.inquiryConversion', 'percent', (l) => pending(l, 'inquiryConversion', l.ratios.inquiryConversion), {
      mark: (row) => flagged('below_team_conversion', COLOURS.bad)(row) ?? flagged('learn_from', COLOURS.good)(row),
    }),
    col('col.sales', 'money', (l) => l.counts.sales),
    col('col.aov', 'money', (l) => l.ratios.aov),
    col('col.itemsPerBuyer', 'decimal2', (l) => l.ratios.itemsPerBuyer),
    col('col.trend7', 'text', (l) => (l.agent ? conversionTrend(data, date, l.agent.day.agent) : '')),
    col('col.flags', 'text', (l) => (l.agent ? flagsText(l.agent, lang, withCoaching) : ''), { wrap: true, ...(withCoaching ? { mark: coachingAgain } : {}) }),
  ];
}

function serviceColumns(data: ReportData, figures: DailyFigures): PartColumn[] {
  const lang = data.input.language;
  const shown = shownServiceFigures(figures.agents);
  const markOf = (key: MessageKey): PartColumn['mark'] => {
    if (key === 'col.firstResponseSec') return (row) => (row.flags.includes('slow_first_response') ? { background: COLOURS.warn } : null);
    if (key === 'col.responseRate') return (row) => (row.flags.includes('low_response_rate') ? { background: COLOURS.warn } : null);
    return undefined;
  };
  // The agent's ID and shift when the roster or the schedule gives any.
  const ids: PartColumn[] = figures.agents.some((a) => a.agentId) ? [{ header: t(lang, 'col.agentId'), format: 'text', value: (l) => l.agent?.agentId ?? '' }] : [];
  const shifts: PartColumn[] = figures.agents.some((a) => a.shift)
    ? [{ header: t(lang, 'col.shift'), format: 'text', value: (l) => (l.agent?.shift ? t(lang, `shift.${l.agent.shift}` as MessageKey) : '') }]
    : [];
  return [
    { header: t(lang, 'col.agent'), format: 'text', wrap: true, value: (l) => l.label },
    ...ids,
    ...shifts,
    ...shown.map((f): PartColumn => ({
      header: t(lang, f.key),
      format: f.format,
      value: (l) => (l.agent ? f.value(l.counts, l.ratios) : totalServiceValue(f, l.days, l.counts, l.ratios)) ?? UNKNOWN,
      mark: markOf(f.key),
      align: 'right',
    })),
    {
      header: t(lang, 'col.workloadBand'),
      format: 'text',
      value: (l) => (l.agent?.band == null ? '' : t(lang, `band.${l.agent.band}` as MessageKey)),
      mark: (row) => (row.band != null && row.band >= 4 ? { background: row.band === 5 ? COLOURS.bad : COLOURS.warn } : null),
    },
  ];
}

function part(title: string, columns: PartColumn[], lines: Line[], runsOver = false): AgentPart {
  const cellStyles: AgentPart['cellStyles'] = [];
  const rows = lines.map((line, i) => {
    columns.forEach((c, col) => {
      const style = line.agent && c.mark ? c.mark(line.agent) : null;
      if (style) cellStyles.push({ row: i + 1, col, style });
      if (!line.agent) cellStyles.push({ row: i + 1, col, style: { bold: true, ...(style ?? {}) } });
    });
    return columns.map((c) => c.value(line));
  });
  return { title, columns: columns.map(({ value: _v, mark: _m, ...column }) => column), rows, cellStyles, runsOver };
}

/** The two parts of the day's agent table, not yet placed. */
export function agentParts(data: ReportData, figures: DailyFigures): AgentPart[] {
  const lang = data.input.language;
  const lines = tableLines(data, figures);
  const service = serviceColumns(data, figures);
  // Coaching notes are long: beside a narrow service part they run on one line, in the flags they would wrap over several.
  const coachingAside = service.length <= NARROW_SERVICE && figures.agents.some((a) => a.coaching.length > 0);
  const coaching: PartColumn = { header: t(lang, 'col.coaching'), format: 'text', value: (l) => (l.agent ? coachingNotes(l.agent.coaching, lang).join(lang === 'zh' ? '；' : '; ') : ''), mark: coachingAgain };
  return [
    part(t(lang, 'daily.partSales'), salesColumns(data, figures.date, !coachingAside), lines),
    part(t(lang, 'daily.partService'), coachingAside ? [...service, coaching] : service, lines, coachingAside),
  ];
}

/** Widths the parts need column by column (a column index is shared by both parts); the flags column is left to the caller. */
export function agentPartWidths(parts: readonly AgentPart[]): Record<number, number> {
  const widths: Record<number, number> = {};
  parts.forEach((p, n) => {
    const fitted = fitTableWidths(p.columns, p.rows, { maxPx: 170 });
    const last = n === 0 || p.runsOver ? p.columns.length - 1 : -1;
    fitted.forEach((px, i) => {
      if (i !== last) widths[i] = Math.max(widths[i] ?? 0, px);
    });
  });
  return widths;
}

/** Writes each part under the other at `row` (the tab's column widths already set); returns the next free row and each part's rows (title to last). */
export function writeAgentParts(parts: readonly AgentPart[], tab: TabSpec, row: number): { row: number; spans: { first: number; last: number }[] } {
  const spans: { first: number; last: number }[] = [];
  for (const p of parts) {
    spans.push({ first: row, last: row + p.rows.length + 1 });
    tab.blocks.push({ row, col: 0, values: [[p.title]], style: { bold: true } });
    tab.blocks.push(tableBlock(row + 1, 0, p.columns, p.rows, p.cellStyles));
    // Headers and wrapped names or flags get the rows their lines need: an xlsx row keeps its stored height.
    fitRowHeights(tab, row + 1, p.columns.map(({ widthPx: _w, ...c }) => c), p.rows);
    row += p.rows.length + 3;
  }
  return { row, spans };
}
