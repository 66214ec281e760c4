/**
 * 日报 (SPEC §6.1): the team against target, yesterday and the same weekday
 * last week; one row per agent with every §2 metric, workload band and flags;
 * a 14-day trend with a chart; data-quality findings for the day.
 */
import type { AgentDay, IsoDate } from '../core/types';
import type { CsvTable, PrintSetup, TabSpec } from './types';
import { shownRatios, sumCounts } from '../core/metrics';
import { workloadBand } from '../core/bands';
import { t, type MessageKey } from '../i18n';
import { agentDayKey, agentDaysOn, type ReportData } from './data';
import { A4_LANDSCAPE_PX, addTitle, COLOURS, DEFAULT_COLUMN_PX, emptyTab, printScaleFor, tabWidthPx, linesHeightPx, wrappedLines } from './layout';
import { csvCount, csvMoney, csvNumber, csvRate, moneyText } from './format';
import { shopBlock, shopLines } from './shopBlock';
import { teamBlock, teamRatiosOf } from './dailyTeam';
import { agentLabel, agentPartWidths, agentParts, writeAgentParts } from './dailyAgents';
import { payStandingBlock } from './payStandingBlock';
import { trendBlock } from './dailyTrend';
import { pageBreaksFor, type KeepTogether } from './pageBreaks';
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
  // The service figures some exports state, blank where a row's export does not: a fixed set of columns for machines.
  'col.avgResponseSec', 'col.slowResponses', 'col.unanswered', 'col.transfersOut',
  'col.verySatisfied', 'col.satisfied', 'col.neutral', 'col.dissatisfied', 'col.veryDissatisfied',
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
      csvNumber(ratios.avgResponseSec), csvCount(day.slowResponses), csvCount(day.unanswered), csvCount(day.transfersOut),
      csvCount(day.verySatisfied), csvCount(day.satisfied), csvCount(day.neutral), csvCount(day.dissatisfied), csvCount(day.veryDissatisfied),
    ]),
  };
}

/** The Daily prints at this scale or larger (percent): its columns are sized so the agent table fits A4 landscape at it. */
export const DAILY_MIN_PRINT_SCALE = 70;
/** The scale the flags column is widened toward, when the other columns leave room. */
const DAILY_AIM_PRINT_SCALE = 72;

