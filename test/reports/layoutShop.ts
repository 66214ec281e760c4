/**
 * A small shop for the ranking and payroll layout tests: 4 roster agents,
 * two days of agent-day figures (A, B, C; D's inquiries never came in),
 * 2 orders with an agent ID in the remark, and B's three fines (the third a
 * dismissal review). The arithmetic is in the comments of each test.
 */
import { exportedOf } from '../support/exported';
import { wallClock } from '../support/fixtures';
import { emptyCounts } from '../../src/core/metrics';
import { defaultRules } from '../../src/core/rules';
import type { AgentDay, Language, Order } from '../../src/core/types';
import type { ReportInput } from '../../src/reports';

function agentDay(date: string, agent: string, figures: Partial<AgentDay>): AgentDay {
  return { ...emptyCounts(), date, agent, ...figures };
}

export function paidOrder(orderId: string, paid: string, amount: number, remark: string): Order {
  return { orderId, buyer: `buyer-${orderId}`, created: wallClock(paid), paidAt: wallClock(paid), amount, items: 1, status: '交易成功', refunded: false, couponUsed: false, remark, flag: '' };
}

export function layoutShop(language: Language = 'en'): ReportInput {
  return {
    language,
    rules: { ...defaultRules(), minInquiriesPerDay: 10 },
    roster: [
      { name: 'A', id: '101', shift: 'day', basePay: 3000, active: true },
      { name: 'B', id: '102', shift: 'night', basePay: 3300, active: true },
      { name: 'C', id: '103', shift: 'day', basePay: 3000, active: true },
      { name: 'D', id: '104', shift: 'day', basePay: 3000, active: true },
    ],
    events: [
      { date: '2026-11-02', agent: 'B', kind: 'fine', reason: 'late', amount: null },
      { date: '2026-11-03', agent: 'B', kind: 'fine', reason: 'late', amount: null },
      { date: '2026-11-04', agent: 'B', kind: 'fine', reason: 'rude', amount: null },
    ],
    consultations: [],
    rejections: [],
    shopDays: [],
    orders: [paidOrder('o1', '2026-11-02 10:00:00', 160555.5, '101'), paidOrder('o2', '2026-11-03 11:00:00', 500, '工号:103')],
    agentDays: [
      agentDay('2026-11-02', 'A', { inquiries: 40, placed: 24, paid: 20, sales: 2000, firstResponseTotalSec: 500, firstResponseSamples: 50 }),
      agentDay('2026-11-02', 'B', { inquiries: 20, placed: 10, paid: 6, sales: 600 }),
      agentDay('2026-11-02', 'C', { inquiries: 5, placed: 5, paid: 5, sales: 500 }),
      agentDay('2026-11-02', 'D', { consultations: 12 }),
      agentDay('2026-11-03', 'A', { inquiries: 20, placed: 12, paid: 10, sales: 1000 }),
      agentDay('2026-11-03', 'B', { inquiries: 20, placed: 12, paid: 10, sales: 1000 }),
      agentDay('2026-11-03', 'C', { inquiries: 6, placed: 3, paid: 3, sales: 300 }),
    ].map((d) => exportedOf(d)),
  };
}
