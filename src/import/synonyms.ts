/**
 * The header synonym table (SPEC §5): record kind → field → the header texts
 * real exports use for it (赤兔 / 千牛 / 生意参谋, Taobao order exports, and
 * the English fixtures). Pure data; matching normalises case, spaces,
 * brackets, full-width forms and arrows (see normalizeHeader), so list each
 * name once in its plainest spelling.
 *
 * Fields that are not stored but read as a cross-check or to derive a count
 * (aov, itemsPerBuyer, qaRatio, responseRate, firstResponseSec, avgResponseSec,
 * avgReceptionSec, inquiryConversion, orderRate) are listed with the stored ones.
 */
import { KNOWN_UNUSED_HEADERS, PLATFORM_AGENT_DAY_SYNONYMS } from './platformSynonyms';

/**
 * Taobao/Tmall names first, then 拼多多's, 京东's and 抖店's for the same fields
 * (src/import/platformSynonyms.ts, with where each list comes from): the first
 * field that lists a name claims it.
 */
function withPlatforms<T extends Record<string, string[]>>(taobao: T): T {
  const all: Record<string, string[]> = { ...taobao };
  for (const lists of Object.values(PLATFORM_AGENT_DAY_SYNONYMS)) {
    for (const [field, names] of Object.entries(lists)) {
      all[field] = [...new Set([...(all[field] ?? []), ...(names ?? [])])];
    }
  }
  return all as T;
}

