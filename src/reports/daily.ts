/**
 * 日报 (SPEC §6.1): the team against target, yesterday and the same weekday
 * last week; one row per agent with every §2 metric, workload band and flags;
 * a 14-day trend with a chart; data-quality findings for the day.
 */
import type { AgentDay, Counts, IsoDate, Ratios } from '../core/types';
import type { CsvTable, SpecValue, TabSpec } from './types';
import { deriveRatios, shownRatios, statedOver, sumCounts } from '../core/metrics';
import { agentsNeeded, workloadBand } from '../core/bands';
import { addDays, daysInMonth, implausibleDates, monthOf } from '../core/dates';
import { t, type MessageKey } from '../i18n';
import { agentDayKey, agentDaysOn, type ReportData } from './data';
import { addTitle, COLOURS, emptyTab, setWidths, tableBlock, type Column } from './layout';
import { csvCount, csvMoney, csvNumber, csvRate } from './format';
import { groupBy } from '../core/groupBy';
import { hasPeerBenchmark, shopBlock, shopLines } from './shopBlock';

export type DailyFlag = 'below_team_conversion' | 'slow_first_response' | 'low_response_rate' | 'unattributed_orders' | 'learn_from' | 'provisional';

/** One agent's line of the daily sheet. */
export interface DailyAgentRow {
  day: AgentDay;
  ratios: Ratios;
  agentId: string;
  shift: string;
  band: number | null;
  flags: DailyFlag[];
}

export interface DailyFigures {
  date: IsoDate;
  team: Counts;
  teamRatios: Ratios;
  agents: DailyAgentRow[];
  /** Why the day's figures are not final yet (empty = final). */
  provisional: string[];
}

/** The team's ratios on one date (see teamRatiosOf). */
export function dailyTeamRatios(data: ReportData, date: IsoDate): Ratios {
  return teamRatiosOf(agentDaysOn(data, date), data.input.rules.conversionDenominator);
}

/** The team's ratios from summed counts, with 回复率 as the tools state it when every agent's export does. */
function teamRatiosOf(days: readonly AgentDay[], denominator: 'inquiries' | 'consultations'): Ratios {
  const ratios = deriveRatios(sumCounts(days), denominator);
  const stated = statedOver(days, 'responseRate', (c) => c.consultations);
  if (stated !== null) ratios.responseRate = stated;
  return ratios;
}

const byAgentName = (a: AgentDay, b: AgentDay) =>
  a.agent !== b.agent ? (a.agent < b.agent ? -1 : 1) : (a.shop ?? '') < (b.shop ?? '') ? -1 : (a.shop ?? '') > (b.shop ?? '') ? 1 : 0;

/** The person, and the account (with its shop) when the row is one of a person's accounts. */
export function agentLabel(day: AgentDay): string {
  if (!day.account) return day.agent;
  return `${day.agent} (${day.shop ? `${day.shop}:` : ''}${day.account})`;
}

/** The day's figures and flags, before any layout (tests and the CLI summary read these). */
export function dailyFigures(data: ReportData, date: IsoDate): DailyFigures {
  const { rules } = data.input;
  const days = [...agentDaysOn(data, date)].sort(byAgentName);
  const team = sumCounts(days);
  const teamRatios = teamRatiosOf(days, rules.conversionDenominator);
  const dayProvisional = data.finality.provisional.get(date) ?? [];
  const agents = days.map((day): DailyAgentRow => {
    const ratios = shownRatios(day, rules.conversionDenominator);
    const agent = data.agentsByName.get(day.agent);
    const flags: DailyFlag[] = [];
    const c = ratios.inquiryConversion;
    const teamC = teamRatios.inquiryConversion;
    if (c != null && teamC != null && c < teamC) flags.push('below_team_conversion');
    if (ratios.firstResponseSec != null && ratios.firstResponseSec > rules.firstResponseTargetSec) flags.push('slow_first_response');
    if (ratios.responseRate != null && ratios.responseRate < rules.lowResponseRate) flags.push('low_response_rate');
    if ((data.unattributedByAgentDay.get(agentDayKey(date, day.agent)) ?? []).length > 0) flags.push('unattributed_orders');
    if (c != null && teamC != null && c > teamC) flags.push('learn_from');
    if (day.provisional?.length || dayProvisional.includes('window_open')) flags.push('provisional');
    return {
      day,
      ratios,
      agentId: agent?.id ?? '',
      // The roster is the only source of a shift: an agent it does not vouch for has none.
      shift: agent && !agent.unknown ? agent.shift : '',
      band: day.inquiries == null ? null : workloadBand(day.inquiries, rules.workloadThresholds),
      flags,
    };
  });
  return { date, team, teamRatios, agents, provisional: dayProvisional };
}

