/**
 * The stored data a report run needs, read once per run: the side tabs whole
 * (roster, events, settings, logs, claims, import errors), the data tabs only
 * for the days the reports show (reports/readPlan.ts) through the day index;
 * a kept day's orders come from the kept tab (reports/computedDays.ts), not
 * its order rows.
 *
 * The default report day is only known once the latest days are read, so the
 * run reads the plan of the latest stored day, builds, and checks that the
 * plan of the day it reported was read; if not, it reads the missing days and
 * builds again. It reads the tabs whole when the index cannot answer: no
 * index, a row not of its indexed day, a clock before the data, no final day
 * among the days read, or no settled plan after three passes; and when the
 * document property READ_EVERYTHING_PROPERTY is 'true' (a check, and a way
 * out should a period read ever be doubted).
 */
import type { IsoDate, Language } from '../core/types';
import type { Rules } from '../core/rules';
import { addDays, clockBeforeData, dayOf, MAX_GAP_DAYS, startOfDay, MS_PER_DAY } from '../core/dates';
import { buildReports, type ReportInput, type ReportRequest, type ReportRun } from '../reports';
import { daysToRead, dependencyDays, reviewChatDays } from '../reports/readPlan';
import type { TabKey } from '../reports/types';
import { readDayIndex } from './dayIndex';
import { KnownDays } from './knownDays';
import { DayReader, type DaysByKind } from './dayRead';
import { assembleWorkbookData, readAllRecords, type SideData } from './storage';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const READ_EVERYTHING_PROPERTY = 'CS_DAILY_REPORTS_READ_EVERYTHING';
const MAX_PASSES = 3;

export interface StoredRun {
  input: ReportInput;
  run: ReportRun;
  /** How the data tabs were read: by day through the index, or whole. */
  read: 'days' | 'whole';
}

/**
 * The stored days that are no run's ordinary history: after tomorrow, or cut
 * off from the latest day by a gap over MAX_GAP_DAYS. Read on every run, so the
 * data-quality lines and the default day see them as a whole read does.
 */
export function outlyingDays(stored: readonly IsoDate[], latest: IsoDate, tomorrow: IsoDate): IsoDate[] {
  const sorted = [...stored].sort();
  const out: IsoDate[] = sorted.filter((d) => d > tomorrow);
  const plain = sorted.filter((d) => d <= tomorrow);
  // Walk back from the latest day while no gap over MAX_GAP_DAYS separates the days.
  let i = plain.indexOf(latest);
  while (i > 0 && (startOfDay(plain[i]) - startOfDay(plain[i - 1])) / MS_PER_DAY <= MAX_GAP_DAYS) i--;
  out.push(...plain.slice(0, i));
  return out;
}

/**
 * @param side the side tabs, read by the caller before the rules (loadSideData)
 * @param keys the tabs the caller writes (null = every tab): only their days are read
 * @param adjust turns the stored data into the reports' input (the BigQuery flavour); a run with one reads the tabs whole
 */
export function buildFromStore(
  ss: Spreadsheet,
  side: SideData,
  language: Language,
  rules: Rules,
  request: ReportRequest,
  keys: readonly TabKey[] | null,
  adjust?: (input: ReportInput) => ReportInput,
): StoredRun {
  const whole = (): StoredRun => {
    const stored: ReportInput = { language, rules, ...assembleWorkbookData(side, readAllRecords(ss)) };
    const input = adjust ? adjust(stored) : stored;
    return { input, run: buildReports(input, request), read: 'whole' };
  };
  if (adjust || PropertiesService.getDocumentProperties().getProperty(READ_EVERYTHING_PROPERTY) === 'true') return whole();
  return byDays(ss, side, language, rules, request, keys) ?? whole();
}

