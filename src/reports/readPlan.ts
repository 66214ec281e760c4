/**
 * Which stored days a report run needs, and what of each day, so that a store
 * that keeps records by day (the spreadsheet's day index) reads those days and
 * not its whole age, and of a day only the tabs a report reads of it.
 *
 * A day is read for one of three things (the contract each tab keeps):
 * - figures: the day's agent-day figures (a kept computed day, or its chats
 *   and orders computed now; its agent-day exports and shop pages);
 * - orders too: a report joins the day's credits to their orders, sums order
 *   amounts, lists orders or looks back at a buyer's payments;
 * - chats: the chats to review list the report day's own chats (reviewChatDays).
 *
 * A run on report day D, ranking period P and payroll month M:
 * - every run: the latest stored days, figures (which day is final: export
 *   flags, the low-volume rule over the 7 days before, the latest record
 *   time a kept day holds);
 * - Daily: figures of D − 13 … D and of D's month up to D (the previous day,
 *   the same weekday last week, the 7- and 14-day trends, the pay standing,
 *   the month's sales; the coaching windows of the measures whose after-window
 *   ends in D's week); orders of D (its agents' unremarked-order flags, the
 *   owner's unremarked orders paid on D);
 * - chats to review: figures and orders of D (its flags, its credited and
 *   unpaid orders), chats of D and the days before it, orders of the buyers' look-back
 *   (REPURCHASE_LOOKBACK_DAYS before D);
 * - Ranking: figures of P and the period before it (the rank change), orders
 *   of P (purchase and repurchase cycles) and the repurchase look-back before it;
 * - Payroll, Scorecard: figures and orders of M (credited and remarked
 *   sales, the shop's order value);
 * - Unattributed: orders of M and their credits (the likely agent), no
 *   figures;
 * - Coaching: figures of every entry's coaching windows.
 * Notebooks and import errors read no day of their own. A run writing only
 * some tabs plans only theirs.
 *
 * Figures of a day computed from raw chats and orders also depend on the days
 * before it: a chat may repeat an inquiry opened up to `repeat_window_hours`
 * earlier, an order is credited to an inquiry up to the attribution window
 * before it, and a repurchase interval looks back REPURCHASE_LOOKBACK_DAYS. So
 * every span is planned (and its orders read) from `recordMarginDays` before
 * its first day; and a later order may pay an inquiry (or a later chat take
 * its credit) within the attribution window (or a later chat still belong to
 * it), so to `recordMarginAfterDays` after its last. A day's exports and shop
 * pages show only that day: read without margins.
 *
 * Exact as long as no buyer's chats chain over the margin (every gap within
 * the repeat window for its whole length) and no order is paid more than the
 * margin after the day it was created: the stores key orders by creation day.
 */
import type { IsoDate } from '../core/types';
import type { Rules } from '../core/rules';
import type { CoachingEntry } from '../core/coaching';
import { addDays, daysBetween, daysInMonth, isoWeekStart, monthOf } from '../core/dates';
import { periodContaining, previousPeriod } from '../core/periods';
import { REPURCHASE_LOOKBACK_DAYS } from '../core/cycles';
import type { ReportChoice } from './data';
import type { TabKey } from './types';

export interface DaySpan {
  first: IsoDate;
  last: IsoDate;
}

/** The Daily's reach back from its day: the 14-day trend (the 7-day trend, the same weekday last week and the previous day lie inside). */
export const DAILY_REACH_DAYS = 13;
/** The latest stored days read on every run, to tell the latest final day (the low-volume rule compares with the 7 days before). */
export const TAIL_DAYS = 14;

const ATTRIBUTION_DAYS: Record<Rules['attributionWindow'], number> = { same_day: 0, next_day: 1, '3_days': 3 };

/** Days read before a span: twice the repeat window (an inquiry's opening decides the next one's), the attribution window and a day. */
export function recordMarginDays(rules: Rules): number {
  return 2 * Math.ceil(rules.repeatWindowHours / 24) + ATTRIBUTION_DAYS[rules.attributionWindow] + 1;
}

/** Days read after a span: the attribution window (a later order may still pay a span's inquiry, a later chat take its credit) or the repeat window (a later chat may still be the inquiry's), and a day. */
export function recordMarginAfterDays(rules: Rules): number {
  return Math.max(ATTRIBUTION_DAYS[rules.attributionWindow], Math.ceil(rules.repeatWindowHours / 24)) + 1;
}

export interface PlanInput {
  /** The report day this plan is for. */
  date: IsoDate;
  choice: ReportChoice;
  rules: Rules;
  coaching: readonly CoachingEntry[];
  /** The latest plausible stored day. */
  latest: IsoDate;
  /** The tabs the run writes; none = every tab. */
  keys?: readonly TabKey[] | null;
}

