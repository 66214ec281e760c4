/**
 * 待复盘会话 — the chats a supervisor should read for each agent the Daily
 * flags: the day's unconverted inquiries (opened that day, no credited order
 * paid inside the attribution window), ranked by how much they are worth
 * reading, capped per agent. With raw chat records only; an agent-day known
 * from exports alone shows the export's own slow-response and unanswered
 * counts instead. Pure: the day and the data are passed in.
 *
 * The ranking rule (docs/decisions.md, *Chats to review*): first by the
 * strongest reason, in this order — no reply at all, ordered but not paid,
 * first reply slower than `first_response_target_sec`, a buyer who paid
 * before (in the repurchase look-back, REPURCHASE_LOOKBACK_DAYS) — then by
 * the buyer's stake (the unpaid order's amount plus what the buyer paid in it), then by buyer messages, slower first reply,
 * earlier opening and buyer name.
 */
import type { AgentDay, Consultation, IsoDate, LocalTime, Payment } from '../core/types';
import { buildInquiries } from '../core/engine';
import { anchorChats } from '../core/rollup';
import { REPURCHASE_LOOKBACK_DAYS } from '../core/cycles';
import { MS_PER_DAY, startOfDay } from '../core/dates';
import { buyerPayments, type ReportData } from './data';
import type { DailyFigures, DailyFlag } from './dailyTypes';

/** The chats listed per flagged agent; the rest are counted. */
export const REVIEW_CAP = 5;

/** The Daily flags that call for reading an agent's chats (learn_from, unremarked orders and provisional do not). */
export const REVIEW_FLAGS: readonly DailyFlag[] = ['below_team_conversion', 'slow_first_response', 'low_response_rate'];

/** Why an inquiry is worth reading, strongest first (the order is the ranking's first key). */
export type ReviewReason = 'no_reply' | 'unpaid_order' | 'slow_first_response' | 'returning_buyer';
const REASON_ORDER: readonly ReviewReason[] = ['no_reply', 'unpaid_order', 'slow_first_response', 'returning_buyer'];

/** One unconverted inquiry: enough to find it in 千牛 (buyer nick and the time of the first message) and why it was picked. */
export interface ReviewChat {
  buyer: string;
  /** The buyer's first message of the inquiry (its opening chat's start). */
  opened: LocalTime;
  /** Chats merged into the inquiry (repeats inside the window). */
  chats: number;
  /** Seconds to the agent's first reply in the opening chat; null = no reply to it. */
  firstResponseSec: number | null;
  buyerMessages: number;
  agentMessages: number;
  /** Orders credited to the inquiry and not paid inside its window (amount). */
  unpaidAmount: number;
  /** What the buyer paid before the inquiry opened (not refunded). */
  paidBefore: number;
  reasons: ReviewReason[];
}

export interface AgentReview {
  /** The Daily's row: the person (and account). */
  day: AgentDay;
  /** The review flags the Daily gave the row. */
  flags: DailyFlag[];
  /**
   * `chats`: raw chat records of the day exist for the account; `exports`: figures from exports only;
   * `rolled_up`: the day's raw records were rolled up (older than the retention), only its figures are kept.
   */
  source: 'chats' | 'exports' | 'rolled_up';
  /** The first REVIEW_CAP unconverted inquiries by the ranking rule. */
  chats: ReviewChat[];
  /** Unconverted inquiries of the day in all (chats.length of them listed). */
  unconverted: number;
  /** Inquiries the chats opened that day. */
  inquiries: number;
}

export interface ChatReview {
  date: IsoDate;
  agents: AgentReview[];
  /** The day's figures are not final: an unconverted inquiry may still pay. */
  provisional: boolean;
}

/** The chat account of a Daily row: the account when the roster maps it to a person, else the agent. */
const chatName = (day: AgentDay): string => day.account ?? day.agent;

/**
 * The review of the report day. `figures` is the Daily's (its flags decide
 * who is reviewed); only the chats of the flagged accounts' buyers of that
 * day are walked, and only the orders of those buyers summed.
 */
