/**
 * The report menu of the BUILT bundle is made as of the clock at the menu
 * call, read in the spreadsheet's time zone: the same instant is one day in
 * Shanghai and the day before in UTC, and a clock before the data is said.
 */
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { agentDay, chunk } from '../sheets/helpers';
import { loadBundle } from '../support/bundle';
import { clockAt, Utilities } from '../support/gasClock';
import { buildAllAsDialog } from '../support/buildAll';

/** Every cell of the Daily tab after Build all reports, as of the instant, with agent-days stored for 2026-11-19 … 2026-11-21. */
function dailyAsOf(instant: number, timeZone: string): string[] {
  const fake = new FakeSpreadsheetApp({ locale: 'en_US', timeZone });
  const lib = loadBundle({ ...fake.globals(), Utilities, Date: clockAt(instant) });
  const days = ['2026-11-19', '2026-11-20', '2026-11-21'].flatMap((date) => [agentDay(date, 'Alice'), agentDay(date, 'Bob')]);
  lib.importChunk(JSON.stringify(chunk({ importId: 'd', agentDays: days })));
  buildAllAsDialog(lib);
  expect(fake.ui.alerts).toEqual([]);
  const daily = fake.spreadsheet.raw('Daily')!;
  return daily
    .getRange(1, 1, daily.getLastRow(), daily.getLastColumn())
    .getValues()
    .flat()
    .map(String);
}

describe('the report menu is made as of the clock at the call, in the spreadsheet time zone', () => {
  const evening = Date.UTC(2026, 10, 19, 20, 0); // 2026-11-20 04:00 in Shanghai, 2026-11-19 20:00 in UTC

  it('in Shanghai it is already the 20th: the 21st is tomorrow, plausible and the report day', () => {
    const cells = dailyAsOf(evening, 'Asia/Shanghai');
    expect(cells[0]).toBe('Daily report 2026-11-21');
    expect(cells.some((c) => c.startsWith('Data dated'))).toBe(false);
  });

  it('in UTC it is still the 19th: the 21st is after tomorrow, listed as implausible, and the 20th is reported', () => {
    const cells = dailyAsOf(evening, 'UTC');
    expect(cells.some((c) => c.startsWith('Data dated 2026-11-21'))).toBe(true);
    expect(cells[0]).toBe('Daily report 2026-11-20');
  });

  it('a clock before every date of the data: the data is reported as it is, and the Daily says so', () => {
    const cells = dailyAsOf(Date.UTC(2026, 9, 1, 1), 'Asia/Shanghai');
    expect(cells[0]).toBe('Daily report 2026-11-21');
    expect(cells).toContain("This report was made on 2026-10-01, before every date of the data (from 2026-11-19): the dates are taken as they are. Check the computer's date (or the --now given).");
    expect(cells.some((c) => c.startsWith('Data dated'))).toBe(false);
  });
});
