/**
 * The roll-up shop (rollupShop.ts) in a spreadsheet, through the server
 * functions the sidebar calls: the roster, then day by day its chats, orders
 * and agent-day exports, one table each. Works on the built bundle and on the
 * sources alike (pass either's functions).
 */
import { dayOf } from '../../src/core/dates';
import type { IsoDate } from '../../src/core/types';
import type { ReportInput } from '../../src/reports';
import type { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { chunk } from '../sheets/helpers';

export interface ServerFunctions {
  importChunk(json: string): string;
  finishImport(importId: string): string;
  importSupervisorTable(json: string): string;
}

export function importRoster(server: ServerFunctions, input: ReportInput): void {
  server.importSupervisorTable(JSON.stringify({ importId: 'roster', file: 'roster.csv', sheet: null, kind: 'roster', rowsRead: input.roster.length, agents: input.roster, events: [], rejected: [], skipped: 0 }));
}

/** Imports the shop's records of the given days, each day's chats, orders and exports a table of their own. */
export function importDays(server: ServerFunctions, input: ReportInput, days: readonly IsoDate[]): void {
  for (const day of days) {
    const tables = [
      chunk({ importId: `c-${day}`, kind: 'consultations', file: `chats_${day}.csv`, consultations: input.consultations.filter((c) => dayOf(c.start) === day) }),
      chunk({ importId: `o-${day}`, kind: 'orders', file: `orders_${day}.csv`, orders: input.orders.filter((o) => dayOf(o.created) === day) }),
      chunk({ importId: `d-${day}`, kind: 'agent_day', file: `chitu_${day}.csv`, agentDays: input.agentDays.filter((d) => d.date === day) }),
    ];
    for (const table of tables) {
      const rows = table.consultations.length + table.orders.length + table.agentDays.length;
      if (rows === 0) continue;
      server.importChunk(JSON.stringify({ ...table, rowsRead: rows }));
      server.finishImport(table.importId);
    }
  }
}

/** Sets one setting's value in the Settings tab (which must exist). */
export function setSetting(fake: FakeSpreadsheetApp, name: string, value: string | number): void {
  const sheet = fake.spreadsheet.sheets.find((s) => /^(Settings|设置)$/.test(s.getName()));
  if (!sheet) throw new Error('no Settings tab');
  const row = sheet.grid().findIndex((r) => r[0] === name);
  if (row < 0) throw new Error(`no ${name} row`);
  sheet.getRange(row + 1, 2).setValue(value);
}
