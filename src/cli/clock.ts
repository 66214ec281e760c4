/**
 * The moment a CLI run is made as of: `--now` when given (a reproducible
 * run), else the machine's clock in its own time zone. The only place the
 * offline pipeline reads the clock; reports receive the moment.
 */
import type { LocalTime } from '../core/types';
import { isIsoDate, localTime, startOfDay } from '../core/dates';

/** `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm` or `YYYY-MM-DD HH:mm[:ss]` as wall-clock time; null when it is none of these. */
export function parseNow(text: string): LocalTime | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m || !isIsoDate(m[1])) return null;
  const [hour, minute, second] = [m[2], m[3], m[4]].map((part) => Number(part ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return null;
  return startOfDay(m[1]) + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** The machine's clock as wall-clock time in the machine's time zone. */
export function machineNow(clock: Date = new Date()): LocalTime {
  return localTime(clock.getFullYear(), clock.getMonth() + 1, clock.getDate(), clock.getHours(), clock.getMinutes(), clock.getSeconds());
}
