/**
 * The metrics engine (SPEC §6a): raw consultations + orders + roster, under
 * the supervisor's rules → agent-day counts, the inquiries behind them, and
 * the commission base. One pass over sorted records with hash maps: sorting
 * dominates, so a month of a large shop computes in seconds.
 */
import type { Agent, AgentDay, Consultation, EngineResult, Inquiry, IsoDate, LocalTime, Order } from './types';
import type { AttributionWindow, Rules } from './rules';
import { emptyCounts } from './metrics';
import { dayOf, MS_PER_DAY, MS_PER_HOUR, startOfDay } from './dates';
import { attributeOrders } from './attribution';
import { sortByTime } from './sortByTime';
import { groupBy } from './groupBy';

const WINDOW_DAYS: Record<AttributionWindow, number> = { same_day: 1, next_day: 2, '3_days': 3 };

/** The first moment an order no longer counts for an inquiry opened on `date`. */
export function windowEnd(date: IsoDate, window: AttributionWindow): LocalTime {
  return startOfDay(date) + WINDOW_DAYS[window] * MS_PER_DAY;
}


/**
 * Step 1: inquiries. Within one (agent, buyer) pair, a pre-sale consultation
 * opens a new inquiry unless one was opened within the repeat window before
 * it; a repeat exactly W later still merges (the window is inclusive).
 */
export function buildInquiries(consultations: readonly Consultation[], rules: Rules): Inquiry[] {
  const excluded = new Set<string>(rules.excludedCategories);
  const windowMs = rules.repeatWindowHours * MS_PER_HOUR;
  const inTimeOrder = sortByTime(consultations.filter((c) => !excluded.has(c.category)), (c) => c.start);
  // agent → buyer → the pair's latest inquiry; nested maps spare a string key per record.
  const latest = new Map<string, Map<string, Inquiry>>();
  const inquiries: Inquiry[] = [];
  for (const c of inTimeOrder) {
    let byBuyer = latest.get(c.agent);
    if (!byBuyer) latest.set(c.agent, (byBuyer = new Map()));
    const open = byBuyer.get(c.buyer);
    if (open && c.start - open.opened <= windowMs) {
      open.consultations += 1;
      continue;
    }
    const inquiry: Inquiry = { agent: c.agent, buyer: c.buyer, date: dayOf(c.start), opened: c.start, consultations: 1, orderIds: [], placed: false, paid: false };
    byBuyer.set(c.buyer, inquiry);
    inquiries.push(inquiry);
  }
  return inquiries;
}

/** Index of the last inquiry opened at or before `time` in a list sorted by opening time, or -1. */
function latestAtOrBefore(list: readonly Inquiry[], time: LocalTime): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].opened <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** What step 2 and 3 produce: inquiries marked placed/paid, and per inquiry its paid credited orders. */
interface Credit {
  paidOrders: Map<Inquiry, Order[]>;
  refunded: Order[];
}

/**
 * Steps 2–3: each order goes to the buyer's inquiry (over all agents) opened
 * most recently at or before the order, if the order falls inside that
 * inquiry's window. Mutates the inquiries' placed/paid/orderIds (they were
 * made by buildInquiries for this run).
 */
function creditOrders(inquiries: Inquiry[], orders: readonly Order[], rules: Rules): Credit {
  const byBuyer = groupBy(inquiries, (i) => i.buyer);
  // buildInquiries returns inquiries in opening order, so each buyer's list is already sorted.

  const paidOrders = new Map<Inquiry, Order[]>();
  const refunded: Order[] = [];
  for (const order of orders) {
    const list = byBuyer.get(order.buyer);
    if (!list) continue;
    let index = latestAtOrBefore(list, order.created);
    if (index < 0) continue;
    // Ties in opening time go to the agent sorted last, so the result never depends on input order.
    for (let i = index - 1; i >= 0 && list[i].opened === list[index].opened; i--) if (list[i].agent > list[index].agent) index = i;
    const inquiry = list[index];
    const end = windowEnd(inquiry.date, rules.attributionWindow);
    if (order.created >= end) continue;
    inquiry.placed = true;
    inquiry.orderIds.push(order.orderId);
    if (order.paidAt != null && order.paidAt < end) {
      inquiry.paid = true;
      const paid = paidOrders.get(inquiry);
      if (paid) paid.push(order);
      else paidOrders.set(inquiry, [order]);
      if (order.refunded) refunded.push(order);
    }
  }
  return { paidOrders, refunded };
}