const DAILY_CSV_COLUMNS: MessageKey[] = [
  'col.date', 'col.agent', 'col.agentId', 'col.shift', 'col.consultations', 'col.excluded', 'col.inquiries', 'col.placed', 'col.paid',
  'col.orderRate', 'col.paymentRate', 'col.inquiryConversion', 'col.sales', 'col.aov', 'col.itemsPerBuyer', 'col.responseRate',
  'col.firstResponseSec', 'col.qaRatio', 'col.workloadBand', 'col.flags',
];

export function dailyCsv(data: ReportData, figures: DailyFigures): CsvTable {
  const lang = data.input.language;
  return {
    fileName: 'daily.csv',
    header: DAILY_CSV_COLUMNS.map((k) => t(lang, k)),
    rows: figures.agents.map(({ day, ratios, agentId, shift, band, flags }) => [
      figures.date, agentLabel(day), agentId, shift, csvCount(day.consultations), csvCount(day.excluded), csvCount(day.inquiries),
      csvCount(day.placed), csvCount(day.paid), csvRate(ratios.orderRate), csvRate(ratios.paymentRate), csvRate(ratios.inquiryConversion),
      csvMoney(day.sales), csvMoney(ratios.aov), csvNumber(ratios.itemsPerBuyer), csvRate(ratios.responseRate),
      csvNumber(ratios.firstResponseSec), csvNumber(ratios.qaRatio), band == null ? '' : t(lang, `band.${band}` as MessageKey), flags.join(';'),
    ]),
  };
}

/** `▲ 3.2 pp`-style change of a figure, or '' when either side is empty. */
function change(now: number | null, before: number | null, kind: 'rate' | 'number' | 'money'): string {
  if (now == null || before == null) return '';
  const diff = now - before;
  const arrow = diff > 0 ? '▲' : diff < 0 ? '▼' : '＝';
  const size = Math.abs(diff);
  const text = kind === 'rate' ? `${(size * 100).toFixed(1)} pp` : kind === 'money' ? size.toFixed(2) : String(Number(size.toFixed(1)));
  return `${arrow} ${text}`;
}

interface TeamLine {
  label: MessageKey;
  pick: (c: Counts, r: Ratios, days: number) => number | null;
  kind: 'rate' | 'number' | 'money';
  format: 'integer' | 'percent' | 'money' | 'decimal1';
  target?: number | null;
  /** Lower is better (first response): the colours of a change flip. */
  lowerIsBetter?: boolean;
}

