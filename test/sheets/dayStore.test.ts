/**
 * Importing a day costs what that day holds, not what the spreadsheet holds:
 * the day index points the import at the rows of the days it touches. And the
 * index is only a cache: lost, stale or behind, the data stay right.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localTime } from '../../src/core/dates';
import type { Consultation, Order } from '../../src/core/types';
import { finishImport, importChunk } from '../../src/sheets/importServer';
import { INDEXED_TABS } from '../../src/sheets/dayIndex';
import { ensureSettingsTab, loadWorkbookData } from '../../src/sheets/storage';
import { setSetting } from '../support/rollupSheets';
import { buildReportGroup, keepReportDays } from '../../src/sheets/reportsMenu';
import { buildAllAsDialog } from '../support/buildAll';
import { costDifference, type FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { chunk, installFake } from './helpers';

afterEach(() => vi.unstubAllGlobals());

const DAY_MS = 86_400_000;
const START = localTime(2026, 1, 1);

function dayChats(day: number, count = 120): Consultation[] {
  return Array.from({ length: count }, (_, i) => ({
    buyer: `d${day}b${i}`,
    agent: `agent${i % 20}`,
    start: START + day * DAY_MS + 8 * 3_600_000 + i * 60_000,
    firstResponseSec: 10,
    buyerMessages: 3,
    agentMessages: 4,
    category: 'presale',
  }));
}

function dayOrders(day: number, count = 40): Order[] {
  return Array.from({ length: count }, (_, i) => ({
    orderId: `o${day}-${i}`,
    buyer: `d${day}b${i}`,
    created: START + day * DAY_MS + 9 * 3_600_000 + i * 60_000,
    paidAt: START + day * DAY_MS + 9 * 3_600_000 + i * 60_000 + 120_000,
    amount: 100,
    items: 1,
    status: '交易成功',
    refunded: false,
    couponUsed: false,
    remark: '',
    flag: '',
  }));
}

/** One morning's import as the sidebar sends it: chats and orders in chunks of 50. */
function importDay(day: number): void {
  const send = (kind: 'consultations' | 'orders', records: (Consultation | Order)[]) => {
    const importId = `${kind}-${day}-${Math.random()}`;
    const count = Math.ceil(records.length / 50);
    for (let c = 0; c < count; c++) {
      const slice = records.slice(c * 50, (c + 1) * 50);
      importChunk(JSON.stringify(chunk({ importId, chunkIndex: c, chunkCount: count, kind, file: `${kind}-${day}.csv`, [kind]: slice })));
    }
    return JSON.parse(finishImport(importId)) as { added: number; replaced: number };
  };
  send('consultations', dayChats(day));
  send('orders', dayOrders(day));
}

function cellsReadImporting(fake: FakeSpreadsheetApp, day: number): number {
  const before = fake.cost();
  importDay(day);
  return costDifference(fake.cost(), before).cellsRead;
}

describe('the cost of importing a day', () => {
  it('reads the same cells whether the spreadsheet holds 1 day or 60', () => {
    // The import alone: the roll-up of days past the retention (a day per table, test/sheets/rollUpFailure.test.ts) is kept off.
    const keepAll = () => {
      const fake = installFake();
      ensureSettingsTab(SpreadsheetApp.getActiveSpreadsheet());
      setSetting(fake, 'retention_days', 0);
      return fake;
    };
    const young = keepAll();
    importDay(0);
    const readYoung = cellsReadImporting(young, 100);
    vi.unstubAllGlobals();

    const old = keepAll();
    for (let day = 0; day < 60; day++) importDay(day);
    const readOld = cellsReadImporting(old, 100);
    // A small constant apart: each chunk (4 here) and each table's finish (2, for the capacity line) reads the day index,
    // a cell per indexed tab, the day and its version per stored day.
    expect(Math.abs(readOld - readYoung)).toBeLessThanOrEqual(6 * (INDEXED_TABS.length + 2) * 60);
    // And far below one read of what is stored (60 days × 160 rows × 7–11 columns).
    expect(readOld).toBeLessThan(60 * 120 * 7 / 4);
  });

  it('re-importing a stored day replaces its rows, reading only that day', () => {
    installFake();
    for (let day = 0; day < 10; day++) importDay(day);
    importDay(3);
    const data = loadWorkbookData(SpreadsheetApp.getActiveSpreadsheet());
    expect(data.consultations).toHaveLength(10 * 120);
    expect(data.orders).toHaveLength(10 * 40);
  });
});

describe('the grid', () => {
  it('holds no unused rows or columns on any tab CS Daily fills itself, imports and reports alike', () => {
    const fake = installFake();
    for (let day = 0; day < 3; day++) importDay(day);
    buildAllAsDialog({ buildReportGroup, keepReportDays });
    // The tabs the supervisor types into keep empty rows to type in.
    const typedIn = new Set(['Settings', 'Events', 'Schedule', 'Problem log', 'Handover log', 'Coaching log']);
    const spare = fake.spreadsheet.sheets
      .slice(1)
      .filter((s) => !typedIn.has(s.getName()))
      .filter((s) => s.maxRows > Math.max(s.getLastRow(), s.getFrozenRows() + 1) || s.maxColumns > Math.max(s.getLastColumn(), s.getFrozenColumns() + 1))
      .map((s) => `${s.getName()} ${s.getLastRow()}×${s.getLastColumn()} in ${s.maxRows}×${s.maxColumns}`);
    expect(fake.spreadsheet.sheets.length).toBeGreaterThan(8);
    expect(spare).toEqual([]);
  });
});

describe('the day index is a cache', () => {
  function stored() {
    const data = loadWorkbookData(SpreadsheetApp.getActiveSpreadsheet());
    return { chats: data.consultations.length, orders: data.orders.length };
  }

  it('rebuilt from the data when its tab is deleted', () => {
    const fake = installFake();
    for (let day = 0; day < 3; day++) importDay(day);
    fake.spreadsheet.sheets = fake.spreadsheet.sheets.filter((s) => s.getName() !== 'CS Daily: day index');
    importDay(1);
    importDay(3);
    expect(stored()).toEqual({ chats: 4 * 120, orders: 4 * 40 });
    expect(fake.spreadsheet.raw('CS Daily: day index')!.hidden).toBe(true);
  });

  it('catches up with rows written after its last write (a failure between the data and the index)', () => {
    const fake = installFake();
    importDay(0);
    importDay(1);
    // The index as it was after day 0: day 1's rows are past its last row.
    const index = fake.spreadsheet.raw('CS Daily: day index')!;
    expect(index.grid().map((r) => r[0])).toEqual(['day', '2026-01-01', '2026-01-02']);
    index.values = index.values.filter((r) => r[0] !== '2026-01-02');
    importDay(1);
    expect(stored()).toEqual({ chats: 2 * 120, orders: 2 * 40 });
  });

  it('re-reads the tab when rows are not where it says (the supervisor sorted the tab)', () => {
    const fake = installFake();
    for (let day = 0; day < 3; day++) importDay(day);
    const chats = fake.spreadsheet.raw('Data: consultations')!;
    const [head, ...rows] = chats.values;
    chats.values = [head, ...rows.reverse()];
    importDay(1);
    expect(stored()).toEqual({ chats: 3 * 120, orders: 3 * 40 });
  });
});
