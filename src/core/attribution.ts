/**
 * 备注业绩 (SPEC §6a step 5): agents write their 工号 in the seller remark;
 * paid, not refunded orders are the commission base of the agent whose ID the
 * remark carries, by month of payment. The rest are unattributed, so the
 * supervisor can chase them.
 */
import type { Agent, AttributedSales, Order } from './types';
import { dayOf, monthOf } from './dates';
import { toHalfWidth } from './values';

/**
 * The roster agent ID written in a remark as a whole token: `101`, `客服101`,
 * `工号:101`, `101 已核对` name 101; `1011` does not. When several IDs appear,
 * the first one written wins.
 */
export function agentIdInRemark(remark: string, ids: readonly string[]): string | null {
  if (!remark) return null;
  const text = toHalfWidth(remark);
  let best: { id: string; at: number } | null = null;
  for (const id of ids) {
    if (!id) continue;
    let from = 0;
    for (;;) {
      const at = text.indexOf(id, from);
      if (at < 0) break;
      const before = at > 0 ? text[at - 1] : '';
      const after = text[at + id.length] ?? '';
      if (!/[0-9A-Za-z]/.test(before) && !/[0-9A-Za-z]/.test(after)) {
        if (!best || at < best.at || (at === best.at && id.length > best.id.length)) best = { id, at };
        break;
      }
      from = at + 1;
    }
  }
  return best?.id ?? null;
}

export function attributeOrders(orders: readonly Order[], roster: readonly Agent[]): { attributed: AttributedSales[]; unattributed: Order[] } {
  const ids = roster.map((a) => a.id.trim()).filter(Boolean);
  const byKey = new Map<string, AttributedSales>();
  const unattributed: Order[] = [];
  for (const order of orders) {
    if (order.paidAt == null || order.refunded) continue;
    const id = agentIdInRemark(order.remark, ids);
    if (id == null) {
      unattributed.push(order);
      continue;
    }
    const month = monthOf(dayOf(order.paidAt));
    const key = `${id}\u0000${month}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { agentId: id, month, amount: 0, orderIds: [] };
      byKey.set(key, entry);
    }
    entry.amount = Math.round((entry.amount + order.amount) * 100) / 100;
    entry.orderIds.push(order.orderId);
  }
  return { attributed: [...byKey.values()], unattributed };
}
