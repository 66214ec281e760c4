/** A fixed clock and Apps Script's Utilities.formatDate for bundles loaded with gas-local. */
import { expect } from 'vitest';

/** A Date whose `new Date()` and Date.now() are one fixed instant (dates from values stay real). */
export function clockAt(instant: number): DateConstructor {
  class FixedDate extends Date {
    constructor(...args: []) {
      if (args.length > 0) super(...(args as unknown as [number]));
      else super(instant);
    }
    static override now() {
      return instant;
    }
  }
  return FixedDate as unknown as DateConstructor;
}

/** Apps Script's Utilities.formatDate for the one pattern the bundle asks of it. */
export const Utilities = {
  formatDate(date: Date, timeZone: string, pattern: string) {
    expect(pattern).toBe('yyyy-MM-dd HH:mm:ss');
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
        .formatToParts(date)
        .map((p) => [p.type, p.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
  },
};