/** What the reports of `date` show of which days (before margins). */
export interface ShownSpans {
  /** Days whose agent-day figures a tab shows. */
  figures: DaySpan[];
  /** Days whose orders a tab reads too (their figures as well). */
  orders: DaySpan[];
  /** Days whose orders and credits a tab reads, not their figures (an order list and its likely agents). */
  credited: DaySpan[];
  /** Days only orders are needed of (a buyer's look-back). */
  ordersOnly: DaySpan[];
}

/** The days the reports of `date` show, by what they read of them (see the module's comment). */
export function shownSpans({ date, choice, rules, coaching, latest, keys }: PlanInput): ShownSpans {
  const writes = (...some: TabKey[]) => keys == null || some.some((key) => keys.includes(key));
  const n = rules.coachingWindowDays;
  const windowOf = (entry: CoachingEntry): DaySpan => ({ first: addDays(entry.date, -n), last: addDays(entry.date, n) });
  const day: DaySpan = { first: date, last: date };
  // Every run tells which days are final from the latest stored days.
  const figures: DaySpan[] = [{ first: addDays(latest, -TAIL_DAYS), last: latest }];
  const orders: DaySpan[] = [];
  const credited: DaySpan[] = [];
  const ordersOnly: DaySpan[] = [];
  if (writes('daily')) {
    figures.push({ first: addDays(date, -DAILY_REACH_DAYS), last: date }, { first: `${monthOf(date)}-01`, last: date });
    // The owner's line on measures that worked: entries whose after-window ends in the report day's week.
    const weekFirst = isoWeekStart(date);
    for (const entry of coaching) if (addDays(entry.date, n) >= weekFirst && entry.date <= date) figures.push(windowOf(entry));
    orders.push(day);
  }
  if (writes('review')) {
    orders.push(day);
    // A chat to review: what its buyer paid in the look-back (orders alone).
    ordersOnly.push({ first: addDays(date, -REPURCHASE_LOOKBACK_DAYS), last: date });
  }
  if (writes('ranking')) {
    const period = periodContaining(choice.period === 'month' && choice.month ? `${choice.month}-01` : date, choice.period ?? 'day');
    const previous = previousPeriod(period);
    figures.push({ first: previous.first, last: previous.last });
    orders.push({ first: period.first, last: period.last });
    // A repurchase interval of the period looks back at the buyer's earlier payments: orders alone.
    ordersOnly.push({ first: addDays(previous.first, -REPURCHASE_LOOKBACK_DAYS), last: previous.first });
  }
  const month = choice.month ?? monthOf(date);
  const payrollMonth = { first: `${month}-01`, last: `${month}-${String(daysInMonth(month)).padStart(2, '0')}` };
  if (writes('payroll', 'scorecard')) orders.push(payrollMonth);
  if (writes('unattributed')) credited.push(payrollMonth);
  if (writes('coaching')) figures.push(...coaching.map(windowOf));
  return { figures, orders, credited, ordersOnly };
}

/** The stored days whose raw records the figures of `day` depend on: the margins around it. */
export function dependencyDays(day: IsoDate, rules: Rules): IsoDate[] {
  return daysBetween(addDays(day, -recordMarginDays(rules)), addDays(day, recordMarginAfterDays(rules)));
}

/**
 * The days whose chats the chats to review of `day` read: the day's own, and the days before it whose chats decide
 * which inquiries the day opens (chatReview reads a pair's chats up to the day's end). The day's credits are its
 * figures: kept, or computed now from its dependency days.
 */
export function reviewChatDays(day: IsoDate, rules: Rules): IsoDate[] {
  return daysBetween(addDays(day, -recordMarginDays(rules)), day);
}

const daysOf = (spans: readonly DaySpan[]): Set<IsoDate> => new Set(spans.flatMap((span) => daysBetween(span.first, span.last)));

/** The days the reports of `date` show figures of (every span, before margins; the orders-only look-backs apart). */
export function shownDays(input: PlanInput): Set<IsoDate> {
  const { figures, orders } = shownSpans(input);
  return daysOf([...figures, ...orders]);
}

/**
 * The days to read for `date`: `all` every shown span from its margin on (the
 * days whose figures or credits are planned); `orders` the days whose orders
 * are read (the order spans and the look-backs, from their margins); `shown`
 * the days whose own figures a tab shows (their exports and shop pages are
 * read).
 */
export function daysToRead(input: PlanInput): { all: Set<IsoDate>; orders: Set<IsoDate>; shown: Set<IsoDate> } {
  const [before, after] = [recordMarginDays(input.rules), recordMarginAfterDays(input.rules)];
  const { figures, orders, credited, ordersOnly } = shownSpans(input);
  const widened = (spans: readonly DaySpan[]) => spans.map((span) => ({ first: addDays(span.first, -before), last: addDays(span.last, after) }));
  return { all: daysOf(widened([...figures, ...orders, ...credited])), orders: daysOf(widened([...orders, ...credited, ...ordersOnly])), shown: daysOf([...figures, ...orders]) };
}
