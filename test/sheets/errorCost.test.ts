/**
 * The import-errors tab at the cost of the file imported: a file's first
 * chunk reads its own earlier lines and its chunk's, through the errors index,
 * whatever the tab holds (counts of cells, not times). And what it stores: no
 * earlier line of a re-imported file stays, no other file's line goes, no
 * blank row is left between lines, even after the tab was sorted by hand.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Rejection } from '../../src/core/types';
import { importChunk } from '../../src/sheets/importServer';
import type { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { chunk, installFake, order } from './helpers';

afterEach(() => vi.unstubAllGlobals());

const ERRORS = 'Data: import errors';
const INDEX = 'CS Daily: import errors index';

const line = (file: string, row: number): Rejection => ({ file, sheet: null, row, column: 'amount', reason: `"x${row}" is not a number.`, raw: [`x${row}`] });
const lines = (file: string, count: number, from = 2) => Array.from({ length: count }, (_, i) => line(file, from + i));

let serial = 0;
function importFile(file: string, rejected: Rejection[]): void {
  importChunk(JSON.stringify(chunk({ importId: `e-${++serial}`, kind: 'orders', file, orders: [order(`${file}-1`)], rejected })));
}

/** A spreadsheet holding `files` files' lines, `perFile` each, and `mine.csv` with 30. */
function stored(files: number, perFile: number): FakeSpreadsheetApp {
  const fake = installFake();
  for (let f = 0; f < files; f++) importFile(`day-${f}.csv`, lines(`day-${f}.csv`, perFile));
  importFile('mine.csv', lines('mine.csv', 30));
  return fake;
}

/** Cells read from the errors tab and its index by one first chunk. */
function cellsRead(fake: FakeSpreadsheetApp, file: string, rejected: Rejection[]): number {
  fake.cellsByTab.clear();
  importFile(file, rejected);
  return (fake.cellsByTab.get(ERRORS)?.read ?? 0) + (fake.cellsByTab.get(INDEX)?.read ?? 0);
}

/** The errors tab's lines as `file:row`, sorted, and how many blank rows lie between them. */
function tabLines(fake: FakeSpreadsheetApp): { lines: string[]; blank: number } {
  const grid = fake.spreadsheet.raw(ERRORS)!.grid().slice(1);
  return { lines: grid.filter((r) => r[0] !== '').map((r) => `${r[0]}:${r[2]}`).sort(), blank: grid.filter((r) => r[0] === '').length };
}

describe('a file\'s first chunk and the import-errors tab', () => {
  it('reads the same cells with 40 lines stored as with 12 000: its own earlier lines and a few index cells', () => {
    const few = stored(1, 10);
    const fewNew = cellsRead(few, 'new.csv', lines('new.csv', 20));
    const fewAgain = cellsRead(few, 'mine.csv', lines('mine.csv', 25));
    const many = stored(400, 30);
    const manyNew = cellsRead(many, 'new.csv', lines('new.csv', 20));
    const manyAgain = cellsRead(many, 'mine.csv', lines('mine.csv', 25));
    if (process.env.SHOW_CELLS) console.log(JSON.stringify({ fewNew, manyNew, fewAgain, manyAgain }));
    // Equal within a small constant (the header and index cells).
    expect(Math.abs(manyNew - fewNew), `new file: ${fewNew} and ${manyNew} cells`).toBeLessThanOrEqual(10);
    expect(Math.abs(manyAgain - fewAgain), `re-import: ${fewAgain} and ${manyAgain} cells`).toBeLessThanOrEqual(10);
    // In proportion to the file: its 30 earlier lines of 6 cells, the tab's last lines moved into the rows they leave, a few more.
    expect(manyAgain).toBeLessThanOrEqual(2 * 30 * 6 + 20);
    expect(manyNew).toBeLessThanOrEqual(20);
  });

  it('keeps every other file\'s lines, none of the re-imported file\'s earlier ones, and no blank rows', () => {
    const fake = stored(5, 8);
    importFile('mine.csv', lines('mine.csv', 3, 40));
    const expected = [...Array.from({ length: 5 }, (_, f) => lines(`day-${f}.csv`, 8)).flat(), ...lines('mine.csv', 3, 40)].map((l) => `${l.file}:${l.row}`).sort();
    expect(tabLines(fake)).toEqual({ lines: expected, blank: 0 });
    // Imported again with no errors: its lines go, the tab is cut to the rest.
    importFile('mine.csv', []);
    expect(tabLines(fake)).toEqual({ lines: expected.filter((l) => !l.startsWith('mine.csv')), blank: 0 });
    expect(fake.spreadsheet.raw(ERRORS)!.getMaxRows()).toBe(1 + 40);
  });

  it('finds a file\'s lines again after the tab was sorted by hand (one full read), and forgets them', () => {
    const fake = stored(3, 4);
    const sheet = fake.spreadsheet.raw(ERRORS)!;
    const grid = sheet.grid();
    sheet.getRange(2, 1, grid.length - 1, grid[0].length).setValues(grid.slice(1).reverse());
    importFile('mine.csv', lines('mine.csv', 2, 90));
    const expected = [...Array.from({ length: 3 }, (_, f) => lines(`day-${f}.csv`, 4)).flat(), ...lines('mine.csv', 2, 90)].map((l) => `${l.file}:${l.row}`).sort();
    expect(tabLines(fake)).toEqual({ lines: expected, blank: 0 });
    // And the index holds again: the next re-import reads only its own lines.
    expect(cellsRead(fake, 'day-1.csv', [])).toBeLessThanOrEqual(2 * 4 * 6 + 10);
    expect(tabLines(fake).lines).toEqual(expected.filter((l) => !l.startsWith('day-1.csv')));
  });
});
