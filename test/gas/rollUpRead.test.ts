/**
 * *Build all reports* reads the rolled-up days its reports need, not the
 * whole roll-up tab: the BUILT bundle on the Spreadsheet fake, a small shop
 * imported morning by morning with the roll-up running, built at about 40
 * and about 190 rolled-up days. At each age the build reading by day gives
 * the same tabs as a build reading every row (the document property that asks
 * for it), and the cells it reads of the roll-up tab (counts, not times) stay
 * about the same while the tab grows; so do the cells a morning's import
 * (which rolls up a day) reads of the roll-up and boundary tabs.
 */
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, chunksOf } from '../../src/ui/sidebar/chunks';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { loadBundle } from '../support/bundle';
import { tabValues } from '../support/sheetsImport';
import { buildAllAsDialog } from '../support/buildAll';
import { setSetting } from '../support/rollupSheets';
import { morning, roster, type ShopSize } from '../../bench/sheetsShop';

const READ_EVERYTHING = 'CS_DAILY_REPORTS_READ_EVERYTHING';
/** The bench shop's shape at a fiftieth of its volume: every agent has chats and sales each day. */
const TINY: ShopSize = { chats: 60, orders: 20, buyers: 400 };
const RETENTION = 7;
const ROLLUP = 'Data: rolled-up days';
const BOUNDARY = 'CS Daily: roll-up boundary';
const INDEX = 'CS Daily: day index';
const DATA_TABS = ['Data: consultations', 'Data: orders', 'Data: agent-day', 'Data: shop-day', ROLLUP];

type Lib = Record<string, (...args: unknown[]) => string>;

/** Every tab but the data tabs, as values. */
const reportTabs = (fake: FakeSpreadsheetApp) => tabValues(fake, DATA_TABS);

/** One *Build all reports* (as its dialog makes it, a server call per group), reading everything or by day: the tabs it leaves and the roll-up tab's cells it read. */
function build(fake: FakeSpreadsheetApp, lib: Lib, everything: boolean): { tabs: Record<string, unknown[][]>; rollUpRead: number } {
  if (everything) fake.documentProperties.setProperty(READ_EVERYTHING, 'true');
  else fake.documentProperties.deleteProperty(READ_EVERYTHING);
  fake.cellsByTab.clear();
  buildAllAsDialog(lib);
  const rollUpRead = fake.cellsByTab.get(ROLLUP)?.read ?? 0;
  expect(fake.ui.alerts.splice(0)).toEqual([]);
  return { tabs: reportTabs(fake), rollUpRead };
}

/** Builds both ways (a first build sizes every tab, so both see the same grid): same tabs; the cells of the roll-up tab each way read. */
function bothWays(fake: FakeSpreadsheetApp, lib: Lib): { days: number; whole: number; rolledDays: number } {
  build(fake, lib, false);
  const whole = build(fake, lib, true);
  const days = build(fake, lib, false);
  expect(Object.keys(days.tabs).sort()).toEqual(Object.keys(whole.tabs).sort());
  for (const name of Object.keys(whole.tabs)) expect({ name, values: days.tabs[name] }).toEqual({ name, values: whole.tabs[name] });
  const tab = fake.spreadsheet.raw(ROLLUP)!;
  const rolledDays = tab.grid().filter((r) => r[1] === 'day').length;
  return { days: days.rollUpRead, whole: whole.rollUpRead, rolledDays };
}

/** A spreadsheet with the roll-up at RETENTION days, and the import of mornings from..to (0 = 2026-01-01). */
function rollingShop(): { fake: FakeSpreadsheetApp; lib: Lib; importUntil(from: number, to: number): void } {
  const fake = new FakeSpreadsheetApp({ locale: 'en_US' });
  const lib = loadBundle(fake.globals()) as Lib;
  lib.openSettings();
  setSetting(fake, 'retention_days', RETENTION);
  lib.importSupervisorTable(JSON.stringify({ importId: 'roster', file: 'roster.csv', sheet: null, kind: 'roster', rowsRead: 20, agents: roster(), events: [], rejected: [], skipped: 0 }));
  const importUntil = (from: number, to: number) => {
    for (let day = from; day < to; day++) {
      morning(day, TINY).forEach((table, t) => {
        const importId = `imp-${day}-${t}`;
        for (const chunk of chunksOf(table, importId, CHUNK_SIZE)) lib.importChunk(JSON.stringify(chunk));
        lib.finishImport(importId);
      });
    }
  };
  return { fake, lib, importUntil };
}

