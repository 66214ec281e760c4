/** The ingest core's rules, as every store applies them. */
import { describe, expect, it } from 'vitest';
import { localTime } from '../../src/core/dates';
import type { Agent, Consultation, ExportedAgentDay, Order } from '../../src/core/types';
import { MAX_STORED_TEXT, mergeBatch, orderKey, RECORD_DAY, rosterClashes, storedForm, unknownAgents } from '../../src/import/ingest';

const day = (agent: string, figures: ExportedAgentDay['figures'], shop = ''): ExportedAgentDay => ({ date: '2026-11-21', shop, agent, source: 's', report: 'r', figures, provisional: [] });
const chat = (agent: string): Consultation => ({ buyer: 'b', agent, start: localTime(2026, 11, 21, 9), firstResponseSec: 5, buyerMessages: 1, agentMessages: 1, category: 'presale' });
const agent = (name: string, extra: Partial<Agent> = {}): Agent => ({ name, id: '', shift: 'day', basePay: 0, active: true, ...extra });

describe('mergeBatch', () => {
  it('counts a key met before, in the store or earlier in the batch, as replaced; the later row wins', () => {
    const orders = [{ orderId: 'a', n: 1 }, { orderId: 'b', n: 2 }, { orderId: 'a', n: 3 }, { orderId: 'c', n: 4 }];
    const merged = mergeBatch(orders, orderKey, (k) => k === 'b');
    expect(merged.records).toEqual([{ orderId: 'a', n: 3 }, { orderId: 'b', n: 2 }, { orderId: 'c', n: 4 }]);
    expect({ added: merged.added, replaced: merged.replaced }).toEqual({ added: 2, replaced: 2 });
  });
});

describe('unknownAgents', () => {
  it('adds agents who worked, not all-zero rows, not roster names or their mapped accounts', () => {
    const days = [day('Zero', { consultations: 0, receptions: 0, inquiries: 0 }), day('New', { consultations: 3 }), day('丸子', { consultations: 4 }, '店铺A')];
    const roster = [agent('Alice'), agent('Mei', { accounts: ['店铺A:丸子'] })];
    expect(unknownAgents(roster, days, [chat('Alice'), chat('Chatter')])).toEqual(['Chatter', 'New']);
  });
});

describe('rosterClashes', () => {
  it('names a name, ID or account held twice', () => {
    expect(rosterClashes([agent('A', { id: '1' }), agent('B', { id: '1' }), agent('C', { accounts: ['x'] }), agent('D', { accounts: ['x'] }), agent('A')])).toEqual(['A', '1', 'x']);
  });
});

describe('storedForm and RECORD_DAY', () => {
  it('cuts text longer than a spreadsheet cell stores, and says which field', () => {
    const long: Order = { orderId: '1', buyer: 'b', created: localTime(2026, 11, 21, 23, 59, 59), paidAt: null, amount: 1, items: 1, status: '', refunded: false, couponUsed: false, remark: 'x'.repeat(150_000), flag: '' };
    const cuts: string[] = [];
    const stored = storedForm('orders', long, (c) => cuts.push(`${c.field}:${c.length}`));
    expect(stored.remark).toHaveLength(MAX_STORED_TEXT);
    expect(cuts).toEqual(['remark:150000']);
    expect(long.remark).toHaveLength(150_000);
    expect(storedForm('orders', stored)).toBe(stored);
    expect(RECORD_DAY.orders(long)).toBe('2026-11-21');
  });
});
