/**
 * 汇总 — raw records of days past the retention rolled up into the final
 * figures the reports read, so the raw rows can go and every report of those
 * days stays the same. One rule for every store: which days roll up, what a
 * day's roll-up holds, and when a stored roll-up equals the computed one.
 *
 * A day's roll-up holds:
 * - the engine's agent-days of that day (SPEC §6a, the figures of the Daily,
 *   Ranking, Payroll and Scorecard), each with the count of unattributed paid
 *   orders credited to its inquiries (the Daily's flag);
 * - sums of the orders created that day, by day of payment: attributed sales
 *   by agent ID, claimed sales by agent ID (with their order IDs), open
 *   unattributed sales, and the shop's paid amount and buyers;
 * - credited sales of the day's inquiries by agent and day of payment.
 * Beside the figures, a store keeps the boundary (`anchors`): for each agent
 * and buyer, the last inquiry opened within the repeat window before the
 * first raw day. A raw chat inside that window merges into it exactly as it
 * would have with the rolled-up chats still there, so the raw days' figures
 * do not change either.
 * Sums, not orders: a rolled-up day has no chats to review, no purchase
 * cycles, no order lists, and is not attributed again when the roster changes.
 */
import type { Agent, AgentDay, AttributedSales, Claim, Consultation, IsoDate, LocalTime, Order } from './types';
import type { Rules } from './rules';
import { computeMetrics } from './engine';
import { roundMoney } from './engineDays';
import { addDays, dayOf, MS_PER_HOUR, monthOf, startOfDay } from './dates';
import { applyClaims } from './claims';
import { attributeOrders } from './attribution';
import { emptyCounts } from './metrics';

/** An agent-day of a rolled-up day, as the engine computed it. */
export interface RolledAgentDay extends AgentDay {
  /** Unattributed paid orders credited to the agent-day's inquiries (the Daily's `unattributed_orders` flag). */
  unattributedOrders: number;
}

export type RolledSaleKind = 'attributed' | 'claimed' | 'unattributed' | 'credited' | 'shop_paid';

/** A sum of orders of a rolled-up day, by day of payment. */
export interface RolledSale {
  kind: RolledSaleKind;
  /** The rolled-up day the orders came from (their creation day; for `credited`, their inquiry's day). */
  day: IsoDate;
  /** The day of payment. */
  date: IsoDate;
  /** Agent ID (`attributed`, `claimed`), agent name (`credited`), '' otherwise. */
  agent: string;
  amount: number;
  orders: number;
  /** Paying buyers (`shop_paid`): those whose last order paid that day, of the days the roll-up read, is of this day; else 0. */
  buyers: number;
  /** The claimed orders' IDs (`claimed`), else empty. */
  orderIds: string[];
}

/** The last inquiry of an agent and buyer opened within the repeat window before the first raw day. */
export interface Anchor {
  agent: string;
  buyer: string;
  opened: LocalTime;
}

/** What is stored of rolled-up days. */
export interface RollUp {
  /** The days rolled up (a day may have no figures: no chats, no paid orders). */
  days: IsoDate[];
  agentDays: RolledAgentDay[];
  sales: RolledSale[];
  /** The boundary the raw days after the rolled-up ones are computed with. */
  anchors: Anchor[];
}

export const EMPTY_ROLL_UP: RollUp = { days: [], agentDays: [], sales: [], anchors: [] };

/** Anchors as the chats the engine reads: each opens its inquiry at its time, on its rolled-up day. */
export function anchorChats(anchors: readonly Anchor[]): Consultation[] {
  return anchors.map((a) => ({ buyer: a.buyer, agent: a.agent, start: a.opened, firstResponseSec: null, buyerMessages: 0, agentMessages: 0, category: 'presale' }));
}

const WINDOW_DAYS = { same_day: 1, next_day: 2, '3_days': 3 } as const;

/**
 * The shortest retention the rules allow: a day rolls up only once every
 * order its inquiries can be credited (the attribution window) and every
 * repeat contact that could merge into them (the repeat window) is stored.
 */