/** Step 4 and the sums of step 3, per agent-day. */
function agentDayCounts(consultations: readonly Consultation[], inquiries: readonly Inquiry[], credit: Credit, rules: Rules): AgentDay[] {
  const excluded = new Set<string>(rules.excludedCategories);
  // agent → day number → its AgentDay: numeric inner keys spare a string per record.
  const days = new Map<string, Map<number, AgentDay>>();
  const dayFor = (time: LocalTime, agent: string): AgentDay => {
    let byDay = days.get(agent);
    if (!byDay) days.set(agent, (byDay = new Map()));
    const dayNumber = Math.floor(time / MS_PER_DAY);
    let day = byDay.get(dayNumber);
    if (!day) {
      day = { date: dayOf(time), agent, ...emptyCounts() };
      for (const k of ['consultations', 'receptions', 'excluded', 'inquiries', 'placed', 'paid', 'sales', 'items', 'couponBuyers', 'buyerMessages', 'agentMessages'] as const) day[k] = 0;
      day.firstResponseTotalSec = 0;
      day.firstResponseSamples = 0;
      byDay.set(dayNumber, day);
    }
    return day;
  };

  // Distinct buyers per agent-day: one set per figure and day.
  const buyerSets = new Map<AgentDay, { consulted: Set<string>; received: Set<string>; excluded: Set<string> }>();
  for (const c of consultations) {
    const day = dayFor(c.start, c.agent);
    let sets = buyerSets.get(day);
    if (!sets) buyerSets.set(day, (sets = { consulted: new Set(), received: new Set(), excluded: new Set() }));
    sets.consulted.add(c.buyer);
    if (c.firstResponseSec != null) {
      sets.received.add(c.buyer);
      day.firstResponseTotalSec! += c.firstResponseSec;
      day.firstResponseSamples! += 1;
    }
    if (excluded.has(c.category)) sets.excluded.add(c.buyer);
    day.buyerMessages! += c.buyerMessages;
    day.agentMessages! += c.agentMessages;
  }
  for (const [day, sets] of buyerSets) {
    day.consultations = sets.consulted.size;
    day.receptions = sets.received.size;
    day.excluded = sets.excluded.size;
  }

  for (const inquiry of inquiries) {
    const day = dayFor(inquiry.opened, inquiry.agent);
    day.inquiries! += 1;
    if (inquiry.placed) day.placed! += 1;
    if (!inquiry.paid) continue;
    day.paid! += 1;
    let coupon = false;
    for (const order of credit.paidOrders.get(inquiry) ?? []) {
      day.sales! += order.amount;
      day.items! += order.items;
      coupon ||= order.couponUsed;
    }
    if (coupon) day.couponBuyers! += 1;
  }
  const all = [...days.values()].flatMap((byDay) => [...byDay.values()]);
  for (const day of all) day.sales = roundMoney(day.sales!);
  return all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0));
}

/** Cents, so sums of prices like 0.1 + 0.2 show as money. */
export const roundMoney = (amount: number) => Math.round(amount * 100) / 100;

/** Every §6a figure from raw records under the rules. Inputs are not mutated. */
export function computeMetrics(
  consultations: readonly Consultation[],
  orders: readonly Order[],
  roster: readonly Agent[],
  rules: Rules,
): EngineResult {
  const inquiries = buildInquiries(consultations, rules);
  const credit = creditOrders(inquiries, orders, rules);
  const agentDays = agentDayCounts(consultations, inquiries, credit, rules);
  const { attributed, unattributed } = attributeOrders(orders, roster);
  return { agentDays, inquiries, attributed, unattributed, refunded: credit.refunded };
}

/** Explainability: the inquiries an agent opened on a day and the orders credited to them. */
export function explainAgentDay(result: EngineResult, orders: readonly Order[], agent: string, date: IsoDate): { inquiries: Inquiry[]; orders: Order[] } {
  const inquiries = result.inquiries.filter((i) => i.agent === agent && i.date === date);
  const ids = new Set(inquiries.flatMap((i) => i.orderIds));
  return { inquiries, orders: orders.filter((o) => ids.has(o.orderId)) };
}