/** The day index's roll-up column: its number and its cells by day. */
function rollUpRuns(fake: FakeSpreadsheetApp): { column: number; byDay: Map<string, string> } {
  const grid = fake.spreadsheet.raw(INDEX)!.grid();
  const column = grid[0].indexOf('tab.rollUp');
  return { column, byDay: new Map(grid.slice(1).map((r) => [String(r[0]), column < 0 ? '' : String(r[column] ?? '')])) };
}

describe('Build all reports reads the rolled-up days its reports show', () => {
  it('reads about as many roll-up cells with 190 days rolled up as with 40, and gives the same tabs as a whole read', () => {
    const { fake, lib, importUntil } = rollingShop();
    /** The roll-up and boundary tabs' cells read by the imports of the mornings from..to (each rolls up a day). */
    const importReading = (from: number, to: number) => {
      importUntil(from, to - 1);
      fake.cellsByTab.clear();
      importUntil(to - 1, to);
      return (fake.cellsByTab.get(ROLLUP)?.read ?? 0) + (fake.cellsByTab.get(BOUNDARY)?.read ?? 0);
    };
    // Latest days 2026-02-16 and 2026-07-16: the same place in their month, so the plans read as many days.
    const youngImport = importReading(0, 47);
    const young = bothWays(fake, lib);
    const oldImport = importReading(47, 197);
    const old = bothWays(fake, lib);
    console.log(
      `roll-up tab cells a build reads: ${young.rolledDays} days rolled up ${young.days} (${young.whole} reading every row), ${old.rolledDays} days ${old.days} (${old.whole}); ` +
        `a morning's import reads of the roll-up and boundary tabs ${youngImport} and ${oldImport}`,
    );
    expect(youngImport).toBeGreaterThan(0);
    expect(oldImport).toBeLessThan(1.25 * youngImport);
    expect(young.rolledDays).toBeGreaterThanOrEqual(35);
    expect(old.rolledDays).toBeGreaterThanOrEqual(185);
    // The reports of these days show rolled-up days: the by-day build reads some of them …
    expect(young.days).toBeGreaterThan(0);
    // … and as many with the tab nearly five times as long (a block is about the same size every day).
    expect(old.days).toBeLessThan(1.25 * young.days);
    expect(old.days).toBeLessThan(old.whole / 4);
  }, 600_000);

  it('reads the blocks the index does not cover, reads everything when the index is wrong, and the next roll-up step indexes the tab again', () => {
    const { fake, lib, importUntil } = rollingShop();
    importUntil(0, 40);
    const indexed = rollUpRuns(fake);
    const rolled = [...indexed.byDay].filter(([, runs]) => runs !== '').map(([day]) => day);
    expect(rolled.length).toBeGreaterThanOrEqual(25);
    const index = fake.spreadsheet.raw(INDEX)!;

    // An index written before it kept the roll-up (no such column): every block lies past it, read and kept by day.
    index.deleteColumns(indexed.column + 1, 1);
    const tail = bothWays(fake, lib);
    expect(tail.days).toBeGreaterThanOrEqual(tail.whole);
    // The next morning's roll-up steps put the column back and index every block, the new days' too.
    importUntil(40, 41);
    const again = rollUpRuns(fake);
    expect(again.column).toBe(indexed.column);
    for (const day of rolled) expect(again.byDay.get(day), day).toBe(indexed.byDay.get(day));
    expect([...again.byDay.values()].filter((r) => r !== '').length).toBeGreaterThan(rolled.length);
    const byIndex = bothWays(fake, lib);
    expect(byIndex.days).toBeLessThan(byIndex.whole / 2);

    // Two days' runs swapped (the tab sorted by hand, say): a block not of its day makes the build read everything.
    const rows = index.grid();
    const [a, b] = [rows.findIndex((r) => r[0] === rolled.at(-1)), rows.findIndex((r) => r[0] === rolled.at(-2))];
    index.getRange(a + 1, indexed.column + 1).setValue(rows[b][indexed.column]);
    index.getRange(b + 1, indexed.column + 1).setValue(rows[a][indexed.column]);
    const swapped = bothWays(fake, lib);
    expect(swapped.days).toBeGreaterThan(swapped.whole);
  }, 300_000);
});