function byDays(ss: Spreadsheet, side: SideData, language: Language, rules: Rules, request: ReportRequest, keys: readonly TabKey[] | null): StoredRun | null {
  const index = readDayIndex(ss);
  const reader = new DayReader(ss, index);
  const tail = new Set(reader.tailDays());
  const stored = new Set<IsoDate>([...index.days.keys(), ...tail]);
  if (stored.size === 0) return null;
  const tomorrow = addDays(dayOf(request.now), 1);
  const plain = [...stored].filter((d) => d <= tomorrow);
  // Every stored day after tomorrow: the clock (or the data) is wrong, and a whole read says so as it always has.
  if (plain.length === 0 || clockBeforeData([...stored], dayOf(request.now))) return null;
  const latest = plain.reduce((a, b) => (b > a ? b : a));
  const always = outlyingDays([...stored], latest, tomorrow);
  const coaching = side.data.coaching ?? [];
  const known = new KnownDays(ss, index, tail, rules);
  /** The days whose figures are planned, whose chats and orders were read (or taken from the kept days), and which of those orders were kept ones. */
  const read = { planned: new Set<IsoDate>(), chats: new Set<IsoDate>(), orders: new Set<IsoDate>(), keptOrders: new Set<IsoDate>() };
  const keptOrders = (day: IsoDate) => known.valid.get(day)?.orders ?? null;
  /** The days whose figures are planned (their kept computed days used), and what to read of each data tab. */
  const plan = (date: IsoDate): { planned: IsoDate[]; days: DaysByKind } => {
    const choice = { date, choice: request, rules, coaching, latest, keys };
    const { all, orders, shown } = daysToRead(choice);
    // Chats are read for the report day's chats to review, and for every day planned that was not computed before, with
    // the days it depends on (so it is computed now, and kept: a margin day's credits pay orders of the days shown).
    const chats = new Set(keys === null || keys.includes('review') ? reviewChatDays(date, rules) : []);
    const planned = [...all, ...always].filter((d) => stored.has(d));
    for (const d of planned) if (!known.valid.has(d)) for (const x of dependencyDays(d, rules)) chats.add(x);
    // A day's chats are credited with the orders of the days it depends on: read where the chats are.
    const withChats = [...chats, ...always].filter((d) => stored.has(d));
    // Exports and shop pages state a day's own figures: read for the days shown.
    const figures = [...shown, ...always].filter((d) => stored.has(d));
    // A kept day's orders are taken from the kept tab (far fewer cells than its order rows), not read again.
    const withOrders = [...new Set([...orders, ...withChats, ...always])].filter((d) => stored.has(d));
    for (const d of withOrders) if (!read.orders.has(d) && !always.includes(d) && keptOrders(d) !== null) read.keptOrders.add(d);
    return { planned, days: { consultations: withChats, agentDays: figures, shopDays: figures, orders: withOrders.filter((d) => !read.keptOrders.has(d)) } };
  };
  let next = plan(request.date ?? latest);
  let want = next.days;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (!reader.load(want)) return null;
    next.planned.forEach((d) => read.planned.add(d));
    want.consultations.forEach((d) => read.chats.add(d));
    want.orders.forEach((d) => read.orders.add(d));
    read.keptOrders.forEach((d) => read.orders.add(d));
    const computedDays = [...known.valid.values()].filter((c) => read.planned.has(c.day));
    const records = reader.records();
    const input: ReportInput = { language, rules, ...assembleWorkbookData(side, { ...records, orders: [...records.orders, ...[...read.keptOrders].flatMap((d) => keptOrders(d)!)] }), computedDays };
    const run = buildReports(input, { ...request, computeDays: known.computable(read, stored) });
    if (run.date === null) return null;
    // Without a final day among the days read, the whole history may hold the default day.
    if (request.date == null && run.latestFinal === null) return null;
    next = plan(run.date);
    want = reader.missing(next.days);
    if (next.planned.every((d) => read.planned.has(d)) && Object.values(want).every((days) => days.length === 0)) {
      known.store(run.computedDays, latest);
      return { input, run, read: 'days' };
    }
  }
  return null;
}
