import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { internAll } from '../../src/core/intern';

/** What internAll must give: equal keys one integer, different keys different ones, dense from 0, each integer's name its key. */
function expectInterned(keys: string[]): void {
  const { ids, names } = internAll(keys.length, (i) => keys[i]);
  expect(ids.length).toBe(keys.length);
  expect(new Set(names).size).toBe(names.length);
  expect(names.length).toBe(new Set(keys).size);
  keys.forEach((key, i) => {
    expect(ids[i]).toBeGreaterThanOrEqual(0);
    expect(names[ids[i]]).toBe(key);
  });
}

describe('internAll: a column of names to dense integers', () => {
  test('any names, many repeated, including blanks and Object.prototype names', () => {
    const name = fc.oneof(fc.constantFrom('', 'b1', '买家1', '__proto__', 'constructor', 'toString', '小\u200B丸子'), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(fc.array(name, { maxLength: 400 }), expectInterned));
  });

  test('tens of thousands of names, split over several partitions', () => {
    expectInterned(Array.from({ length: 50_000 }, (_, i) => `买家${(i * 7919) % 20_011}`));
  });

  test('two names with the same 32-bit hash stay two names', () => {
    // FNV-1a('b997969') === FNV-1a('b1003506'), found by search; both are buyers of the 3 M bench shop.
    const keys = ['b997969', 'b1003506', 'b997969', 'b1003506', 'b1'];
    const { ids } = internAll(keys.length, (i) => keys[i]);
    expect(ids[0]).toBe(ids[2]);
    expect(ids[1]).toBe(ids[3]);
    expect(ids[0]).not.toBe(ids[1]);
    expectInterned(keys);
  });

  test('no names', () => {
    expect(internAll(0, () => '')).toEqual({ ids: new Int32Array(0), names: [] });
  });
});
