/**
 * The roll-up on the BUILT bundle: a shop's three months imported through the
 * sidebar's server functions, the reports of August built from raw records,
 * then August rolled up (rollUpOldDays, one day a call) and the same reports
 * built again: every figure of the Daily, Ranking, Payroll and Scorecard the same.
 */
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { loadBundle } from '../support/bundle';
import { rollupShop, rollupShopDays } from '../support/rollupShop';
import { importDays, importRoster, setSetting, type ServerFunctions } from '../support/rollupSheets';
import { buildAllAsDialog, type GroupCall } from '../support/buildAll';

const CAPACITY_LINE = /^Spreadsheet: [\d,]+ of the 10,000,000 cells Sheets allows/;

function tabValues(fake: FakeSpreadsheetApp, name: string): unknown[][] {
  const sheet = fake.spreadsheet.raw(name);
  if (!sheet) throw new Error(`no ${name} tab`);
  // The capacity line says how full the spreadsheet is: it changes with the roll-up, as it should.
  return sheet.grid().map((row) => row.map((v) => (typeof v === 'string' && CAPACITY_LINE.test(v) ? 'capacity' : v)));
}

/** The four reports of August (the Daily of a day in it), as the menu writes them. */
function augustReports(fake: FakeSpreadsheetApp, lib: Record<string, () => void>) {
  fake.ui.promptAnswers = ['2026-08-14'];
  lib.buildDailyReport();
  fake.ui.promptAnswers = ['month 2026-08'];
  lib.buildRanking();
  fake.ui.promptAnswers = ['2026-08'];
  lib.buildPayroll();
  // The three prompts are all the dialogs: no failure was shown.
  expect(fake.ui.alerts.splice(0).filter((a) => a[2] !== 'OK_CANCEL')).toEqual([]);
  return Object.fromEntries(['Daily', 'Ranking', 'Payroll', 'Scorecard'].map((tab) => [tab, tabValues(fake, tab)]));
}

describe('roll-up in the built bundle', () => {
  it('rolls up the days past the retention and keeps the reports of a rolled-up month identical', () => {
    const shop = rollupShop();
    const fake = new FakeSpreadsheetApp({ locale: 'en_US' });
    const lib = loadBundle(fake.globals()) as Record<string, () => void> & ServerFunctions & { rollUpOldDays(): string; buildReportGroup: GroupCall };
    buildAllAsDialog(lib); // on an empty spreadsheet: writes the Settings tab, says there is no data
    fake.ui.alerts.splice(0);
    setSetting(fake, 'retention_days', 0);
    importRoster(lib, shop);
    importDays(lib, shop, rollupShopDays());
    expect(fake.spreadsheet.raw('Data: rolled-up days')).toBeUndefined();
    const before = augustReports(fake, lib);
    const chatsBefore = fake.spreadsheet.raw('Data: consultations')!.getLastRow() - 1;
    const gridBefore = fake.gridCells();

    // Latest day 2026-11-08: 60 days kept from 2026-09-10, so August and 2026-09-01 – 09 roll up.
    setSetting(fake, 'retention_days', 60);
    const outcomes: { day: string; status: string }[] = [];
    for (let step = 0; step < 100; step++) {
      const outcome = JSON.parse(lib.rollUpOldDays()) as { day: string; status: string } | null;
      if (!outcome) break;
      outcomes.push(outcome);
    }
    expect(outcomes.map((o) => o.day)).toEqual(rollupShopDays().filter((d) => d < '2026-09-10'));
    expect(outcomes.every((o) => o.status === 'rolled_up')).toBe(true);
    expect(fake.spreadsheet.raw('Data: consultations')!.getLastRow() - 1).toBe(chatsBefore - 40 * 40);
    expect(fake.gridCells()).toBeLessThan(gridBefore);
    const log = fake.spreadsheet.raw('Import log')!.grid().map((r) => String(r[0]));
    expect(log.filter((line) => line.startsWith('Roll-up of '))).toHaveLength(40);
    expect(log.at(-1)).toMatch(/^Roll-up of 2026-09-09: \d+ raw chats and orders replaced by \d+ rows of final figures$/);

    const after = augustReports(fake, lib);
    for (const tab of ['Daily', 'Payroll', 'Scorecard'] as const) expect(after[tab], tab).toEqual(before[tab]);
    // The ranking table is the same; the purchase-cycle block below it needs raw orders, which a rolled-up month no longer has.
    const cycles = (grid: unknown[][]) => grid.findIndex((r) => r.slice(0, 2).some((c) => /cycle/i.test(String(c))));
    const end = cycles(before.Ranking);
    expect(end).toBeGreaterThan(3);
    expect(after.Ranking.slice(0, end)).toEqual(before.Ranking.slice(0, end));
    expect(before.Daily.flat()).toContain('capacity');
  });
});
