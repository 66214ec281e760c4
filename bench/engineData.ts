/**
 * The two data sets of the engine-vs-DuckDB bench, deterministic so runs compare:
 * - `uniform`: the shop of `npm run bench` (bench/run.ts): random buyers,
 *   agents and times over a month, orders unrelated to the chats;
 * - `rules`: a shop that exercises every §6a rule — times on the hour so
 *   opening ties happen, buyers who chat with several agents, repeat chats
 *   inside and outside the 24 h window, orders before the first chat and in
 *   and out of each attribution window, paid late or never, refunds, and
 *   remarks with IDs written every way (`客服1001`, `工号:１００２`, `10011`).
 */
import type { Agent, Consultation, Order } from '../src/core/types';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 10, 1);
const CATEGORIES = ['presale', 'after_sales', 'freebie'] as const;

export interface Shop {
  roster: Agent[];
  consultations: Consultation[];
  orders: Order[];
}

/** A deterministic pseudo-random sequence. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function rosterOf(agents: number): Agent[] {
  return Array.from({ length: agents }, (_, i) => ({ name: `agent${i}`, id: String(1000 + i), shift: i % 5 === 0 ? 'night' : 'day', basePay: 3000, active: true }));
}

/** bench/run.ts's shop: `records` = chats + orders (3 : 1). */
export function uniformShop(records: number, agents = 100, days = 30): Shop {
  const consultationCount = Math.round((records * 3) / 4);
  const rnd = random(42);
  const roster = rosterOf(agents);
  const buyers = Math.round(consultationCount / 2);
  const consultations: Consultation[] = [];
  for (let i = 0; i < consultationCount; i++) {
    const r = rnd();
    consultations.push({
      buyer: `b${Math.floor(rnd() * buyers)}`,
      agent: roster[Math.floor(rnd() * agents)].name,
      start: BASE + Math.floor(rnd() * days * DAY),
      firstResponseSec: r < 0.03 ? null : Math.floor(rnd() * 40),
      buyerMessages: 1 + Math.floor(rnd() * 9),
      agentMessages: Math.floor(rnd() * 9),
      category: r < 0.8 ? 'presale' : r < 0.93 ? 'after_sales' : 'freebie',
    });
  }
  const orders: Order[] = [];
  for (let i = 0; i < Math.round(consultationCount / 3); i++) {
    const created = BASE + Math.floor(rnd() * days * DAY);
    const paid = rnd() < 0.8;
    orders.push({
      orderId: String(880000000 + i),
      buyer: `b${Math.floor(rnd() * buyers)}`,
      created,
      paidAt: paid ? created + Math.floor(rnd() * 3_600_000) : null,
      amount: Math.round(rnd() * 50000) / 100,
      items: 1 + Math.floor(rnd() * 3),
      status: '交易成功',
      refunded: paid && rnd() < 0.03,
      couponUsed: rnd() < 0.2,
      remark: rnd() < 0.8 ? `客服${1000 + Math.floor(rnd() * agents)}` : '',
      flag: '',
    });
  }
  return { roster, consultations, orders };
}

/** The rule-heavy shop: `records` = chats + orders (3 : 1). */
export function rulesShop(records: number, agents = 100, days = 30): Shop {
  const consultationCount = Math.round((records * 3) / 4);
  const rnd = random(7);
  const roster = rosterOf(agents);
  const buyers = Math.max(1, Math.round(consultationCount / 6));
  const lastChatHour = new Float64Array(buyers).fill(-1);
  const consultations: Consultation[] = [];
  const chat = (buyer: number, agent: number, hour: number) => {
    const r = rnd();
    // Most chats start on the hour, so two agents often open at the same second.
    const start = BASE + hour * HOUR + (rnd() < 0.7 ? 0 : Math.floor(rnd() * 3600) * 1000);
    consultations.push({
      buyer: `买家${buyer}`,
      agent: roster[agent].name,
      start,
      firstResponseSec: r < 0.05 ? null : Math.floor(rnd() * 60),
      buyerMessages: 1 + Math.floor(rnd() * 9),
      agentMessages: Math.floor(rnd() * 9),
      category: CATEGORIES[r < 0.75 ? 0 : r < 0.92 ? 1 : 2],
    });
    lastChatHour[buyer] = Math.max(lastChatHour[buyer], hour);
  };
  while (consultations.length < consultationCount) {
    const buyer = Math.floor(rnd() * buyers);
    const agent = Math.floor(rnd() * agents);
    const hour = Math.floor(rnd() * days * 24);
    chat(buyer, agent, hour);
    const shape = rnd();
    // A repeat with the same agent inside or outside the repeat window (exactly 24 h included).
    if (shape < 0.35) chat(buyer, agent, hour + [1, 6, 23, 24, 25, 30, 47][Math.floor(rnd() * 7)]);
    // The same buyer with another agent at the same hour (a tie) or a little later.
    else if (shape < 0.6) chat(buyer, (agent + 1 + Math.floor(rnd() * (agents - 1))) % agents, hour + (rnd() < 0.5 ? 0 : Math.floor(rnd() * 5)));
  }
  consultations.length = consultationCount;

  const orders: Order[] = [];
  for (let i = 0; i < Math.round(consultationCount / 3); i++) {
    const buyer = Math.floor(rnd() * buyers);
    const anchor = lastChatHour[buyer] >= 0 ? lastChatHour[buyer] : Math.floor(rnd() * days * 24);
    // From a day before the buyer's last chat to four days after: before any inquiry, and in and out of each window.
    const created = BASE + (anchor - 24 + Math.floor(rnd() * 120)) * HOUR + (rnd() < 0.5 ? 0 : Math.floor(rnd() * 3600) * 1000);
    const p = rnd();
    const paidAt = p < 0.15 ? null : created + (p < 0.75 ? Math.floor(rnd() * 600) * 1000 : Math.floor(rnd() * 60) * HOUR);
    const r = rnd();
    const id = 1000 + Math.floor(rnd() * agents);
    const remark = r < 0.3 ? `客服${id}` : r < 0.45 ? `工号:${String(id).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))} 已核对` : r < 0.55 ? `${id}1` : r < 0.6 ? `A${id} 和 ${id}` : '';
    orders.push({
      orderId: `R${i}`,
      buyer: rnd() < 0.05 ? `路人${i}` : `买家${buyer}`,
      created,
      paidAt,
      amount: Math.round(rnd() * 80000) / 100,
      items: 1 + Math.floor(rnd() * 4),
      status: '交易成功',
      refunded: paidAt != null && rnd() < 0.05,
      couponUsed: rnd() < 0.25,
      remark,
      flag: '',
    });
  }
  return { roster, consultations, orders };
}
