import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { timeOrder } from '../../src/core/timeOrder';

/** What timeOrder must give: indices by time, equal times in index order. */
const stableOrder = (times: number[]) => times.map((_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
const BASE = Date.UTC(2026, 10, 1);

describe('timeOrder: indices in stable time order', () => {
  test('milliseconds, whole seconds and spans from a minute to centuries', () => {
    const offset = fc.oneof(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 31 * 86_400_000 }), fc.integer({ min: 0, max: 2 ** 52 }));
    const times = fc.array(fc.tuple(offset, fc.boolean()).map(([ms, seconds]) => BASE + (seconds ? ms - (ms % 1000) : ms)), { maxLength: 300 });
    fc.assert(fc.property(times, (list) => {
      expect(Array.from(timeOrder(Float64Array.from(list)))).toEqual(stableOrder(list));
    }));
  });

  test('many equal times keep their input order (ties on the hour)', () => {
    const times = Array.from({ length: 5000 }, (_, i) => BASE + ((i * 7919) % 24) * 3_600_000);
    expect(Array.from(timeOrder(Float64Array.from(times)))).toEqual(stableOrder(times));
  });

  test('fractions and negative times fall back to the comparator order', () => {
    const times = [1.5, -3, 0.25, -3, 2 ** 60, 1.5];
    expect(Array.from(timeOrder(Float64Array.from(times)))).toEqual(stableOrder(times));
  });

  test('empty and single columns', () => {
    expect(Array.from(timeOrder(new Float64Array(0)))).toEqual([]);
    expect(Array.from(timeOrder(Float64Array.from([BASE])))).toEqual([0]);
  });
});