/** @param message the owner's message (ownerMessage), shown in one cell under the title, easy to copy */
export function dailyTab(data: ReportData, figures: DailyFigures, message: string[] = []): TabSpec {
  const lang = data.input.language;
  const { date } = figures;
  const tab = emptyTab('daily', t(lang, 'tab.daily'));
  const parts = agentParts(data, figures);
  const width = parts[0].columns.length;
  // The columns first: every block below wraps its text and sizes its rows in them.
  const aimPx = Math.floor((A4_LANDSCAPE_PX * 100) / DAILY_AIM_PRINT_SCALE);
  tab.columnWidths = agentPartWidths(parts);
  const provisional = figures.provisional.length > 0;
  addTitle(tab, 0, t(lang, provisional ? 'daily.titleProvisional' : 'daily.title', { date }), width);
  tab.frozenRows = 1;
  if (provisional) {
    const why = figures.provisional.map((reason) => t(lang, `daily.provisional.${reason}` as MessageKey)).join(lang === 'zh' ? '；' : '; ');
    tab.blocks.push({ row: 1, col: 0, values: [[why]], style: { italic: true, color: COLOURS.down } });
  }
  if (figures.agents.length === 0) {
    tab.blocks.push({ row: 2, col: 0, values: [[t(lang, 'daily.noData', { date })]] });
    tab.print = printSetupAt(tab);
    return tab;
  }
  // Row 1 holds why the day is provisional, when it is.
  let row = provisional ? 2 : 1;
  const shop = shopLines(data, date, figures.team, figures.teamRatios);
  // The owner's message on top, or beside the shop block when there is one (the two read together, and the page keeps its height).
  if (message.length > 0 && shop.length === 0) {
    messageAt(tab, message, row, 0, Math.min(width, 12));
    row += 2;
  }
  // The team block, and the 14-day trend table and its chart beside it.
  const teamTop = row;
  row = Math.max(teamBlock(data, date, tab, row), trendBlock(data, date, tab, teamTop, TREND_COL)) + 1;
  if (shop.length > 0) {
    const shopTop = row;
    row = shopBlock(data, shop, tab, row);
    if (message.length > 0) row = Math.max(row, messageAt(tab, message, shopTop, SHOP_MESSAGE_COL, width - SHOP_MESSAGE_COL) + 2);
  }
  const keep: KeepTogether[] = [{ first: 0, last: row - 1 }];
  // The pay standing below widens columns for its headers: laid out on a scratch tab first, so the flags see those widths.
  const scratch: TabSpec = { ...emptyTab('daily', tab.name), columnWidths: { ...tab.columnWidths } };
  payStandingBlock(data, date, scratch, 0);
  tab.columnWidths = scratch.columnWidths;
  // The flags column takes the room the others leave toward the aimed scale, within bounds.
  const flags = width - 1;
  const othersPx = tabWidthPx({ ...tab, columnWidths: { ...tab.columnWidths, [flags]: 0 } });
  tab.columnWidths[flags] = Math.min(320, Math.max(200, aimPx - othersPx));

  const written = writeAgentParts(parts, tab, row);
  keep.push(...written.spans);
  row = written.row;
  // The small tables after them flow on: a page break estimated before each would cost a page more often than it saves a split.
  row = dailyNotebookBlocks(data, date, tab, row);
  row = payStandingBlock(data, date, tab, row);
  qualityBlock(data, figures, tab, row);
  // The chart ends inside the agent table's width, whatever the columns became after it was placed: past it, it would print a page of its own.
  for (const chart of tab.charts) chart.widthPx = Math.min(CHART_MAX_PX, widthOf(tab, chart.anchor.col, width) - 8);
  tab.print = printSetupAt(tab);
  // The summary and each part of the agent table whole on a page, with its title.
  tab.pageBreaks = pageBreaksFor(tab, keep, tab.print.scale ?? 100, 1);
  return tab;
}

/** Where the trend table starts (right of the team block and a gap), and where the message starts beside the shop block. */
const TREND_COL = 8;
const SHOP_MESSAGE_COL = 3;
/** The trend chart's widest: it fills the columns right of its table up to the agent table's edge, at most this. */
const CHART_MAX_PX = 560;

/** The message in one cell of `cols` columns at (row, col), as tall as its lines wrap to there; returns the row it ends on. */
function messageAt(tab: TabSpec, message: string[], row: number, col: number, cols: number): number {
  const text = message.join('\n');
  tab.blocks.push({ row, col, values: [[text]], style: { wrap: true, background: COLOURS.note } });
  tab.merges.push({ row, col, rows: 1, cols });
  const px = linesHeightPx(text, message.reduce((n, line) => n + wrappedLines(line, widthOf(tab, col, col + cols)), 0));
  tab.rowHeights = { ...(tab.rowHeights ?? {}), [row]: Math.max(tab.rowHeights?.[row] ?? 0, px) };
  return row;
}

const widthOf = (tab: TabSpec, first: number, end: number) => {
  let px = 0;
  for (let c = first; c < end; c++) px += tab.columnWidths[c] ?? DEFAULT_COLUMN_PX;
  return px;
};

/** Title row repeated on each page, at the largest scale (at most 100 %) that fits the tab's width on A4 landscape. */
function printSetupAt(tab: TabSpec): PrintSetup {
  return { repeatRows: { first: 0, last: 0 }, repeatCols: null, fitToWidth: false, scale: printScaleFor(tabWidthPx(tab)) };
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