export const SYNONYMS = {
  agent_day: withPlatforms({
    date: ['日期', '统计日期', '时间', 'date_time', 'Date', 'Day'],
    // 客服子账号 … 子账号名字: other spellings of per-agent exports (docs/platform-exports.md says where each was seen).
    agent: ['客服昵称', '旺旺', '旺旺昵称', '客服', '客服名称', '子账号', '客服旺旺', '客服账号', '客服子账号', '客服姓名', '账户名', '子账号名字', 'Agent', 'Agent name'],
    shop: ['店铺', '店铺名', '店铺名称', 'Shop', 'Store'],
    consultations: ['聊天人数(原咨询人数)', '聊天人数', '咨询人数', 'Consultations'],
    receptions: ['接待人数', 'Receptions'],
    excluded: ['剔除人数', 'Excluded'],
    inquiries: ['询单人数', '询单数', 'Inquiries'],
    placed: ['下单人数', '询单下单人数', '询单->最终下单人数', '询单->下单人数', 'Placed', 'Placed buyers'],
    paid: ['最终付款人数', '付款人数', '询单最终付款人数', '询单->最终付款人数', 'Paid buyers', 'Paid'],
    salesBuyers: ['销售人数', 'Sales buyers'],
    sales: ['销售额', '客服销售额', '询单销售额', 'Sales', 'Sales amount'],
    items: ['销售量', '销售件数', '销售数量', 'Items', 'Items sold'],
    orders: ['订单数', '销售订单数', 'Orders'],
    itemsPerBuyer: ['客件数', 'Items per buyer'],
    aov: ['客单价', 'AOV', 'Average order value'],
    couponBuyers: ['使用优惠人数', '使用优惠券人数', 'Coupon buyers'],
    buyerMessages: ['买家消息数', '买家消息', '买家消息条数', 'Buyer messages'],
    agentMessages: ['客服消息数', '客服消息', '客服消息条数', 'Agent messages'],
    qaRatio: ['答问比', '客服答问比', 'Q/A ratio', 'QA ratio'],
    responseRate: ['回复率', '旺旺回复率', '客服回复率', 'Response rate'],
    firstResponseSec: ['首次响应(秒)', '首次响应秒', '首次响应时间(秒)', '首响', '首次响应时长', '首次响应时长(秒)', '首次响应时间', '首次响应', 'First response (s)', 'First response'],
    avgResponseSec: ['平均响应(秒)', '平均响应秒', '平均响应时长', '平均响应时间(秒)', '平均响应时间', '平均响应', 'Average response (s)', 'Avg response (s)'],
    avgSessionSec: ['平均接待时长', '平均接待秒', '平均接待时长(秒)', '平均接待时长秒', 'Average reception time', 'Average session (s)'],
    inquiryConversion: [
      '询单->最终付款成功率',
      '询单->最终付款转化率',
      '询单最终付款转化率',
      '询单最终付款成功率',
      '询单转化率',
      'Inquiry conversion',
    ],
    orderRate: ['询单->下单转化率', '询单->下单成功率', '询单->最终下单成功率', 'Order rate'],
    paymentRate: ['下单->最终付款成功率', '下单->付款成功率', '下单->最终付款转化率', 'Payment rate'],
    nextDayConversion: ['询单->次日付款成功率', '询单->次日付款转化率', 'Next-day conversion'],
    sameDayConversion: ['询单当日付款转化率', '询单->当日付款成功率', 'Same-day conversion'],
    responseRate3min: ['3分钟人工响应率', '3-minute response rate'],
    unanswered: ['未回复人数', 'Unanswered'],
    slowResponses: ['慢响应人数', '慢接待人数', 'Slow responses'],
    longReceptions: ['长接待人数', 'Long receptions'],
    directReceptions: ['直接接待人数', '直接接入人数', 'Direct receptions'],
    transfersIn: ['转入人数', '转发接入人数', 'Transfers in'],
    transfersOut: ['转出人数', 'Transfers out'],
    peakConcurrent: ['最大同时接待', '最大同时聊天数', '最大同时接待人数', 'Peak concurrent chats'],
    daysWorked: ['上班天数', 'Days worked'],
    ratingInviteRate: ['评价发送率', '服务满意度评价参与率', 'E客服评价发送率', '邀评率', 'Rating invite rate'],
    satisfactionRate: ['客户满意比', '客户满意率', '满意率', 'Satisfaction rate'],
    verySatisfied: ['很满意', '服务满意度评价很满意', 'Very satisfied'],
    satisfied: ['满意', '服务满意度评价满意', 'Satisfied'],
    neutral: ['一般', '服务满意度评价一般', 'Neutral'],
    dissatisfied: ['不满意', '服务满意度评价不满意', 'Dissatisfied'],
    veryDissatisfied: ['很不满意', '很不满', '服务满意度评价很不满意', '服务满意度评价很不满', 'Very dissatisfied'],
    silentPaid: ['静默下单本人落实付款-人数', 'Silent paid buyers'],
    silentSales: ['静默下单本人落实付款-金额', '静默销售额', 'Silent sales'],
    netSales: ['去退销售额', '退款后销售额', 'Net sales'],
    refundRate: ['退款率', 'Refund rate'],
    refundDisputes: ['纠纷退款数', 'Refund disputes'],
    complaints: ['投诉数', 'Complaints'],
    lowRatings: ['评分≤3订单数', 'Low ratings'],
    serviceScore: ['客服服务分', 'Service score'],
    responseRate30s: ['30秒应答率', '30-second response rate'],
  }),
  /** Shop-level daily pages: no agent column (生意参谋 服务/客服 pages, the shop overview, workbooks' 店铺日度关键数据). */
  shop_day: {
    date: ['日期', '统计日期', 'Date'],
    shop: ['店铺', '店铺名称', 'Shop'],
    visitors: ['访客数', 'UV', 'total_uv', 'Visitors'],
    pageViews: ['浏览量', 'PV', 'total_pv', 'Page views'],
    shopSales: ['支付金额', 'GMV', '店铺销售额', 'Shop sales'],
    shopPaidBuyers: ['支付买家数', 'PaidUV', 'Paying buyers'],
    shopPlacedBuyers: ['下单买家数'],
    shopConversion: ['支付转化率', 'Shop conversion'],
    consultations: ['咨询人数', 'chat_volume'],
    receptions: ['接待人数'],
    unanswered: ['未回复人数'],
    inquiries: ['询单人数'],
    sameDayInquiries: ['当日询单人数'],
    sameDayPaid: ['当日付款人数'],
    sameDaySales: ['当日付款金额'],
    paid: ['最终付款人数', '最终成团人数'],
    sales: ['最终付款金额', '销售额', '客服销售额', '客服销售额(元)'],
    salesBuyers: ['销售人数'],
    items: ['销售量'],
    inquiryConversion: ['询单最终付款转化率', '询单->最终付款转化率', '询单转化率'],
    sameDayConversion: ['询单当日付款转化率'],
    aov: ['客单价'],
    itemsPerBuyer: ['客件数'],
    responseRate: ['旺旺回复率', '回复率'],
    responseRate3min: ['3分钟人工响应率'],
    firstResponseSec: ['首次响应时长', '首次响应(秒)'],
    avgResponseSec: ['平均响应时长', '平均响应(秒)'],
    avgSessionSec: ['平均接待时长'],
    slowResponses: ['慢响应人数'],
    longReceptions: ['长接待人数'],
    buyerMessages: ['买家消息条数', '买家消息数'],
    agentMessages: ['客服消息条数', '客服消息数'],
    qaRatio: ['答问比'],
  },
  consultations: {
    buyer: ['买家昵称', '买家', '买家旺旺', '顾客', 'Buyer', 'Buyer nick'],
    agent: ['客服', '客服昵称', '旺旺', '接待客服', 'Agent'],
    start: ['会话开始时间', '开始时间', '咨询时间', '接入时间', 'Start time', 'Start', 'Started at'],
    firstResponseSec: ['首次响应时长(秒)', '首次响应时长', '首次响应(秒)', '首次响应时间(秒)', '首响', 'First response (s)', 'First response'],
    buyerMessages: ['买家消息数', 'Buyer messages'],
    agentMessages: ['客服消息数', 'Agent messages'],
    category: ['咨询类型', '类型', '会话类型', 'Category', 'Type'],
  },
  orders: {
    orderId: ['订单编号', '订单号', '订单ID', '主订单编号', 'Order ID', 'Order'],
    buyer: ['买家会员名', '买家昵称', '买家', 'Buyer'],
    created: ['订单创建时间', '创建时间', '下单时间', 'Created', 'Created at'],
    paidAt: ['订单付款时间', '付款时间', 'Paid at', 'Payment time'],
    amount: ['实付金额', '买家实际支付金额', '实付款', '支付金额', 'Amount', 'Paid amount'],
    items: ['宝贝总数量', '购买数量', '商品数量', 'Items', 'Quantity'],
    status: ['订单状态', '交易状态', 'Status', 'Order status'],
    refund: ['退款状态', '售后状态', 'Refund', 'Refund status', 'Refunded'],
    couponUsed: ['是否使用优惠券', '使用优惠券', '优惠券', 'Coupon used', 'Coupon'],
    remark: ['卖家备注', '订单备注', '备注', 'Seller memo', 'Seller remark', 'Remark'],
    flag: ['旗帜', '标旗', '旗帜颜色', 'Flag', 'Flag colour', 'Flag color'],
  },
  roster: {
    agent: ['客服', '姓名', '客服昵称', '旺旺', 'agent', 'name'],
    id: ['工号', 'agent_id', 'agent id', 'id'],
    shift: ['班次', 'shift'],
    basePay: ['底薪', 'base_pay', 'base pay'],
    active: ['在职', '是否在职', 'active'],
    accounts: ['子账号', '账号', '客服账号', 'accounts', 'account'],
    performancePay: ['绩效基数', '绩效工资基数', 'performance_pay', 'performance pay'],
    assessed: ['考核', '是否考核', '参与考核', 'assessed'],
  },
  /** The supervisor's claims of unremarked orders (issue 10.7): which agent ID an order was confirmed for. */
  claims: {
    orderId: ['order_id', '订单编号', '订单号', '订单ID', 'Order ID'],
    agentId: ['agent_id', '工号', '认领工号', 'Claimed by', 'Agent ID'],
  },
  events: {
    date: ['日期', 'date'],
    agent: ['客服', '姓名', '客服昵称', 'agent'],
    kind: ['类型', '奖惩', '奖惩类型', 'kind'],
    reason: ['原因', '事由', '说明', 'reason'],
    amount: ['金额', 'amount'],
  },
  /** 排班表: one row per agent and day. */
  schedule: {
    date: ['日期', 'date'],
    agent: ['客服', '姓名', '客服昵称', 'agent'],
    shift: ['班次', '实际班次', 'shift'],
    rotation: ['轮班', '轮班班次', '规则班次', 'rotation'],
    note: ['备注', '说明', 'note'],
  },
  /** 问题登记: the agents' problem log. */
  problems: {
    date: ['日期', 'date'],
    shift: ['班次', 'shift'],
    agent: ['客服', '登记人', '姓名', 'agent'],
    reference: ['买家/订单', '买家', '订单', '订单号', 'buyer/order', 'buyer', 'order', 'reference'],
    kind: ['类型', '问题类型', 'kind', 'type'],
    what: ['内容', '问题', '问题描述', '描述', 'what', 'description'],
    urgency: ['紧急程度', '紧急', 'urgency'],
    status: ['状态', '处理状态', 'status'],
    doneBy: ['处理人', 'done by', 'done_by'],
    confirmed: ['主管确认', '确认', 'confirmed'],
  },
  /** 交接记录: what one shift hands over to the next. */
  handovers: {
    date: ['日期', 'date'],
    shift: ['班次', '交班班次', 'shift'],
    agent: ['客服', '交班人', '姓名', 'agent'],
    reference: ['买家/订单', '买家', '订单', '订单号', 'buyer/order', 'buyer', 'order', 'reference'],
    what: ['内容', '交接内容', '事项', 'what'],
    urgency: ['紧急程度', '紧急', 'urgency'],
    status: ['状态', '处理状态', 'status'],
    doneBy: ['处理人', '接班人', 'done by', 'done_by'],
  },
  /** 辅导记录: the supervisor's coaching entries. */
  coaching: {
    date: ['日期', '措施日期', 'date'],
    agent: ['客服', '姓名', 'agent'],
    problem: ['问题', '问题类型', 'problem'],
    detail: ['问题描述', '描述', '原因', 'detail'],
    measure: ['措施', '辅导措施', 'measure'],
    status: ['状态', 'status'],
  },
} satisfies Record<string, Record<string, string[]>>;

