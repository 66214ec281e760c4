import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { computeMetrics, explainAgentDay } from '../../src/core/engine';
import { agentIdInRemark } from '../../src/core/attribution';
import { defaultRules, type Rules } from '../../src/core/rules';
import { deriveRatios, sumCounts } from '../../src/core/metrics';
import type { Agent, Consultation, Order } from '../../src/core/types';
import { wallClock } from '../support/fixtures';

const HOUR = 3_600_000;
const roster: Agent[] = [
  { name: 'A', id: '101', shift: 'day', basePay: 3000, active: true },
  { name: 'B', id: '102', shift: 'day', basePay: 3000, active: true },
];

function chat(agent: string, buyer: string, start: string, extra: Partial<Consultation> = {}): Consultation {
  return { agent, buyer, start: wallClock(start), firstResponseSec: 5, buyerMessages: 2, agentMessages: 2, category: 'presale', ...extra };
}
function order(orderId: string, buyer: string, created: string, paid: string | null, extra: Partial<Order> = {}): Order {
  return {
    orderId,
    buyer,
    created: wallClock(created),
    paidAt: paid === null ? null : wallClock(paid),
    amount: 100,
    items: 1,
    status: '交易成功',
    refunded: false,
    couponUsed: false,
    remark: '',
    flag: '',
    ...extra,
  };
}
function day(result: ReturnType<typeof computeMetrics>, agent: string, date: string) {
  return result.agentDays.find((d) => d.agent === agent && d.date === date);
}
const run = (chats: Consultation[], orders: Order[] = [], rules: Rules = defaultRules()) => computeMetrics(chats, orders, roster, rules);

describe('inquiries and the repeat window', () => {
  test('a repeat contact exactly 24 h later opens no new inquiry', () => {
    const r = run([chat('A', 'b1', '2026-11-01 10:00:00'), chat('A', 'b1', '2026-11-02 10:00:00')]);
    expect(r.inquiries).toHaveLength(1);
    expect(r.inquiries[0].consultations).toBe(2);
    expect(day(r, 'A', '2026-11-02')!.inquiries).toBe(0);
    expect(day(r, 'A', '2026-11-02')!.consultations).toBe(1);
  });
  test('a repeat one second after 24 h opens a new inquiry on its own day', () => {
    const r = run([chat('A', 'b1', '2026-11-01 10:00:00'), chat('A', 'b1', '2026-11-02 10:00:01')]);
    expect(r.inquiries.map((i) => i.date)).toEqual(['2026-11-01', '2026-11-02']);
  });
  test('the window counts from the inquiry opened, not from the last repeat', () => {
    const r = run([chat('A', 'b1', '2026-11-01 10:00:00'), chat('A', 'b1', '2026-11-02 02:00:00'), chat('A', 'b1', '2026-11-02 12:00:00')]);
    expect(r.inquiries).toHaveLength(2);
  });
  test('after-sales and freebie chats are excluded, counted as consultations and excluded', () => {
    const r = run([chat('A', 'b1', '2026-11-01 10:00:00', { category: 'after_sales' }), chat('A', 'b2', '2026-11-01 11:00:00', { category: 'freebie' }), chat('A', 'b3', '2026-11-01 12:00:00')]);
    const d = day(r, 'A', '2026-11-01')!;
    expect([d.consultations, d.excluded, d.inquiries]).toEqual([3, 2, 1]);
  });
  test('a night-shift chat after midnight belongs to the new calendar day', () => {
    const r = run([chat('A', 'b1', '2026-11-01 23:59:59'), chat('A', 'b2', '2026-11-02 00:00:00')]);
    expect(day(r, 'A', '2026-11-01')!.inquiries).toBe(1);
    expect(day(r, 'A', '2026-11-02')!.inquiries).toBe(1);
  });
  test('changing the repeat window in the rules changes the count', () => {
    const chats = [chat('A', 'b1', '2026-11-01 10:00:00'), chat('A', 'b1', '2026-11-01 13:00:00')];
    expect(run(chats).inquiries).toHaveLength(1);
    expect(run(chats, [], { ...defaultRules(), repeatWindowHours: 2 }).inquiries).toHaveLength(2);
  });
});

