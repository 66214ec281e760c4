/**
 * The Daily tab's agent table: one row per agent (per account when a person
 * works several), each with a 7-day conversion trend, then the subtotals a
 * supervisor reads — per person with several accounts, per shift (SPEC §1.5
 * night shifts), per shop — and the team total.
 */
import type { AgentDay, Counts, IsoDate, Language, Ratios } from '../core/types';
import type { SpecValue, TabSpec } from './types';
import { deriveRatios, shownRatios, sumCounts } from '../core/metrics';
import { addDays } from '../core/dates';
import { groupBy } from '../core/groupBy';
import { t, type MessageKey } from '../i18n';
import { agentDaysOn, type ReportData } from './data';
import type { DailyFigures } from './dailyTypes';
import { COLOURS, fitRowHeights, setWidths, tableBlock, type Column } from './layout';
import type { CoachingLink } from '../core/coaching';

/** The person, and the account (with its shop) when the row is one of a person's accounts. */
export function agentLabel(day: AgentDay): string {
  if (!day.account) return day.agent;
  return `${day.agent} (${day.shop ? `${day.shop}:` : ''}${day.account})`;
}

const BARS = '▁▂▃▄▅▆▇█';

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

export function agentColumns(lang: Language): Column[] {
  // 92 px fits a wrapped two-word header and a money figure; names and flags get more.
  const col = (key: MessageKey, format?: Column['format'], widthPx = 92): Column => ({ header: t(lang, key), format, widthPx });
  return [
    col('col.agent', 'text', 150), col('col.agentId', 'text'), col('col.shift', 'text'), col('col.consultations', 'integer'),
    col('col.excluded', 'integer'), col('col.inquiries', 'integer'), col('col.placed', 'integer'), col('col.paid', 'integer'),
    col('col.orderRate', 'percent'), col('col.paymentRate', 'percent'), col('col.inquiryConversion', 'percent'), col('col.sales', 'money', 90),
    col('col.aov', 'money'), col('col.itemsPerBuyer', 'decimal2'), col('col.responseRate', 'percent'), col('col.firstResponseSec', 'decimal1'),
    col('col.qaRatio', 'decimal2'), col('col.workloadBand', 'text'), col('col.trend7', 'text', 80), { ...col('col.flags', 'text', 260), wrap: true },
  ];
}

const WIDTH = 20;

/** A flagged agent's open coaching entries, beside the flags: the measure, or that the flag came back after it. */
function coachingNotes(links: readonly CoachingLink[], lang: Language): string[] {
  return links.map(({ entry, again }) =>
    again ? t(lang, 'coaching.flag.again', { date: entry.date }) : t(lang, 'coaching.flag.open', { date: entry.date, measure: entry.measure }),
  );
}

function totalRow(label: string, counts: Counts, ratios: Ratios): SpecValue[] {
  return [
    label, '', '', counts.consultations, counts.excluded, counts.inquiries, counts.placed, counts.paid, ratios.orderRate, ratios.paymentRate,
    ratios.inquiryConversion, counts.sales, ratios.aov, ratios.itemsPerBuyer, ratios.responseRate, ratios.firstResponseSec, ratios.qaRatio, '', '', '',
  ];
}

/** Writes the agent table at `row`; returns the next free row. */
export function agentTable(data: ReportData, figures: DailyFigures, tab: TabSpec, row: number): number {
  const { language: lang, rules } = data.input;
  const columns = agentColumns(lang);
  const cellStyles: NonNullable<TabSpec['blocks'][number]['cellStyles']> = [];
  const rows: SpecValue[][] = [];
  const bold = () => cellStyles.push(...Array.from({ length: WIDTH }, (_, col) => ({ row: rows.length, col, style: { bold: true } })));
  const subtotal = (label: string, days: readonly AgentDay[]) => {
    rows.push(totalRow(label, sumCounts(days), deriveRatios(sumCounts(days), rules.conversionDenominator)));
    bold();
  };
  const separator = lang === 'zh' ? '；' : '; ';
  const rowsOfAgent = groupBy(figures.agents, (a) => a.day.agent);
  figures.agents.forEach(({ day, ratios, agentId, shift, band, flags, coaching }, i) => {
    const r = rows.length + 1;
    if (flags.includes('below_team_conversion')) cellStyles.push({ row: r, col: 10, style: { background: COLOURS.bad } });
    if (flags.includes('learn_from')) cellStyles.push({ row: r, col: 10, style: { background: COLOURS.good } });
    if (flags.includes('slow_first_response')) cellStyles.push({ row: r, col: 15, style: { background: COLOURS.warn } });
    if (flags.includes('low_response_rate')) cellStyles.push({ row: r, col: 14, style: { background: COLOURS.warn } });
    if (band != null && band >= 4) cellStyles.push({ row: r, col: 17, style: { background: band === 5 ? COLOURS.bad : COLOURS.warn } });
    // A figure the tool will count later is shown as provisional, never as an empty or a 0.
    const pending = (figure: string, value: SpecValue): SpecValue => (value == null && day.provisional?.includes(figure as never) ? t(lang, 'daily.provisionalCell') : value);
    rows.push([
      agentLabel(day), agentId, shift ? t(lang, `shift.${shift}` as MessageKey) : '', day.consultations, day.excluded, pending('inquiries', day.inquiries),
      day.placed, pending('paid', day.paid), ratios.orderRate, ratios.paymentRate, pending('inquiryConversion', ratios.inquiryConversion), day.sales,
      ratios.aov, ratios.itemsPerBuyer, ratios.responseRate, ratios.firstResponseSec, ratios.qaRatio, band == null ? '' : t(lang, `band.${band}` as MessageKey),
      conversionTrend(data, figures.date, day.agent),
      [...flags.map((f) => t(lang, `flag.${f}` as MessageKey)), ...coachingNotes(coaching, lang)].join(separator),
    ]);
    if (coaching.some((c) => c.again)) cellStyles.push({ row: r, col: 19, style: { color: COLOURS.down } });
    // A person working several accounts (shops) gets a subtotal under their last account's row.
    const own = rowsOfAgent.get(day.agent)!;
    if (own.length > 1 && own[own.length - 1] === figures.agents[i]) subtotal(t(lang, 'daily.personSubtotal', { agent: day.agent }), own.map((a) => a.day));
  });
  const days = figures.agents.map((a) => a.day);
  const byShift = groupBy(figures.agents, (a) => a.shift);
  if (byShift.size > 1) {
    for (const shift of ['day', 'night', ''] as const) {
      const agents = byShift.get(shift);
      if (agents) subtotal(t(lang, shift ? 'daily.shiftSubtotal' : 'daily.noShiftSubtotal', { shift: shift ? t(lang, `shift.${shift}`) : '' }), agents.map((a) => a.day));
    }
  }
  const byShop = groupBy(days, (d) => d.shop ?? '');
  if (byShop.size > 1) for (const [shop, ofShop] of [...byShop].sort()) subtotal(t(lang, 'daily.shopSubtotal', { shop: shop || '—' }), ofShop);
  rows.push(totalRow(t(lang, 'daily.teamTotal'), figures.team, figures.teamRatios));
  bold();
  tab.blocks.push(tableBlock(row, 0, columns, rows, cellStyles));
  setWidths(tab, columns);
  // Flags wrap inside their column: run over the next cells, they would widen the printed page.
  fitRowHeights(tab, row, columns, rows);
  return row + rows.length + 2;
}
