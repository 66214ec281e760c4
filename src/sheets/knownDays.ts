/**
 * Which computed days (reports/computedDays.ts) a build may use instead of
 * reading their chats, which it may compute and keep, and keeping them.
 */
import type { IsoDate } from '../core/types';
import type { Rules } from '../core/rules';
import { dependencyDays } from '../reports/readPlan';
import { computedDayKey, computeFingerprint, type ComputedDay } from '../reports/computedDays';
import { dayVersion, ROLLUP_INDEXED, runsOf, type DayIndex } from './dayIndex';
import { readComputedDays, storeComputedDays, type ComputedDaysRead } from './computedDaysTab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The version of a day with rows past the index: in no key ever stored (such days are never kept). */
const UNKNOWN_VERSION = '\u0000unknown';

/**
 * The computed days stored (computedDaysTab.ts) and which of them still hold:
 * their key, made of the engine's settings and the versions of the days
 * they depend on (the day index counts every write), is the one made now.
 * A day with rows past the index has no known version: nothing depending on
 * it is used or stored.
 */
export class KnownDays {
  private readonly stored: ComputedDaysRead;
  private readonly fingerprint: string;
  readonly valid = new Map<IsoDate, ComputedDay>();

  constructor(
    private readonly ss: Spreadsheet,
    private readonly index: DayIndex,
    private readonly tail: ReadonlySet<IsoDate>,
    private readonly rules: Rules,
  ) {
    this.stored = readComputedDays(ss);
    this.fingerprint = computeFingerprint(rules);
    // A rolled-up day's figures and sums are its roll-up's: a block kept before the roll-up no longer holds.
    const rolledUp = (day: IsoDate) => runsOf(index, ROLLUP_INDEXED, day).length > 0;
    for (const [day, s] of this.stored.days) if (s.key === this.keyOf(day) && !rolledUp(day)) this.valid.set(day, s.day);
  }

  keyOf = (day: IsoDate): string => computedDayKey(this.fingerprint, dependencyDays(day, this.rules), (d) => (this.tail.has(d) ? UNKNOWN_VERSION : dayVersion(this.index, d)));

  /** The days not computed before whose every stored dependency had its chats and orders read. */
  computable(read: { planned: ReadonlySet<IsoDate>; chats: ReadonlySet<IsoDate>; orders: ReadonlySet<IsoDate> }, stored: ReadonlySet<IsoDate>): IsoDate[] {
    return [...read.chats].filter((day) => {
      if (this.valid.has(day) || !read.planned.has(day)) return false;
      const deps = dependencyDays(day, this.rules);
      return deps.every((d) => !this.tail.has(d) && (!stored.has(d) || (read.chats.has(d) && read.orders.has(d))));
    });
  }

  /** A day not kept validly that may be kept once computed: none of the days it depends on has rows past the index. */
  keepable(day: IsoDate): boolean {
    return !this.valid.has(day) && dependencyDays(day, this.rules).every((d) => !this.tail.has(d));
  }

  /** Keeps the days the run computed (ReportRun.computedDays); from now on they are valid. */
  store(days: readonly ComputedDay[], latest: IsoDate): void {
    storeComputedDays(this.ss, this.stored, this.keyOf, days.map((day) => ({ key: this.keyOf(day.day), day })), latest);
    for (const day of days) this.valid.set(day.day, day);
  }
}
