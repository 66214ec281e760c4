/** The kept days' JSON lists (credits, payments) split to fit a cell, and a day whose one item cannot fit is not kept. */
import { describe, expect, it } from 'vitest';
import { jsonLists } from '../../src/sheets/computedDaysTab';
import { LIMITS } from '../fakes/cost';

describe('jsonLists', () => {
  it('splits a long list into cells under the limit and loses nothing', () => {
    const items = Array.from({ length: 5_000 }, (_, i) => [`order-${i}`, `buyer-${i % 97}`, 1_770_000_000_000 + i, 12.34, i % 2]);
    const lists = jsonLists(items)!;
    expect(lists.length).toBeGreaterThan(1);
    for (const text of lists) expect(text.length).toBeLessThan(LIMITS.cellChars);
    expect(lists.flatMap((text) => JSON.parse(text) as unknown[])).toEqual(items);
  });

  it('writes an empty list as one empty cell, so a day with no payments is told from a day that kept none', () => {
    expect(jsonLists([])).toEqual(['[]']);
  });

  it('refuses an item longer than a cell (a hostile 50 000-character ID)', () => {
    expect(jsonLists([['x'.repeat(49_998), 'b', 1, 1, 0]])).toBeNull();
  });
});