function teamBlock(data: ReportData, date: IsoDate, tab: TabSpec, startRow: number): number {
  const { rules, language: lang } = data.input;
  const countsOf = (d: IsoDate) => sumCounts(agentDaysOn(data, d));
  const agentsOn = (d: IsoDate) => new Set(agentDaysOn(data, d).map((x) => x.agent)).size;
  const dates = [date, addDays(date, -1), addDays(date, -7)];
  const snapshots = dates.map((d) => ({ counts: countsOf(d), ratios: teamRatiosOf(agentDaysOn(data, d), rules.conversionDenominator), agents: agentsOn(d) }));
  const salesTarget = rules.dailySalesTarget ?? (rules.monthlySalesTarget == null ? null : rules.monthlySalesTarget / daysInMonth(monthOf(date)));
  const lines: TeamLine[] = [
    { label: 'col.inquiries', pick: (c) => c.inquiries, kind: 'number', format: 'integer' },
    { label: 'col.paid', pick: (c) => c.paid, kind: 'number', format: 'integer' },
    { label: 'col.inquiryConversion', pick: (_c, r) => r.inquiryConversion, kind: 'rate', format: 'percent', target: rules.conversionTarget },
    { label: 'col.orderRate', pick: (_c, r) => r.orderRate, kind: 'rate', format: 'percent' },
    { label: 'col.paymentRate', pick: (_c, r) => r.paymentRate, kind: 'rate', format: 'percent' },
    { label: 'col.sales', pick: (c) => c.sales, kind: 'money', format: 'money', target: salesTarget },
    { label: 'col.aov', pick: (_c, r) => r.aov, kind: 'money', format: 'money' },
    { label: 'col.responseRate', pick: (_c, r) => r.responseRate, kind: 'rate', format: 'percent' },
    { label: 'col.firstResponseSec', pick: (_c, r) => r.firstResponseSec, kind: 'number', format: 'decimal1', target: rules.firstResponseTargetSec, lowerIsBetter: true },
    { label: 'daily.agentsOnDuty', pick: (_c, _r, n) => n, kind: 'number', format: 'integer' },
    { label: 'daily.staffingNeed', pick: (c) => (c.inquiries == null ? null : agentsNeeded(c.inquiries, rules.inquiriesPerAgent)), kind: 'number', format: 'integer' },
  ];
  const header = ['daily.metric', 'daily.today', 'daily.target', 'daily.previousDay', 'daily.vsPrevious', 'daily.lastWeek', 'daily.vsLastWeek'] as MessageKey[];
  const rows: SpecValue[][] = [];
  const cellStyles: NonNullable<TabSpec['blocks'][number]['cellStyles']> = [];
  lines.forEach((line, i) => {
    const [now, prev, week] = snapshots.map((s) => line.pick(s.counts, s.ratios, s.agents));
    rows.push([t(lang, line.label), now, line.target ?? null, prev, change(now, prev, line.kind), week, change(now, week, line.kind)]);
    const r = i + 1;
    for (const col of [1, 2, 3, 5]) cellStyles.push({ row: r, col, style: { format: line.format } });
    for (const [col, before] of [[4, prev], [6, week]] as const) {
      if (now == null || before == null || now === before) continue;
      const better = line.lowerIsBetter ? now < before : now > before;
      cellStyles.push({ row: r, col, style: { color: better ? COLOURS.up : COLOURS.down } });
    }
    if (line.target != null && now != null) {
      const met = line.lowerIsBetter ? now <= line.target : now >= line.target;
      cellStyles.push({ row: r, col: 1, style: { format: line.format, background: met ? COLOURS.good : COLOURS.bad } });
    }
  });
  if (rules.industryConversion != null && !hasPeerBenchmark(data, date)) {
    rows.push([t(lang, 'daily.benchmark'), rules.industryConversion, null, null, '', null, '']);
    cellStyles.push({ row: rows.length, col: 1, style: { format: 'percent', italic: true } });
  }
  tab.blocks.push({ ...tableBlock(startRow, 0, header.map((k) => ({ header: t(lang, k) })), rows, cellStyles) });
  return startRow + rows.length + 1;
}

function agentColumns(lang: ReportData['input']['language']): Column[] {
  // 92 px fits a wrapped two-word header and a money figure; names and flags get more.
  const col = (key: MessageKey, format?: Column['format'], widthPx = 92): Column => ({ header: t(lang, key), format, widthPx });
  return [
    col('col.agent', 'text', 150), col('col.agentId', 'text'), col('col.shift', 'text'), col('col.consultations', 'integer'),
    col('col.excluded', 'integer'), col('col.inquiries', 'integer'), col('col.placed', 'integer'), col('col.paid', 'integer'),
    col('col.orderRate', 'percent'), col('col.paymentRate', 'percent'), col('col.inquiryConversion', 'percent'), col('col.sales', 'money', 90),
    col('col.aov', 'money'), col('col.itemsPerBuyer', 'decimal2'), col('col.responseRate', 'percent'), col('col.firstResponseSec', 'decimal1'),
    col('col.qaRatio', 'decimal2'), col('col.workloadBand', 'text'), col('col.flags', 'text', 260),
  ];
}

