/** Duplicate keys (issue 9.6): the later record wins, identical repeats are counted, differing ones reported per key. */
import { describe, expect, test } from 'vitest';
import { dedupeByKey, differingFields, withOrigins, type WithOrigin } from '../../src/import/duplicates';

interface Sale {
  id: string;
  amount: number;
  status: string;
}

const at = (file: string, row: number) => ({ file, sheet: null, row });
const item = (id: string, amount: number, file: string, row: number, status = 'paid'): WithOrigin<Sale> => ({ record: { id, amount, status }, origin: at(file, row) });

describe('dedupeByKey', () => {
  test('keeps one record per key, the last read, in the order keys were first met', () => {
    const merged = dedupeByKey([item('1', 10, 'a.csv', 2), item('2', 20, 'a.csv', 3), item('1', 11, 'b.csv', 2)], (s) => s.id);
    expect(merged.records.map((s) => [s.id, s.amount])).toEqual([
      ['1', 11],
      ['2', 20],
    ]);
    expect(merged.origins).toEqual([at('b.csv', 2), at('a.csv', 3)]);
  });

  test('an identical repeat is counted as replaced, with no conflict', () => {
    const merged = dedupeByKey([item('1', 10, 'a.csv', 2), item('1', 10, 'a.csv', 2 + 5), item('1', 10, 'b.csv', 2)], (s) => s.id);
    expect(merged).toMatchObject({ replaced: 2, identical: 2, conflicts: [] });
    expect(merged.records).toHaveLength(1);
  });

  test('a repeat with other values is one conflict per key naming the winner, the replaced rows and the fields', () => {
    const merged = dedupeByKey(
      [item('1', 10, 'a.csv', 2), item('1', 10, 'a.csv', 9, 'refunded'), item('1', 12, 'b.csv', 4), item('2', 5, 'b.csv', 5)],
      (s) => s.id,
    );
    expect(merged.replaced).toBe(2);
    expect(merged.identical).toBe(0);
    expect(merged.conflicts).toHaveLength(1);
    const [conflict] = merged.conflicts;
    expect(conflict.key).toBe('1');
    expect(conflict.kept.origin).toEqual(at('b.csv', 4));
    expect(conflict.replaced.map((r) => r.origin)).toEqual([at('a.csv', 2), at('a.csv', 9)]);
    expect(conflict.fields.sort()).toEqual(['amount', 'status']);
  });

  test('a caller may say what counts as different (nested figures, say)', () => {
    type Day = { agent: string; figures: { paid: number } };
    const day = (paid: number, row: number): WithOrigin<Day> => ({ record: { agent: 'A', figures: { paid } }, origin: at('d.csv', row) });
    const byFigures = (a: Day, b: Day) => (a.figures.paid === b.figures.paid ? [] : ['paid']);
    expect(dedupeByKey([day(3, 2), day(3, 3)], (d) => d.agent, byFigures)).toMatchObject({ identical: 1, conflicts: [] });
    expect(dedupeByKey([day(3, 2), day(4, 3)], (d) => d.agent, byFigures).conflicts[0].fields).toEqual(['paid']);
    // The default compares references of nested objects, so it would call equal figures different.
    expect(dedupeByKey([day(3, 2), day(3, 3)], (d) => d.agent).conflicts).toHaveLength(1);
  });

  test('no records, no duplicates', () => {
    expect(dedupeByKey([], (s: Sale) => s.id)).toEqual({ records: [], origins: [], replaced: 0, identical: 0, conflicts: [] });
  });
});

describe('helpers', () => {
  test('differingFields compares flat values, null and NaN included', () => {
    expect(differingFields({ a: 1, b: null as number | null, c: NaN }, { a: 1, b: 0 as number | null, c: NaN })).toEqual(['b']);
  });

  test('withOrigins pairs each record with its row', () => {
    expect(withOrigins(['x', 'y'], [4, 7], 'f.xlsx', '订单')).toEqual([
      { record: 'x', origin: { file: 'f.xlsx', sheet: '订单', row: 4 } },
      { record: 'y', origin: { file: 'f.xlsx', sheet: '订单', row: 7 } },
    ]);
  });
});