export function minimumRetentionDays(rules: Rules): number {
  return WINDOW_DAYS[rules.attributionWindow] + Math.ceil(rules.repeatWindowHours / 24);
}

/** Days of raw records a store keeps (0 = all), never under minimumRetentionDays. */
export function retentionDays(rules: Rules): number {
  return rules.retentionDays === 0 ? 0 : Math.max(rules.retentionDays, minimumRetentionDays(rules));
}

/**
 * The raw days due to roll up, oldest first: the days before the retention
 * counted back from the latest stored day (`latest` itself is day 1).
 */
export function daysToRollUp(rawDays: Iterable<IsoDate>, latest: IsoDate | null, rules: Rules): IsoDate[] {
  const keep = retentionDays(rules);
  if (keep === 0 || latest === null) return [];
  const firstKept = addDays(latest, -(keep - 1));
  return [...new Set(rawDays)].filter((d) => d < firstKept).sort();
}

/** The raw days a day's roll-up reads: the day and the attribution window after it. */
export function rollUpReads(day: IsoDate, rules: Rules): IsoDate[] {
  return Array.from({ length: WINDOW_DAYS[rules.attributionWindow] }, (_, i) => addDays(day, i));
}

function sum(map: Map<string, RolledSale>, base: Omit<RolledSale, 'amount' | 'orders' | 'buyers' | 'orderIds'>, amount: number, orderId?: string): void {
  const key = `${base.kind}\u0000${base.date}\u0000${base.agent}`;
  const entry = map.get(key) ?? { ...base, amount: 0, orders: 0, buyers: 0, orderIds: [] };
  entry.amount += amount;
  entry.orders += 1;
  if (orderId !== undefined) entry.orderIds.push(orderId);
  map.set(key, entry);
}

/**
 * The roll-up of one raw day. `consultations` and `orders` are the raw records
 * of the days rollUpReads names (more do no harm); the days before `day` are
 * already rolled up. Claims of the day's orders are applied now, for good.
 */
export function rollUpDay(
  day: IsoDate,
  consultations: readonly Consultation[],
  orders: readonly Order[],
  roster: readonly Agent[],
  rules: Rules,
  claims: readonly Claim[] = [],
  anchors: readonly Anchor[] = [],
): RollUp {
  const result = computeMetrics([...anchorChats(anchors), ...consultations], orders, roster, rules);
  const credited = new Map<string, { agent: string; date: IsoDate }>();
  for (const c of result.credits) credited.set(c.order.orderId, c);
  const unattributedCredited = new Map<string, number>();
  for (const o of result.unattributed) {
    const c = credited.get(o.orderId);
    if (c && c.date === day) unattributedCredited.set(c.agent, (unattributedCredited.get(c.agent) ?? 0) + 1);
  }
  const agentDays: RolledAgentDay[] = result.agentDays
    .filter((d) => d.date === day)
    .map((d) => ({ ...d, unattributedOrders: unattributedCredited.get(d.agent) ?? 0 }));

  const sales = new Map<string, RolledSale>();
  for (const c of result.credits) {
    const o = c.order;
    if (c.date !== day || o.paidAt == null || o.refunded) continue;
    sum(sales, { kind: 'credited', day, date: dayOf(o.paidAt), agent: c.agent }, o.amount);
  }
  const own = orders.filter((o) => dayOf(o.created) === day);
  const ownIds = new Set(own.map((o) => o.orderId));
  const attributedOwn = attributeOrders(own, roster);
  const paidDay = new Map(own.filter((o) => o.paidAt != null).map((o) => [o.orderId, dayOf(o.paidAt!)]));
  // Attributed sales come by month; the roll-up keeps the day of payment, so it is taken order by order.
  const ids = new Map<string, string>();
  for (const a of attributedOwn.attributed) for (const id of a.orderIds) ids.set(id, a.agentId);
  for (const o of own) {
    const agentId = ids.get(o.orderId);
    if (agentId !== undefined) sum(sales, { kind: 'attributed', day, date: paidDay.get(o.orderId)!, agent: agentId }, o.amount);
  }
  const outcome = applyClaims([], attributedOwn.unattributed, claims.filter((c) => ownIds.has(c.orderId)), roster);
  for (const o of attributedOwn.unattributed) {
    const by = outcome.claimedBy.get(o.orderId);
    if (by !== undefined) sum(sales, { kind: 'claimed', day, date: paidDay.get(o.orderId)!, agent: by }, o.amount, o.orderId);
    else sum(sales, { kind: 'unattributed', day, date: paidDay.get(o.orderId)!, agent: '' }, o.amount);
  }
  // A buyer paying on one day counts once: in the roll-up of the last day (of those read) whose orders they paid then.
  const paidLater = new Set(orders.filter((o) => o.paidAt != null && dayOf(o.created) > day).map((o) => `${dayOf(o.paidAt!)}\u0000${o.buyer}`));
  const buyers = new Map<IsoDate, Set<string>>();
  for (const o of own) {
    if (o.paidAt == null) continue;
    const date = dayOf(o.paidAt);
    sum(sales, { kind: 'shop_paid', day, date, agent: '' }, o.amount);
    const set = buyers.get(date) ?? new Set<string>();
    if (!paidLater.has(`${date}\u0000${o.buyer}`)) set.add(o.buyer);
    buyers.set(date, set);
  }
  const list = [...sales.values()].map((s) => ({ ...s, amount: roundMoney(s.amount), buyers: s.kind === 'shop_paid' ? buyers.get(s.date)!.size : 0 }));
  return { days: [day], agentDays, sales: list.sort(bySale), anchors: nextAnchors(result.inquiries, addDays(day, 1), rules) };
}

