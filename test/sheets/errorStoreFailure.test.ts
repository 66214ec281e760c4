/**
 * The import-errors tab cut at every call of a re-import that moves the tab's
 * last lines up into the rows the file's forgotten lines leave, then cuts the
 * bottom rows (the failure-injection harness of failureInjection.test.ts).
 * Right after the failure the stored errors, as the reports read them, list
 * no line twice; the next write, the retry or another file's import, leaves
 * no line twice in the tab and no blank row between lines; the retry ends
 * with the lines of a run that never failed.
 */
import { describe, expect, it } from 'vitest';
import type { Rejection } from '../../src/core/types';
import { finishImport, importChunk } from '../../src/sheets/importServer';
import { readStoredErrors } from '../../src/sheets/storage';
import type { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { fixedClockEachTest } from '../support/fixedClock';
import { cleanRun, interruptedRun, tabsInNeitherState, type CleanRun, type Snapshot, type Step } from './failureHarness';
import { chunk, installFake, order } from './helpers';

fixedClockEachTest();

const ERRORS = 'Data: import errors';

const line = (file: string, row: number, reason = 'not a number'): Rejection => ({ file, sheet: null, row, column: 'amount', reason: `${reason} (${row})`, raw: [`x${row}`] });
const lines = (file: string, count: number, reason?: string) => Array.from({ length: count }, (_, i) => line(file, 2 + i, reason));

let serial = 0;
function importFile(file: string, rejected: Rejection[]): string {
  const importId = `e-${++serial}`;
  importChunk(JSON.stringify(chunk({ importId, kind: 'orders', file, orders: [order(`${file}-1`)], rejected })));
  return importId;
}

/** a.csv's 8 lines, then b.csv's 3 and c.csv's 5 below them. */
function world(): FakeSpreadsheetApp {
  const fake = installFake();
  serial = 0;
  for (const [file, count] of [['a.csv', 8], ['b.csv', 3], ['c.csv', 5]] as const) finishImport(importFile(file, lines(file, count)));
  return fake;
}

/** a.csv again with 2 lines: they take 2 of its 8 rows; the tab's last 6 lines move up into the other 6, and 6 rows are cut. */
const reimport: Step[] = [
  () => importChunk(JSON.stringify(chunk({ importId: 'again', kind: 'orders', file: 'a.csv', orders: [order('a.csv-1')], rejected: lines('a.csv', 2, 'still not a number') }))),
  () => finishImport('again'),
];

/** The tab's lines as `file:row:reason`, sorted; how many are there twice; how many blank rows lie between them. */
function tabLines(fake: FakeSpreadsheetApp): { lines: string[]; twice: number; blank: number } {
  const grid = fake.spreadsheet.raw(ERRORS)!.grid().slice(1);
  const keys = grid.filter((r) => r[0] !== '').map((r) => `${r[0]}:${r[2]}:${r[4]}`).sort();
  return { lines: keys, twice: keys.length - new Set(keys).size, blank: grid.filter((r) => r[0] === '').length };
}

/** The stored errors as the reports read them, by file and row. */
const readBack = () => readStoredErrors(SpreadsheetApp.getActiveSpreadsheet()).map((r) => `${r.file}:${r.row}`);

/** Right after the failure: the tabs as the harness requires, and no line read twice. */
const noLineTwice = (now: Snapshot, before: Snapshot, after: Snapshot) => {
  const read = readBack();
  return [...tabsInNeitherState(now, before, after), ...(read.length === new Set(read).size ? [] : [`read twice: ${read.join(', ')}`])];
};

describe('a re-import that moves the errors tab\'s last lines, cut at any call', () => {
  /** The run that never fails, made once (inside a test: under the fixed clock). */
  let cleanOnce: { clean: CleanRun; lines: ReturnType<typeof tabLines> } | null = null;
  const theCleanRun = () => {
    if (cleanOnce) return cleanOnce;
    const fake = world();
    const clean = cleanRun(fake, reimport);
    cleanOnce = { clean, lines: tabLines(fake) };
    return cleanOnce;
  };

  it('a clean run moves the last lines up and leaves 2 + 3 + 5 lines', () => {
    const { clean, lines: cleanLines } = theCleanRun();
    expect(cleanLines).toEqual({ lines: expect.any(Array), twice: 0, blank: 0 });
    expect(cleanLines.lines).toHaveLength(10);
    expect(clean.calls).toBeGreaterThan(10);
  });

  it('the retry ends with the lines of a run that never failed, none read twice at any point', () => {
    const { clean, lines: cleanLines } = theCleanRun();
    for (let n = 1; n <= clean.calls; n++) {
      const fake = world();
      const run = interruptedRun(fake, reimport, n, clean, noLineTwice);
      expect(run.failures, `call ${n}`).toBeLessThanOrEqual(1);
      expect(tabLines(fake), `lines after a failure at call ${n} and the retry`).toEqual(cleanLines);
    }
  });

  it('another file\'s import after the failure leaves no line twice in the tab', () => {
    const { clean } = theCleanRun();
    for (let n = 1; n <= clean.calls; n++) {
      const fake = world();
      fake.failAtCall(n);
      try {
        for (const step of reimport) step();
      } catch {
        // The cut re-import; the supervisor imports another file before retrying it.
      }
      finishImport(importFile('d.csv', lines('d.csv', 2)));
      const after = tabLines(fake);
      expect({ twice: after.twice, blank: after.blank }, `a failure at call ${n}, then d.csv`).toEqual({ twice: 0, blank: 0 });
      expect(readBack().filter((l) => l.startsWith('d.csv')), `call ${n}: d.csv's lines read back`).toEqual(['d.csv:2', 'd.csv:3']);
    }
  });
});
