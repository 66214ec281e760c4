/**
 * A 20-agent shop's morning, as the sidebar would send it: ≈3 000 chats,
 * ≈1 000 orders and three Chitu agent-day reports of the day before, as
 * ImportResult tables (the import core's output). Deterministic: day d of
 * seed s is always the same.
 */
import { localTime } from '../src/core/dates';
import type { Agent, Consultation, ExportedAgentDay, Order } from '../src/core/types';
import type { ImportResult, RecordKind } from '../src/import/types';
import { seededRandom } from '../test/support/seededRandom';

export const AGENTS = 20;
const CHATS = 3_000;
const ORDERS = 1_000;
const BUYERS = 60_000;
const DAY_MS = 86_400_000;
export const FIRST_DAY = localTime(2026, 1, 1);

export function roster(): Agent[] {
  return Array.from({ length: AGENTS }, (_, i) => ({ name: `客服${i + 1}`, id: String(1001 + i), shift: i % 4 === 3 ? 'night' : 'day', basePay: 4000, active: true }));
}

function table(kind: RecordKind, file: string, over: Partial<ImportResult>): ImportResult {
  return {
    file, sheet: null, kind, encoding: 'utf-8', headerRow: 1, mapping: {}, unmappedHeaders: [], unusedHeaders: [],
    source: `${kind}:bench`, report: file, date: null, rowsRead: 0,
    agentDays: [], shopDays: [], consultations: [], orders: [], rejected: [], skipped: [], ...over,
  };
}

const isoDay = (day: number) => new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);

/** A day's volume: the bench's shop by default; tests use a smaller one of the same shape. */
export interface ShopSize {
  chats: number;
  orders: number;
  buyers: number;
}
export const BENCH_SIZE: ShopSize = { chats: CHATS, orders: ORDERS, buyers: BUYERS };

/** The tables of morning `day` (0 = 2026-01-01): that day's chats and orders, the day before's three reports. */
export function morning(day: number, size: ShopSize = BENCH_SIZE): ImportResult[] {
  const rnd = seededRandom(day * 7919 + 17);
  const base = FIRST_DAY + day * DAY_MS;
  const pick = (n: number) => Math.floor(rnd() * n);
  const agents = roster();
  const chats: Consultation[] = Array.from({ length: size.chats + pick(Math.ceil(size.chats / 15)) - Math.floor(size.chats / 30) }, () => ({
    buyer: `tb${pick(size.buyers)}`,
    agent: agents[pick(AGENTS)].name,
    start: base + 8 * 3_600_000 + pick(14 * 3_600) * 1000,
    firstResponseSec: 5 + pick(40),
    buyerMessages: 1 + pick(12),
    agentMessages: 1 + pick(12),
    category: rnd() < 0.85 ? 'presale' : 'after_sales',
  }));
  const orders: Order[] = Array.from({ length: size.orders + pick(Math.ceil(size.orders / 10)) - Math.floor(size.orders / 20) }, (_, i) => {
    const created = base + 9 * 3_600_000 + pick(14 * 3_600) * 1000;
    return {
      orderId: `${day}${String(i).padStart(5, '0')}${pick(10)}`,
      buyer: `tb${pick(size.buyers)}`,
      created,
      paidAt: rnd() < 0.9 ? created + pick(3_600) * 1000 : null,
      amount: Math.round((20 + rnd() * 300) * 100) / 100,
      items: 1 + pick(3),
      status: '交易成功',
      refunded: rnd() < 0.03,
      couponUsed: rnd() < 0.3,
      remark: rnd() < 0.4 ? `工号:${agents[pick(AGENTS)].id}` : '',
      flag: '',
    };
  });
  const reportDay = isoDay(day - 1);
  const reports = ['询单', '接待', '销售'].map((name, r) =>
    table('agent_day', `赤兔_${name}_${reportDay}.xlsx`, {
      source: `agent_day:chitu-${r}`,
      report: name,
      agentDays: agents.map((a): ExportedAgentDay => {
        const figures: ExportedAgentDay['figures'] =
          r === 0 ? { inquiries: 40 + pick(40), placed: 15 + pick(20), paid: 12 + pick(15) }
          : r === 1 ? { consultations: 100 + pick(80), receptions: 95 + pick(80), firstResponseSec: 8 + pick(20) }
          : { sales: 3000 + pick(5000), salesBuyers: 12 + pick(15), items: 20 + pick(30) };
        return { date: reportDay, shop: '', agent: a.name, source: `agent_day:chitu-${r}`, report: name, figures, provisional: [] };
      }),
      rowsRead: AGENTS,
    }),
  );
  return [
    table('consultations', `chats_${isoDay(day)}.csv`, { consultations: chats, rowsRead: chats.length }),
    table('orders', `orders_${isoDay(day)}.csv`, { orders, rowsRead: orders.length }),
    ...(day > 0 ? reports : []),
  ];
}