export function chatReview(data: ReportData, figures: DailyFigures, cap = REVIEW_CAP): ChatReview {
  const { date } = figures;
  const flagged = figures.agents
    .map((row) => ({ day: row.day, flags: row.flags.filter((f) => REVIEW_FLAGS.includes(f)) }))
    .filter((row) => row.flags.length > 0);
  const names = new Set(flagged.map((row) => chatName(row.day)));
  // The inquiries rolled-up days left open are chats the day's repeats may merge into, as the engine reads them.
  const anchors = data.input.rolledUp?.anchors ?? [];
  const pairs = dayPairs(data.input.consultations, anchorChats(anchors), names, date);
  // Accounts whose chats of the day were rolled up: the roll-up kept their figures, not their chats.
  const rolledUp = new Set((data.input.rolledUp?.agentDays ?? []).filter((d) => d.date === date).map((d) => d.agent));
  const candidates = unconvertedInquiries(data, pairs, date);
  const agents = flagged.map(({ day, flags }): AgentReview => {
    const name = chatName(day);
    if (!pairs.accounts.has(name)) return { day, flags, source: rolledUp.has(name) ? 'rolled_up' : 'exports', chats: [], unconverted: 0, inquiries: 0 };
    const own = candidates.get(name) ?? { inquiries: 0, chats: [] };
    const ranked = [...own.chats].sort(byWorth);
    return { day, flags, source: 'chats', chats: ranked.slice(0, cap), unconverted: ranked.length, inquiries: own.inquiries };
  });
  return { date, agents, provisional: figures.provisional.length > 0 || figures.agents.some((r) => r.flags.includes('provisional')) };
}

const pairKey = (agent: string, buyer: string) => `${agent}\u0000${buyer}`;

/**
 * The (account, buyer) pairs with a chat of the flagged accounts on the day,
 * and every chat of those pairs up to the day's end, the openings a roll-up
 * kept (anchors) among them: an inquiry's opening depends on the pair's
 * earlier chats (the repeat window), never on others'.
 */
function dayPairs(consultations: readonly Consultation[], anchors: readonly Consultation[], names: ReadonlySet<string>, date: IsoDate): { accounts: Set<string>; chats: Consultation[] } {
  const keys = new Set<string>();
  const accounts = new Set<string>();
  const [from, to] = [startOfDay(date), startOfDay(date) + MS_PER_DAY];
  for (const c of consultations) {
    if (c.start >= from && c.start < to && names.has(c.agent)) {
      keys.add(pairKey(c.agent, c.buyer));
      accounts.add(c.agent);
    }
  }
  const ofPairs = (list: readonly Consultation[]) => list.filter((c) => c.start < to && keys.has(pairKey(c.agent, c.buyer)));
  const chats = keys.size === 0 ? [] : [...ofPairs(anchors), ...ofPairs(consultations)];
  return { accounts, chats };
}

interface AccountCandidates {
  inquiries: number;
  chats: ReviewChat[];
}

