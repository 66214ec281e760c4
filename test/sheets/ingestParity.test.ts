/**
 * One ingest core, two adapters: every data file of the damaged-export corpus,
 * the shared fixtures and the real workbooks go through the CLI's loader and
 * through the sidebar's path (importFile → planUpload → importChunk/finishImport of
 * the BUILT bundle on the Spreadsheet fake). Both must store the same records,
 * count the same rows read, stored, replaced, rejected and skipped, and list
 * the same import errors, the duplicate-key lines among them.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_KEY, STORED_KINDS, type StoredKind, type StoredRecords } from '../../src/import/ingest';
import { CHUNK_SIZE } from '../../src/ui/sidebar/chunks';
import { CORPUS_FILES, MANIFEST } from '../corpus/manifest';
import type { Rejection } from '../../src/core/types';
import { tableOf, throughCli, throughSheets } from '../support/ingestAdapters';

const SHARED = join(__dirname, '../../../shared');
const CORPUS_NAMES = new Set(MANIFEST.map((c) => c.file));

/** The corpus in small chunks, so a table's duplicate keys meet across chunks as well as within one; the rest as the sidebar sends. */
const SMALL_CHUNK = 7;

function sorted<K extends StoredKind>(kind: K, records: readonly StoredRecords[K][number][]): unknown[] {
  const key = RECORD_KEY[kind] as (r: StoredRecords[K][number]) => string;
  // The stored form: what a data tab holds for the record (undefined and absent fields alike).
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((r) => JSON.parse(JSON.stringify(r)));
}

/** Import-error lines as comparable text, sorted (the errors tab keeps them by key, the CLI in the order found). */
const lines = (errors: readonly Rejection[]) => errors.map((r) => [tableOf(r), r.row, r.column, r.reason].join('|')).sort();

function dataArgs(): { name: string; args: string[]; chunkSize: number }[] {
  const cases = MANIFEST.filter((c) => c.role === 'data' && !c.known_bug).map((c) => ({
    name: c.cli.args.filter((a) => CORPUS_NAMES.has(a.replace(/@\d{4}-\d{2}-\d{2}$/, ''))).join(' + '),
    chunkSize: SMALL_CHUNK,
    args: c.cli.args.map((a) => {
      const [file, day] = a.split(/@(?=\d{4}-\d{2}-\d{2}$)/);
      return existsSync(join(CORPUS_FILES, file)) ? join(CORPUS_FILES, file) + (day ? `@${day}` : '') : a;
    }),
  }));
  const fixtures = join(SHARED, 'fixtures');
  if (existsSync(fixtures)) {
    cases.push({
      name: 'shared fixtures',
      chunkSize: CHUNK_SIZE,
      args: ['--lang', 'en', ...['agent_day.csv', 'consultations.csv', 'orders.csv'].map((f) => join(fixtures, f))],
    });
  }
  const workbooks = join(SHARED, 'real-exports/chitu-workbooks');
  if (existsSync(workbooks)) {
    const files = readdirSync(workbooks).filter((f) => f.endsWith('.xlsx'));
    for (const f of files) cases.push({ name: `real workbook ${f}`, chunkSize: SMALL_CHUNK, args: ['--lang', 'en', join(workbooks, f)] });
    cases.push({ name: 'real workbooks together', chunkSize: SMALL_CHUNK, args: ['--lang', 'en', ...files.map((f) => join(workbooks, f))] });
  }
  return cases;
}

describe('the CLI and the sidebar store the same records and count the same rows', () => {
  for (const { name, args, chunkSize } of dataArgs()) {
    it(name, async () => {
      const cli = await throughCli(args);
      const sheets = await throughSheets(args, chunkSize);
      expect(sheets.counts).toEqual(cli.counts);
      expect(cli.counts.stored + cli.counts.replaced + cli.counts.rejected + cli.counts.skipped).toBe(cli.counts.read);
      expect([...sheets.newAgents].sort(), 'agents added to the roster').toEqual([...cli.newAgents].sort());
      for (const kind of STORED_KINDS) expect(sorted(kind, sheets.records[kind]), kind).toEqual(sorted(kind, cli.records[kind]));
      expect(sheets.conflictCount, 'keys read with different values').toBe(cli.conflictCount);
      // The errors tab holds what the CLI lists for the tables the sidebar sent: rejected rows and duplicate-key lines alike.
      expect(lines(sheets.errors)).toEqual(lines(cli.errors.filter((r) => sheets.sent!.has(tableOf(r)))));
    });
  }
});
