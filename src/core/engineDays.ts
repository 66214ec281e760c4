/**
 * SPEC §6a step 4 and the sums of step 3, per agent-day cell: figures are
 * added into typed arrays indexed by cell, and the AgentDay objects are made
 * once at the end (one per agent and day, a few thousand for a month).
 */
import type { AgentDay, Consultation, Order } from './types';
import type { ChatColumns } from './engineChats';
import type { DistinctBuyers, InquiryColumns } from './engineInquiries';
import { PAID, PLACED, type CreditColumns } from './engineCredit';
import { emptyCounts } from './metrics';

/** Cents, so sums of prices like 0.1 + 0.2 show as money. */
export const roundMoney = (amount: number) => Math.round(amount * 100) / 100;

export function agentDayCounts(
  consultations: readonly Consultation[],
  orders: readonly Order[],
  chats: ChatColumns,
  distinct: DistinctBuyers,
  inquiries: InquiryColumns,
  credit: CreditColumns,
): AgentDay[] {
  const cellCount = chats.cells.agent.length;
  const sum = () => new Float64Array(cellCount);
  const [firstResponseTotal, firstResponseSamples, buyerMessages, agentMessages] = [sum(), sum(), sum(), sum()];
  const [inquiryCount, placed, paid, sales, items, couponBuyers] = [sum(), sum(), sum(), sum(), sum(), sum()];

  for (let i = 0; i < chats.count; i++) {
    const c = consultations[i];
    const cell = chats.cell[i];
    if (c.firstResponseSec != null) {
      firstResponseTotal[cell] += c.firstResponseSec;
      firstResponseSamples[cell] += 1;
    }
    buyerMessages[cell] += c.buyerMessages;
    agentMessages[cell] += c.agentMessages;
  }

  for (let k = 0; k < inquiries.count; k++) {
    const cell = chats.cell[inquiries.chat[k]];
    inquiryCount[cell] += 1;
    const state = credit.state[k];
    if (state & PLACED) placed[cell] += 1;
    if (!(state & PAID)) continue;
    paid[cell] += 1;
    let coupon = false;
    for (let j = credit.firstOrder[k]; j >= 0; j = credit.nextOrder[j]) {
      if (!credit.paidInWindow[j]) continue;
      const order = orders[j];
      sales[cell] += order.amount;
      items[cell] += order.items;
      coupon ||= order.couponUsed;
    }
    if (coupon) couponBuyers[cell] += 1;
  }

  const days: AgentDay[] = [];
  for (let cell = 0; cell < cellCount; cell++) {
    days.push({
      date: chats.cells.date[cell],
      agent: chats.agents.names[chats.cells.agent[cell]],
      ...emptyCounts(),
      consultations: distinct.consulted[cell],
      receptions: distinct.received[cell],
      excluded: distinct.excluded[cell],
      inquiries: inquiryCount[cell],
      placed: placed[cell],
      paid: paid[cell],
      sales: roundMoney(sales[cell]),
      items: items[cell],
      couponBuyers: couponBuyers[cell],
      buyerMessages: buyerMessages[cell],
      agentMessages: agentMessages[cell],
      firstResponseTotalSec: firstResponseTotal[cell],
      firstResponseSamples: firstResponseSamples[cell],
    });
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0));
}