/** @param message the owner's message (ownerMessage), shown in one cell under the title, easy to copy */
export function dailyTab(data: ReportData, figures: DailyFigures, message: string[] = []): TabSpec {
  const lang = data.input.language;
  const { date } = figures;
  const tab = emptyTab('daily', t(lang, 'tab.daily'));
  const columns = agentColumns(lang);
  const provisional = figures.provisional.length > 0;
  addTitle(tab, 0, t(lang, provisional ? 'daily.titleProvisional' : 'daily.title', { date }), columns.length);
  tab.frozenRows = 1;
  if (provisional) {
    const why = figures.provisional.map((reason) => t(lang, `daily.provisional.${reason}` as MessageKey)).join(lang === 'zh' ? '；' : '; ');
    tab.blocks.push({ row: 1, col: 0, values: [[why]], style: { italic: true, color: COLOURS.down } });
  }
  if (figures.agents.length === 0) {
    tab.blocks.push({ row: 2, col: 0, values: [[t(lang, 'daily.noData', { date })]] });
    return tab;
  }
  let row = 2;
  if (message.length > 0) {
    tab.blocks.push({ row, col: 0, values: [[message.join('\n')]], style: { wrap: true, background: COLOURS.note } });
    tab.merges.push({ row, col: 0, rows: 1, cols: 8 });
    tab.rowHeights = { ...(tab.rowHeights ?? {}), [row]: 21 * message.length };
    row += 2;
  }
  row = teamBlock(data, date, tab, row) + 1;
  row = shopBlock(data, shopLines(data, date, figures.team, figures.teamRatios), tab, row);

  tab.blocks.push({ row, col: 0, values: [[t(lang, 'daily.agents')]], style: { bold: true } });
  row += 1;
  const cellStyles: NonNullable<TabSpec['blocks'][number]['cellStyles']> = [];
  const rows: SpecValue[][] = [];
  const rowsOfAgent = groupBy(figures.agents, (a) => a.day.agent);
  figures.agents.forEach(({ day, ratios, agentId, shift, band, flags }, i) => {
    const r = rows.length + 1;
    if (flags.includes('below_team_conversion')) cellStyles.push({ row: r, col: 10, style: { background: COLOURS.bad } });
    if (flags.includes('learn_from')) cellStyles.push({ row: r, col: 10, style: { background: COLOURS.good } });
    if (flags.includes('slow_first_response')) cellStyles.push({ row: r, col: 15, style: { background: COLOURS.warn } });
    if (flags.includes('low_response_rate')) cellStyles.push({ row: r, col: 14, style: { background: COLOURS.warn } });
    if (band != null && band >= 4) cellStyles.push({ row: r, col: 17, style: { background: band === 5 ? COLOURS.bad : COLOURS.warn } });
    // A figure the tool will count later is shown as provisional, never as an empty or a 0.
    const pending = (figure: keyof AgentDay & string, value: SpecValue): SpecValue =>
      value == null && day.provisional?.includes(figure as never) ? t(lang, 'daily.provisionalCell') : value;
    rows.push([
      agentLabel(day), agentId, shift ? t(lang, `shift.${shift}` as MessageKey) : '', day.consultations, day.excluded, pending('inquiries', day.inquiries), day.placed, pending('paid', day.paid),
      ratios.orderRate, ratios.paymentRate, pending('inquiryConversion' as never, ratios.inquiryConversion), day.sales, ratios.aov, ratios.itemsPerBuyer, ratios.responseRate,
      ratios.firstResponseSec, ratios.qaRatio, band == null ? '' : t(lang, `band.${band}` as MessageKey),
      flags.map((f) => t(lang, `flag.${f}` as MessageKey)).join('; '),
    ]);
    // A person working several accounts (shops) gets a subtotal under their last account's row.
    const own = rowsOfAgent.get(day.agent)!;
    if (own.length > 1 && own[own.length - 1] === figures.agents[i]) {
      const counts = sumCounts(own.map((a) => a.day));
      const rat = deriveRatios(counts, data.input.rules.conversionDenominator);
      rows.push([
        t(lang, 'daily.personSubtotal', { agent: day.agent }), agentId, '', counts.consultations, counts.excluded, counts.inquiries, counts.placed, counts.paid,
        rat.orderRate, rat.paymentRate, rat.inquiryConversion, counts.sales, rat.aov, rat.itemsPerBuyer, rat.responseRate, rat.firstResponseSec, rat.qaRatio, '', '',
      ]);
      cellStyles.push(...Array.from({ length: 19 }, (_, col) => ({ row: rows.length, col, style: { bold: true } })));
    }
  });
  tab.blocks.push(tableBlock(row, 0, columns, rows, cellStyles));
  setWidths(tab, columns);
  row += rows.length + 2;

  row = trendBlock(data, date, tab, row);
  qualityBlock(data, date, tab, row);
  return tab;
}

