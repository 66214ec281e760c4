/**
 * What exports state, before any merging: an agent-day row of one report
 * (ExportedAgentDay, with the tool's own rates and means) and a shop-level
 * day (ShopDay). Kept apart from types.ts, which holds the merged domain.
 */
import type { Counts, IsoDate } from './baseTypes';

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
