/**
 * The first step of *Build all reports*: computing and keeping
 * (reports/computedDays.ts) the figures of the days its groups will show that
 * are not validly kept yet, a batch at a time, so that no group reads a
 * month of chats in one execution. A batch is bounded by the cells it reads:
 * a day costs its chats and orders and those of the days it depends on
 * (readPlan's dependencyDays), counted from the day index before reading.
 *
 * The days are the ones each group's read would compute (every day the
 * group's plan reads, reportRead.ts), through the same engine and the same
 * keys: a day kept here is the day the group would have kept. With no day
 * asked for, the groups report the latest final day, which the Daily's call
 * finds from the latest days' figures: once the plan of the latest stored day
 * is kept, those figures are at hand and the plan of the default day is kept
 * too.
 */
import type { IsoDate, LocalTime, Language } from '../core/types';
import type { Rules } from '../core/rules';
import { addDays, clockBeforeData, dayOf, daysBetween } from '../core/dates';
import { daysToRead, dependencyDays, TAIL_DAYS } from '../reports/readPlan';
import { defaultReportDay, engineDays, type ReportInput } from '../reports';
import type { ComputedDay } from '../reports/computedDays';
import { readDayIndex, ROLLUP_INDEXED, runsOf, type DayIndex } from './dayIndex';
import { DayReader } from './dayRead';
import { KnownDays } from './knownDays';
import { outlyingDays, READ_EVERYTHING_PROPERTY } from './reportRead';
import { CONSULTATION_TABLE, ORDER_TABLE } from './schema';
import { assembleWorkbookData, type SideData } from './storage';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Cells of chats and orders one call reads at most (a single day's dependencies may pass it: a call keeps one day at least). */
export const KEEP_CELL_BUDGET = 250_000;
/** A document property that sets another budget (a whole number of cells): smaller where executions run slow. */
export const KEEP_CELLS_PROPERTY = 'CS_DAILY_KEEP_CELLS_PER_CALL';

function cellBudget(properties: GoogleAppsScript.Properties.Properties): number {
  const set = Number(properties.getProperty(KEEP_CELLS_PROPERTY) ?? '');
  return Number.isInteger(set) && set > 0 ? set : KEEP_CELL_BUDGET;
}

export interface KeepStep {
  /** Days computed and kept by this call. */
  kept: number;
  /** Days the groups will need that are still not kept (0: the groups may run). */
  remaining: number;
}

const NOTHING: KeepStep = { kept: 0, remaining: 0 };

/** Cells of a day's chats and orders, from the index's row runs. */
function cellsOf(index: DayIndex, day: IsoDate): number {
  let cells = 0;
  for (const table of [CONSULTATION_TABLE, ORDER_TABLE]) {
    for (const [first, last] of runsOf(index, table.tab, day)) cells += (last - first + 1) * table.columns.length;
  }
  return cells;
}

/**
 * Computes and keeps the next batch of days the groups of a build on `date`
 * (null = the default day) will need. Keeps nothing where the groups read the
 * tabs whole (no index, a clock before the data, the read-everything switch).
 */
export function keepDaysStep(ss: Spreadsheet, side: SideData, language: Language, rules: Rules, request: { date: IsoDate | null; now: LocalTime }): KeepStep {
  const properties = PropertiesService.getDocumentProperties();
  if (properties.getProperty(READ_EVERYTHING_PROPERTY) === 'true') return NOTHING;
  const budget = cellBudget(properties);
  const index = readDayIndex(ss);
  const reader = new DayReader(ss, index);
  const tail = new Set(reader.tailDays());
  const stored = new Set<IsoDate>([...index.days.keys(), ...tail]);
  const tomorrow = addDays(dayOf(request.now), 1);
  const plain = [...stored].filter((d) => d <= tomorrow);
  if (plain.length === 0 || clockBeforeData([...stored], dayOf(request.now))) return NOTHING;
  const latest = plain.reduce((a, b) => (b > a ? b : a));
  const always = outlyingDays([...stored], latest, tomorrow);
  const known = new KnownDays(ss, index, tail, rules);
  const coaching = side.data.coaching ?? [];

  /** Days computed by this call, kept at its end. */
  const fresh = new Map<IsoDate, ComputedDay>();
  // Every group's plan (keys = null plans every tab, the union of the groups').
  const planned = (date: IsoDate) => [...daysToRead({ date, choice: { date: request.date }, rules, coaching, latest, keys: null }).all, ...always].filter((d) => stored.has(d));
  // A rolled-up day has its roll-up's figures, never kept ones; its raw records are gone.
  const rolled = (d: IsoDate) => runsOf(index, ROLLUP_INDEXED, d).length > 0;
  const needed = (date: IsoDate) => [...new Set(planned(date))].filter((d) => !rolled(d) && known.keepable(d) && !fresh.has(d)).sort();
  /** The agent-day exports of the latest days (read once a call). */
  const exports = new DayReader(ss, index);
  /** The Daily's default day, from the kept figures and the agent-day exports of the latest days. */
  const defaultDay = (): IsoDate | null => {
    const days = [...daysBetween(addDays(latest, -TAIL_DAYS), latest), ...always].filter((d) => stored.has(d));
    if (!exports.load({ consultations: [], orders: [], agentDays: days, shopDays: [] })) return null;
    const computedDays = days.flatMap((d) => {
      const day = fresh.get(d) ?? known.valid.get(d);
      return day ? [day] : [];
    });
    const input: ReportInput = { language, rules, ...assembleWorkbookData(side, exports.records()), computedDays };
    return defaultReportDay(input, request.now);
  };
  /** The days still to keep: the latest day's plan, then (no day asked for) the default day's. */
  const still = (): IsoDate[] => {
    const first = needed(request.date ?? latest);
    if (first.length > 0 || request.date != null) return first;
    const day = defaultDay();
    return day === null ? [] : needed(day);
  };

  const reads = new Set<IsoDate>();
  let cells = 0;
  // The latest day's plan, then the default day's: two rounds at most, each a run of days in order while the chats
  // and orders they depend on fit the budget (the call's first day whatever it costs).
  for (let round = 0; round < 2; round++) {
    const batch: IsoDate[] = [];
    for (const day of still()) {
      const more = dependencyDays(day, rules).filter((d) => stored.has(d) && !rolled(d) && !reads.has(d));
      const extra = more.reduce((n, d) => n + cellsOf(index, d), 0);
      if ((fresh.size > 0 || batch.length > 0) && cells + extra > budget) break;
      batch.push(day);
      more.forEach((d) => reads.add(d));
      cells += extra;
    }
    if (batch.length === 0) break;
    const days = [...reads].sort();
    if (!reader.load({ consultations: days, orders: days, agentDays: [], shopDays: [] })) return NOTHING;
    const input: ReportInput = { language, rules, ...assembleWorkbookData(side, reader.records()) };
    for (const day of engineDays(input, request.now, batch)) fresh.set(day.day, day);
  }
  if (fresh.size === 0) return NOTHING;
  known.store([...fresh.values()], latest);
  return { kept: fresh.size, remaining: still().length };
}
