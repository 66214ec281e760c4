/**
 * *Build all reports* reads the stored days its reports need through the day
 * index, not the whole history: the BUILT bundle on the Spreadsheet fake, a
 * build that reads every data row (the document property that asks for it)
 * against the same build reading by day, tab for tab and cell for cell; and
 * what a build reads as the spreadsheet ages (cells, not times).
 */
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { loadBundle } from '../support/bundle';
import { importDemoExports, importTables, tabValues } from '../support/sheetsImport';
import { setSetting } from '../support/rollupSheets';
import { morning, roster, type ShopSize } from '../../bench/sheetsShop';
import { buildAllAsDialog } from '../support/buildAll';

const READ_EVERYTHING = 'CS_DAILY_REPORTS_READ_EVERYTHING';
/** The bench shop's shape at a tenth of its volume (repeat buyers within a month included). */
const SMALL: ShopSize = { chats: 300, orders: 100, buyers: 1_500 };
const DATA_TABS = ['Data: consultations', 'Data: orders', 'Data: agent-day', 'Data: shop-day'];

type Lib = Record<string, (...args: unknown[]) => string>;

/** @param keepRaw keep every raw day (retention_days 0: no roll-up), so the data tabs grow with the days stored */
function benchShop(days: number, keepRaw = false): { fake: FakeSpreadsheetApp; lib: Lib } {
  const fake = new FakeSpreadsheetApp({ locale: 'en_US' });
  const lib = loadBundle(fake.globals()) as Lib;
  if (keepRaw) {
    lib.openSettings();
    setSetting(fake, 'retention_days', 0);
  }
  lib.importSupervisorTable(JSON.stringify({ importId: 'roster', file: 'roster.csv', sheet: null, kind: 'roster', rowsRead: 20, agents: roster(), events: [], rejected: [], skipped: 0 }));
  for (let day = 0; day < days; day++) importTables(lib, morning(day, SMALL), `imp-${day}`);
  return { fake, lib };
}

/** Every tab but the data tabs, as values. */
const reportTabs = (fake: FakeSpreadsheetApp) => tabValues(fake, DATA_TABS);

/** One menu build, reading everything or by day: the tabs it leaves and the cells it read. */
function buildOnce(fake: FakeSpreadsheetApp, everything: boolean, build: () => void): { tabs: Record<string, unknown[][]>; cellsRead: number } {
  if (everything) fake.documentProperties.setProperty(READ_EVERYTHING, 'true');
  else fake.documentProperties.deleteProperty(READ_EVERYTHING);
  const before = fake.cost().cellsRead;
  build();
  const cellsRead = fake.cost().cellsRead - before;
  // Prompts are recorded beside alerts; only an alert is a failure.
  expect(fake.ui.alerts.splice(0).filter((a) => a[2] !== 'OK_CANCEL')).toEqual([]);
  return { tabs: reportTabs(fake), cellsRead };
}

/** The same build both ways: identical tabs, and the day read reading less. */
function expectSameBothWays(fake: FakeSpreadsheetApp, build: () => void, prompts: string[] = []): { whole: number; days: number } {
  // A first build gives every tab it writes its size, so both builds compared see the same grid (the Daily's capacity line).
  fake.ui.promptAnswers = [...prompts];
  buildOnce(fake, false, build);
  fake.ui.promptAnswers = [...prompts];
  const whole = buildOnce(fake, true, build);
  fake.ui.promptAnswers = [...prompts];
  const days = buildOnce(fake, false, build);
  expect(Object.keys(days.tabs).sort()).toEqual(Object.keys(whole.tabs).sort());
  for (const name of Object.keys(whole.tabs)) expect({ name, values: days.tabs[name] }).toEqual({ name, values: whole.tabs[name] });
  return { whole: whole.cellsRead, days: days.cellsRead };
}

describe('Build all reports reads the days its reports show', () => {
  it('gives the bench shop the same tabs as a build reading every row, for every menu item, with a claim kept across months', () => {
    // 2026-01-01 to 2026-03-01: month boundaries, repeat buyers within 30 days, the default day at February's end.
    const { fake, lib } = benchShop(60);
    buildAllAsDialog(lib);
    fake.ui.alerts.splice(0);
    // The supervisor claims an order on the Unattributed tab (February) …
    const tab = fake.spreadsheet.raw('Unattributed')!;
    const values = tab.getRange(1, 1, tab.getLastRow(), tab.getLastColumn()).getValues();
    const header = values.findIndex((r) => r.includes('Order ID'));
    const claimCol = values[header].length - 1;
    const claimRow = values.findIndex((r, i) => i > header && /^\d+$/.test(String(r[0])));
    tab.getRange(claimRow + 1, claimCol + 1).setValue('1003');
    const claimed = String(values[claimRow][0]);

    const all = expectSameBothWays(fake, () => buildAllAsDialog(lib));
    expect(all.days).toBeLessThan(0.7 * all.whole);
    // … January's payroll, a week's and a month's ranking, an earlier Daily: the same both ways.
    expectSameBothWays(fake, () => lib.buildPayroll(), ['2026-01']);
    const claimOf = () => {
      const rows = tab.getRange(1, 1, tab.getLastRow(), tab.getLastColumn()).getValues();
      return rows.filter((r) => String(r[0]) === claimed).map((r) => String(r[claimCol]));
    };
    expect(claimOf()).toEqual(['1003']);
    expectSameBothWays(fake, () => lib.buildRanking(), ['week 2026-02-02']);
    expectSameBothWays(fake, () => lib.buildRanking(), ['month 2026-01']);
    expectSameBothWays(fake, () => lib.buildDailyReport(), ['2026-01-20']);
    // The February claim survived January's Unattributed tab (kept below the list) and is back beside its order.
    buildAllAsDialog(lib);
    expect(claimOf()).toEqual(['1003']);
    expect(String(tab.getRange(1, 1).getValue())).toContain('2026-02');
  }, 240_000);

  it('gives the demo exports the same tabs both ways', async () => {
    const fake = new FakeSpreadsheetApp({ locale: 'en_US' });
    const lib = loadBundle(fake.globals()) as Lib;
    await importDemoExports(lib);
    expectSameBothWays(fake, () => buildAllAsDialog(lib));
    expectSameBothWays(fake, () => lib.buildDailyReport(), ['2026-11-10']);
  }, 120_000);

  it('reads about as many cells with 180 days stored as with 30', () => {
    const readAt = (days: number) => {
      const { fake, lib } = benchShop(days, true);
      const build = (everything: boolean) => {
        if (everything) fake.documentProperties.setProperty(READ_EVERYTHING, 'true');
        else fake.documentProperties.deleteProperty(READ_EVERYTHING);
        const before = fake.cost().cellsRead;
        buildAllAsDialog(lib);
        expect(fake.ui.alerts).toEqual([]);
        return fake.cost().cellsRead - before;
      };
      return { read: build(false), whole: build(true) };
    };
    const young = readAt(30);
    const old = readAt(180);
    console.log(`build reads: 30 days stored ${young.read} cells (${young.whole} reading every row), 180 days ${old.read} (${old.whole})`);
    // The bound: within 1.5× of the young spreadsheet's, and under half of what reading every stored row costs the old one (the roll-up kept off, so every raw day stays in the data tabs; test/gas/rollUpRead.test.ts measures the roll-up tab's reads).
    expect(old.read).toBeLessThan(1.5 * young.read);
    expect(old.read).toBeLessThan(old.whole / 2);
  }, 600_000);
});
