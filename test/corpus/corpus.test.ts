/**
 * The damaged-export corpus (issue 9): every file of test/corpus/files, made
 * by scripts/make-corpus.mjs, goes (a) through importFile, where every row
 * read must be accepted, rejected or skipped and the counts must be the
 * manifest's, and (b) through the CLI as the manifest says: exit code, the
 * run's counts line, messages, no CSV cell a spreadsheet would run, no
 * control character on the console. A case marked known_bug runs as
 * it.fails, so the bug stays visible and the case still counts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { importFile, type ImportResult } from '../../src/import';
import { CORPUS_FILES, MANIFEST, type CorpusCase, type RunCounts, type TableCounts } from './manifest';
import { cellsOfOutputCsvs, runCorpusCli } from './cliRun';

/** What the closing note of issue 9 quotes: one line per file. */
const TABLE: { file: string; counts: RunCounts | null; exit: number }[] = [];

/** C0 (but tab, LF), DEL, C1 and bidi controls: what no console line may hold. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

function countsOf(table: ImportResult): TableCounts {
  // Title and blank lines above the header are read and skipped too.
  const read = table.rowsRead + table.headerRow - 1;
  const accepted = table.agentDays.length + table.shopDays.length + table.consultations.length + table.orders.length;
  return { sheet: table.sheet, kind: table.kind, read, accepted, rejected: table.rejected.length, skipped: table.skipped.length };
}

function agentsOf(table: ImportResult): string[] {
  return [...new Set([...table.consultations.map((c) => c.agent), ...table.agentDays.map((d) => d.agent)])].sort();
}

async function checkImport(c: CorpusCase): Promise<void> {
  const expected = c.import!;
  const bytes = new Uint8Array(readFileSync(join(CORPUS_FILES, c.file)));
  // The day the CLI run gives files without one (--import-date) is the import's too.
  const dateAt = c.cli.args.indexOf('--import-date');
  const result = await importFile({ name: c.file, bytes }, { language: 'en', fallbackDate: dateAt >= 0 ? c.cli.args[dateAt + 1] : undefined });
  const actual = result.tables.map(countsOf);
  // Every physical row is accounted for, whatever the manifest says.
  for (const t of actual) expect(t.accepted + t.rejected + t.skipped, `${t.sheet ?? c.file}: rows read`).toBe(t.read);
  // A sheet the manifest leaves null (a CSV, an HTML page) is whatever name the reader gives it.
  const wanted = expected.tables.map(({ sheet, kind, read, accepted, rejected, skipped }, i) => ({ sheet: sheet ?? actual[i]?.sheet ?? null, kind, read, accepted, rejected, skipped }));
  expect(actual).toEqual(wanted);
  expect(result.refused.map((r) => r.reason)).toHaveLength(expected.refused.length);
  expected.refused.forEach((fragment, i) => expect(result.refused[i].reason).toContain(fragment));
  const reasons = result.tables.flatMap((t) => t.rejected.map((r) => r.reason)).join('\n');
  for (const fragment of expected.messages) expect(reasons, fragment).toContain(fragment);
  expected.tables.forEach((want, i) => {
    if (want.agents) expect(agentsOf(result.tables[i])).toEqual(want.agents);
    if (want.amountTotal !== undefined) expect(result.tables[i].orders.reduce((s, o) => s + o.amount, 0)).toBeCloseTo(want.amountTotal, 6);
  });
}

async function checkCli(c: CorpusCase): Promise<void> {
  const expected = c.cli;
  const run = await runCorpusCli(expected.args);
  TABLE.push({ file: c.file, counts: run.counts, exit: run.code });
  try {
    checkRun(c, run);
  } finally {
    rmSync(run.outDir, { recursive: true, force: true });
  }
}

function checkRun(c: CorpusCase, run: Awaited<ReturnType<typeof runCorpusCli>>): void {
  const expected = c.cli;
  const console = [...run.out, ...run.err];
  expect(run.code, console.join('\n')).toBe(expected.exit);
  expect(run.counts).toEqual(expected.counts);
  if (run.counts) expect(run.counts.stored + run.counts.replaced + run.counts.rejected + run.counts.skipped).toBe(run.counts.read);
  const text = console.join('\n');
  for (const fragment of expected.messages) expect(text, fragment).toContain(fragment);
  for (const fragment of expected.absent ?? []) expect(text, fragment).not.toContain(fragment);
  for (const fragment of expected.errors ?? []) expect(run.importErrors, `import-errors.csv: ${fragment}`).toContain(fragment);
  for (const line of console) expect(UNSAFE.test(line), JSON.stringify(line)).toBe(false);
  // A run that stops (nothing imported, a refused roster) leaves no half-written report behind.
  if (run.code !== 0) expect(existsSync(join(run.outDir, 'report.xlsx'))).toBe(false);
  for (const { file, cell } of cellsOfOutputCsvs(run.outDir)) {
    if (FORMULA_START.test(cell)) expect(PLAIN_NUMBER.test(cell), `${file}: ${JSON.stringify(cell)}`).toBe(true);
    expect(cell, file).not.toMatch(/^(NaN|-?Infinity)$/);
  }
}

describe('the damaged-export corpus', () => {
  it('holds at least 60 files, each listed once, and every run\'s counts add up in the manifest', () => {
    expect(MANIFEST.length).toBeGreaterThanOrEqual(60);
    expect(new Set(MANIFEST.map((c) => c.file)).size).toBe(MANIFEST.length);
    for (const c of MANIFEST) {
      const n = c.cli.counts;
      if (n) expect(n.stored + n.replaced + n.rejected + n.skipped, c.file).toBe(n.read);
      for (const t of c.import?.tables ?? []) expect(t.accepted + t.rejected + t.skipped, c.file).toBe(t.read);
    }
  });

  it('says the same per run as per table where a file runs alone: rows read, rejected and skipped match, accepted = stored + replaced', () => {
    let alone = 0;
    for (const c of MANIFEST) {
      const data = c.cli.args.filter((a) => MANIFEST.some((m) => m.file === a && m.role === 'data'));
      if (!c.import || data.length !== 1 || data[0] !== c.file || !c.cli.counts) continue;
      alone++;
      const sum = (key: 'read' | 'accepted' | 'rejected' | 'skipped') => c.import!.tables.reduce((s, t) => s + t[key], 0);
      const n = c.cli.counts;
      expect([n.read, n.stored + n.replaced, n.rejected, n.skipped], c.file).toEqual([sum('read'), sum('accepted'), sum('rejected'), sum('skipped')]);
    }
    expect(alone).toBeGreaterThan(40);
  });

  for (const c of MANIFEST) {
    const check = c.known_bug ? it.fails : it;
    const bug = c.known_bug ? ` — known bug: ${c.known_bug}` : '';
    describe(c.file, () => {
      if (c.import) (c.known_bug_part === 'cli' ? it : check)(`imports: ${c.covers}${c.known_bug_part === 'cli' ? '' : bug}`, () => checkImport(c));
      (c.known_bug_part === 'import' ? it : check)(`runs the CLI (exit ${c.cli.exit})${c.known_bug_part === 'import' ? '' : bug}`, () => checkCli(c));
    });
  }

  afterAll(() => {
    const cell = (n: number | undefined) => String(n ?? '-').padStart(9);
    const width = Math.max(...TABLE.map((r) => r.file.length), 4);
    const lines = [`${'file'.padEnd(width)}  exit ${['read', 'stored', 'replaced', 'rejected', 'skipped'].map((h) => h.padStart(9)).join('')}`];
    for (const r of TABLE.sort((a, b) => a.file.localeCompare(b.file))) {
      const n = r.counts;
      lines.push(`${r.file.padEnd(width)}  ${String(r.exit).padStart(4)} ${[n?.read, n?.stored, n?.replaced, n?.rejected, n?.skipped].map(cell).join('')}`);
    }
    const bugs = MANIFEST.filter((c) => c.known_bug).map((c) => `known bug: ${c.file}: ${c.known_bug}`);
    console.log(['Corpus run counts (CLI, per file as the manifest runs it):', ...lines, ...bugs].join('\n'));
  });
});