/** The last inquiry of each agent and buyer opened within the repeat window before `firstRaw` (anchors included: they are inquiries too). */
function nextAnchors(inquiries: readonly { agent: string; buyer: string; opened: LocalTime }[], firstRaw: IsoDate, rules: Rules): Anchor[] {
  const from = startOfDay(firstRaw) - rules.repeatWindowHours * MS_PER_HOUR;
  const to = startOfDay(firstRaw);
  const last = new Map<string, Anchor>();
  for (const i of inquiries) {
    if (i.opened < from || i.opened >= to) continue;
    const key = `${i.agent}\u0000${i.buyer}`;
    const seen = last.get(key);
    if (!seen || i.opened > seen.opened) last.set(key, { agent: i.agent, buyer: i.buyer, opened: i.opened });
  }
  return [...last.values()].sort((a, b) => a.opened - b.opened || (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : a.buyer < b.buyer ? -1 : a.buyer > b.buyer ? 1 : 0));
}

const KIND_ORDER: RolledSaleKind[] = ['attributed', 'claimed', 'unattributed', 'credited', 'shop_paid'];
function bySale(a: RolledSale, b: RolledSale): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0);
}

/** A roll-up in one canonical text: two roll-ups are equal exactly when their texts are. */
export function rollUpText(rollUp: RollUp): string {
  const days = [...rollUp.agentDays]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0))
    .map((d) => JSON.stringify([d.date, d.agent, ...ROLLED_FIGURES.map((f) => d[f]), d.unattributedOrders]));
  const sales = [...rollUp.sales].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : bySale(a, b))).map((s) => JSON.stringify([s.kind, s.day, s.date, s.agent, s.amount, s.orders, s.buyers, [...s.orderIds].sort()]));
  return [JSON.stringify([...rollUp.days].sort()), ...days, ...sales].join('\n');
}

/** The stored roll-up read back is the one computed: the condition for removing the raw rows. */
export function sameRollUp(computed: RollUp, stored: RollUp): boolean {
  return rollUpText(computed) === rollUpText(stored);
}