describe('crediting orders (next-day window by default)', () => {
  test('an order one second before the end of the next day counts, at the end it does not', () => {
    const inside = run([chat('A', 'b1', '2026-11-01 10:00:00')], [order('o1', 'b1', '2026-11-02 23:59:59', '2026-11-02 23:59:59')]);
    expect(day(inside, 'A', '2026-11-01')!.paid).toBe(1);
    const outside = run([chat('A', 'b1', '2026-11-01 10:00:00')], [order('o1', 'b1', '2026-11-03 00:00:00', '2026-11-03 00:00:00')]);
    expect(day(outside, 'A', '2026-11-01')!.placed).toBe(0);
  });
  test('placed inside the window but paid after it: placed, not paid', () => {
    const r = run([chat('A', 'b1', '2026-11-01 10:00:00')], [order('o1', 'b1', '2026-11-02 20:00:00', '2026-11-03 00:00:01')]);
    const d = day(r, 'A', '2026-11-01')!;
    expect([d.placed, d.paid, d.sales]).toEqual([1, 0, 0]);
  });
  test('same-day and 3-day windows', () => {
    const chats = [chat('A', 'b1', '2026-11-01 10:00:00')];
    const orders = [order('o1', 'b1', '2026-11-03 09:00:00', '2026-11-03 09:01:00')];
    expect(day(run(chats, orders, { ...defaultRules(), attributionWindow: 'same_day' }), 'A', '2026-11-01')!.paid).toBe(0);
    expect(day(run(chats, orders, { ...defaultRules(), attributionWindow: 'next_day' }), 'A', '2026-11-01')!.paid).toBe(0);
    expect(day(run(chats, orders, { ...defaultRules(), attributionWindow: '3_days' }), 'A', '2026-11-01')!.paid).toBe(1);
  });
  test('a buyer who talked to two agents: the later inquiry gets the credit', () => {
    const r = run([chat('A', 'b1', '2026-11-01 10:00:00'), chat('B', 'b1', '2026-11-01 15:00:00')], [order('o1', 'b1', '2026-11-01 16:00:00', '2026-11-01 16:01:00')]);
    expect(day(r, 'A', '2026-11-01')!.paid).toBe(0);
    expect(day(r, 'B', '2026-11-01')!.paid).toBe(1);
  });
  test('an order before the later chat stays with the earlier inquiry', () => {
    const r = run([chat('A', 'b1', '2026-11-01 10:00:00'), chat('B', 'b1', '2026-11-01 15:00:00')], [order('o1', 'b1', '2026-11-01 12:00:00', '2026-11-01 12:01:00')]);
    expect(day(r, 'A', '2026-11-01')!.paid).toBe(1);
    expect(day(r, 'B', '2026-11-01')!.paid).toBe(0);
  });
  test('two orders for one inquiry: placed and paid count once, sales and items add', () => {
    const r = run([chat('A', 'b1', '2026-11-01 10:00:00')], [
      order('o1', 'b1', '2026-11-01 11:00:00', '2026-11-01 11:01:00', { amount: 100.1, items: 1 }),
      order('o2', 'b1', '2026-11-01 12:00:00', '2026-11-01 12:01:00', { amount: 50.2, items: 3 }),
    ]);
    const d = day(r, 'A', '2026-11-01')!;
    expect([d.placed, d.paid, d.sales, d.items]).toEqual([1, 1, 150.3, 4]);
    expect(explainAgentDay(r, [], 'A', '2026-11-01').inquiries[0].orderIds).toEqual(['o1', 'o2']);
  });
  test('an order before any inquiry of the buyer is credited to nobody', () => {
    const r = run([chat('A', 'b1', '2026-11-01 10:00:00')], [order('o1', 'b1', '2026-11-01 09:59:59', '2026-11-01 10:00:30')]);
    expect(day(r, 'A', '2026-11-01')!.placed).toBe(0);
  });
  test('a refund after payment keeps paid and sales but leaves commission', () => {
    const refunded = order('o1', 'b1', '2026-11-01 11:00:00', '2026-11-01 11:01:00', { refunded: true, status: '退款成功', remark: '101' });
    const r = run([chat('A', 'b1', '2026-11-01 10:00:00')], [refunded]);
    expect(day(r, 'A', '2026-11-01')!.paid).toBe(1);
    expect(r.refunded.map((o) => o.orderId)).toEqual(['o1']);
    expect(r.attributed).toEqual([]);
    expect(r.unattributed).toEqual([]);
  });
  test('coupon buyers are paid inquiries with a coupon order', () => {
    const r = run([chat('A', 'b1', '2026-11-01 10:00:00')], [order('o1', 'b1', '2026-11-01 11:00:00', '2026-11-01 11:01:00', { couponUsed: true })]);
    expect(day(r, 'A', '2026-11-01')!.couponBuyers).toBe(1);
  });
});

