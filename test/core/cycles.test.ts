/** Purchase and repurchase cycles (issue 10.8), hand-computed on a few chats and orders. */
import { describe, expect, test } from 'vitest';
import { computeMetrics } from '../../src/core/engine';
import { cyclesOf, REPURCHASE_LOOKBACK_DAYS } from '../../src/core/cycles';
import { paymentsOf } from '../../src/core/payments';
import { defaultRules } from '../../src/core/rules';
import { localTime } from '../../src/core/dates';
import { periodContaining } from '../../src/core/periods';
import type { Consultation, Order } from '../../src/core/types';

const chat = (buyer: string, agent: string, d: number, h: number): Consultation => ({ buyer, agent, start: localTime(2026, 11, d, h), firstResponseSec: 5, buyerMessages: 2, agentMessages: 2, category: 'presale' });
const order = (id: string, buyer: string, d: number, h: number): Order => ({
  orderId: id, buyer, created: localTime(2026, 11, d, h), paidAt: localTime(2026, 11, d, h), amount: 100, items: 1, status: '交易成功', refunded: false, couponUsed: false, remark: '', flag: '',
});

describe('cyclesOf', () => {
  const chats = [chat('b1', 'A', 2, 10), chat('b2', 'A', 2, 12), chat('b3', 'B', 3, 9), chat('b1', 'B', 20, 9)];
  const orders = [
    order('o1', 'b1', 2, 14), // A's inquiry at 10:00 → paid 4 h later
    order('o2', 'b2', 2, 22), // A: 10 h
    order('o3', 'b3', 3, 10), // B: 1 h
    order('o4', 'b1', 20, 9), // b1 again, 18 days later, credited to B's inquiry opened the same minute
    order('o5', 'b9', 5, 9), // silent order
    order('o6', 'b9', 15, 9), // silent repeat: 10 days, the team's only
  ];
  const result = computeMetrics(chats, orders, [], defaultRules());
  const cycles = cyclesOf(result, paymentsOf(orders), periodContaining('2026-11-10', 'month'));
  const of = (agent: string | null) => cycles.find((c) => c.agent === agent)!;

  test('purchase cycle: inquiry to first credited payment, per agent and for the team', () => {
    expect(of('A').purchaseHours).toEqual({ count: 2, mean: 7, median: 7 });
    expect(of('B').purchaseHours).toEqual({ count: 2, mean: 0.5, median: 0.5 });
    expect(of(null).purchaseHours).toEqual({ count: 4, mean: 3.75, median: 2.5 });
  });

  test('repurchase cycle: days between a buyer\'s payments, counted for the agent of the repeat order; silent repeats for the team only', () => {
    expect(of('B').repurchaseDays).toEqual({ count: 1, mean: 17.79, median: 17.79 });
    expect(of('A').repurchaseDays.count).toBe(0);
    expect(of(null).repurchaseDays).toEqual({ count: 2, mean: 13.9, median: 13.9 });
  });

  test('a period without the repeat payment counts none', () => {
    const early = cyclesOf(result, paymentsOf(orders), periodContaining('2026-11-02', 'day'));
    expect(early.find((c) => c.agent === null)!.repurchaseDays.count).toBe(0);
    expect(early.find((c) => c.agent === null)!.purchaseHours.count).toBe(2);
  });

  test('a buyer back after more than the look-back is a new buyer: no interval; at the look-back exactly, one', () => {
    const day = 86_400_000;
    const first = localTime(2026, 10, 1, 9);
    const paid = (id: string, at: number): Order => ({ ...order(id, 'b7', 1, 9), orderId: id, created: at, paidAt: at });
    const within = [paid('p1', first), paid('p2', first + REPURCHASE_LOOKBACK_DAYS * day)];
    const beyond = [paid('p1', first), paid('p2', first + REPURCHASE_LOOKBACK_DAYS * day + 1000)];
    const period = periodContaining('2026-10-31', 'month');
    const team = (list: Order[]) => cyclesOf(computeMetrics([], list, [], defaultRules()), paymentsOf(list), period).find((c) => c.agent === null)!.repurchaseDays;
    expect(team(within)).toEqual({ count: 1, mean: REPURCHASE_LOOKBACK_DAYS, median: REPURCHASE_LOOKBACK_DAYS });
    expect(team(beyond).count).toBe(0);
  });

  test('two payments of one buyer at the same moment: the later by order ID is the repeat, whatever order the lists came in', () => {
    const tie = [chat('b5', 'A', 10, 9), chat('b5', 'B', 10, 9)];
    const list = [order('x2', 'b5', 10, 10), order('x1', 'b5', 10, 10)];
    const run = (orders: Order[]) => cyclesOf(computeMetrics(tie, orders, [], defaultRules()), paymentsOf(orders), periodContaining('2026-11-10', 'day'));
    const forward = run(list);
    expect(run([...list].reverse())).toEqual(forward);
    expect(forward.find((c) => c.agent === null)!.repurchaseDays.count).toBe(1);
  });
});
