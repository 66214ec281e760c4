/**
 * SPEC §6a step 5 in SQL (src/warehouse/remarkIdSql.ts) on DuckDB names the
 * same agent ID per paid, not refunded order as the engine's attribution
 * (core/attribution.ts), and leaves the same orders unattributed: on the
 * fixtures, the bench's rule-heavy shop (IDs written `客服1001`,
 * `工号:１００２ 已核对`, `10011`, `A1001 和 1001`) and property-made remarks.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { Agent, Order } from '../../src/core/types';
import { attributeOrders } from '../../src/core/attribution';
import { duckdb } from '../../src/warehouse/dialect';
import { remarkIdParams, remarkIdSql } from '../../src/warehouse/remarkIdSql';
import { fixtureOrders, fixtureRoster } from '../support/fixtures';
import { rulesShop } from '../../bench/engineData';
import { freshDb, loadShop } from './identity';

let db: DuckDBConnection;
const TABLE: string[] = [];
beforeAll(async () => (db = await freshDb()));
afterAll(() => console.log(`remark IDs, SQL == engine per order:\n${TABLE.join('\n')}`));

/** Order ID → the agent ID the engine credits it to (null = unattributed), for paid, not refunded orders. */
function engineIds(orders: readonly Order[], roster: readonly Agent[]): Map<string, string | null> {
  const { attributed, unattributed } = attributeOrders(orders, roster);
  const ids = new Map<string, string | null>();
  for (const entry of attributed) for (const id of entry.orderIds) ids.set(id, entry.agentId);
  for (const order of unattributed) ids.set(order.orderId, null);
  return ids;
}

async function sqlIds(orders: readonly Order[], roster: readonly Agent[]): Promise<Map<string, string | null>> {
  await loadShop(db, [], orders);
  const params = remarkIdParams(roster.map((a) => a.id)) as unknown as Record<string, DuckDBValue>;
  const rows = (await db.runAndReadAll(remarkIdSql(duckdb), params)).getRows();
  return new Map(rows.map(([orderId, , , agentId]) => [String(orderId), agentId === null ? null : String(agentId)]));
}

async function expectSame(name: string, orders: readonly Order[], roster: readonly Agent[]): Promise<void> {
  const want = engineIds(orders, roster);
  const got = await sqlIds(orders, roster);
  expect(new Map([...got].sort()), name).toEqual(new Map([...want].sort()));
  const named = [...want.values()].filter((id) => id !== null).length;
  TABLE.push(`  ${name}: ${want.size} paid orders, ${named} with an agent ID, ${want.size - named} unattributed`);
}

const agent = (id: string): Agent => ({ name: `a${id}`, id, shift: 'day', basePay: 0, active: true });

describe('remark IDs in SQL', () => {
  test('the fixtures', async () => {
    await expectSame('fixtures', fixtureOrders(), fixtureRoster());
  });

  test('the bench’s rule-heavy shop', async () => {
    const shop = rulesShop(40_000, 20);
    await expectSame('bench rules', shop.orders, shop.roster);
  });

  test('any remark made of IDs, near-IDs, full-width digits and separators', async () => {
    const roster = ['101', '102', 'A7', '2001'].map(agent);
    const piece = fc.constantFrom('101', '１０１', '1011', '0101', '102', 'Ａ７', 'A7', 'a7', '2001', '客服', '工号:', ':', ' ', '\u3000', '-', '已核对', 'x');
    const order = fc.record({ pieces: fc.array(piece, { maxLength: 6 }), paid: fc.boolean(), refunded: fc.boolean(), cents: fc.integer({ min: 1, max: 99_999 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(order, { minLength: 1, maxLength: 20 }), async (made) => {
        const orders: Order[] = made.map((o, i) => ({
          orderId: `P${i}`,
          buyer: 'b',
          created: Date.UTC(2026, 10, 1),
          paidAt: o.paid ? Date.UTC(2026, 10, 1, 1) : null,
          amount: o.cents / 100,
          items: 1,
          status: '',
          refunded: o.refunded,
          couponUsed: false,
          remark: o.pieces.join(''),
          flag: '',
        }));
        const want = engineIds(orders, roster);
        const got = await sqlIds(orders, roster);
        expect(new Map([...got].sort())).toEqual(new Map([...want].sort()));
      }),
      { numRuns: 100 },
    );
    TABLE.push('  property remarks: 100 shops of up to 20 orders');
  }, 120_000);
});
