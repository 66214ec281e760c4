/**
 * Property: on any small shop the SQL of §6a run on DuckDB gives the engine's
 * agent-days. Shops are made so the rules' edges are common: chats on the
 * hour (opening ties between agents, repeats exactly W later), several agents
 * per buyer, orders from before the first chat to days after it (in and out
 * of each window), paid late or never, coupons, excluded categories.
 */
import { afterAll, beforeAll, test } from 'vitest';
import fc from 'fast-check';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Consultation, ConsultationCategory, Order } from '../../src/core/types';
import { defaultRules, type AttributionWindow, type Rules } from '../../src/core/rules';
import { expectSameAgentDays, freshDb, loadShop } from './identity';

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 10, 1);
const AGENTS = ['小丸子', '乔巴', 'agent-b', 'Agent-a'];
const BUYERS = ['tb001', 'tb002', '买家3'];

const chat = fc.record({
  buyer: fc.constantFrom(...BUYERS),
  agent: fc.constantFrom(...AGENTS),
  hour: fc.integer({ min: 0, max: 120 }),
  // Mostly on the hour; else a few seconds or minutes past it.
  offsetSec: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 3599 })),
  firstResponseSec: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
  buyerMessages: fc.integer({ min: 0, max: 9 }),
  agentMessages: fc.integer({ min: 0, max: 9 }),
  category: fc.constantFrom<ConsultationCategory>('presale', 'presale', 'presale', 'after_sales', 'freebie'),
});

const order = fc.record({
  buyer: fc.constantFrom(...BUYERS, '路人'),
  hour: fc.integer({ min: -24, max: 200 }),
  offsetSec: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3599 })),
  paidAfterHours: fc.option(fc.integer({ min: 0, max: 72 }), { nil: null }),
  cents: fc.integer({ min: 1, max: 500_000 }),
  items: fc.integer({ min: 1, max: 5 }),
  couponUsed: fc.boolean(),
});

const shop = fc.record({
  chats: fc.array(chat, { minLength: 1, maxLength: 40 }),
  orders: fc.array(order, { maxLength: 25 }),
  window: fc.constantFrom<AttributionWindow>('same_day', 'next_day', '3_days'),
  hours: fc.constantFrom(1, 6, 24, 48),
});

let db: DuckDBConnection;
let runs = 0;
let agentDays = 0;
beforeAll(async () => (db = await freshDb()));
afterAll(() => console.log(`property shops: ${runs} shops, ${agentDays} agent-days equal`));

test('any shop: SQL on DuckDB == the engine, every agent-day figure', async () => {
  await fc.assert(
    fc.asyncProperty(shop, async (s) => {
      const consultations: Consultation[] = s.chats.map((c) => ({
        buyer: c.buyer,
        agent: c.agent,
        start: BASE + c.hour * HOUR + c.offsetSec * 1000,
        firstResponseSec: c.firstResponseSec,
        buyerMessages: c.buyerMessages,
        agentMessages: c.agentMessages,
        category: c.category,
      }));
      const orders: Order[] = s.orders.map((o, i) => {
        const created = BASE + o.hour * HOUR + o.offsetSec * 1000;
        return {
          orderId: `P${i}`,
          buyer: o.buyer,
          created,
          paidAt: o.paidAfterHours === null ? null : created + o.paidAfterHours * HOUR,
          amount: o.cents / 100,
          items: o.items,
          status: '交易成功',
          refunded: false,
          couponUsed: o.couponUsed,
          remark: '',
          flag: '',
        };
      });
      const rules: Rules = { ...defaultRules(), attributionWindow: s.window, repeatWindowHours: s.hours };
      await loadShop(db, consultations, orders);
      agentDays += await expectSameAgentDays(db, consultations, orders, rules, `${s.window} W=${s.hours}h`);
      runs++;
    }),
    { numRuns: 150 },
  );
}, 300_000);
