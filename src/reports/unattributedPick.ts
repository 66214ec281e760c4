/**
 * Which of the payroll month's unattributed paid orders the Unattributed tab
 * lists, and the month's totals by day of payment that stand for the rest.
 * The list is what a supervisor can act on, at most UNATTRIBUTED_LISTED_MAX
 * orders: claimed orders first (the supervisor's own work), then orders a
 * chat credits to a likely agent (the ones a claim can follow), the report
 * day's first, then by amount; silent orders (nobody to claim them) last.
 * unattributed.csv and the console line keep the whole month.
 */
import type { Order } from '../core/types';
import { dayOf } from '../core/dates';
import type { ReportData } from './data';

/** The most orders the tab lists; the totals by day cover the rest. */
export const UNATTRIBUTED_LISTED_MAX = 1000;

export interface UnattributedDayTotal {
  /** Day of payment (YYYY-MM-DD; '' for an order without a payment time). */
  day: string;
  orders: number;
  amount: number;
  /** Orders a chat credits to a likely agent. */
  withLikelyAgent: number;
  claimed: number;
  listed: number;
}

export interface UnattributedListing {
  /** The listed orders, in the full list's order (day, likely agent, time). */
  listed: Order[];
  /** Orders of the full list the tab leaves out, their amount, and how many of them are silent. */
  notListed: { orders: number; amount: number; silent: number };
  days: UnattributedDayTotal[];
  /** The day whose orders with a likely agent came first (null: none of the month's). */
  reportDay: string | null;
}

const paidDay = (o: Order) => (o.paidAt == null ? '' : dayOf(o.paidAt));

/**
 * `orders`: the month's full list (unattributedOrders); `reportDay`: the
 * report's day, whose orders come first among those with a likely agent.
 */
export function pickUnattributed(data: ReportData, orders: readonly Order[], reportDay: string | null, max = UNATTRIBUTED_LISTED_MAX): UnattributedListing {
  const hasAgent = (o: Order) => data.likelyAgent.has(o.orderId);
  const tier = (o: Order) => {
    if (data.claims.claimedBy.has(o.orderId)) return 0;
    const today = reportDay !== null && paidDay(o) === reportDay;
    if (hasAgent(o)) return today ? 1 : 2;
    return today ? 3 : 4;
  };
  const ranked = orders
    .map((o, index) => ({ o, index, tier: tier(o) }))
    .sort((a, b) => a.tier - b.tier || b.o.amount - a.o.amount || a.index - b.index);
  const kept = new Set(ranked.slice(0, max).map((r) => r.index));
  const listed = orders.filter((_, i) => kept.has(i));
  const left = orders.filter((_, i) => !kept.has(i));
  const listedIds = new Set(listed.map((o) => o.orderId));
  const byDay = new Map<string, UnattributedDayTotal>();
  for (const o of orders) {
    const day = paidDay(o);
    const total = byDay.get(day) ?? { day, orders: 0, amount: 0, withLikelyAgent: 0, claimed: 0, listed: 0 };
    total.orders++;
    total.amount += o.amount;
    if (hasAgent(o)) total.withLikelyAgent++;
    if (data.claims.claimedBy.has(o.orderId)) total.claimed++;
    if (listedIds.has(o.orderId)) total.listed++;
    byDay.set(day, total);
  }
  return {
    listed,
    notListed: { orders: left.length, amount: left.reduce((s, o) => s + o.amount, 0), silent: left.filter((o) => !hasAgent(o)).length },
    days: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)),
    reportDay: reportDay !== null && orders.some((o) => paidDay(o) === reportDay) ? reportDay : null,
  };
}
