/**
 * Purchase and repurchase cycles (SPEC §1.1's monitor figures, issue 10.8).
 *
 * - Purchase cycle (购买周期): for each paid inquiry, the hours from the
 *   inquiry's opening to the first payment of an order credited to it (SPEC
 *   §6a). It belongs to the inquiry's agent and to the period of its day.
 * - Repurchase cycle (复购周期): for each buyer with several paid orders, the
 *   days between one payment and the next. An interval belongs to the period
 *   of the later payment and to the agent the later order is credited to (the
 *   one who brought the buyer back); an uncredited repeat counts for the team.
 *   A buyer who pays again after more than REPURCHASE_LOOKBACK_DAYS comes back
 *   as a new buyer: no interval (so a period's cycles need only the month
 *   before it, whatever the shop's age).
 * Means and medians are over these intervals, never averages of agents' means.
 */
import type { EngineResult, IsoDate, OrderCredit, Payment } from './types';
import { byPayment } from './payments';
import { dayOf, MS_PER_DAY, MS_PER_HOUR } from './dates';
import type { Period } from './periods';

export interface CycleStats {
  /** How many intervals. */
  count: number;
  mean: number | null;
  median: number | null;
}

export interface Cycles {
  agent: string | null;
  purchaseHours: CycleStats;
  repurchaseDays: CycleStats;
}

function stats(values: number[]): CycleStats {
  if (values.length === 0) return { count: 0, mean: null, median: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { count: values.length, mean: round(values.reduce((s, v) => s + v, 0) / values.length), median: round(median) };
}

/** The longest interval counted as a repurchase (30 days, the 30天复购 shops speak of). */
export const REPURCHASE_LOOKBACK_DAYS = 30;

const inPeriod = (date: IsoDate, period: Period) => date >= period.first && date <= period.last;

/** Lists grow in place: copying them on every push made a month of a big shop quadratic (26 s for 300 k orders). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Per agent (sorted) and, last, the team (agent null); `payments` holds the period's and the look-back's paid orders (core/payments.ts). */
export function cyclesOf(result: EngineResult, payments: readonly Payment[], period: Period): Cycles[] {
  // Read from the credited orders, not the inquiry list: a month of a big shop has millions of inquiries and a few per cent of them credited.
  const creditedTo = new Map<string, string>();
  const firstPayment = new Map<number, OrderCredit>();
  for (const credit of result.credits) {
    creditedTo.set(credit.order.orderId, credit.agent);
    if (!credit.inquiryPaid || credit.order.paidAt === null || !inPeriod(credit.date, period)) continue;
    const first = firstPayment.get(credit.inquiry);
    if (!first || credit.order.paidAt < first.order.paidAt!) firstPayment.set(credit.inquiry, credit);
  }
  const purchase = new Map<string, number[]>();
  for (const first of firstPayment.values()) push(purchase, first.agent, Math.max(0, (first.order.paidAt! - first.opened) / MS_PER_HOUR));
  const repurchase = new Map<string | null, number[]>();
  const byBuyer = new Map<string, Payment[]>();
  for (const p of payments) if (p.buyer !== '') push(byBuyer, p.buyer, p);
  for (const list of byBuyer.values()) {
    list.sort(byPayment);
    for (let i = 1; i < list.length; i++) {
      if (!inPeriod(dayOf(list[i].paidAt), period)) continue;
      const agent = creditedTo.get(list[i].orderId) ?? null;
      const days = (list[i].paidAt - list[i - 1].paidAt) / MS_PER_DAY;
      if (days > REPURCHASE_LOOKBACK_DAYS) continue;
      for (const key of agent === null ? [null] : [agent, null]) push(repurchase, key, days);
    }
  }
  const agents = [...new Set([...purchase.keys(), ...[...repurchase.keys()].filter((k): k is string => k !== null)])].sort();
  const team = [...purchase.values()].flat();
  return [
    ...agents.map((agent) => ({ agent, purchaseHours: stats(purchase.get(agent) ?? []), repurchaseDays: stats(repurchase.get(agent) ?? []) })),
    { agent: null, purchaseHours: stats(team), repurchaseDays: stats(repurchase.get(null) ?? []) },
  ];
}
