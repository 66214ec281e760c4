/**
 * The metrics engine (SPEC §6a): raw consultations + orders + roster, under
 * the supervisor's rules → agent-day counts, the inquiries behind them, and
 * the commission base.
 *
 * Data layout (an implementation detail; the contract is computeMetrics'):
 * every buyer and agent name is interned to an integer once (engineChats;
 * the buyers of chats and orders together, partitioned by hash so the tables
 * stay in cache: intern.ts), and each phase keeps its data in typed arrays indexed by those integers —
 * chats by buyer in time order and inquiries by buyer in opening order
 * (engineInquiries), credited orders as linked lists per inquiry
 * (engineCredit), figures per agent-day cell (engineDays). Strings are only
 * hashed on the way in and objects only made on the way out — the Inquiry
 * list (and the sort it needs) when first read — so time grows with the
 * records and memory stays a few dozen bytes per record beyond the result.
 */
import type { Agent, Consultation, EngineResult, Inquiry, IsoDate, LocalTime, Order, OrderCredit } from './types';
import type { AttributionWindow, Rules } from './rules';
import { MS_PER_DAY, MS_PER_HOUR, startOfDay } from './dates';
import { attributeOrders } from './attribution';
import { buyerIds, chatColumns, type ChatColumns } from './engineChats';
import { buildInquiryColumns, openingOrder, type InquiryColumns } from './engineInquiries';
import { creditOrders, PAID, PLACED, type CreditColumns } from './engineCredit';
import { agentDayCounts } from './engineDays';

export { roundMoney } from './engineDays';

const WINDOW_DAYS: Record<AttributionWindow, number> = { same_day: 1, next_day: 2, '3_days': 3 };

/** The first moment an order no longer counts for an inquiry opened on `date`. */
export function windowEnd(date: IsoDate, window: AttributionWindow): LocalTime {
  return startOfDay(date) + WINDOW_DAYS[window] * MS_PER_DAY;
}

/**
 * Step 1 alone: within one (agent, buyer) pair, a pre-sale consultation opens
 * a new inquiry unless one was opened within the repeat window before it; a
 * repeat exactly W later still merges (the window is inclusive). In opening order.
 */
export function buildInquiries(consultations: readonly Consultation[], rules: Rules): Inquiry[] {
  const chats = chatColumns(consultations, buyerIds(consultations, []), rules.excludedCategories);
  const { inquiries } = buildInquiryColumns(chats, rules.repeatWindowHours * MS_PER_HOUR);
  return inquiryObjects(consultations, [], chats, inquiries, null);
}

/** Every §6a figure from raw records under the rules. Inputs are not mutated. */
export function computeMetrics(
  consultations: readonly Consultation[],
  orders: readonly Order[],
  roster: readonly Agent[],
  rules: Rules,
): EngineResult {
  const buyers = buyerIds(consultations, orders);
  const chats = chatColumns(consultations, buyers, rules.excludedCategories);
  const { inquiries, distinct } = buildInquiryColumns(chats, rules.repeatWindowHours * MS_PER_HOUR);
  const credit = creditOrders(orders, buyers.order, chats, inquiries, WINDOW_DAYS[rules.attributionWindow]);
  const agentDays = agentDayCounts(orders, chats, distinct, inquiries, credit);
  const { attributed, unattributed } = attributeOrders(orders, roster);
  let inquiryList: Inquiry[] | undefined;
  return {
    agentDays,
    // Made on first use: a million Inquiry objects cost more than all the counting, and callers that need only the agent-days never ask.
    get inquiries() {
      return (inquiryList ??= inquiryObjects(consultations, orders, chats, inquiries, credit));
    },
    credits: orderCredits(orders, chats, inquiries, credit),
    attributed,
    unattributed,
    refunded: credit.refunded,
  };
}

/** The credited orders with their inquiry's agent, day and opening, in input order. */
function orderCredits(orders: readonly Order[], chats: ChatColumns, inquiries: InquiryColumns, credit: CreditColumns): OrderCredit[] {
  const credits: OrderCredit[] = [];
  for (let j = 0; j < orders.length; j++) {
    const k = credit.inquiryOf[j];
    if (k < 0) continue;
    const cell = inquiries.cell[k];
    credits.push({
      order: orders[j],
      agent: chats.agents.names[chats.cells.agent[cell]],
      date: chats.cells.date[cell],
      opened: inquiries.opened[k],
      inquiry: k,
      inquiryPaid: (credit.state[k] & PAID) !== 0,
    });
  }
  return credits;
}

/** The Inquiry objects of the contract, in opening order; names and dates are the opening chat's. */
function inquiryObjects(consultations: readonly Consultation[], orders: readonly Order[], chats: ChatColumns, inquiries: InquiryColumns, credit: CreditColumns | null): Inquiry[] {
  const list = new Array<Inquiry>(inquiries.count);
  const inOrder = openingOrder(inquiries, chats.count);
  for (let n = 0; n < inquiries.count; n++) {
    const k = inOrder[n];
    const c = inquiries.chat[k];
    const chat = consultations[c];
    const orderIds: string[] = [];
    if (credit) for (let j = credit.firstOrder[k]; j >= 0; j = credit.nextOrder[j]) orderIds.push(orders[j].orderId);
    const state = credit ? credit.state[k] : 0;
    list[n] = {
      agent: chat.agent,
      buyer: chat.buyer,
      date: chats.cells.date[inquiries.cell[k]],
      opened: chat.start,
      consultations: inquiries.consultations[k],
      orderIds,
      placed: (state & PLACED) !== 0,
      paid: (state & PAID) !== 0,
    };
  }
  return list;
}

/** Explainability: the inquiries an agent opened on a day and the orders credited to them. */
export function explainAgentDay(result: EngineResult, orders: readonly Order[], agent: string, date: IsoDate): { inquiries: Inquiry[]; orders: Order[] } {
  const inquiries = result.inquiries.filter((i) => i.agent === agent && i.date === date);
  const ids = new Set(inquiries.flatMap((i) => i.orderIds));
  return { inquiries, orders: orders.filter((o) => ids.has(o.orderId)) };
}
