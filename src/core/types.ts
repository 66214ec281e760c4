/**
 * The domain types every part of CS Daily speaks. Pure data: no Apps Script,
 * no Node, no DOM. Chinese terms are given once, here.
 */
import type { ExportFigure, StatedFigures } from './exportTypes';
import type { Counts, IsoDate } from './baseTypes';

export type { Counts, IsoDate } from './baseTypes';

/**
 * A wall-clock time in the spreadsheet's time zone, as milliseconds since
 * 1970-01-01 00:00 *of that zone*. Every export gives local times, and every
 * rule (repeat window, "end of the next calendar day") is about local days, so
 * keeping wall-clock time avoids time-zone arithmetic in the core entirely.
 */
export type LocalTime = number;

export type Shift = 'day' | 'night';

/** 客服 — one line of the roster. */
export interface Agent {
  /** Display name as the chat tool shows it (the sub-account part of `店铺:子账号`). */
  name: string;
  /** 工号 — the ID agents write into the seller remark. Empty when unknown. */
  id: string;
  shift: Shift;
  /** 底薪 — monthly base pay. */
  basePay: number;
  active: boolean;
  /** Found by an import, not in the roster the supervisor wrote. */
  unknown?: boolean;
  /** 子账号 — the person's chat accounts (`店铺:子账号`, or a bare account for any shop) when not just `name`. */
  accounts?: string[];
  /** 绩效基数 — base performance pay of the scorecard; absent = the card's base for all. */
  performancePay?: number;
  /** false = listed on the scorecard but not scored (a trainee, the supervisor). */
  assessed?: boolean;
}

/** 咨询类型 — why the buyer wrote. Only pre-sale chats can become inquiries. */
export type ConsultationCategory = 'presale' | 'after_sales' | 'freebie';

/** 咨询 — one chat session between a buyer and an agent. */
export interface Consultation {
  buyer: string;
  agent: string;
  start: LocalTime;
  /** 首次响应时长 — seconds to the agent's first reply; null when the agent never replied. */
  firstResponseSec: number | null;
  buyerMessages: number;
  agentMessages: number;
  category: ConsultationCategory;
}

/** 订单 — one order of the shop. */
export interface Order {
  orderId: string;
  buyer: string;
  created: LocalTime;
  /** null = not paid. */
  paidAt: LocalTime | null;
  /** 实付金额 in the shop currency. */
  amount: number;
  items: number;
  /** 订单状态 as exported (交易成功, 交易关闭, 退款成功, …). */
  status: string;
  /** Refunded after payment: still counts as paid for conversion, never for commission. */
  refunded: boolean;
  couponUsed: boolean;
  /** 卖家备注 — where agents write their 工号. */
  remark: string;
  /** 旗帜 */
  flag: string;
}

/** A paid order as the buyer look-backs read it (repurchase intervals, what a buyer paid before a chat). */
export type Payment = Pick<Order, 'orderId' | 'buyer' | 'amount' | 'refunded'> & { paidAt: LocalTime };

/** 客服日数据 — one agent on one day. */
export interface AgentDay extends Counts {
  date: IsoDate;
  agent: string;
  /** 店铺 — the shop of the account (`店铺:子账号`), '' when the export names none. */
  shop?: string;
  /** The chat account when it is not the person's name (the roster maps accounts to people). */
  account?: string;
  /** Rates and means as the exporting tool states them (see StatedFigures). */
  stated?: Partial<StatedFigures>;
  /** Figures not final yet (延迟统计, a blank 询单 cell): shown as provisional, never as 0. */
  provisional?: ExportFigure[];
}

/** The derived figures of §2. null = empty (denominator 0 or data missing). */
export interface Ratios {
  /** A: 询单→下单转化率 */
  orderRate: number | null;
  /** B: 下单→付款率 */
  paymentRate: number | null;
  /** C: 询单转化率 */
  inquiryConversion: number | null;
  /** 客单价 */
  aov: number | null;
  /** 客件数 */
  itemsPerBuyer: number | null;
  /** 回复率 */
  responseRate: number | null;
  /** 首次响应时间(秒) */
  firstResponseSec: number | null;
  /** 平均响应时间(秒) */
  avgResponseSec: number | null;
  /** 答问比 */
  qaRatio: number | null;
}

/** Per-row outcome of validation inside the core: a value, not an exception. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export type Language = 'en' | 'zh';

/** 询单 — one pre-sale inquiry: a buyer's consultations with one agent merged inside the repeat window. */
export interface Inquiry {
  agent: string;
  buyer: string;
  /** The day it belongs to: the day it was opened. */
  date: IsoDate;
  opened: LocalTime;
  /** How many consultations merged into it (1 = no repeat). */
  consultations: number;
  /** Orders credited to it (SPEC §6a step 2). */
  orderIds: string[];
  placed: boolean;
  paid: boolean;
}

/** 备注业绩 — paid, not refunded orders whose seller remark names an agent ID, by month of payment. */
export interface AttributedSales {
  agentId: string;
  /** `YYYY-MM` of payment. */
  month: string;
  amount: number;
  orderIds: string[];
  /** Orders without an ID in their remark that the supervisor confirmed for this agent (a claim). */
  claimed?: boolean;
}

/** 认领 — the supervisor confirms that an order without an agent ID in its remark was this agent's sale. */
export interface Claim {
  orderId: string;
  agentId: string;
}

/** An order credited to an inquiry (SPEC §6a step 2): whose sale it is, and from when. */
export interface OrderCredit {
  order: Order;
  /** The inquiry's agent, day and opening. */
  agent: string;
  date: IsoDate;
  opened: LocalTime;
  /** Which inquiry: one integer for all orders credited to the same one. */
  inquiry: number;
  /** The inquiry counts as paid (some credited order was paid inside its window). */
  inquiryPaid: boolean;
}

/** Everything the engine derives from raw consultations and orders under the rules. */
export interface EngineResult {
  agentDays: AgentDay[];
  /** Every inquiry, in opening order. A big shop has millions: made on first read, so prefer `credits` where it will do. */
  inquiries: Inquiry[];
  /** The credited orders, in input order: what the reports need of the inquiries, a few per cent of their number. */
  credits: OrderCredit[];
  attributed: AttributedSales[];
  /** Paid, not refunded orders whose remark names no roster agent ID. */
  unattributed: Order[];
  /** Paid orders later refunded, credited to an inquiry (kept out of commission). */
  refunded: Order[];
}

/** A row an import could not accept, and why: enough for the supervisor to find and fix it. */
export interface Rejection {
  file: string;
  /** Sheet of an XLSX file; null for CSV. */
  sheet: string | null;
  /** 1-based row number in the file as a spreadsheet program would show it. */
  row: number;
  /** The header text of the offending column ('' when the row as a whole is wrong). */
  column: string;
  reason: string;
  /** The raw cells, so nothing is lost. */
  raw: string[];
}

/** 奖惩事件 — one line of the events tab. */
export interface PayEvent {
  date: IsoDate;
  agent: string;
  /** `score`: a manual scorecard KPI (reason = its name, amount = the score) for the event's month. */
  kind: 'fine' | 'reward' | 'score';
  reason: string;
  /** null = from the rules (reward_per_item, fine_schedule). */
  amount: number | null;
  /** Where an event derived from another log came from (a confirmed problem-log entry), for the audit line. */
  note?: string;
}

export type { CountFigure, ExportFigure, ExportedAgentDay, ShopDay, ShopFigure, ShopFigures, ShopRowKind, StatedFigure, StatedFigures } from './exportTypes';
