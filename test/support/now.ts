/** The moment report tests are made as of: a morning after every fixture's dates, so no test depends on the machine's clock. */
import { localTime } from '../../src/core/dates';

export const TEST_NOW = localTime(2026, 12, 1, 9);
export const TEST_TODAY = '2026-12-01';