export type SynonymKind = keyof typeof SYNONYMS;

/**
 * Columns real exports carry that CS Daily knows and deliberately does not
 * use: the storage's own columns (id, created_at), row numbers, and figures no
 * report shows (客服字数, 邮费总额, 赤兔's attendance times). The sidebar and the
 * CLI list them as "not used", never as "not recognised".
 */
export const KNOWN_UNUSED = [
  '有效接待人数', '咨询客服人次', '客服回复人次', '客服未回复人次', '买家发起人数', '客服主动跟进人数', '总消息数', '件均价',
  '关注店铺人数', '咨询转化率', '下单转化率', '流量来源广告_uv', '流量来源平台_uv', '流量来源汇总', 'total_bookings', 'total_pax',
  ...KNOWN_UNUSED_HEADERS,
  'id', 'created_at', 'updated_at', '序号', '排名', '总消息', '总消息数', '客服字数', '邮费总额', '手工折扣率',
  '全静默单本人跟进-人数', '协助跟进人数', '协助下单人数', '询单->次日付款人数', '询单->当日付款人数',
  '平均上线时间', '平均最后在线时间', '最早上线', '最晚在线', '总登录次数', '在线总时长(秒)', '平均日在线时长(秒)',
  '服务总时长(秒)', '挂起总时长(秒)', '服务总时长', '平均日服务时长', '挂起总时长', '完成退款金额', '工号',
];

/** Labels of rows that sum or average the rows above them (never an agent). */
export const TOTAL_LABELS = [
  '合计', '总计', '汇总', '店铺总计', '总值', '平均', '均值', '平均值', '店铺汇总值', '店铺平均值', '小计', '全店', '本店', '本店铺', '团队合计',
  'total', 'average', 'sum', 'subtotal', 'grandtotal', 'mean', 'avg',
];

/** 生意参谋 puts peer benchmark rows (同行) after the shop's own. */
export const BENCHMARK_LABEL = /同行|^行业|^(peer|peers|industry)(average|avg|top|best|excellent|median|benchmark)?$/;
