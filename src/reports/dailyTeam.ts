/**
 * The Daily tab's team block: today against target, the previous day and the
 * same weekday last week, with changes written like the figures they compare
 * (money with thousands separators, rates in percentage points).
 */
import type { AgentDay, Counts, IsoDate, Language, Ratios } from '../core/types';
import type { SpecValue, TabSpec } from './types';
import { agentsNeeded } from '../core/bands';
import { DEFAULT_CONVERSION_TARGET, DEFAULT_INQUIRIES_PER_AGENT } from '../core/rules';
import { addDays, daysInMonth, monthOf } from '../core/dates';
import { deriveRatios, ratio, statedOver, sumCounts } from '../core/metrics';
import { t, type MessageKey } from '../i18n';
import { agentDaysOn, type ReportData } from './data';
import { COLOURS, fitRowHeights, tableBlock, type Column } from './layout';
import { fitTableWidths, shownText } from './columnFit';

/** The narrowest the metric-name column gets; longer names wrap. */
const TEAM_LABEL_PX = 150;
import { hasPeerBenchmark } from './shopBlock';

/** The team's ratios on one date (see teamRatiosOf). */
export function dailyTeamRatios(data: ReportData, date: IsoDate): Ratios {
  return teamRatiosOf(agentDaysOn(data, date), data.input.rules.conversionDenominator);
}

/** The team's ratios from summed counts, with 回复率 as the tools state it when every agent's export does. */
export function teamRatiosOf(days: readonly AgentDay[], denominator: 'inquiries' | 'consultations'): Ratios {
  const ratios = deriveRatios(sumCounts(days), denominator);
  const stated = statedOver(days, 'responseRate', (c) => c.consultations);
  if (stated !== null) ratios.responseRate = stated;
  return ratios;
}

type ChangeKind = 'rate' | 'number' | 'money';

const grouped = (n: number, digits: number) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** `▲ 3.2 pp` / `▲ 3.2 个百分点` / `▲ 3,651.00`: a change, or '' when either side is empty. */
export function change(lang: Language, now: number | null, before: number | null, kind: ChangeKind): string {
  if (now == null || before == null) return '';
  const diff = now - before;
  const arrow = diff > 0 ? '▲' : diff < 0 ? '▼' : '＝';
  const size = Math.abs(diff);
  if (kind === 'rate') return `${arrow} ${t(lang, 'daily.points', { points: (size * 100).toFixed(1) })}`;
  return `${arrow} ${kind === 'money' ? grouped(size, 2) : grouped(Number(size.toFixed(1)), size % 1 === 0 ? 0 : 1)}`;
}

interface TeamLine {
  label: MessageKey;
  pick: (c: Counts, r: Ratios, agents: number) => number | null;
  kind: ChangeKind;
  format: 'integer' | 'percent' | 'money' | 'decimal1';
  target?: number | null;
  /** Lower is better (first response): the colours of a change flip. */
  lowerIsBetter?: boolean;
  /** The target is the tool's default, not the supervisor's: labelled so, and today's cell is not coloured by it. */
  defaultTarget?: boolean;
  /** The label when the line's rule is a default the supervisor has not set. */
  defaultLabel?: MessageKey;
}

/** The day's sales target: the daily setting, else the monthly one spread over the month's days. */
export function salesTargetOf(data: ReportData, date: IsoDate): number | null {
  const { rules } = data.input;
  return rules.dailySalesTarget ?? (rules.monthlySalesTarget == null ? null : rules.monthlySalesTarget / daysInMonth(monthOf(date)));
}