/** The agent-day figures the engine fills, the ones a roll-up keeps (the rest stay empty). */
export const ROLLED_FIGURES = [
  'consultations', 'receptions', 'excluded', 'inquiries', 'placed', 'paid', 'sales', 'items', 'couponBuyers',
  'buyerMessages', 'agentMessages', 'firstResponseTotalSec', 'firstResponseSamples',
] as const;

/** An agent-day as the engine returns it, from the rolled-up figures. */
export function agentDayOf(date: IsoDate, agent: string, figures: Partial<Record<(typeof ROLLED_FIGURES)[number], number>>): AgentDay {
  const day: AgentDay = { date, agent, ...emptyCounts() };
  for (const f of ROLLED_FIGURES) day[f] = figures[f] ?? 0;
  return day;
}

const byDateAgent = (a: AgentDay, b: AgentDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0);

/** The rolled-up days. */
export function rolledDays(rollUp: RollUp): Set<IsoDate> {
  return new Set(rollUp.days);
}

/** Two roll-ups of days one after the other: the later one's boundary. */
export function joinRollUps(a: RollUp, b: RollUp): RollUp {
  return { days: [...a.days, ...b.days], agentDays: [...a.agentDays, ...b.agentDays], sales: [...a.sales, ...b.sales], anchors: b.anchors };
}

/**
 * The computed agent-days with the rolled-up ones: a rolled-up day's figures
 * are its roll-up's (raw rows left of it, a late re-import, are not counted
 * twice), in the engine's order.
 */
export function withRolledAgentDays(computed: readonly AgentDay[], rollUp: RollUp): AgentDay[] {
  if (rollUp.days.length === 0) return [...computed];
  const rolled = rolledDays(rollUp);
  const days = rollUp.agentDays.map(({ unattributedOrders: _, ...day }) => day as AgentDay);
  return [...computed.filter((d) => !rolled.has(d.date)), ...days].sort(byDateAgent);
}

/** Attributed and claimed sales of rolled-up days, as the engine and the claims state them (by month of payment). */
export function rolledAttributed(rollUp: RollUp): AttributedSales[] {
  const out = new Map<string, AttributedSales>();
  for (const s of rollUp.sales) {
    if (s.kind !== 'attributed' && s.kind !== 'claimed') continue;
    const month = monthOf(s.date);
    const key = `${s.kind}\u0000${s.agent}\u0000${month}`;
    const entry = out.get(key) ?? { agentId: s.agent, month, amount: 0, orderIds: [], ...(s.kind === 'claimed' ? { claimed: true } : {}) };
    entry.amount = roundMoney(entry.amount + s.amount);
    entry.orderIds.push(...s.orderIds);
    out.set(key, entry);
  }
  return [...out.values()];
}

/** Order IDs claimed in rolled-up days (their claims are applied already). */
export function rolledClaims(rollUp: RollUp): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of rollUp.sales) if (s.kind === 'claimed') for (const id of s.orderIds) out.set(id, s.agent);
  return out;
}

/** Sums of one kind of rolled-up sale paid in a month (`YYYY-MM`) or on a day (`YYYY-MM-DD`), optionally of one agent. */
export function rolledSum(rollUp: RollUp | undefined, kind: RolledSaleKind, paid: string, agent?: string): { amount: number; orders: number; buyers: number } {
  let amount = 0;
  let orders = 0;
  let buyers = 0;
  for (const s of rollUp?.sales ?? []) {
    if (s.kind !== kind || !s.date.startsWith(paid) || (agent !== undefined && s.agent !== agent)) continue;
    amount += s.amount;
    orders += s.orders;
    buyers += s.buyers;
  }
  return { amount, orders, buyers };
}

/** Unattributed credited order counts of rolled-up agent-days, by `date|agent`. */
export function rolledUnattributedCounts(rollUp: RollUp): Map<string, number> {
  return new Map(rollUp.agentDays.filter((d) => d.unattributedOrders > 0).map((d) => [`${d.date}|${d.agent}`, d.unattributedOrders]));
}
