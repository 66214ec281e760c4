/**
 * The two adapters of the one ingest core, run on files on disk: the CLI's
 * loader, and the sidebar's path (importFile → chunks → importChunk /
 * finishImport of the BUILT bundle on the Spreadsheet fake). Each returns
 * what it stored and the run's row counts.
 */
import { vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { loadInput } from '../../src/cli/load';
import { importFile } from '../../src/import';
import type { IngestCounts, StoredRecords } from '../../src/import/ingest';
import { chunksOf } from '../../src/ui/sidebar/chunks';
import { loadWorkbookData } from '../../src/sheets/storage';
import type { ImportSummary } from '../../src/sheets/importApi';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { loadBundle } from './bundle';

/** What an adapter stored: the records, the run's counts, and the agents the roster gained. */
export interface Stored {
  records: StoredRecords;
  counts: IngestCounts;
  newAgents: string[];
}

export async function throughCli(args: string[]): Promise<Stored> {
  const parsed = parseArgs(['--out', '/tmp/unused', ...args]);
  if (!parsed.ok) throw new Error(parsed.message);
  const loaded = await loadInput(parsed.options);
  const { read, stored, replaced, rejected, skipped } = loaded.counts!;
  const { agentDays, shopDays, consultations, orders } = loaded.input;
  const newAgents = loaded.input.roster.filter((a) => a.unknown).map((a) => a.name);
  return { records: { agentDays, shopDays, consultations, orders }, counts: { read, stored, replaced, rejected, skipped }, newAgents };
}

export async function throughSheets(args: string[], chunkSize: number): Promise<Stored> {
  const parsed = parseArgs(['--out', '/tmp/unused', ...args]);
  if (!parsed.ok) throw new Error(parsed.message);
  const fake = new FakeSpreadsheetApp();
  const lib = loadBundle(fake.globals());
  const counts: IngestCounts = { read: 0, stored: 0, replaced: 0, rejected: 0, skipped: 0 };
  let n = 0;
  for (const file of parsed.options.files) {
    const bytes = new Uint8Array(readFileSync(file.path));
    const result = await importFile(
      { name: basename(file.path), bytes },
      { language: 'en', date: file.date ?? undefined, fallbackDate: parsed.options.importDate ?? undefined },
    );
    for (const table of result.tables) {
      const importId = `imp-${n++}`;
      for (const chunk of chunksOf(table, importId, chunkSize)) lib.importChunk(JSON.stringify(chunk));
      const summary = JSON.parse(lib.finishImport(importId)) as ImportSummary;
      counts.read += summary.rowsRead;
      counts.stored += summary.added;
      counts.replaced += summary.replaced;
      counts.rejected += summary.rejected;
      counts.skipped += summary.skipped;
    }
  }
  // Reading creates the log tabs, whose data validation comes from the SpreadsheetApp global.
  vi.stubGlobal('SpreadsheetApp', fake.SpreadsheetApp);
  const data = loadWorkbookData(fake.ss);
  vi.unstubAllGlobals();
  const { agentDays, shopDays, consultations, orders } = data;
  const newAgents = data.roster.filter((a) => a.unknown).map((a) => a.name);
  return { records: { agentDays, shopDays, consultations, orders }, counts, newAgents };
}

