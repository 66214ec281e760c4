/**
 * The domain types every part of CS Daily speaks. Pure data: no Apps Script,
 * no Node, no DOM. Chinese terms are given once, here.
 */

/** A calendar day in the spreadsheet's time zone, `YYYY-MM-DD`. */
export type IsoDate = string;

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

/**
 * The additive figures of one agent over one period. Every ratio of §2 is
 * derived from these, so team and period figures are sums, never averages of
 * ratios. A null count means "not available" (an export said `-` or 延迟统计).
 */
export interface Counts {
  /** 咨询人数 */
  consultations: number | null;
  /** 接待人数 */
  receptions: number | null;
  /** 剔除人数 */
  excluded: number | null;
  /** 询单人数 */
  inquiries: number | null;
  /** 下单人数 */
  placed: number | null;
  /** 付款人数 (最终付款人数) */
  paid: number | null;
  /** 销售人数 — an export's separate figure, never a stand-in for paid. */
  salesBuyers: number | null;
  /** 客服销售额 */
  sales: number | null;
  /** 销售件数 */
  items: number | null;
  /** 使用优惠人数 */
  couponBuyers: number | null;
  /** Sum of first-response seconds and the number of replies it sums, so means stay weighted. */
  firstResponseTotalSec: number | null;
  firstResponseSamples: number | null;
  /** Sum of reply delays and their count (平均响应). */
  responseTotalSec: number | null;
  responseSamples: number | null;
  /** 买家消息数 / 客服消息数, for 答问比. */
  buyerMessages: number | null;
  agentMessages: number | null;
  /** Sum of session lengths and the sessions it sums (平均接待时长). */
  sessionTotalSec: number | null;
  sessionSamples: number | null;
  /** 订单数 (销售订单数) */
  orders: number | null;
  /** 未回复人数 */
  unanswered: number | null;
  /** 慢响应人数 (慢接待人数) */
  slowResponses: number | null;
  /** 长接待人数 */
  longReceptions: number | null;
  /** 直接接待人数 (直接接入人数) */
  directReceptions: number | null;
  /** 转入人数 (转发接入人数) */
  transfersIn: number | null;
  /** 转出人数 */
  transfersOut: number | null;
  /** 最大同时接待 — a maximum, not a sum: periods and teams take the largest. */
  peakConcurrent: number | null;
  /** 上班天数 */
  daysWorked: number | null;
  /** 服务满意度评价: 很满意, 满意, 一般, 不满意, 很不满意 */
  verySatisfied: number | null;
  satisfied: number | null;
  neutral: number | null;
  dissatisfied: number | null;
  veryDissatisfied: number | null;
  /** 静默下单本人落实付款: buyers and amount paid without a chat but followed up by the agent. */
  silentPaid: number | null;
  silentSales: number | null;
  /** 去退销售额 — sales net of refunds. */
  netSales: number | null;
  /** 纠纷退款数 */
  refundDisputes: number | null;
  /** 投诉数 */
  complaints: number | null;
  /** 评分≤3订单数 */
  lowRatings: number | null;
}

/**
 * A rate or mean as the export's own tool states it (赤兔's 回复率, 询单→最终付款
 * 成功率, 答问比, 客单价 …). The tool's definition may differ from SPEC §2 on
 * purpose (赤兔's 回复率 is not 接待 ÷ 咨询), so a stated figure is shown as
 * stated, never recomputed.
 */
export interface StatedFigures {
  /** 回复率 / 旺旺回复率 */
  responseRate: number;
  /** 询单→最终付款成功率 / 询单转化率 */
  inquiryConversion: number;
  /** 询单→下单转化率 */
  orderRate: number;
  /** 下单→最终付款成功率 */
  paymentRate: number;
  nextDayConversion: number;
  sameDayConversion: number;
  /** 答问比 */
  qaRatio: number;
  /** 客单价 */
  aov: number;
  /** 客件数 */
  itemsPerBuyer: number;
  /** 首次响应(秒) */
  firstResponseSec: number;
  /** 平均响应(秒) */
  avgResponseSec: number;
  /** 平均接待时长(秒) */
  avgSessionSec: number;
  /** 客户满意率 */
  satisfactionRate: number;
  /** 评价发送率 (服务满意度评价参与率) */
  ratingInviteRate: number;
  /** 3分钟人工响应率 */
  responseRate3min: number;
  /** 30秒应答率 */
  responseRate30s: number;
  /** 拼多多 客服服务分 */
  serviceScore: number;
  /** 退款率 */
  refundRate: number;
}