describe('attributed sales from the seller remark', () => {
  test.each([
    ['101', '101'],
    ['客服101', '101'],
    ['工号:101', '101'],
    ['101 已核对', '101'],
    ['1011', null],
    ['A1010', null],
    ['', null],
    ['１０２', '102'],
  ])('remark %j names %j', (remark, id) => {
    expect(agentIdInRemark(remark, ['101', '102'])).toBe(id);
  });
  test('summed by month of payment; unremarked paid orders are unattributed', () => {
    const r = run([], [
      order('o1', 'x', '2026-10-31 23:00:00', '2026-11-01 00:10:00', { remark: '客服101', amount: 10 }),
      order('o2', 'x', '2026-10-30 10:00:00', '2026-10-30 10:10:00', { remark: '101', amount: 20 }),
      order('o3', 'y', '2026-11-02 10:00:00', '2026-11-02 10:10:00', { remark: '1011', amount: 30 }),
      order('o4', 'y', '2026-11-02 10:00:00', null, { remark: '' }),
    ]);
    expect(r.attributed.map((a) => [a.agentId, a.month, a.amount])).toEqual([
      ['101', '2026-11', 10],
      ['101', '2026-10', 20],
    ]);
    expect(r.unattributed.map((o) => o.orderId)).toEqual(['o3']);
  });
});

describe('properties', () => {
  const agents = ['A', 'B', 'C'];
  const buyers = ['b1', 'b2', 'b3', 'b4', 'b5'];
  const base = wallClock('2026-11-01 00:00:00');
  const chatArb = fc.record({
    agent: fc.constantFrom(...agents),
    buyer: fc.constantFrom(...buyers),
    start: fc.integer({ min: 0, max: 4 * 24 * HOUR }).map((ms) => base + ms),
    firstResponseSec: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
    buyerMessages: fc.integer({ min: 1, max: 9 }),
    agentMessages: fc.integer({ min: 0, max: 9 }),
    category: fc.constantFrom('presale', 'presale', 'after_sales', 'freebie') as fc.Arbitrary<Consultation['category']>,
  });
  const orderArb = fc.record({
    orderId: fc.uuid(),
    buyer: fc.constantFrom(...buyers),
    created: fc.integer({ min: 0, max: 5 * 24 * HOUR }).map((ms) => base + ms),
    payDelay: fc.option(fc.integer({ min: 0, max: 30 * HOUR }), { nil: null }),
    amount: fc.integer({ min: 1, max: 50000 }).map((c) => c / 100),
  }).map(({ payDelay, ...o }): Order => ({ ...o, paidAt: payDelay == null ? null : o.created + payDelay, items: 1, status: '', refunded: false, couponUsed: false, remark: '', flag: '' }));
  const shop = fc.tuple(fc.array(chatArb, { maxLength: 60 }), fc.array(orderArb, { maxLength: 40 }));

  test('paid ≤ placed ≤ inquiries, and C = A × B where both are defined', () => {
    fc.assert(fc.property(shop, ([chats, orders]) => {
      for (const d of run(chats, orders).agentDays) {
        expect(d.paid!).toBeLessThanOrEqual(d.placed!);
        expect(d.placed!).toBeLessThanOrEqual(d.inquiries!);
        const r = deriveRatios(d);
        if (r.orderRate != null && r.paymentRate != null) expect(r.inquiryConversion!).toBeCloseTo(r.orderRate * r.paymentRate, 12);
      }
    }));
  });
  test('team totals equal the sum of agents', () => {
    fc.assert(fc.property(shop, ([chats, orders]) => {
      const result = run(chats, orders);
      const team = sumCounts(result.agentDays);
      expect(team.inquiries).toBe(result.inquiries.length || (result.agentDays.length ? 0 : null));
      expect(team.paid ?? 0).toBe(result.inquiries.filter((i) => i.paid).length);
      const perAgent = agents.map((a) => sumCounts(result.agentDays.filter((d) => d.agent === a)).paid ?? 0);
      expect(perAgent.reduce((x, y) => x + y, 0)).toBe(team.paid ?? 0);
    }));
  });
  test('widening the attribution window from same day to 3 days never lowers paid', () => {
    fc.assert(fc.property(shop, ([chats, orders]) => {
      const paidUnder = (w: Rules['attributionWindow']) => sumCounts(run(chats, orders, { ...defaultRules(), attributionWindow: w }).agentDays).paid ?? 0;
      const same = paidUnder('same_day');
      const next = paidUnder('next_day');
      const three = paidUnder('3_days');
      expect(next).toBeGreaterThanOrEqual(same);
      expect(three).toBeGreaterThanOrEqual(next);
    }));
  });
});
