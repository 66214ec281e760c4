/**
 * Which days' figures are final (issue 8). A day is provisional when an export
 * says a figure of it will be counted later (赤兔's 延迟统计, a blank 询单), or
 * when raw records still could change it: its attribution window (SPEC §6a)
 * has not closed by the latest record imported, so an order paid tomorrow may
 * still count today. Decisions on provisional days are what supervisors warn
 * each other about, so reports mark them and never pick one by default.
 */
import type { AgentDay, Consultation, IsoDate, LocalTime, Order } from './types';
import type { AttributionWindow } from './rules';
import { addDays, dayOf, implausibleDates, startOfDay } from './dates';

/** Days after the inquiry's day on which a payment still counts. */
const WINDOW_DAYS: Record<AttributionWindow, number> = { same_day: 0, next_day: 1, '3_days': 3 };

/**
 * The latest plausible moment any raw record shows (a chat's start, an
 * order's creation or payment). A typo such as 2999 would close every
 * attribution window, so times on implausible days (implausibleDates over
 * the records' days, as of `today`) are passed over. `more`: the latest
 * times of records not passed (days whose figures were computed before).
 */
export function latestRecordTime(consultations: readonly Consultation[], orders: readonly Order[], today: IsoDate, more: readonly LocalTime[] = []): LocalTime | null {
  const times: LocalTime[] = [...more];
  for (const c of consultations) times.push(c.start);
  for (const o of orders) {
    times.push(o.created);
    if (o.paidAt !== null) times.push(o.paidAt);
  }
  const odd = implausibleDates(times.map(dayOf), today);
  let latest: LocalTime | null = null;
  for (const t of times) if ((latest === null || t > latest) && !odd.has(dayOf(t))) latest = t;
  return latest;
}

export interface Finality {
  /** Dates with at least one provisional figure, each with why. */
  provisional: Map<IsoDate, ProvisionalReason[]>;
  /** The latest date with data whose figures are all final; null when none is. */
  latestFinal: IsoDate | null;
}

export type ProvisionalReason = 'export_pending' | 'window_open' | 'low_volume';

/** The last day is taken for one still going on when its inquiries are under this share of the usual day's. */
export const LOW_VOLUME_SHARE = 0.5;
/** How many earlier days make "the usual day" (their median), and how many it needs at least. */
const USUAL_DAYS = 7;
const USUAL_DAYS_MIN = 3;


/**
 * @param computedDates days the engine computed from raw records (only those wait for an attribution window)
 * @param today the caller's day: dates after its tomorrow are never the latest final day (see implausibleDates)
 */
export function finalityOf(agentDays: readonly AgentDay[], computedDates: ReadonlySet<IsoDate>, latestRecord: LocalTime | null, window: AttributionWindow, today: IsoDate): Finality {
  const provisional = new Map<IsoDate, ProvisionalReason[]>();
  const mark = (date: IsoDate, reason: ProvisionalReason) => {
    const reasons = provisional.get(date) ?? [];
    if (!reasons.includes(reason)) reasons.push(reason);
    provisional.set(date, reasons);
  };
  for (const day of agentDays) if (day.provisional?.length) mark(day.date, 'export_pending');
  for (const date of computedDates) {
    const windowCloses = startOfDay(addDays(date, WINDOW_DAYS[window] + 1));
    if (latestRecord === null || latestRecord < windowCloses) mark(date, 'window_open');
  }
  // A row dated 2999 is a typo, not the latest final day.
  const odd = implausibleDates(agentDays.map((d) => d.date), today);
  for (const date of trailingDaysWellBelowUsual(agentDays, odd)) mark(date, 'low_volume');
  let latestFinal: IsoDate | null = null;
  for (const day of agentDays) if (!provisional.has(day.date) && !odd.has(day.date) && (latestFinal === null || day.date > latestFinal)) latestFinal = day.date;
  return { provisional, latestFinal };
}

/**
 * A file exported at 10:00 holds a morning, not a day: the latest dates whose
 * team inquiries are each under LOW_VOLUME_SHARE of the median of the days
 * before them are taken for days not over yet (an export can end a day or two
 * early). Only a trailing run: a quiet day in the middle of the data, followed
 * by normal days, is a real quiet day.
 */
function trailingDaysWellBelowUsual(agentDays: readonly AgentDay[], odd: ReadonlySet<IsoDate>): IsoDate[] {
  const inquiries = new Map<IsoDate, number>();
  for (const d of agentDays) if (!odd.has(d.date)) inquiries.set(d.date, (inquiries.get(d.date) ?? 0) + (d.inquiries ?? 0));
  const dates = [...inquiries.keys()].sort();
  const low: IsoDate[] = [];
  for (let i = dates.length - 1; i >= USUAL_DAYS_MIN; i--) {
    const before = dates.slice(Math.max(0, i - USUAL_DAYS), i).map((d) => inquiries.get(d)!).sort((a, b) => a - b);
    const usual = before[Math.floor(before.length / 2)];
    if (!(usual > 0 && inquiries.get(dates[i])! < LOW_VOLUME_SHARE * usual)) break;
    low.push(dates[i]);
  }
  return low;
}
