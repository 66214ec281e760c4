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
import type { Rejection } from '../../src/core/types';
import { planUpload, runUpload } from '../../src/ui/sidebar/upload';
import { loadWorkbookData, readRecords } from '../../src/sheets/storage';
import { ERRORS_TABLE } from '../../src/sheets/schema';
import { findTab } from '../../src/sheets/tabs';
import type { ImportSummary } from '../../src/sheets/importApi';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { loadBundle } from './bundle';

/** What an adapter stored: the records, the run's counts, the agents the roster gained, and its import errors. */
export interface Stored {
  records: StoredRecords;
  counts: IngestCounts;
  newAgents: string[];
  /** Keys read with different values, as the run counted them. */
  conflictCount: number;
  /** The import-error lines of the data files (the CLI's: its duplicate-key lines last; the sidebar's: the errors tab). */
  errors: Rejection[];
  /** The sidebar's only: the tables it sent, as `file|sheet` (a table it could not read is never sent, so has no lines). */
  sent?: Set<string>;
}

/** A table's or an import-error line's file and sheet, as Stored.sent names them. */
export const tableOf = (r: { file: string; sheet: string | null }) => `${r.file}|${r.sheet ?? ''}`;

export async function throughCli(args: string[]): Promise<Stored> {
  const parsed = parseArgs(['--out', '/tmp/unused', ...args]);
  if (!parsed.ok) throw new Error(parsed.message);
  const loaded = await loadInput(parsed.options);
  const { read, stored, replaced, rejected, skipped, conflicts } = loaded.counts!;
  const { agentDays, shopDays, consultations, orders } = loaded.input;
  const newAgents = loaded.input.roster.filter((a) => a.unknown).map((a) => a.name);
  const errors = loaded.input.rejections.slice(loaded.settingsRejections ?? 0);
  return { records: { agentDays, shopDays, consultations, orders }, counts: { read, stored, replaced, rejected, skipped }, newAgents, conflictCount: conflicts, errors };
}

export async function throughSheets(args: string[], chunkSize: number): Promise<Stored> {
  const parsed = parseArgs(['--out', '/tmp/unused', ...args]);
  if (!parsed.ok) throw new Error(parsed.message);
  const language = parsed.options.language;
  const fake = new FakeSpreadsheetApp({ locale: language === 'zh' ? 'zh_CN' : 'en_US' });
  const lib = loadBundle(fake.globals());
  const tables = [];
  for (const file of parsed.options.files) {
    const bytes = new Uint8Array(readFileSync(file.path));
    const result = await importFile({ name: basename(file.path), bytes }, { language, date: file.date ?? undefined, fallbackDate: parsed.options.importDate ?? undefined });
    tables.push(...result.tables);
  }
  // The sidebar's own upload, every table chosen together, into the bundle's server functions.
  const upload = planUpload(tables, language, chunkSize);
  const outcome = await runUpload(upload, { call: async (name, arg) => lib[name](arg) as string, retryDelaysMs: [] });
  if (outcome.status !== 'done') throw new Error(`upload ${outcome.status}: ${outcome.status === 'failed' ? String(outcome.error) : ''}`);
  const counts: IngestCounts = { read: 0, stored: 0, replaced: 0, rejected: 0, skipped: 0 };
  let conflictCount = 0;
  for (const summary of upload.summaries as ImportSummary[]) {
    counts.read += summary.rowsRead;
    counts.stored += summary.added;
    counts.replaced += summary.replaced;
    counts.rejected += summary.rejected;
    counts.skipped += summary.skipped;
    conflictCount += summary.conflicts;
  }
  // Reading creates the log tabs, whose data validation comes from the SpreadsheetApp global.
  vi.stubGlobal('SpreadsheetApp', fake.SpreadsheetApp);
  const data = loadWorkbookData(fake.ss);
  const errors = readRecords(fake.ss, ERRORS_TABLE, findTab(fake.ss, ERRORS_TABLE.tab), []);
  vi.unstubAllGlobals();
  const { agentDays, shopDays, consultations, orders } = data;
  const newAgents = data.roster.filter((a) => a.unknown).map((a) => a.name);
  return { records: { agentDays, shopDays, consultations, orders }, counts, newAgents, conflictCount, errors, sent: new Set(tables.map(tableOf)) };
}

