/** Properties of the custom functions over random ranges, run on the built bundle. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBundle } from '../support/bundle';

const lib = loadBundle({});
const cell = fc.oneof(fc.nat({ max: 500 }), fc.constant(''), fc.constantFrom('abc', '-', '12'), fc.double({ min: -5, max: 5, noNaN: true }));
const grid = (rows: number, cols: number) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
const sized = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 })).chain(([r, c]) => fc.tuple(grid(r, c), grid(r, c)));

describe('custom functions over any range', () => {
  it('answer with the same shape, a number, a blank or a message in every cell, never throwing', () => {
    fc.assert(
      fc.property(sized, ([paid, inquiries]) => {
        for (const out of [lib.INQUIRY_CONVERSION(paid, inquiries), lib.WORKLOAD_BAND(paid), lib.AGENTS_NEEDED(inquiries)]) {
          expect(out).toHaveLength(paid.length);
          out.forEach((row: unknown[], r: number) => {
            expect(row).toHaveLength(paid[r].length);
            for (const v of row) expect(typeof v === 'number' || typeof v === 'string').toBe(true);
          });
        }
      }),
    );
  });

  it('give a blank exactly where the input cell is blank', () => {
    fc.assert(
      fc.property(sized, ([paid]) => {
        const out = lib.WORKLOAD_BAND(paid);
        paid.forEach((row, r) => row.forEach((v, c) => expect(out[r][c] === '').toBe(v === '')));
      }),
    );
  });

  it('keep every conversion between 0 and 1', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1000 }), fc.nat({ max: 1000 }), (paid, extra) => {
        const c = lib.INQUIRY_CONVERSION(paid, paid + extra);
        if (paid + extra === 0) expect(c).toBe('');
        else expect(c >= 0 && c <= 1).toBe(true);
      }),
    );
  });
});