export function teamBlock(data: ReportData, date: IsoDate, tab: TabSpec, startRow: number): number {
  const { rules, language: lang } = data.input;
  const agentsOn = (d: IsoDate) => new Set(agentDaysOn(data, d).map((x) => x.agent)).size;
  // A day with nothing imported is no comparison: its cells read "—" and carry no arrow.
  const snapshots = [date, addDays(date, -1), addDays(date, -7)].map((d) =>
    agentDaysOn(data, d).length === 0 ? null : { counts: sumCounts(agentDaysOn(data, d)), ratios: dailyTeamRatios(data, d), agents: agentsOn(d) },
  );
  const salesTarget = salesTargetOf(data, date);
  const all: TeamLine[] = [
    { label: 'col.inquiries', pick: (c) => c.inquiries, kind: 'number', format: 'integer' },
    { label: 'col.paid', pick: (c) => c.paid, kind: 'number', format: 'integer' },
    {
      label: 'col.inquiryConversion',
      pick: (_c, r) => r.inquiryConversion,
      kind: 'rate',
      format: 'percent',
      target: rules.conversionTarget ?? DEFAULT_CONVERSION_TARGET,
      defaultTarget: rules.conversionTarget == null,
      defaultLabel: 'daily.conversionDefaultTarget',
    },
    { label: 'col.orderRate', pick: (_c, r) => r.orderRate, kind: 'rate', format: 'percent' },
    { label: 'col.paymentRate', pick: (_c, r) => r.paymentRate, kind: 'rate', format: 'percent' },
    { label: 'col.sales', pick: (c) => c.sales, kind: 'money', format: 'money', target: salesTarget },
    { label: 'daily.salesOfTarget', pick: (c) => ratio(c.sales, salesTarget), kind: 'rate', format: 'percent', target: salesTarget == null ? null : 1 },
    { label: 'col.aov', pick: (_c, r) => r.aov, kind: 'money', format: 'money' },
    { label: 'col.responseRate', pick: (_c, r) => r.responseRate, kind: 'rate', format: 'percent' },
    { label: 'col.firstResponseSec', pick: (_c, r) => r.firstResponseSec, kind: 'number', format: 'decimal1', target: rules.firstResponseTargetSec, lowerIsBetter: true },
    { label: 'daily.agentsOnDuty', pick: (_c, _r, n) => n, kind: 'number', format: 'integer' },
    {
      label: 'daily.staffingNeed',
      pick: (c) => (c.inquiries == null ? null : agentsNeeded(c.inquiries, rules.inquiriesPerAgent ?? DEFAULT_INQUIRIES_PER_AGENT)),
      kind: 'number',
      format: 'integer',
      defaultTarget: rules.inquiriesPerAgent == null,
      defaultLabel: 'daily.staffingNeedDefault',
    },
  ];
  const lines = all.filter((line) => line.label !== 'daily.salesOfTarget' || salesTarget != null);
  const header = ['daily.metric', 'daily.today', 'daily.target', 'daily.previousDay', 'daily.vsPrevious', 'daily.lastWeek', 'daily.vsLastWeek'] as MessageKey[];
  const rows: SpecValue[][] = [];
  const cellStyles: NonNullable<TabSpec['blocks'][number]['cellStyles']> = [];
  lines.forEach((line, i) => {
    const [now, prev, week] = snapshots.map((s) => (s == null ? null : line.pick(s.counts, s.ratios, s.agents)));
    const missing = (i: number, value: number | null): SpecValue => (snapshots[i] == null ? '—' : value);
    const label = line.defaultTarget && line.defaultLabel ? t(lang, line.defaultLabel, { value: rules.inquiriesPerAgent ?? DEFAULT_INQUIRIES_PER_AGENT }) : t(lang, line.label);
    rows.push([label, missing(0, now), line.target ?? null, missing(1, prev), change(lang, now, prev, line.kind), missing(2, week), change(lang, now, week, line.kind)]);
    const r = i + 1;
    for (const col of [1, 2, 3, 5]) cellStyles.push({ row: r, col, style: { format: line.format } });
    for (const col of [4, 6]) cellStyles.push({ row: r, col, style: { align: 'right' } });
    for (const [col, before] of [[4, prev], [6, week]] as const) {
      if (now == null || before == null || now === before) continue;
      const better = line.lowerIsBetter ? now < before : now > before;
      cellStyles.push({ row: r, col, style: { color: better ? COLOURS.up : COLOURS.down, align: 'right' } });
    }
    if (line.target != null && now != null && !line.defaultTarget) {
      const met = line.lowerIsBetter ? now <= line.target : now >= line.target;
      cellStyles.push({ row: r, col: 1, style: { format: line.format, background: met ? COLOURS.good : COLOURS.bad } });
    }
  });
  if (rules.industryConversion != null && !hasPeerBenchmark(data, date)) {
    rows.push([t(lang, 'daily.benchmark'), rules.industryConversion, null, null, '', null, '']);
    cellStyles.push({ row: rows.length, col: 1, style: { format: 'percent', italic: true } });
  }
  // Figures and changes right-aligned, their headers with them.
  const columns: Column[] = header.map((k, i) => ({ header: t(lang, k), ...(i === 0 ? { wrap: true } : { align: 'right' as const }) }));
  // The figures as shown, each row in its own format, size the columns.
  const formatOf = (r: number) => lines[r]?.format ?? 'percent';
  const shown = rows.map((values, r) => values.map((v, c) => ([1, 2, 3, 5].includes(c) ? shownText(v, formatOf(r)) : v)));
  // Each column as wide as its figures and changes; the metric names wrap in the agent column (at least TEAM_LABEL_PX wide).
  fitTableWidths(columns, shown, { maxHeaderLines: 2 }).forEach((px, i) => {
    tab.columnWidths[i] = Math.max(tab.columnWidths[i] ?? 0, i === 0 ? Math.min(px, TEAM_LABEL_PX) : px);
  });
  tab.blocks.push(tableBlock(startRow, 0, columns, rows, cellStyles));
  fitRowHeights(tab, startRow, columns, rows);
  return startRow + rows.length + 1;
}
