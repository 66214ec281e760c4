/**
 * 日报 (SPEC §6.1): the team against target, yesterday and the same weekday
 * last week; one row per agent with every §2 metric, workload band and flags;
 * a 14-day trend with a chart; data-quality findings for the day.
 */
import type { AgentDay, IsoDate } from '../core/types';
import type { CsvTable, SpecValue, TabSpec } from './types';
import { deriveRatios, shownRatios, sumCounts } from '../core/metrics';
import { workloadBand } from '../core/bands';
import { addDays } from '../core/dates';
import { t, type MessageKey } from '../i18n';
import { agentDayKey, agentDaysOn, type ReportData } from './data';
import { addTitle, COLOURS, emptyTab, tableBlock, type Column } from './layout';
import { csvCount, csvMoney, csvNumber, csvRate, moneyText } from './format';
import { shopBlock, shopLines } from './shopBlock';
import { teamBlock, teamRatiosOf } from './dailyTeam';
import { agentColumns, agentLabel, agentTable } from './dailyAgents';
import { payStandingBlock } from './payStandingBlock';
import { coachingLinks } from '../core/coaching';
import { dailyNotebookBlocks } from './notebooksTab';
import type { DailyAgentRow, DailyFigures, DailyFlag } from './dailyTypes';

export type { DailyAgentRow, DailyFigures, DailyFlag } from './dailyTypes';

const byAgentName = (a: AgentDay, b: AgentDay) =>
  a.agent !== b.agent ? (a.agent < b.agent ? -1 : 1) : (a.shop ?? '') < (b.shop ?? '') ? -1 : (a.shop ?? '') > (b.shop ?? '') ? 1 : 0;


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
    // Conversion on a handful of inquiries says nothing: judged only from the minimum sample (a setting).
    const judged = (day.inquiries ?? 0) >= rules.flagMinInquiries;
    if (judged && c != null && teamC != null && c < teamC) flags.push('below_team_conversion');
    if (ratios.firstResponseSec != null && ratios.firstResponseSec > rules.firstResponseTargetSec) flags.push('slow_first_response');
    if (ratios.responseRate != null && ratios.responseRate < rules.lowResponseRate) flags.push('low_response_rate');
    if ((data.unattributedByAgentDay.get(agentDayKey(date, day.agent)) ?? 0) > 0) flags.push('unattributed_orders');
    if (judged && c != null && teamC != null && c > teamC) flags.push('learn_from');
    if (day.provisional?.length || dayProvisional.includes('window_open')) flags.push('provisional');
    return {
      day,
      ratios,
      agentId: agent?.id ?? '',
      // The schedule's shift of the day, else the rotation's, else the roster's; an agent none of them names has none.
      shift: data.shiftOn(day.agent, date)?.shift ?? '',
      band: day.inquiries == null ? null : workloadBand(day.inquiries, rules.workloadThresholds),
      flags,
      coaching: coachingLinks(data.input.coaching ?? [], day.agent, date, flags),
    };
  });
  return { date, team, teamRatios, agents, provisional: dayProvisional };
}

const DAILY_CSV_COLUMNS: MessageKey[] = [
  'col.date', 'col.agent', 'col.agentId', 'col.shift', 'col.consultations', 'col.excluded', 'col.inquiries', 'col.placed', 'col.paid',
  'col.orderRate', 'col.paymentRate', 'col.inquiryConversion', 'col.sales', 'col.aov', 'col.itemsPerBuyer', 'col.responseRate',
  'col.firstResponseSec', 'col.qaRatio', 'col.workloadBand', 'col.flags', 'col.flagKeys',
];

export function dailyCsv(data: ReportData, figures: DailyFigures): CsvTable {
  const lang = data.input.language;
  return {
    fileName: 'daily.csv',
    header: DAILY_CSV_COLUMNS.map((k) => t(lang, k)),
    rows: figures.agents.map(({ day, ratios, agentId, shift, band, flags }) => [
      figures.date, agentLabel(day), agentId, shift ? t(lang, `shift.${shift}` as MessageKey) : '', csvCount(day.consultations), csvCount(day.excluded), csvCount(day.inquiries),
      csvCount(day.placed), csvCount(day.paid), csvRate(ratios.orderRate), csvRate(ratios.paymentRate), csvRate(ratios.inquiryConversion),
      csvMoney(day.sales), csvMoney(ratios.aov), csvNumber(ratios.itemsPerBuyer), csvRate(ratios.responseRate),
      csvNumber(ratios.firstResponseSec), csvNumber(ratios.qaRatio), band == null ? '' : t(lang, `band.${band}` as MessageKey),
      flags.map((f) => t(lang, `flag.${f}` as MessageKey)).join(lang === 'zh' ? '；' : '; '), flags.join(';'),
    ]),
  };
}

/** @param message the owner's message (ownerMessage), shown in one cell under the title, easy to copy */
export function dailyTab(data: ReportData, figures: DailyFigures, message: string[] = []): TabSpec {
  const lang = data.input.language;
  const { date } = figures;
  const tab = emptyTab('daily', t(lang, 'tab.daily'));
  const width = agentColumns(lang).length;
  const provisional = figures.provisional.length > 0;
  addTitle(tab, 0, t(lang, provisional ? 'daily.titleProvisional' : 'daily.title', { date }), width);
  tab.frozenRows = 1;
  // One page wide however many columns: the Daily is read whole, never in column groups.
  tab.print = { repeatRows: { first: 0, last: 0 }, repeatCols: null, fitToWidth: true };
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
  row = agentTable(data, figures, tab, row + 1);
  row = dailyNotebookBlocks(data, date, tab, row);

  // Printed, the team and its agents make the first page; what follows starts the next.
  tab.pageBreaks = [row];
  row = payStandingBlock(data, date, tab, row);
  row = trendBlock(data, date, tab, row);
  qualityBlock(data, figures, tab, row);
  return tab;
}

