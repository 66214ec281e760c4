/**
 * 认领 (issue 10.7): paid orders whose seller remark names no agent ID are
 * commission nobody gets, though the engine knows whose chat each was credited
 * to. The supervisor confirms a claim (order ID → agent ID); a confirmed claim
 * moves the order from the unattributed list into that agent's attributed
 * sales of its payment month, marked as claimed for the payroll's audit.
 */
import type { Agent, AttributedSales, Claim, Order } from './types';
import { dayOf, monthOf } from './dates';

export interface ClaimOutcome {
  attributed: AttributedSales[];
  /** Still unattributed: the orders nobody claimed. */
  unattributed: Order[];
  /** Order ID → the agent ID that claimed it (applied claims only). */
  claimedBy: Map<string, string>;
  /** Claims that could not apply: the ID is on no roster agent, or the order is not an open unremarked one. */
  refused: { claim: Claim; why: 'unknown_agent' | 'not_open' }[];
}

export function applyClaims(attributed: readonly AttributedSales[], unattributed: readonly Order[], claims: readonly Claim[], roster: readonly Agent[]): ClaimOutcome {
  const ids = new Set(roster.map((a) => a.id).filter((id) => id !== ''));
  const open = new Map(unattributed.map((o) => [o.orderId, o]));
  const claimedBy = new Map<string, string>();
  const refused: ClaimOutcome['refused'] = [];
  // A later claim of the same order is the supervisor's correction of an earlier one.
  for (const claim of claims) {
    if (!ids.has(claim.agentId)) refused.push({ claim, why: 'unknown_agent' });
    else if (!open.has(claim.orderId)) refused.push({ claim, why: 'not_open' });
    else claimedBy.set(claim.orderId, claim.agentId);
  }
  const extra = new Map<string, AttributedSales>();
  for (const [orderId, agentId] of claimedBy) {
    const order = open.get(orderId)!;
    const month = monthOf(dayOf(order.paidAt!));
    const key = `${agentId}\u0000${month}`;
    const entry = extra.get(key) ?? { agentId, month, amount: 0, orderIds: [], claimed: true };
    entry.amount = Math.round((entry.amount + order.amount) * 100) / 100;
    entry.orderIds.push(orderId);
    extra.set(key, entry);
  }
  return {
    attributed: [...attributed, ...extra.values()],
    unattributed: unattributed.filter((o) => !claimedBy.has(o.orderId)),
    claimedBy,
    refused,
  };
}
