/**
 * The engine's columnar layout against SPEC §6a written plainly (arrays,
 * filters, no indexes), on random shops built to hit the rules: few buyers
 * and agents, times on the hour so openings tie, repeats around the window.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { computeMetrics } from '../../src/core/engine';
import { defaultRules, type Rules } from '../../src/core/rules';
import type { Consultation, Order } from '../../src/core/types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BASE = Date.UTC(2026, 10, 1);
const WINDOW_DAYS = { same_day: 1, next_day: 2, '3_days': 3 } as const;

interface PlainInquiry {
  agent: string;
  buyer: string;
  opened: number;
  consultations: number;
  orders: Order[];
}

function plainEngine(chats: Consultation[], orders: Order[], rules: Rules) {
  const inTime = chats.map((c, i) => ({ c, i })).sort((a, b) => a.c.start - b.c.start || a.i - b.i).map(({ c }) => c);
  const inquiries: PlainInquiry[] = [];
  for (const c of inTime) {
    if (rules.excludedCategories.includes(c.category)) continue;
    const open = inquiries.filter((q) => q.agent === c.agent && q.buyer === c.buyer).pop();
    if (open && c.start - open.opened <= rules.repeatWindowHours * HOUR) open.consultations++;
    else inquiries.push({ agent: c.agent, buyer: c.buyer, opened: c.start, consultations: 1, orders: [] });
  }
  const end = (q: PlainInquiry) => (Math.floor(q.opened / DAY) + WINDOW_DAYS[rules.attributionWindow]) * DAY;
  for (const order of orders) {
    const before = inquiries.filter((q) => q.buyer === order.buyer && q.opened <= order.created);
    const latest = Math.max(...before.map((q) => q.opened));
    const target = before.filter((q) => q.opened === latest).sort((a, b) => (a.agent < b.agent ? 1 : -1))[0];
    if (target && order.created < end(target)) target.orders.push(order);
  }
  const paidOrders = (q: PlainInquiry) => q.orders.filter((o) => o.paidAt != null && o.paidAt < end(q));
  const days = new Map<string, Record<string, number>>();
  for (const c of chats) days.set(`${Math.floor(c.start / DAY)}|${c.agent}`, {});
  const figures = [...days.keys()].map((key) => {
    const [day, agent] = key.split('|');
    const mine = chats.filter((c) => c.agent === agent && Math.floor(c.start / DAY) === Number(day));
    const opened = inquiries.filter((q) => q.agent === agent && Math.floor(q.opened / DAY) === Number(day));
    const distinct = (list: Consultation[]) => new Set(list.map((c) => c.buyer)).size;
    return {
      key,
      consultations: distinct(mine),
      receptions: distinct(mine.filter((c) => c.firstResponseSec != null)),
      excluded: distinct(mine.filter((c) => rules.excludedCategories.includes(c.category))),
      inquiries: opened.length,
      placed: opened.filter((q) => q.orders.length > 0).length,
      paid: opened.filter((q) => paidOrders(q).length > 0).length,
      salesCents: Math.round(opened.flatMap(paidOrders).reduce((s, o) => s + o.amount * 100, 0)),
      items: opened.flatMap(paidOrders).reduce((s, o) => s + o.items, 0),
      couponBuyers: opened.filter((q) => paidOrders(q).some((o) => o.couponUsed)).length,
    };
  });
  return { inquiries, figures };
}

const agents = ['A', 'B', 'C', '小丸子'];
const buyers = ['b1', 'b2', 'b3', 'b4'];
const hourly = (maxHours: number) => fc.tuple(fc.integer({ min: 0, max: maxHours }), fc.constantFrom(0, 0, 0, 1, 59_000)).map(([h, extra]) => BASE + h * HOUR + extra);
const chatArb = fc.record({
  agent: fc.constantFrom(...agents),
  buyer: fc.constantFrom(...buyers),
  start: hourly(96),
  firstResponseSec: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  buyerMessages: fc.integer({ min: 1, max: 5 }),
  agentMessages: fc.integer({ min: 0, max: 5 }),
  category: fc.constantFrom('presale', 'presale', 'presale', 'after_sales', 'freebie') as fc.Arbitrary<Consultation['category']>,
});
const orderArb = fc
  .record({
    buyer: fc.constantFrom(...buyers, 'stranger'),
    created: hourly(120),
    payDelay: fc.option(fc.constantFrom(0, HOUR, 30 * HOUR, 50 * HOUR), { nil: null }),
    cents: fc.integer({ min: 1, max: 50_000 }),
    items: fc.integer({ min: 1, max: 3 }),
    couponUsed: fc.boolean(),
    refunded: fc.boolean(),
  })
  .map(({ payDelay, cents, ...o }): Order => ({ ...o, orderId: '', amount: cents / 100, paidAt: payDelay == null ? null : o.created + payDelay, status: '', remark: '', flag: '' }));

describe('the engine equals SPEC §6a written plainly', () => {
  test.each(['same_day', 'next_day', '3_days'] as const)('random shops with ties and repeats, %s window', (window) => {
    const rules = { ...defaultRules(), attributionWindow: window };
    fc.assert(
      fc.property(fc.array(chatArb, { maxLength: 50 }), fc.array(orderArb, { maxLength: 30 }), (chats, rawOrders) => {
        const orders = rawOrders.map((o, i) => ({ ...o, orderId: `o${i}` })); // unique IDs
        const result = computeMetrics(chats, orders, [], rules);
        const plain = plainEngine(chats, orders, rules);
        expect(result.inquiries.map((q) => [q.agent, q.buyer, q.opened, q.consultations, q.orderIds])).toEqual(
          plain.inquiries.map((q) => [q.agent, q.buyer, q.opened, q.consultations, q.orders.map((o) => o.orderId)]),
        );
        const got = result.agentDays.map((d) => ({
          key: `${Date.parse(`${d.date}T00:00:00Z`) / DAY}|${d.agent}`,
          consultations: d.consultations,
          receptions: d.receptions,
          excluded: d.excluded,
          inquiries: d.inquiries,
          placed: d.placed,
          paid: d.paid,
          salesCents: Math.round(d.sales! * 100),
          items: d.items,
          couponBuyers: d.couponBuyers,
        }));
        const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
        expect(got.sort(byKey)).toEqual(plain.figures.sort(byKey));
        // The credited orders say what the inquiry list says, order by order, in input order.
        const creditOf = new Map(result.inquiries.flatMap((q) => q.orderIds.map((id) => [id, [q.agent, q.date, q.opened, q.paid]] as const)));
        expect(result.credits.map((c) => c.order.orderId)).toEqual(orders.map((o) => o.orderId).filter((id) => creditOf.has(id)));
        expect(result.credits.map((c) => [c.agent, c.date, c.opened, c.inquiryPaid])).toEqual(result.credits.map((c) => creditOf.get(c.order.orderId)));
        const sameInquiry = (a: (typeof result.credits)[number], b: (typeof result.credits)[number]) => a.agent === b.agent && a.opened === b.opened && a.order.buyer === b.order.buyer;
        for (const a of result.credits) for (const b of result.credits) expect(a.inquiry === b.inquiry).toBe(sameInquiry(a, b));
      }),
      { numRuns: 300 },
    );
  });
});