/** The inquiries opened on the day by each account, the paid ones left out, each with its chats' figures and reasons. */
function unconvertedInquiries(data: ReportData, pairs: { chats: Consultation[] }, date: IsoDate): Map<string, AccountCandidates> {
  const { rules } = data.input;
  const byAccount = new Map<string, AccountCandidates>();
  if (pairs.chats.length === 0) return byAccount;
  // The engine's own inquiry rule on the pairs' chats; credits tell which inquiries paid and which orders they hold.
  const all = buildInquiries(pairs.chats, rules);
  const opened = all.filter((i) => i.date === date);
  const credited = new Map<string, { paid: boolean; unpaid: number }>();
  for (const credit of data.result.credits) {
    if (credit.date !== date) continue;
    const key = `${pairKey(credit.agent, credit.order.buyer)}\u0000${credit.opened}`;
    const entry = credited.get(key) ?? { paid: false, unpaid: 0 };
    entry.paid ||= credit.inquiryPaid;
    entry.unpaid += credit.order.amount;
    credited.set(key, entry);
  }
  const excluded = new Set<string>(rules.excludedCategories);
  const chatsOfPair = new Map<string, Consultation[]>();
  for (const c of pairs.chats) {
    if (excluded.has(c.category)) continue;
    const list = chatsOfPair.get(pairKey(c.agent, c.buyer));
    if (list) list.push(c);
    else chatsOfPair.set(pairKey(c.agent, c.buyer), [c]);
  }
  const openings = new Map<string, LocalTime[]>();
  for (const i of all) {
    const key = pairKey(i.agent, i.buyer);
    const list = openings.get(key);
    if (list) list.push(i.opened);
    else openings.set(key, [i.opened]);
  }
  const buyers = new Set(opened.map((i) => i.buyer));
  const paidBefore = paidOrdersOf(data, buyers);
  for (const inquiry of opened) {
    const account = byAccount.get(inquiry.agent) ?? { inquiries: 0, chats: [] };
    byAccount.set(inquiry.agent, account);
    account.inquiries++;
    const credit = credited.get(`${pairKey(inquiry.agent, inquiry.buyer)}\u0000${inquiry.opened}`);
    if (credit?.paid) continue;
    const key = pairKey(inquiry.agent, inquiry.buyer);
    const next = (openings.get(key) ?? []).find((t) => t > inquiry.opened) ?? Infinity;
    // A chat belongs to the latest inquiry the pair opened at or before it.
    const own = (chatsOfPair.get(key) ?? []).filter((c) => c.start >= inquiry.opened && c.start < next);
    const first = own.find((c) => c.start === inquiry.opened) ?? own[0];
    const chat: ReviewChat = {
      buyer: inquiry.buyer,
      opened: inquiry.opened,
      chats: own.length,
      firstResponseSec: first?.firstResponseSec ?? null,
      buyerMessages: own.reduce((s, c) => s + c.buyerMessages, 0),
      agentMessages: own.reduce((s, c) => s + c.agentMessages, 0),
      unpaidAmount: credit?.unpaid ?? 0,
      paidBefore: (paidBefore.get(inquiry.buyer) ?? []).filter((o) => o.paidAt < inquiry.opened && o.paidAt >= inquiry.opened - REPURCHASE_LOOKBACK_DAYS * MS_PER_DAY).reduce((s, o) => s + o.amount, 0),
      reasons: [],
    };
    chat.reasons = reasonsOf(chat, own, rules.firstResponseTargetSec, credit != null);
    account.chats.push(chat);
  }
  return byAccount;
}

function reasonsOf(chat: ReviewChat, own: readonly Consultation[], targetSec: number, placed: boolean): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (own.every((c) => c.firstResponseSec == null)) reasons.push('no_reply');
  if (placed) reasons.push('unpaid_order');
  if (chat.firstResponseSec != null && chat.firstResponseSec > targetSec) reasons.push('slow_first_response');
  if (chat.paidBefore > 0) reasons.push('returning_buyer');
  return reasons;
}

/** Paid, not refunded orders of the given buyers (amount and payment time), by payment time. */
function paidOrdersOf(data: ReportData, buyers: ReadonlySet<string>): Map<string, Payment[]> {
  const byBuyer = new Map<string, Payment[]>();
  if (buyers.size === 0) return byBuyer;
  for (const p of buyerPayments(data)) {
    if (p.refunded || !buyers.has(p.buyer)) continue;
    const list = byBuyer.get(p.buyer);
    if (list) list.push(p);
    else byBuyer.set(p.buyer, [p]);
  }
  return byBuyer;
}

/** No reply ranks as the slowest. */
const slowness = (c: ReviewChat): number => c.firstResponseSec ?? Number.MAX_VALUE;

const tier = (c: ReviewChat): number => {
  const i = REASON_ORDER.findIndex((r) => c.reasons.includes(r));
  return i < 0 ? REASON_ORDER.length : i;
};

/** The ranking rule (see the module's comment): a total order, so the list never depends on input order. */
export function byWorth(a: ReviewChat, b: ReviewChat): number {
  return (
    tier(a) - tier(b) ||
    b.unpaidAmount + b.paidBefore - (a.unpaidAmount + a.paidBefore) ||
    b.buyerMessages - a.buyerMessages ||
    slowness(b) - slowness(a) ||
    a.opened - b.opened ||
    (a.buyer < b.buyer ? -1 : a.buyer > b.buyer ? 1 : 0)
  );
}
