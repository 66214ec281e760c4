/** Which days are final (issues 8 and 10): exports still counting, open attribution windows, days not over yet. */
import { describe, expect, test } from 'vitest';
import { finalityOf, latestRecordTime } from '../../src/core/finality';
import { emptyCounts } from '../../src/core/metrics';
import { addDays, localTime } from '../../src/core/dates';
import type { AgentDay, Consultation } from '../../src/core/types';
import { TEST_TODAY } from '../support/now';

const day = (date: string, inquiries: number, extra: Partial<AgentDay> = {}): AgentDay => ({ ...emptyCounts(), date, agent: 'A', inquiries, ...extra });
const week = (first: string, inquiries: number) => Array.from({ length: 7 }, (_, i) => day(addDays(first, i), inquiries));

describe('finalityOf', () => {
  test('a figure an export will count later makes its day provisional, and not the default', () => {
    const f = finalityOf([day('2026-11-01', 10), day('2026-11-02', 10, { provisional: ['paid'] })], new Set(), null, 'next_day', TEST_TODAY);
    expect([...f.provisional]).toEqual([['2026-11-02', ['export_pending']]]);
    expect(f.latestFinal).toBe('2026-11-01');
  });

  test('a computed day stays provisional until a record after its attribution window closes', () => {
    const days = [day('2026-11-01', 10), day('2026-11-02', 10)];
    const computed = new Set(['2026-11-01', '2026-11-02']);
    // next_day: 11-01's window closes at 11-03 00:00.
    expect(finalityOf(days, computed, localTime(2026, 11, 2, 23, 59), 'next_day', TEST_TODAY).latestFinal).toBeNull();
    expect(finalityOf(days, computed, localTime(2026, 11, 3, 0, 0), 'next_day', TEST_TODAY).latestFinal).toBe('2026-11-01');
    expect(finalityOf(days, computed, localTime(2026, 11, 3, 0, 0), 'same_day', TEST_TODAY).latestFinal).toBe('2026-11-02');
  });

  test('trailing days far below the usual volume are taken for days not over yet', () => {
    const days = [...week('2026-11-01', 300), day('2026-11-08', 22), day('2026-11-09', 4)];
    const f = finalityOf(days, new Set(), null, 'next_day', TEST_TODAY);
    expect(f.provisional.get('2026-11-08')).toEqual(['low_volume']);
    expect(f.provisional.get('2026-11-09')).toEqual(['low_volume']);
    expect(f.latestFinal).toBe('2026-11-07');
  });

  test('a quiet day in the middle is a real quiet day; half the usual volume is still a day', () => {
    const days = [...week('2026-11-01', 300), day('2026-11-08', 20), ...week('2026-11-09', 300), day('2026-11-16', 150)];
    const f = finalityOf(days, new Set(), null, 'next_day', TEST_TODAY);
    expect(f.provisional.size).toBe(0);
    expect(f.latestFinal).toBe('2026-11-16');
  });

  test('with fewer than three earlier days there is no usual volume to judge by', () => {
    expect(finalityOf([day('2026-11-01', 300), day('2026-11-02', 300), day('2026-11-03', 1)], new Set(), null, 'next_day', TEST_TODAY).latestFinal).toBe('2026-11-03');
  });
});

describe('latestRecordTime', () => {
  const chat = (y: number, m: number, d: number): Consultation => ({ buyer: 'b', agent: 'A', start: localTime(y, m, d, 10), firstResponseSec: 5, buyerMessages: 1, agentMessages: 1, category: 'presale' });
  test('a record dated 2999 does not close every window', () => {
    const chats = [chat(2026, 11, 1), chat(2026, 11, 2), chat(2999, 1, 1)];
    expect(latestRecordTime(chats, [], '2026-11-03')).toBe(localTime(2026, 11, 2, 10));
  });
});