/** The count figures an export can state (the weighted sums behind means are derived, never read). */
export type CountFigure = Exclude<keyof Counts, 'firstResponseTotalSec' | 'firstResponseSamples' | 'responseTotalSec' | 'responseSamples' | 'sessionTotalSec' | 'sessionSamples'>;
export type StatedFigure = keyof StatedFigures;
/** Any figure one export row can state about an agent-day. */
export type ExportFigure = CountFigure | StatedFigure;

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

/**
 * What one row of one export states about an agent-day, and nothing derived:
 * several reports of the same day (赤兔's 人均日接入, 每周店铺个人数据, 客服数据…)
 * each state part of it and are merged field by field (core/exportMerge).
 */
export interface ExportedAgentDay {
  date: IsoDate;
  shop: string;
  agent: string;
  /**
   * Which report the row comes from: a signature of the report's columns, so
   * the same report re-imported on another day or under another file name is
   * the same source and replaces only its own figures.
   */
  source: string;
  /** A readable name of the report (sheet or file name), for the supervisor. */
  report: string;
  figures: Partial<Record<ExportFigure, number>>;
  provisional: ExportFigure[];
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

/** Everything the engine derives from raw consultations and orders under the rules. */
export interface EngineResult {
  agentDays: AgentDay[];
  inquiries: Inquiry[];
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
}

/**
 * The figures of a shop-level page (生意参谋's 业绩询单, 咨询接待, 客单价, the shop
 * overview): the shop as a whole (visitors, shop sales) and its customer
 * service as the platform counts it (询单, 最终付款, its own 询单转化率).
 */
export interface ShopFigures {
  /** 访客数 (UV) */
  visitors: number;
  /** 浏览量 (PV) */
  pageViews: number;
  /** 支付金额 (GMV): everything the shop sold, with and without a chat. */
  shopSales: number;
  /** 支付买家数 */
  shopPaidBuyers: number;
  /** 下单买家数 */
  shopPlacedBuyers: number;
  /** 支付转化率 */
  shopConversion: number;
  consultations: number;
  receptions: number;
  unanswered: number;
  inquiries: number;
  /** 当日询单人数 / 当日付款人数 / 当日付款金额 */
  sameDayInquiries: number;
  sameDayPaid: number;
  sameDaySales: number;
  /** 最终付款人数 / 最终付款金额: the platform's count of buyers and sales its customer service made. */
  paid: number;
  sales: number;
  salesBuyers: number;
  items: number;
  /** 询单最终付款转化率 and 询单当日付款转化率 as the platform states them. */
  inquiryConversion: number;
  sameDayConversion: number;
  aov: number;
  itemsPerBuyer: number;
  responseRate: number;
  responseRate3min: number;
  firstResponseSec: number;
  avgResponseSec: number;
  avgSessionSec: number;
  slowResponses: number;
  longReceptions: number;
  buyerMessages: number;
  agentMessages: number;
  qaRatio: number;
}

export type ShopFigure = keyof ShopFigures;

/** Whose figures a shop-level row holds: the shop's own, or 生意参谋's peer benchmark (同行均值 / 同行优秀). */
export type ShopRowKind = 'shop' | 'peer_average' | 'peer_top';

/** 店铺日数据 — one shop (or its peers) on one day, as one page states it. */
export interface ShopDay {
  date: IsoDate;
  /** '' when the page names no shop (one shop per spreadsheet). */
  shop: string;
  row: ShopRowKind;
  /** Which page (a signature of its columns): re-importing it replaces its own figures. */
  source: string;
  report: string;
  figures: Partial<ShopFigures>;
}
