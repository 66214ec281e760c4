/**
 * What each group of *Build all reports* reads of the data tabs (the BUILT
 * bundle on the Spreadsheet fake, cells counted by tab, never times): orders
 * only of the days its tabs read orders of (reports/readPlan.ts) and of the
 * days it computes now (the neighbours of a day not kept), agent-day exports
 * only of the days its tabs show.
 */
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { loadBundle } from '../support/bundle';
import { importTables } from '../support/sheetsImport';
import { buildAllAsDialog, type DialogStep } from '../support/buildAll';
import { morning, roster, type ShopSize } from '../../bench/sheetsShop';
import { addDays, daysBetween } from '../../src/core/dates';
import { defaultRules } from '../../src/core/rules';
import { dependencyDays } from '../../src/reports/readPlan';
import { parseRuns } from '../../src/sheets/dayIndex';
import type { ReportGroup } from '../../src/reports/reportGroups';

const SMALL: ShopSize = { chats: 300, orders: 100, buyers: 1_500 };
const ORDERS = 'Data: orders';
const EXPORTS = 'Data: agent-day';
const CHATS = 'Data: consultations';
const INDEX = 'CS Daily: day index';
const COMPUTED = 'CS Daily: computed days';

type Lib = Record<string, (...args: unknown[]) => string>;

function values(fake: FakeSpreadsheetApp, name: string): unknown[][] {
  const sheet = fake.spreadsheet.raw(name)!;
  return sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
}

/** The rows the day index holds of each day of a tab (headed by its message key). */
function rowsByDay(fake: FakeSpreadsheetApp, key: string): Map<string, number> {
  const [header, ...rows] = values(fake, INDEX);
  const col = header.indexOf(key);
  return new Map(rows.map((r) => [String(r[0]), parseRuns(String(r[col] ?? '')).reduce((n, [a, b]) => n + b - a + 1, 0)]));
}

describe('Build all reports: what each group reads of the data tabs', () => {
  it('reads orders only of the days its tabs read orders of or it computes now, exports only of the days its tabs show', () => {
    const fake = new FakeSpreadsheetApp({ locale: 'en_US' });
    const lib = loadBundle(fake.globals()) as Lib;
    lib.importSupervisorTable(JSON.stringify({ importId: 'roster', file: 'roster.csv', sheet: null, kind: 'roster', rowsRead: 20, agents: roster(), events: [], rejected: [], skipped: 0 }));
    // 2026-01-01 to 2026-02-09; a first build keeps the figures of the final days it computed.
    for (let day = 0; day < 40; day++) importTables(lib, morning(day, SMALL), `imp-${day}`);
    buildAllAsDialog(lib);
    expect(fake.ui.alerts.splice(0)).toEqual([]);

    const kept = new Set(values(fake, COMPUTED).filter((r) => r[1] === 'day').map((r) => String(r[0])));
    const orderRows = rowsByDay(fake, 'tab.orders');
    const exportRows = rowsByDay(fake, 'tab.agentDay');
    const stored = [...orderRows.keys()].sort();
    const latest = stored[stored.length - 1];
    const rules = defaultRules();
    // The days computed now (not kept: the latest, whose attribution window is open) are read with their neighbours.
    const computedNow = stored.filter((d) => !kept.has(d)).flatMap((d) => dependencyDays(d, rules));
    expect(kept.has(addDays(latest, -3))).toBe(true);

    fake.cellsByTab.clear();
    const read: Partial<Record<DialogStep, { orders: number; exports: number; chats: number }>> = {};
    const cellsOf = (tab: string) => fake.cellsByTab.get(tab)?.read ?? 0;
    const results = buildAllAsDialog(lib, (group, call) => {
      const before = { orders: cellsOf(ORDERS), exports: cellsOf(EXPORTS), chats: cellsOf(CHATS) };
      const answer = call();
      read[group] = { orders: cellsOf(ORDERS) - before.orders, exports: cellsOf(EXPORTS) - before.exports, chats: cellsOf(CHATS) - before.chats };
      return answer;
    });
    expect(fake.ui.alerts.splice(0)).toEqual([]);
    const date = results[0].date!;
    expect(date < latest).toBe(true);

    const month = daysBetween(`${date.slice(0, 7)}-01`, date);
    const tail = daysBetween(addDays(latest, -14), latest);
    const margins = (first: string, last: string) => daysBetween(addDays(first, -4), addDays(last, 2));
    // What each group's tabs read orders of (with the margins) and show figures of (readPlan's contract, default rules).
    const plan: Record<ReportGroup, { orders: string[]; shown: string[]; chats?: string[] }> = {
      daily: { orders: dependencyDays(date, rules), shown: [...month, ...daysBetween(addDays(date, -13), date), ...tail] },
      // The chats of the day and the 4 days before it, whose chats decide which inquiries the day opens.
      review: { orders: [...dependencyDays(date, rules), ...margins(addDays(date, -30), date)], shown: [date, ...tail], chats: daysBetween(addDays(date, -4), date) },
      ranking: { orders: [...margins(date, date), ...margins(addDays(date, -31), addDays(date, -1))], shown: [addDays(date, -1), date, ...tail] },
      payroll: { orders: margins(`${date.slice(0, 7)}-01`, `${date.slice(0, 7)}-28`), shown: [...daysBetween(`${date.slice(0, 7)}-01`, `${date.slice(0, 7)}-28`), ...tail] },
      unattributed: { orders: margins(`${date.slice(0, 7)}-01`, `${date.slice(0, 7)}-28`), shown: tail },
      coaching: { orders: [], shown: tail },
    };
    const cells = (rows: Map<string, number>, width: number, days: readonly string[]) => width * (1 + [...new Set(days)].reduce((n, d) => n + (rows.get(d) ?? 0), 0));
    const chatRows = rowsByDay(fake, 'tab.consultations');
    const [ordersWidth, exportsWidth, chatsWidth] = [ORDERS, EXPORTS, CHATS].map((tab) => fake.spreadsheet.raw(tab)!.getLastColumn());
    for (const [group, { orders, shown, chats = [] }] of Object.entries(plan)) {
      const got = read[group as ReportGroup]!;
      expect({ group, chats: got.chats <= cells(chatRows, chatsWidth, [...chats, ...computedNow]) }).toEqual({ group, chats: true });
      expect({ group, orders: got.orders <= cells(orderRows, ordersWidth, [...orders, ...computedNow]) }).toEqual({ group, orders: true });
      expect({ group, exports: got.exports <= cells(exportRows, exportsWidth, shown) }).toEqual({ group, exports: true });
    }
    // The coaching group (no coaching entries) reads the latest days' figures: their exports, and orders only where it computes a day now.
    expect(read.coaching!.orders).toBeLessThan(cells(orderRows, ordersWidth, tail) / 2);
    expect(read.coaching!.exports).toBe(cells(exportRows, exportsWidth, tail));
  }, 300_000);
});