/** Team conversion and inquiries of the last 14 days that have data, and a line chart of them beside that table. */
function trendBlock(data: ReportData, date: IsoDate, tab: TabSpec, row: number): number {
  const lang = data.input.language;
  const { conversionDenominator: denominator, conversionTarget: target } = data.input.rules;
  const rows: SpecValue[][] = [];
  for (let i = 13; i >= 0; i--) {
    const d = addDays(date, -i);
    const days = agentDaysOn(data, d);
    // A day without data is no point of the trend: listed, it would show a blank rate beside the target.
    if (days.length === 0) continue;
    const counts = sumCounts(days);
    const values: SpecValue[] = [d, deriveRatios(counts, denominator).inquiryConversion, counts.inquiries];
    // The target as a column of its own draws it as a flat line beside the conversion.
    if (target != null) values.push(target);
    rows.push(values);
  }
  tab.blocks.push({ row, col: 0, values: [[t(lang, 'daily.trend')]], style: { bold: true } });
  const columns: Column[] = [
    { header: t(lang, 'col.date'), format: 'date' },
    { header: t(lang, 'col.inquiryConversion'), format: 'percent' },
    { header: t(lang, 'col.inquiries'), format: 'integer' },
    ...(target != null ? [{ header: t(lang, 'daily.conversionTarget'), format: 'percent' as const }] : []),
  ];
  const top = row + 1;
  tab.blocks.push(tableBlock(top, 0, columns, rows));
  const series = (name: string, col: number, axis: 'left' | 'right', format: 'percent' | 'integer') => ({ name, col, firstRow: top + 1, lastRow: top + rows.length, axis, format });
  tab.charts.push({
    kind: 'line',
    title: t(lang, 'daily.trendTitle'),
    axisTitles: { bottom: t(lang, 'col.date'), left: t(lang, 'col.inquiryConversion'), right: t(lang, 'col.inquiries') },
    // Beside the trend's own table, on the page the table prints on.
    anchor: { row, col: columns.length + 1 },
    widthPx: 560,
    heightPx: 260,
    categories: { col: 0, firstRow: top + 1, lastRow: top + rows.length },
    series: [
      series(t(lang, 'col.inquiryConversion'), 1, 'left', 'percent'),
      ...(target != null ? [series(t(lang, 'daily.conversionTarget'), 3, 'left', 'percent')] : []),
      series(t(lang, 'col.inquiries'), 2, 'right', 'integer'),
    ],
  });
  // The chart is 13 rows tall: what follows starts under it or under the table, whichever ends lower.
  return top + Math.max(rows.length + 2, 15);
}

function qualityBlock(data: ReportData, figures: DailyFigures, tab: TabSpec, row: number): void {
  const lang = data.input.language;
  const { date } = figures;
  const shop = new Map(shopLines(data, date, figures.team, figures.teamRatios).map((l) => [l.label, l.value]));
  const share = shop.get('shop.csShare');
  const lines = [
    // The agents' credited sales above the shop's own figure: the pages count by other rules or scopes.
    ...(share != null && share > 1 ? [t(lang, 'owner.shopShareOver', { cs: moneyText(shop.get('shop.csSales') ?? null), shop: moneyText(shop.get('shop.sales') ?? null) })] : []),
    ...data.differences.filter((d) => d.date === date).map((d) => t(lang, 'daily.qualityDiff', { ...d, computed: d.computed, exported: d.exported })),
    ...data.impossible.filter((d) => d.date === date).map((d) => t(lang, 'daily.qualityImpossible', { ...d })),
    // Listed on every day's sheet: a typo like 2999 is nowhere near the day it hides from.
    ...[...data.implausible].sort().map((odd) => t(lang, 'daily.qualityImplausibleDate', { date: odd })),
    ...(data.clockBeforeData ? [t(lang, 'daily.qualityClockBeforeData', { today: data.today, first: data.clockBeforeData })] : []),
    ...capacityLines(data),
    ...data.conflicts
      .filter((c) => c.date === date)
      .map((c) => t(lang, 'daily.qualityConflict', { agent: c.agent, date: c.date, figure: c.figure, kept: c.kept.value, keptReport: c.kept.report, other: c.other.value, otherReport: c.other.report })),
  ];
  if (lines.length === 0) return;
  tab.blocks.push({ row, col: 0, values: [[t(lang, 'daily.qualityTitle')], ...lines.map((l) => [l])], rowStyles: [{ bold: true }], style: { color: COLOURS.down } });
}

/** Where the store has a limit (a spreadsheet's grid): its cells in use as a share of it, and the days left at the current rate. */
function capacityLines(data: ReportData): string[] {
  const capacity = data.input.capacity;
  if (!capacity) return [];
  const lang = data.input.language;
  const days = capacity.daysLeft == null ? '' : t(lang, 'daily.capacityDaysLeft', { days: capacity.daysLeft.toLocaleString('en') });
  const share = `${((100 * capacity.used) / capacity.limit).toFixed(1)}%`;
  return [t(lang, 'daily.capacity', { used: capacity.used.toLocaleString('en'), limit: capacity.limit.toLocaleString('en'), share, daysLeft: days })];
}
