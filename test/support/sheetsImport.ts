/**
 * The built bundle's server functions as the sidebar calls them, and the
 * report tabs a build leaves, for tests on the Spreadsheet fake.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../src/import';
import type { ImportResult } from '../../src/import/types';
import { CHUNK_SIZE, chunksOf } from '../../src/ui/sidebar/chunks';
import type { FakeSpreadsheetApp } from '../fakes/spreadsheet';

/** The bundle's functions by name (importChunk and finishImport are called). */
export type ServerFunctionsByName = Record<string, (arg: string) => unknown>;

/** Imports each table in chunks of CHUNK_SIZE, as the sidebar does: import IDs `${tag}-${i}`. */
export function importTables(lib: ServerFunctionsByName, tables: readonly ImportResult[], tag: string): void {
  tables.forEach((table, t) => {
    const importId = `${tag}-${t}`;
    for (const chunk of chunksOf(table, importId, CHUNK_SIZE)) lib.importChunk(JSON.stringify(chunk));
    lib.finishImport(importId);
  });
}

/** Imports the demo's chat and order exports (samples/, read in English) as the sidebar does. */
export async function importDemoExports(lib: ServerFunctionsByName): Promise<void> {
  for (const name of ['consultations.csv', 'orders.csv']) {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../samples', name)));
    const result = await importFile({ name, bytes }, { language: 'en' });
    importTables(lib, result.tables, name);
  }
}

/** Every non-empty tab's values but those named in `skip` (the store's tabs). */
export function tabValues(fake: FakeSpreadsheetApp, skip: readonly string[]): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const sheet of fake.spreadsheet.sheets) {
    const name = sheet.getName();
    if (skip.includes(name) || sheet.getLastRow() === 0) continue;
    out[name] = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
  }
  return out;
}
