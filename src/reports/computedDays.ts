/**
 * 已算的天 — the engine's figures of a closed day, kept so that a store which
 * keeps raw records by day need not read a day's chats again every time a
 * report shows it. A computed day holds what the reports read of the engine
 * for that day: its agent-days (SPEC §6a) and its credits (which order each
 * inquiry of the day is credited, for the payroll's credited sales, the
 * Unattributed list's likely agent and the Daily's unattributed flags).
 *
 * A day's figures depend on the raw chats and orders of the days around it
 * (readPlan's dependencyDays) and on the engine's settings (ENGINE_SETTINGS): a
 * stored computed day is used only while its key, made of both, is the one
 * the store would make now. A computed day keeps its orders too, so a store that keeps them
 * packed reads them for less than its order rows.
 */
import type { AgentDay, Consultation, EngineResult, IsoDate, LocalTime, Order, OrderCredit } from '../core/types';
import { dayOf } from '../core/dates';
import type { Rules } from '../core/rules';

/** An order credited to one of the day's inquiries: the order by its ID, the rest as the engine stated it. */
export interface ComputedCredit {
  orderId: string;
  agent: string;
  opened: LocalTime;
  inquiryPaid: boolean;
}

export interface ComputedDay {
  day: IsoDate;
  agentDays: AgentDay[];
  credits: ComputedCredit[];
  /** The latest moment the day's records show (its chats' starts, its orders' creation and payment): which days are final reads it. */
  latestRecord: LocalTime | null;
  /** The orders created that day (null: not kept; the day's orders are read from the store). */
  orders: Order[] | null;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short fingerprint, not a secret. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The settings a day's figures depend on: computeMetrics reads these and no
 * other (who an order's remark names, the one thing it reads of the roster,
 * decides the attributed sales, which a computed day does not hold; its
 * agent-days are the chat accounts', mapped to people after; its orders
 * are the day's own).
 */
export const ENGINE_SETTINGS = ['repeatWindowHours', 'attributionWindow', 'excludedCategories'] as const satisfies readonly (keyof Rules)[];

/** The engine settings a computed day was made under: any other setting, and the roster, change no computed day. */
export function computeFingerprint(rules: Rules): string {
  return fnv1a(JSON.stringify(ENGINE_SETTINGS.map((field) => rules[field])));
}

/**
 * The key a computed day is stored under: the fingerprint and the version of
 * every day it depends on (readPlan's dependencyDays; `version` names the
 * write that last changed a stored day). Equal keys, equal figures.
 */
export function computedDayKey(fingerprint: string, dependencies: readonly IsoDate[], version: (day: IsoDate) => string): string {
  // A day never written reads '-': a key holds no blank a cell would trim.
  return `${fingerprint}:${dependencies.map((d) => version(d) || '-').join(' ')}`;
}

/** What the engine found for `day`, from a result whose reads covered the day's dependencies, and the latest time of the day's records. */
export function computedDayOf(result: EngineResult, day: IsoDate, consultations: readonly Consultation[], orders: readonly Order[]): ComputedDay {
  let latestRecord: LocalTime | null = null;
  const later = (t: LocalTime | null) => {
    if (t !== null && (latestRecord === null || t > latestRecord)) latestRecord = t;
  };
  for (const c of consultations) if (dayOf(c.start) === day) later(c.start);
  for (const o of orders) {
    if (dayOf(o.created) !== day) continue;
    later(o.created);
    later(o.paidAt);
  }
  return {
    day,
    latestRecord,
    orders: orders.filter((o) => dayOf(o.created) === day),
    agentDays: result.agentDays.filter((d) => d.date === day),
    credits: result.credits.filter((c) => c.date === day).map((c) => ({ orderId: c.order.orderId, agent: c.agent, opened: c.opened, inquiryPaid: c.inquiryPaid })),
  };
}

/**
 * The engine's result with the computed days standing in for what it found
 * of those days (it read their chats partly or not at all). Their credits are
 * joined to the orders read; an order not read is not shown by any report of
 * the run. Credits keep the engine's order (the orders'); inquiry numbers of computed
 * credits are negative, apart from the engine's.
 */
export function withComputedDays(result: EngineResult, computed: readonly ComputedDay[], orders: readonly Order[]): EngineResult {
  if (computed.length === 0) return result;
  const days = new Set(computed.map((c) => c.day));
  const byId = new Map(orders.map((o) => [o.orderId, o]));
  let next = -1;
  const credits: OrderCredit[] = result.credits.filter((c) => !days.has(c.date));
  for (const day of computed) {
    const inquiry = new Map<string, number>();
    for (const c of day.credits) {
      const order = byId.get(c.orderId);
      if (!order) continue;
      const key = `${c.agent}\u0000${order.buyer}\u0000${c.opened}`;
      if (!inquiry.has(key)) inquiry.set(key, next--);
      credits.push({ order, agent: c.agent, date: day.day, opened: c.opened, inquiry: inquiry.get(key)!, inquiryPaid: c.inquiryPaid });
    }
  }
  // The engine lists credits in the orders' order; sums over them keep that order.
  const position = new Map(orders.map((o, i) => [o.orderId, i]));
  credits.sort((a, b) => (position.get(a.order.orderId) ?? -1) - (position.get(b.order.orderId) ?? -1));
  const agentDays = [...result.agentDays.filter((d) => !days.has(d.date)), ...computed.flatMap((c) => c.agentDays)];
  agentDays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0));
  return { ...result, agentDays, credits };
}
