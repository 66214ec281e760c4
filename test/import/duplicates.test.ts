/** Duplicate keys: the later record wins, identical repeats are counted, differing ones reported per key, the store's keys counted as replaced. */
import { describe, expect, test } from 'vitest';
import { differingFields, mergeTables, type TableRecords } from '../../src/import/duplicates';

interface Sale {
  id: string;
  amount: number;
  status: string;
}

const at = (file: string, row: number) => ({ file, sheet: null, row });
const sale = (id: string, amount: number, status = 'paid'): Sale => ({ id, amount, status });
/** A table of sales read from `file`, each at the row given beside it. */
const table = (file: string, ...rows: [Sale, number][]): TableRecords<Sale> => ({ records: rows.map(([s]) => s), rows: rows.map(([, r]) => r), file, sheet: null });
const byId = (s: Sale) => s.id;
const none = () => false;

describe('mergeTables', () => {
  test('keeps one record per key, the last read, in the order keys were first met', () => {
    const merged = mergeTables([table('a.csv', [sale('1', 10), 2], [sale('2', 20), 3]), table('b.csv', [sale('1', 11), 2])], byId, none, differingFields);
    expect(merged.records.map((s) => [s.id, s.amount])).toEqual([
      ['1', 11],
      ['2', 20],
    ]);
    expect({ added: merged.added, replaced: merged.replaced }).toEqual({ added: 2, replaced: 1 });
  });

  test('an identical repeat is counted as replaced, with no conflict', () => {
    const merged = mergeTables([table('a.csv', [sale('1', 10), 2], [sale('1', 10), 7]), table('b.csv', [sale('1', 10), 2])], byId, none, differingFields);
    expect(merged).toMatchObject({ replaced: 2, identical: 2, conflicts: [] });
    expect(merged.records).toHaveLength(1);
  });

  test('a repeat with other values is one conflict per key naming the winner, the replaced rows, where each is and the fields', () => {
    const merged = mergeTables(
      [table('a.csv', [sale('1', 10), 2], [sale('1', 10, 'refunded'), 9]), table('b.csv', [sale('1', 12), 4], [sale('2', 5), 5])],
      byId,
      none,
      differingFields,
    );
    expect(merged.replaced).toBe(2);
    expect(merged.identical).toBe(0);
    expect(merged.conflicts).toHaveLength(1);
    const [conflict] = merged.conflicts;
    expect(conflict.key).toBe('1');
    expect(conflict.kept).toMatchObject({ origin: at('b.csv', 4), table: 1, index: 0 });
    expect(conflict.replaced.map((r) => r.origin)).toEqual([at('a.csv', 2), at('a.csv', 9)]);
    expect(conflict.fields.sort()).toEqual(['amount', 'status']);
  });

  test('a key the store holds is replaced, not added; repeats are compared only within the tables', () => {
    const merged = mergeTables([table('a.csv', [sale('1', 10), 2], [sale('3', 1), 3], [sale('3', 2), 4])], byId, (k) => k === '1', differingFields);
    expect({ added: merged.added, replaced: merged.replaced }).toEqual({ added: 1, replaced: 2 });
    expect(merged.conflicts.map((c) => c.key)).toEqual(['3']);
  });

  test('without a comparison nothing is compared: the counts only', () => {
    const merged = mergeTables([table('a.csv', [sale('1', 10), 2], [sale('1', 11), 3])], byId, none);
    expect(merged).toMatchObject({ added: 1, replaced: 1, identical: 0, conflicts: [] });
    expect(merged.records).toEqual([sale('1', 11)]);
  });

  test('a caller may say what counts as different (nested figures, say)', () => {
    type Day = { agent: string; figures: { paid: number } };
    const days = (...paid: number[]): TableRecords<Day>[] => [{ records: paid.map((p) => ({ agent: 'A', figures: { paid: p } })), file: 'd.csv', sheet: null }];
    const byFigures = (a: Day, b: Day) => (a.figures.paid === b.figures.paid ? [] : ['paid']);
    const byAgent = (d: Day) => d.agent;
    expect(mergeTables(days(3, 3), byAgent, none, byFigures)).toMatchObject({ identical: 1, conflicts: [] });
    expect(mergeTables(days(3, 4), byAgent, none, byFigures).conflicts[0].fields).toEqual(['paid']);
    // Flat comparison compares references of nested objects, so it would call equal figures different.
    expect(mergeTables(days(3, 3), byAgent, none, differingFields).conflicts).toHaveLength(1);
  });

  test('no records, no duplicates', () => {
    expect(mergeTables([], byId, none, differingFields)).toEqual({ records: [], added: 0, replaced: 0, identical: 0, conflicts: [] });
  });
});

describe('helpers', () => {
  test('differingFields compares flat values, null and NaN included', () => {
    expect(differingFields({ a: 1, b: null as number | null, c: NaN }, { a: 1, b: 0 as number | null, c: NaN })).toEqual(['b']);
  });
});
