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
import { addDays, dayOf, implausibleDates, startOfDay, todayIso } from './dates';

/** Days after the inquiry's day on which a payment still counts. */
const WINDOW_DAYS: Record<AttributionWindow, number> = { same_day: 0, next_day: 1, '3_days': 3 };

/**
 * The latest plausible moment any raw record shows (a chat's start, an
 * order's creation or payment). A typo such as 2999 would close every
 * attribution window, so times on implausible days (implausibleDates over
 * the records' days) are passed over.
 */
export function latestRecordTime(consultations: readonly Consultation[], orders: readonly Order[], today: IsoDate = todayIso()): LocalTime | null {
  const times: LocalTime[] = [];
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

export type ProvisionalReason = 'export_pending' | 'window_open';

/**
 * @param computedDates days the engine computed from raw records (only those wait for an attribution window)
 */
export function finalityOf(agentDays: readonly AgentDay[], computedDates: ReadonlySet<IsoDate>, latestRecord: LocalTime | null, window: AttributionWindow): Finality {
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
  const odd = implausibleDates(agentDays.map((d) => d.date));
  let latestFinal: IsoDate | null = null;
  for (const day of agentDays) if (!provisional.has(day.date) && !odd.has(day.date) && (latestFinal === null || day.date > latestFinal)) latestFinal = day.date;
  return { provisional, latestFinal };
}