/** The last 14 days of team conversion and inquiries, and a line chart of them beside the team block. */
function trendBlock(data: ReportData, date: IsoDate, tab: TabSpec, row: number): number {
  const lang = data.input.language;
  const denominator = data.input.rules.conversionDenominator;
  const rows: SpecValue[][] = [];
  for (let i = 13; i >= 0; i--) {
    const d = addDays(date, -i);
    const counts = sumCounts(agentDaysOn(data, d));
    rows.push([d, deriveRatios(counts, denominator).inquiryConversion, counts.inquiries]);
  }
  tab.blocks.push({ row, col: 0, values: [[t(lang, 'daily.trend')]], style: { bold: true } });
  const columns: Column[] = [
    { header: t(lang, 'col.date'), format: 'date' },
    { header: t(lang, 'col.inquiryConversion'), format: 'percent' },
    { header: t(lang, 'col.inquiries'), format: 'integer' },
  ];
  const top = row + 1;
  tab.blocks.push(tableBlock(top, 0, columns, rows));
  tab.charts.push({
    kind: 'line',
    title: t(lang, 'daily.trendTitle'),
    anchor: { row: 2, col: 8 },
    widthPx: 560,
    heightPx: 260,
    categories: { col: 0, firstRow: top + 1, lastRow: top + 14 },
    series: [
      { name: t(lang, 'col.inquiryConversion'), col: 1, firstRow: top + 1, lastRow: top + 14, axis: 'left', format: 'percent' },
      { name: t(lang, 'col.inquiries'), col: 2, firstRow: top + 1, lastRow: top + 14, axis: 'right', format: 'integer' },
    ],
  });
  return top + 16;
}

function qualityBlock(data: ReportData, date: IsoDate, tab: TabSpec, row: number): void {
  const lang = data.input.language;
  const lines = [
    ...data.differences.filter((d) => d.date === date).map((d) => t(lang, 'daily.qualityDiff', { ...d, computed: d.computed, exported: d.exported })),
    ...data.impossible.filter((d) => d.date === date).map((d) => t(lang, 'daily.qualityImpossible', { ...d })),
    // Listed on every day's sheet: a typo like 2999 is nowhere near the day it hides from.
    ...[...implausibleDates(data.agentDays.map((d) => d.date))].sort().map((odd) => t(lang, 'daily.qualityImplausibleDate', { date: odd })),
    ...data.conflicts
      .filter((c) => c.date === date)
      .map((c) => t(lang, 'daily.qualityConflict', { agent: c.agent, date: c.date, figure: c.figure, kept: c.kept.value, keptReport: c.kept.report, other: c.other.value, otherReport: c.other.report })),
  ];
  if (lines.length === 0) return;
  tab.blocks.push({ row, col: 0, values: [[t(lang, 'daily.qualityTitle')], ...lines.map((l) => [l])], rowStyles: [{ bold: true }], style: { color: COLOURS.down } });
}
