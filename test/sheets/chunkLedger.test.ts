import { describe, expect, it } from 'vitest';
import { isStored, storedCount, withChunk } from '../../src/sheets/chunkLedger';

describe('the chunk ledger', () => {
  it('merges chunks stored in order into one range', () => {
    let ranges = withChunk([], 0);
    for (let i = 1; i < 200; i++) ranges = withChunk(ranges, i);
    expect(ranges).toEqual([[0, 199]]);
    expect(storedCount(ranges)).toBe(200);
  });

  it('keeps gaps apart and closes them when the missing chunk arrives', () => {
    const gapped = withChunk(withChunk(withChunk([], 0), 1), 3);
    expect(gapped).toEqual([
      [0, 1],
      [3, 3],
    ]);
    expect([0, 1, 2, 3, 4].map((i) => isStored(gapped, i))).toEqual([true, true, false, true, false]);
    expect(withChunk(gapped, 2)).toEqual([[0, 3]]);
  });

  it('adds a chunk already there without counting it twice, and leaves its input alone', () => {
    const ranges: [number, number][] = [[0, 4]];
    expect(withChunk(ranges, 2)).toEqual([[0, 4]]);
    expect(storedCount(withChunk(ranges, 2))).toBe(5);
    expect(ranges).toEqual([[0, 4]]);
  });

  it('refuses an index that is no chunk index', () => {
    expect(() => withChunk([], -1)).toThrow(/whole number/);
    expect(() => withChunk([], 1.5)).toThrow(/whole number/);
  });
});
