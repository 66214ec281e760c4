/**
 * The kept days' JSON lists (credits, orders) split to fit a cell; a day's
 * orders kept and read back whole; a day whose orders cannot fit a cell (a
 * hostile remark) kept without them, so its order rows are read; a damaged
 * list cell makes its day unread, never a day with fewer orders.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonLists, readComputedDays, storeComputedDays } from '../../src/sheets/computedDaysTab';
import type { ComputedDay } from '../../src/reports/computedDays';
import { LIMITS } from '../fakes/cost';
import { installFake, order } from './helpers';

afterEach(() => vi.unstubAllGlobals());

const DAY = '2026-11-21';
const TAB = 'CS Daily: computed days';

function keep(day: ComputedDay): ComputedDay | undefined {
  installFake();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  storeComputedDays(ss, readComputedDays(ss), () => 'key', [{ key: 'key', day }], DAY);
  return readComputedDays(ss).days.get(DAY)?.day;
}

const dayWith = (orders: ComputedDay['orders']): ComputedDay => ({
  day: DAY,
  agentDays: [],
  credits: [{ orderId: 'o-1', agent: '客服1', opened: 1, inquiryPaid: true }],
  latestRecord: 5,
  orders,
});

describe('jsonLists', () => {
  it('splits a long list into cells under the limit and loses nothing', () => {
    const items = Array.from({ length: 5_000 }, (_, i) => [`order-${i}`, `buyer-${i % 97}`, 1_770_000_000_000 + i, 12.34, i % 2]);
    const lists = jsonLists(items)!;
    expect(lists.length).toBeGreaterThan(1);
    for (const text of lists) expect(text.length).toBeLessThan(LIMITS.cellChars);
    expect(lists.flatMap((text) => JSON.parse(text) as unknown[])).toEqual(items);
  });

  it('writes an empty list as one empty cell, so a day with no orders is told from a day that kept none', () => {
    expect(jsonLists([])).toEqual(['[]']);
  });

  it('refuses an item longer than a cell (a hostile 50 000-character ID)', () => {
    expect(jsonLists([['x'.repeat(49_998), 'b', 1, 1, 0]])).toBeNull();
  });
});

describe('a kept day\'s orders', () => {
  it('read back as they were kept, an unpaid one and 3 000 of them too', () => {
    const orders = [{ ...order('o-1', '买家1', '工号:8'), paidAt: null }, ...Array.from({ length: 3_000 }, (_, i) => order(`o-${i + 2}`, `b${i}`))];
    expect(keep(dayWith(orders))).toEqual(dayWith(orders));
    expect(keep(dayWith([]))!.orders).toEqual([]);
  });

  it('are not kept when one will not fit a cell; the day is, with its credits', () => {
    const kept = keep(dayWith([order('o-1', 'b1', 'x'.repeat(49_990))]))!;
    expect(kept.orders).toBeNull();
    expect(kept.credits).toEqual(dayWith(null).credits);
  });

  it('a list cell damaged by hand leaves its day unread, not short of orders', () => {
    keep(dayWith([order('o-1'), order('o-2')]));
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName(TAB)!;
    const rows = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
    sheet.getRange(rows.findIndex((r) => r[1] === 'orders') + 1, 6).setValue('[["o-1"');
    const read = readComputedDays(ss);
    expect(read.days.has(DAY)).toBe(false);
    expect(read.broken).toBe(true);
  });
});
