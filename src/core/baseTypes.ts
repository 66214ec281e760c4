/**
 * The types the other type modules build on (types.ts, exportTypes.ts): a
 * day and the additive figures of an agent. A leaf: it imports nothing.
 */

/** A calendar day in the spreadsheet's time zone, `YYYY-MM-DD`. */
export type IsoDate = string;

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
