/**
 * 备注业绩 (SPEC §6a step 5): agents write their 工号 in the seller remark;
 * paid, not refunded orders are the commission base of the agent whose ID the
 * remark carries, by month of payment. The rest are unattributed, so the
 * supervisor can chase them.
 */
import type { Agent, AttributedSales, Order } from './types';
import { dayOf, monthOf } from './dates';
import { toHalfWidth } from './values';

const isWordCode = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * The roster IDs, prepared once for a scan of each remark. An ID of digits
 * and Latin letters stands as a whole token exactly when it equals a whole
 * run of such characters, so one pass over the remark's runs with a Set
 * finds it, however many IDs the roster has. IDs with other characters
 * (rare: `kf-01`) are searched for one by one.
 */
export class RemarkIds {
  private readonly tokens = new Set<string>();
  private readonly others: string[] = [];

  constructor(ids: readonly string[]) {
    for (const id of ids) {
      if (!id) continue;
      if ([...id].every((ch) => isWordCode(ch.charCodeAt(0)))) this.tokens.add(id);
      else this.others.push(id);
    }
  }

  /**
   * The roster ID written in a remark as a whole token: `101`, `客服101`,
   * `工号:101`, `101 已核对` name 101; `1011` does not. When several IDs
   * appear, the first one written wins.
   */
  find(remark: string): string | null {
    if (!remark) return null;
    const text = toHalfWidth(remark);
    let best = this.others.length ? otherIdIn(text, this.others) : null;
    for (let at = 0; at < text.length && (best === null || at < best.at); ) {
      if (!isWordCode(text.charCodeAt(at))) {
        at++;
        continue;
      }
      let end = at + 1;
      while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
      const token = text.slice(at, end);
      // The loop stops at `best`, so a token found here is written first.
      if (this.tokens.has(token)) return token;
      at = end;
    }
    return best?.id ?? null;
  }
}

/** The earliest whole-token occurrence of IDs that are not plain runs (the longer one on a tie). */
function otherIdIn(text: string, ids: readonly string[]): { id: string; at: number } | null {
  let best: { id: string; at: number } | null = null;
  for (const id of ids) {
    for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
      if ((at > 0 && isWordCode(text.charCodeAt(at - 1))) || isWordCode(text.charCodeAt(at + id.length))) continue;
      if (!best || at < best.at || (at === best.at && id.length > best.id.length)) best = { id, at };
      break;
    }
  }
  return best;
}

/** One remark against a list of IDs (see RemarkIds; prepare once when scanning many). */
export function agentIdInRemark(remark: string, ids: readonly string[]): string | null {
  return new RemarkIds(ids).find(remark);
}

export function attributeOrders(orders: readonly Order[], roster: readonly Agent[]): { attributed: AttributedSales[]; unattributed: Order[] } {
  const ids = new RemarkIds(roster.map((a) => a.id.trim()));
  // Entries in the order they first occur, found by ID then month (no key string built per order).
  const attributed: AttributedSales[] = [];
  const byIdAndMonth = new Map<string, Map<string, AttributedSales>>();
  const unattributed: Order[] = [];
  for (const order of orders) {
    if (order.paidAt == null || order.refunded) continue;
    const id = ids.find(order.remark);
    if (id == null) {
      unattributed.push(order);
      continue;
    }
    const month = monthOf(dayOf(order.paidAt));
    let byMonth = byIdAndMonth.get(id);
    if (!byMonth) byIdAndMonth.set(id, (byMonth = new Map()));
    let entry = byMonth.get(month);
    if (!entry) {
      entry = { agentId: id, month, amount: 0, orderIds: [] };
      byMonth.set(month, entry);
      attributed.push(entry);
    }
    entry.amount = Math.round((entry.amount + order.amount) * 100) / 100;
    entry.orderIds.push(order.orderId);
  }
  return { attributed, unattributed };
}
