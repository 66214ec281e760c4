/** A month with many unattributed paid orders, half of them credited to a likely agent, for the Unattributed tab's tests. */
import { localTime } from '../../src/core/dates';
import { defaultRules } from '../../src/core/rules';
import type { Agent, Claim, Consultation, Order } from '../../src/core/types';
import type { Language } from '../../src/i18n';
import type { ReportInput } from '../../src/reports';

export const AGENTS: Agent[] = Array.from({ length: 10 }, (_, i) => ({ name: `agent${i}`, id: String(101 + i), shift: 'day', basePay: 3000, active: true }));
export const REPORT_DAY = '2026-11-20';

/**
 * November, `perDay` paid orders a day without an agent ID: every other one's
 * buyer chatted (a pre-sale inquiry) that morning, so a likely agent;
 * the rest are silent. Five credited orders of the 3rd are claimed.
 */
export function shop(perDay: number, language: Language = 'en'): ReportInput {
  const consultations: Consultation[] = [];
  const orders: Order[] = [];
  const claims: Claim[] = [];
  for (let d = 1; d <= 30; d++) {
    for (let i = 0; i < perDay; i++) {
      const buyer = `b${d}-${i}`;
      const agent = AGENTS[i % AGENTS.length];
      const minute = i % 600;
      if (i % 2 === 0) consultations.push({ buyer, agent: agent.name, start: localTime(2026, 11, d, 8, minute), firstResponseSec: 20, buyerMessages: 3, agentMessages: 3, category: 'presale' });
      const paidAt = localTime(2026, 11, d, 18, minute);
      const orderId = `n${String(d).padStart(2, '0')}-${String(i).padStart(4, '0')}`;
      orders.push({ orderId, buyer, created: paidAt, paidAt, amount: 10 + ((i * 37 + d * 11) % 500) + 0.5, items: 1, status: '交易成功', refunded: false, couponUsed: false, remark: '', flag: '' });
      if (d === 3 && i % 2 === 0 && i < 10) claims.push({ orderId, agentId: agent.id });
    }
  }
  return { language, rules: defaultRules(), roster: AGENTS, events: [], consultations, orders, agentDays: [], shopDays: [], claims, rejections: [] };
}

