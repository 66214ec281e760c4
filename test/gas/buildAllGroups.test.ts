/**
 * *Build all reports* group by group (one buildReportGroup call per group, as
 * its dialog makes them) against the same build in one call (writeReports of
 * every tab, from the sources, on the same spreadsheet): the BUILT bundle on
 * the Spreadsheet fake, the bench shop (a claim typed in, coaching entries) and
 * the demo. The tabs are identical cell for cell, and each group reads fewer
 * cells than the one call (cells counted by the fake, never times).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeReports } from '../../src/sheets/reportsMenu';
import { GROUP_ORDER } from '../../src/reports/reportGroups';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { loadBundle } from '../support/bundle';
import { importDemoExports, importTables } from '../support/sheetsImport';
import { buildAllAsDialog, type DialogStep } from '../support/buildAll';
import { morning, roster, type ShopSize } from '../../bench/sheetsShop';

afterEach(() => vi.unstubAllGlobals());

/** The bench shop's shape at a tenth of its volume (repeat buyers within a month included). */
const SMALL: ShopSize = { chats: 300, orders: 100, buyers: 1_500 };
const DATA_TABS = new Set(['Data: consultations', 'Data: orders', 'Data: agent-day', 'Data: shop-day']);

type Lib = Record<string, (...args: unknown[]) => string>;

/** Every tab but the data tabs: values and notes. */
function reportTabs(fake: FakeSpreadsheetApp): Record<string, { values: unknown[][]; notes: unknown[] }> {
  const out: Record<string, { values: unknown[][]; notes: unknown[] }> = {};
  for (const sheet of fake.spreadsheet.sheets) {
    const name = sheet.getName();
    if (DATA_TABS.has(name) || sheet.getLastRow() === 0) continue;
    out[name] = { values: sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues(), notes: sheet.styles.note.map((row) => [...(row ?? [])]) };
  }
  return out;
}

/**
 * Builds group by group, then in one call, on the same spreadsheet (after a first build gave every tab its size,
 * so both see the same grid: the Daily's capacity line); returns the cells each group and the one call read.
 */
function groupsAgainstOneCall(fake: FakeSpreadsheetApp, lib: Lib): { groups: Record<DialogStep, number>; oneCall: number; written: string[] } {
  buildAllAsDialog(lib);
  expect(fake.ui.alerts.splice(0)).toEqual([]);
  const groups = {} as Record<DialogStep, number>;
  const results = buildAllAsDialog(lib, (step, call) => {
    const before = fake.cost().cellsRead;
    const answer = call();
    groups[step] = (groups[step] ?? 0) + fake.cost().cellsRead - before;
    return answer;
  });
  expect(fake.ui.alerts.splice(0)).toEqual([]);
  expect(results.map((r) => r.date)).toEqual(GROUP_ORDER.map(() => results[0].date));
  const byGroups = reportTabs(fake);

  // The sources on the same spreadsheet: the fake's services as globals, the run's clock as the first group had it.
  for (const [name, value] of Object.entries(fake.globals())) vi.stubGlobal(name, value);
  const before = fake.cost().cellsRead;
  const { written, date } = writeReports(fake.ss, null, { now: results[0].now });
  const oneCall = fake.cost().cellsRead - before;
  expect(date).toBe(results[0].date);
  const inOneCall = reportTabs(fake);

  expect(Object.keys(byGroups).sort()).toEqual(Object.keys(inOneCall).sort());
  for (const name of Object.keys(inOneCall)) expect({ name, ...byGroups[name] }).toEqual({ name, ...inOneCall[name] });
  expect(results.flatMap((r) => r.written).sort()).toEqual([...written].sort());
  return { groups, oneCall, written };
}

describe('Build all reports group by group', () => {
  it('gives the bench shop the tabs of one call, with a claim and coaching entries, each group reading less', () => {
    const fake = new FakeSpreadsheetApp({ locale: 'en_US' });
    const lib = loadBundle(fake.globals()) as Lib;
    lib.importSupervisorTable(JSON.stringify({ importId: 'roster', file: 'roster.csv', sheet: null, kind: 'roster', rowsRead: 20, agents: roster(), events: [], rejected: [], skipped: 0 }));
    // 2026-01-01 to 2026-02-09: the report day in February, the 13 days before it in January.
    for (let day = 0; day < 40; day++) importTables(lib, morning(day, SMALL), `imp-${day}`);
    buildAllAsDialog(lib);
    // The supervisor claims an order on the Unattributed tab and writes two coaching entries.
    const tab = fake.spreadsheet.raw('Unattributed')!;
    const values = tab.getRange(1, 1, tab.getLastRow(), tab.getLastColumn()).getValues();
    const header = values.findIndex((r) => r.includes('Order ID'));
    const claimRow = values.findIndex((r, i) => i > header && /^\d+$/.test(String(r[0])));
    tab.getRange(claimRow + 1, values[header].length).setValue('1003');
    const coaching = fake.spreadsheet.raw('Coaching log')!;
    coaching.getRange(2, 1, 2, 6).setValues([
      // One well before the report day (the Coaching tab's own days), one whose after-window ends in the report day's week (the Daily's line).
      ['2026-01-08', '客服3', 'low_conversion', '', 'reads the chats with the lead', 'open'],
      ['2026-02-02', '客服5', 'slow_response', '', 'quick replies', 'open'],
    ]);

    const { groups, oneCall, written } = groupsAgainstOneCall(fake, lib);
    expect(written).toContain('Coaching');
    console.log(`bench shop, cells read: one call ${oneCall}; ${GROUP_ORDER.map((g) => `${g} ${groups[g]}`).join(', ')}`);
    for (const group of GROUP_ORDER) expect({ group, read: groups[group] < oneCall }).toEqual({ group, read: true });
    // The claim is still beside its order.
    const after = tab.getRange(1, 1, tab.getLastRow(), tab.getLastColumn()).getValues();
    expect(after.filter((r) => String(r[0]) === String(values[claimRow][0])).map((r) => String(r[r.length - 1]))).toEqual(['1003']);
  }, 300_000);

  it('gives the demo exports the tabs of one call', async () => {
    const fake = new FakeSpreadsheetApp({ locale: 'en_US' });
    const lib = loadBundle(fake.globals()) as Lib;
    await importDemoExports(lib);
    const { groups, oneCall } = groupsAgainstOneCall(fake, lib);
    console.log(`demo, cells read: one call ${oneCall}; ${GROUP_ORDER.map((g) => `${g} ${groups[g]}`).join(', ')}`);
    for (const group of GROUP_ORDER) expect(groups[group]).toBeLessThanOrEqual(oneCall);
  }, 120_000);

  it('says there is no data, and builds no later group, on an empty spreadsheet', () => {
    const fake = new FakeSpreadsheetApp({ locale: 'en_US' });
    const lib = loadBundle(fake.globals()) as Lib;
    const calls: DialogStep[] = [];
    const results = buildAllAsDialog(lib, (step, call) => (calls.push(step), call()));
    // The warm-up finds nothing to keep.
    expect(calls).toEqual(['keep', 'daily']);
    expect(results[0]).toMatchObject({ noData: true, written: [] });
  });

  it('refuses an unknown group and a day that is no date', () => {
    const fake = new FakeSpreadsheetApp({ locale: 'en_US' });
    const lib = loadBundle(fake.globals()) as Lib;
    expect(() => lib.buildReportGroup('everything', null, null)).toThrow('There is no report group "everything".');
    expect(() => lib.buildReportGroup('daily', 'yesterday', null)).toThrow('"yesterday" is not a date (YYYY-MM-DD).');
  });
});
