/**
 * Per-agent export headers of the back ends other than Taobao/Tmall:
 * 拼多多 (客服数据 → 客服绩效 / 销售数据), 京东 (咚咚 / 京麦 / 客服管家) and
 * 抖店 (飞鸽 客服数据 / 客服表现). Pure data plus platformOfHeaders.
 *
 * Every name here was seen in public importers or crawlers written for these
 * back ends; docs/platform-exports.md says where, and which are unconfirmed.
 * Names are listed once in their plainest spelling (normalizeHeader folds
 * case, spaces, brackets and full-width forms); within a field, the first
 * name is the one to prefer when a file carries two of them.
 */
import { normalizeHeader } from './normalizeHeader';

export type Platform = 'taobao' | 'pdd' | 'jd' | 'douyin';

type HeaderLists = Partial<Record<string, string[]>>;

/** field → header names, per platform (only the platforms other than Taobao/Tmall: the lead covers Chitu/千牛/生意参谋). */
export const PLATFORM_AGENT_DAY_SYNONYMS: Record<Exclude<Platform, 'taobao'>, HeaderLists> = {
  // 客服绩效 (mms.pinduoduo.com/mms-chat/overview/merchant) and its Sheet0 download.
  pdd: {
    date: ['日期'],
    agent: ['客服账号'],
    // The human-reply count first: 咨询人数 also counts buyers only the robot answered,
    // and 人工接待人数 / 3分钟人工回复率 are measured against the human-reply count.
    consultations: ['需要人工回复的咨询人数', '咨询人数'],
    receptions: ['人工接待人数'],
    inquiries: ['询单人数'],
    paid: ['最终成团人数'],
    inquiryConversion: ['询单转化率'],
    sales: ['客服销售额', '客服销售额(元)'],
    netSales: ['去退销售额', '去退销售额(元)'],
    unanswered: ['3分钟未回复人数'],
    responseRate3min: ['3分钟人工回复率', '3分钟人工回复率(8-23点)'],
    responseRate30s: ['30秒应答率', '30秒应答率(8-23点)'],
    // PDD's 平均人工响应时长 averages every human reply, not only the first one.
    avgResponseSec: ['平均人工响应时长'],
    serviceScore: ['客服服务分'],
    lowRatings: ['评分≤3订单数'],
    refundDisputes: ['纠纷退款数'],
    complaints: ['投诉数'],
  },
  // 客服管家 接待数据 (整体数据 / 每人数据), 营销数据, 接待数据 and 考勤数据 downloads.
  jd: {
    date: ['日期'],
    agent: ['客服'],
    shop: ['店铺名'],
    // JD counts sessions (量), not buyers; for one agent and one day the two are close.
    consultations: ['咨询量'],
    receptions: ['接待量'],
    inquiries: ['售前接待人数'],
    placed: ['促成下单人数'],
    // JD credits the value of orders placed within 24 h of the chat, paid or not.
    sales: ['促成下单商品金额', '24小时下单金额'],
    orderRate: ['24小时下单转化率'],
    // JD's 应答率 is 接待量 ÷ 咨询量 (咚咚服务使用管理规则 3.4.3).
    responseRate: ['应答率'],
    responseRate30s: ['30s应答率'],
    responseRate3min: ['客服3分钟人工回复率'],
    firstResponseSec: ['首次平均响应时间'],
    // The new standard (新标) first: it is the one JD now assesses.
    avgResponseSec: ['平均响应时长(新)', '平均响应时长(新标)', '平均响应时间(新标)', '平均响应时长', '平均响应时间'],
    satisfactionRate: ['满意率'],
    ratingInviteRate: ['邀评率'],
    verySatisfied: ['非常满意'],
    satisfied: ['满意'],
    dissatisfied: ['不满意'],
    veryDissatisfied: ['非常不满意'],
    agentMessages: ['客服总消息数'],
    buyerMessages: ['客户总消息数'],
  },
  // 飞鸽 客服数据 (接待量, older) and 客服表现 / 客服绩效 (im.jinritemai.com …/data/customerService).
  douyin: {
    // The nickname first: it is the name the 飞鸽 ranking and a supervisor's roster show.
    agent: ['客服昵称', '客服账号', '账号名称'],
    shop: ['店铺名称'],
    receptions: ['人工已接待人数', '已接待人数'],
    inquiries: ['询单人数'],
    placed: ['下单人数'],
    paid: ['支付人数'],
    sales: ['客服询单支付额', '客服销售额(元)'],
    netSales: ['退款后销售额'],
    inquiryConversion: ['询单转化率'],
    transfersOut: ['转出会话量'],
    daysWorked: ['客服在线天数'],
    // Working hours (8–23 h) first: the hours the platform assesses.
    responseRate3min: ['工作时间3分钟回复率', '3分钟人工回复率'],
    firstResponseSec: ['全天首响时长', '首次响应时长(秒)'],
    avgResponseSec: ['工作时间平响时长', '新平均响应时长(秒)', '平均响应时长(秒)'],
    satisfactionRate: ['满意率', '全天满意率'],
    // 飞鸽 rates good / bad only.
    satisfied: ['有效好评数'],
    dissatisfied: ['有效差评数'],
  },
};

