/**
 * A small shop over three months for roll-up tests: chats every day, orders
 * created on the chat's day or the next, some paid the next day (and one in
 * the next month), remarks with and without agent IDs, refunds, claims and
 * an agent-day export. Deterministic.
 */
import { addDays, localTime } from '../../src/core/dates';
import { defaultRules } from '../../src/core/rules';
import type { Agent, Claim, Consultation, ExportedAgentDay, IsoDate, Order } from '../../src/core/types';
import type { ReportInput } from '../../src/reports';
import { seededRandom } from './seededRandom';

export const SHOP_FIRST_DAY: IsoDate = '2026-08-01';
export const SHOP_DAYS = 100;
const AGENTS: Agent[] = [
  { name: '小丸子', id: '101', shift: 'day', basePay: 3000, active: true },
  { name: '乔巴', id: '102', shift: 'day', basePay: 3000, active: true },
  { name: 'Nami', id: '103', shift: 'night', basePay: 3200, active: true },
  { name: 'Zoro', id: '104', shift: 'day', basePay: 3000, active: true },
];

const timeOf = (day: IsoDate, hour: number, minute: number) => {
  const [y, m, d] = day.split('-').map(Number);
  return localTime(y, m, d, hour, minute);
};

export function rollupShopDays(): IsoDate[] {
  return Array.from({ length: SHOP_DAYS }, (_, i) => addDays(SHOP_FIRST_DAY, i));
}

/** The shop's raw records, export rows and claims, every day of it. */
export function rollupShop(): ReportInput {
  const rnd = seededRandom(42);
  const pick = (n: number) => Math.floor(rnd() * n);
  const consultations: Consultation[] = [];
  const orders: Order[] = [];
  const agentDays: ExportedAgentDay[] = [];
  const claims: Claim[] = [];
  rollupShopDays().forEach((day, d) => {
    for (let i = 0; i < 40; i++) {
      const buyer = `b${pick(120)}`;
      const agent = AGENTS[pick(AGENTS.length)];
      // Late chats, so next-day orders and repeat contacts cross midnight.
      const hour = 8 + pick(16);
      consultations.push({ buyer, agent: agent.name, start: timeOf(day, hour, pick(60)), firstResponseSec: rnd() < 0.1 ? null : 3 + pick(40), buyerMessages: 1 + pick(9), agentMessages: pick(12), category: rnd() < 0.8 ? 'presale' : rnd() < 0.5 ? 'after_sales' : 'freebie' });
      if (rnd() < 0.45) {
        const nextDay = rnd() < 0.3;
        const created = nextDay ? timeOf(addDays(day, 1), pick(20), pick(60)) : timeOf(day, Math.min(23, hour + 1), pick(60));
        const paid = rnd() < 0.85 ? created + (rnd() < 0.2 ? 20 * 3_600_000 : pick(90) * 60_000) : null;
        const remarked = rnd() < 0.6;
        const orderId = `o${d}-${i}`;
        orders.push({ orderId, buyer, created, paidAt: paid, amount: Math.round((10 + rnd() * 200) * 100) / 100, items: 1 + pick(3), status: '交易成功', refunded: rnd() < 0.05, couponUsed: rnd() < 0.3, remark: remarked ? `工号:${AGENTS[pick(AGENTS.length)].id}` : '', flag: '' });
        if (!remarked && paid != null && rnd() < 0.2) claims.push({ orderId, agentId: agent.id } as Claim);
      }
    }
    if (d % 10 === 3) agentDays.push({ date: day, shop: '', agent: AGENTS[0].name, source: 'agent_day:chitu', report: '询单', figures: { inquiries: 9, paid: 3, avgResponseSec: 30 }, provisional: [] } as ExportedAgentDay);
  });
  return { language: 'en', rules: { ...defaultRules(), unattributedPoolRate: 0.1, commissionRate: 0.02 }, roster: AGENTS, events: [], consultations, orders, agentDays, shopDays: [], claims, rejections: [] };
}
