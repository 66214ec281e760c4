/**
 * SPEC §6a step 4 and the sums of step 3, per agent-day cell: figures are
 * added into typed arrays indexed by cell, and the AgentDay objects are made
 * once at the end (one per agent and day, a few thousand for a month). The
 * sums of the chats themselves (first responses, messages) were added while
 * the chats were read (engineChats).
 */
import type { AgentDay, Order } from './types';
import type { ChatColumns } from './engineChats';
import type { DistinctBuyers, InquiryColumns } from './engineInquiries';
import { PAID, PLACED, type CreditColumns } from './engineCredit';
import { emptyCounts } from './metrics';

/** Cents, so sums of prices like 0.1 + 0.2 show as money. */
export const roundMoney = (amount: number) => Math.round(amount * 100) / 100;

export function agentDayCounts(orders: readonly Order[], chats: ChatColumns, distinct: DistinctBuyers, inquiries: InquiryColumns, credit: CreditColumns): AgentDay[] {
  const { cells } = chats;
  const cellCount = cells.agent.length;
  const sum = () => new Float64Array(cellCount);
  const [inquiryCount, placed, paid, sales, items, couponBuyers] = [sum(), sum(), sum(), sum(), sum(), sum()];

  for (let k = 0; k < inquiries.count; k++) {
    const cell = inquiries.cell[k];
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
      date: cells.date[cell],
      agent: chats.agents.names[cells.agent[cell]],
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
      buyerMessages: cells.buyerMessages[cell],
      agentMessages: cells.agentMessages[cell],
      firstResponseTotalSec: cells.firstResponseTotalSec[cell],
      firstResponseSamples: cells.firstResponseSamples[cell],
    });
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0));
}
