/** One fixed clock for every test of a source-level file, so runs that write the time of day compare equal. */
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Each test of the calling file runs with `new Date()` and Date.now() at
 * `instant` (timers stay real); after it the real clock and the globals
 * stubbed by the test (the fake's Apps Script services) are restored.
 */
export function fixedClockEachTest(instant = '2026-11-22T09:00:00Z'): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(instant));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
}
