/**
 * The buyer look-backs (repurchase intervals, what a buyer paid before a
 * chat) read payments: paid orders, sorted by payment time then order ID, so
 * sums and intervals do not depend on the order the orders were read in.
 */
import type { Order, Payment } from './types';

/** The paid orders of `orders`, as payments. */
export function paymentsOf(orders: readonly Order[]): Payment[] {
  const out: Payment[] = [];
  for (const o of orders) if (o.paidAt !== null) out.push({ orderId: o.orderId, buyer: o.buyer, paidAt: o.paidAt, amount: o.amount, refunded: o.refunded });
  return out;
}

/** By payment time, then order ID. */
export const byPayment = (a: Payment, b: Payment): number => a.paidAt - b.paidAt || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0);
