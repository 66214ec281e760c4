/**
 * SPEC §6a steps 2–3 on the inquiry columns: each order goes to its buyer's
 * inquiry (over all agents) opened most recently at or before the order, when
 * the order falls inside that inquiry's attribution window. The buyer's
 * inquiries are one contiguous run sorted by opening (engineInquiries), and
 * the order's buyer is already a number (buyerIds), so this is a binary
 * search per order.
 */
import type { Order } from './types';
import type { ChatColumns } from './engineChats';
import type { InquiryColumns } from './engineInquiries';
import { MS_PER_DAY } from './dates';

export const PLACED = 1;
export const PAID = 2;

export interface CreditColumns {
  /** PLACED | PAID per inquiry. */
  state: Uint8Array;
  /** Credited orders of inquiry k, in input order: firstOrder[k], then nextOrder[…] until -1. */
  firstOrder: Int32Array;
  nextOrder: Int32Array;
  /** The inquiry order j is credited to, or -1. */
  inquiryOf: Int32Array;
  /** 1 when the credited order was also paid inside the window (counts for sales). */
  paidInWindow: Uint8Array;
  /** Paid credited orders later refunded, in input order. */
  refunded: Order[];
}

export function creditOrders(orders: readonly Order[], orderBuyer: Int32Array, chats: ChatColumns, inquiries: InquiryColumns, windowDays: number): CreditColumns {
  const { opened, firstOfBuyer } = inquiries;
  const state = new Uint8Array(inquiries.count);
  const firstOrder = new Int32Array(inquiries.count).fill(-1);
  const lastOrder = new Int32Array(inquiries.count);
  const nextOrder = new Int32Array(orders.length).fill(-1);
  const inquiryOf = new Int32Array(orders.length).fill(-1);
  const paidInWindow = new Uint8Array(orders.length);
  const refunded: Order[] = [];
  const agentRank = nameRanks(chats.agents.names);

  for (let j = 0; j < orders.length; j++) {
    const order = orders[j];
    const b = orderBuyer[j];
    // The last of the buyer's inquiries opened at or before the order.
    let lo = firstOfBuyer[b];
    let hi = firstOfBuyer[b + 1] - 1;
    const first = lo;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (opened[mid] <= order.created) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) continue;
    // Ties in opening time go to the agent whose name sorts last, so file order never matters.
    for (let i = k - 1; i >= first && opened[i] === opened[k]; i--) {
      if (agentRank[chats.cells.agent[inquiries.cell[i]]] > agentRank[chats.cells.agent[inquiries.cell[k]]]) k = i;
    }
    const end = (Math.floor(opened[k] / MS_PER_DAY) + windowDays) * MS_PER_DAY;
    if (order.created >= end) continue;
    state[k] |= PLACED;
    inquiryOf[j] = k;
    if (firstOrder[k] < 0) firstOrder[k] = j;
    else nextOrder[lastOrder[k]] = j;
    lastOrder[k] = j;
    if (order.paidAt != null && order.paidAt < end) {
      state[k] |= PAID;
      paidInWindow[j] = 1;
      if (order.refunded) refunded.push(order);
    }
  }
  return { state, firstOrder, nextOrder, inquiryOf, paidInWindow, refunded };
}

/** Each name's place in code-unit order (the order of `<` on strings). */
function nameRanks(names: readonly string[]): Int32Array {
  const sorted = names.map((name, id) => ({ name, id })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rank = new Int32Array(names.length);
  sorted.forEach(({ id }, place) => (rank[id] = place));
  return rank;
}