/** Headers seen in one platform's exports that CS Daily deliberately does not use. */
const PLATFORM_UNUSED: Record<Exclude<Platform, 'taobao'>, string[]> = {
  pdd: ['客服可提升销售额', '客服可提升销售额(元)'],
  // 好评量 = 非常满意 + 满意 and 评价量 is their total: counting them too would count twice.
  jd: ['技能组', '服务商', '好评量', '差评量', '评价量'],
  douyin: [
    'CPD', '人工已接待会话量', '接待会话量', '待回复会话量', '预警会话量', '3分钟人工回复率(会话)',
    '全天3分钟回复率', '全天平响时长', '不满意率', '全天不满意率', '有效评价数', '退款人数', '退款金额',
    'PC在线时长(时)', 'PC小休时长(时)', 'PC离线时长(时)',
  ],
};

/** Headers real exports carry that CS Daily knows and deliberately does not use (序号, 客服字数 ...): shown as "not used", never "unrecognised". */
export const KNOWN_UNUSED_HEADERS: string[] = [
  '序号',
  '客服字数',
  '总消息数',
  ...PLATFORM_UNUSED.pdd,
  ...PLATFORM_UNUSED.jd,
  ...PLATFORM_UNUSED.douyin,
];

/** Names only Chitu/千牛/生意参谋 exports use (REAL_EXPORTS §1–2), so a Taobao file is recognised too. */
const TAOBAO_MARKERS = [
  '旺旺', '旺旺昵称', '客服旺旺', '聊天人数(原咨询人数)', '旺旺回复率', '最终付款人数', '询单->最终付款成功率',
  '询单->最终付款转化率', '询单最终付款转化率', '慢接待人数', '直接接入人数', '转发接入人数',
];

/** Names Taobao exports use too (REAL_EXPORTS §1–2, the Taobao synonym table): they tell no platform apart. */
const TAOBAO_SHARED = [
  '日期', '客服', '客服昵称', '咨询人数', '询单人数', '下单人数', '销售额', '客服销售额', '询单转化率', '满意', '不满意',
  '平均响应时长', '平均响应时长(秒)', '首次响应时长(秒)', '回复率',
];

function namesOf(platform: Exclude<Platform, 'taobao'>): string[] {
  const lists = Object.values(PLATFORM_AGENT_DAY_SYNONYMS[platform]) as string[][];
  return [...lists.flat(), ...PLATFORM_UNUSED[platform]];
}

/** normalised name → the one platform using it; names two platforms share tell nothing. */
const MARKERS: Map<string, Platform> = (() => {
  const owners = new Map<string, Set<Platform>>();
  const add = (platform: Platform, name: string) => {
    const key = normalizeHeader(name);
    owners.set(key, (owners.get(key) ?? new Set()).add(platform));
  };
  for (const platform of ['pdd', 'jd', 'douyin'] as const) for (const name of namesOf(platform)) add(platform, name);
  for (const name of [...TAOBAO_MARKERS, ...TAOBAO_SHARED]) add('taobao', name);
  const markers = new Map<string, Platform>();
  for (const [key, platforms] of owners) if (platforms.size === 1) markers.set(key, [...platforms][0]);
  return markers;
})();

/**
 * Which platform a header row comes from, by the names only that platform uses; null when it cannot tell.
 * @example platformOfHeaders(['客服账号', '最终成团人数']) === 'pdd'
 */
export function platformOfHeaders(headers: string[]): Platform | null {
  const votes = new Map<Platform, number>();
  for (const header of headers) {
    const platform = MARKERS.get(normalizeHeader(header));
    if (platform) votes.set(platform, (votes.get(platform) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0][1] === ranked[1][1])) return null;
  return ranked[0][0];
}
