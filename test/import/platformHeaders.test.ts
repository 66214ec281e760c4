/**
 * The header lists of 拼多多, 京东 and 抖店 per-agent exports (docs/platform-exports.md):
 * each list is recognised as its platform, every header is either mapped or known
 * as "not used", and the file imports as agent-days.
 */
import { describe, expect, it } from 'vitest';
import { importFile, normalizeHeader } from '../../src/import';
import {
  KNOWN_UNUSED_HEADERS,
  PLATFORM_AGENT_DAY_SYNONYMS,
  platformOfHeaders,
  type Platform,
} from '../../src/import/platformSynonyms';
import { SYNONYMS } from '../../src/import/synonyms';
import { textFile } from './helpers';

type OtherPlatform = Exclude<Platform, 'taobao'>;

/** normalised header → field, over one platform's lists. */
function fieldIndex(platform: OtherPlatform): Map<string, string> {
  const index = new Map<string, string>();
  for (const [field, names] of Object.entries(PLATFORM_AGENT_DAY_SYNONYMS[platform])) {
    for (const name of names ?? []) index.set(normalizeHeader(name), field);
  }
  return index;
}

const UNUSED = new Set(KNOWN_UNUSED_HEADERS.map(normalizeHeader));

/** Headers neither mapped by the platform's lists nor known as unused. */
function unknownHeaders(platform: OtherPlatform, headers: string[]): string[] {
  const index = fieldIndex(platform);
  return headers.filter((h) => !index.has(normalizeHeader(h)) && !UNUSED.has(normalizeHeader(h)));
}

function csv(headers: string[], row: string[]): string {
  expect(row).toHaveLength(headers.length);
  return `${headers.join(',')}\n${row.join(',')}\n`;
}

interface ExportList {
  name: string;
  platform: OtherPlatform;
  file: string;
  headers: string[];
  row: string[];
  /** field → header the import must map it from (null: a shop-level page, not agent-days). */
  mapped: Record<string, string> | null;
}

const LISTS: ExportList[] = [
  {
    name: '拼多多 客服绩效',
    platform: 'pdd',
    file: '客服绩效_2026-11-21.csv',
    headers: ['序号', '客服账号', '客服服务分', '咨询人数', '询单人数', '最终成团人数', '询单转化率', '客服销售额', '去退销售额', '需要人工回复的咨询人数', '人工接待人数', '3分钟未回复人数', '3分钟人工回复率', '30秒应答率', '平均人工响应时长', '评分≤3订单数', '纠纷退款数', '投诉数'],
    row: ['1', '小丸子', '4.6', '120', '96', '36', '37.50%', '5400.00', '5100.00', '80', '78', '2', '97.50%', '88.00%', '21', '1', '0', '0'],
    mapped: {
      agent: '客服账号',
      consultations: '需要人工回复的咨询人数',
      receptions: '人工接待人数',
      inquiries: '询单人数',
      paid: '最终成团人数',
      sales: '客服销售额',
      netSales: '去退销售额',
      unanswered: '3分钟未回复人数',
      avgResponseSec: '平均人工响应时长',
    },
  },
  {
    name: '拼多多 销售数据 (shop level)',
    platform: 'pdd',
    file: '销售数据_2026-11-21.csv',
    headers: ['日期', '咨询人数', '询单人数', '最终成团人数', '询单转化率', '客服销售额（元）', '客服可提升销售额（元）'],
    row: ['2026-11-21', '300', '240', '90', '37.50%', '13500.00', '2100.00'],
    mapped: null,
  },
  {
    name: '京东 客服管家 接待数据 (整体数据)',
    platform: 'jd',
    file: '京东接待数据_2026-11-21.csv',
    headers: ['客服', '接待量', '售前接待人数', '促成下单人数', '促成下单商品金额', '平均响应时长（新）', '30s应答率', '客服3分钟人工回复率', '好评量', '评价量'],
    row: ['jd_小王', '150', '60', '18', '9360.00', '28.5', '86.00%', '98.00%', '12', '13'],
    mapped: { agent: '客服', receptions: '接待量', inquiries: '售前接待人数', placed: '促成下单人数', sales: '促成下单商品金额' },
  },
  {
    name: '京东 营销数据 (客服绩效)',
    platform: 'jd',
    file: '京东营销数据_2026-11-21.csv',
    headers: ['日期', '客服', '售前接待人数', '促成下单人数', '促成下单商品金额'],
    row: ['2026-11-21', 'jd_小王', '60', '18', '9360.00'],
    mapped: { agent: '客服', date: '日期', inquiries: '售前接待人数', placed: '促成下单人数', sales: '促成下单商品金额' },
  },
  {
    name: '京东 接待数据 (工作量)',
    platform: 'jd',
    file: '京东工作量_2026-11-21.csv',
    headers: ['日期', '客服', '接待量', '首次平均响应时间', '平均响应时长', '平均响应时长(新标)', '应答率', '30s应答率'],
    row: ['2026-11-21', 'jd_小王', '150', '12.4', '30.1', '28.5', '95.00%', '86.00%'],
    mapped: { agent: '客服', receptions: '接待量', firstResponseSec: '首次平均响应时间', responseRate30s: '30s应答率' },
  },
  {
    name: '京东 客服员工日报 / 考勤数据',
    platform: 'jd',
    file: '京东员工日报_2026-11-21.csv',
    headers: ['日期', '客服', '技能组', '服务商', '非常满意', '满意', '不满意', '非常不满意', '客服总消息数', '客户总消息数', '平均响应时间（新标）'],
    row: ['2026-11-21', 'jd_小王', '售前组', '自营', '10', '2', '1', '0', '420', '300', '28.5'],
    mapped: { agent: '客服', verySatisfied: '非常满意', satisfied: '满意', dissatisfied: '不满意', agentMessages: '客服总消息数' },
  },
  {
    name: '抖店 飞鸽 客服数据 (接待量)',
    platform: 'douyin',
    file: '飞鸽客服数据_2026-11-21.csv',
    headers: ['店铺名称', '客服昵称', '账号名称', '人工已接待人数', '人工已接待会话量', 'CPD', '不满意率', '3分钟人工回复率 (会话)', '3分钟人工回复率', '首次响应时长（秒）', '平均响应时长（秒）', '新平均响应时长（秒）', '满意率', '客服销售额（元）', '询单人数', '下单人数', '支付人数', '询单转化率', '预警会话量', 'PC在线时长（时）', 'PC小休时长（时）', 'PC离线时长（时）'],
    row: ['抖店A', '阿紫', 'dy_azi', '85', '92', '1.08', '2.00%', '96.00%', '95.00%', '8.2', '25.4', '24.9', '92.00%', '6300.00', '70', '30', '27', '38.57%', '1', '8.5', '0.5', '0'],
    mapped: { agent: '客服昵称', receptions: '人工已接待人数', inquiries: '询单人数', placed: '下单人数', paid: '支付人数', sales: '客服销售额（元）' },
  },
  {
    name: '抖店 飞鸽 客服表现',
    platform: 'douyin',
    file: '飞鸽_客服表现_2026-11-21.csv',
    headers: ['客服账号', '客服昵称', '客服在线天数', '接待会话量', '待回复会话量', '已接待人数', '转出会话量', '有效评价数', '有效好评数', '有效差评数', '全天不满意率', '全天满意率', '全天平响时长', '全天首响时长', '全天3分钟回复率', '工作时间平响时长', '工作时间3分钟回复率', '询单人数', '下单人数', '支付人数', '退款人数', '客服询单支付额', '退款金额', '退款后销售额', '询单转化率'],
    row: ['dy_azi', '阿紫', '1', '92', '0', '85', '3', '13', '12', '1', '1.00%', '92.31%', '30.2', '9.1', '94.00%', '24.8', '96.00%', '70', '30', '27', '2', '6300.00', '400.00', '5900.00', '38.57%'],
    mapped: { receptions: '已接待人数', inquiries: '询单人数', placed: '下单人数', paid: '支付人数', sales: '客服询单支付额', netSales: '退款后销售额' },
  },
];

describe.each(LISTS)('$name', ({ platform, file, headers, row, mapped }) => {
  it(`is recognised as ${platform} by its headers`, () => {
    expect(platformOfHeaders(headers)).toBe(platform);
  });

  it('has every header either mapped or known as not used', () => {
    expect(unknownHeaders(platform, headers)).toEqual([]);
  });

  if (mapped) {
    it('imports as agent-days with the agent and the key counts mapped', async () => {
      const result = await importFile(textFile(file, csv(headers, row)));
      expect(result.refused).toEqual([]);
      const [table] = result.tables;
      expect(table.kind).toBe('agent_day');
      expect(table.mapping).toMatchObject(mapped);
    });
  } else {
    it('is read as the shop-level figures it is, never as agents: it has no agent column', async () => {
      const result = await importFile(textFile(file, csv(headers, row)));
      expect(result.tables.map((t) => t.kind)).toEqual(['shop_day']);
      expect(result.tables[0].agentDays).toEqual([]);
      expect(result.tables[0].shopDays[0]).toMatchObject({ date: '2026-11-21', row: 'shop', figures: { consultations: 300, inquiries: 240, paid: 90, sales: 13500 } });
    });
  }
});

/** The agent-day fields of CS Daily (issue 8): a list naming any other field is a typo. */
const FIELDS = new Set([
  'date', 'agent', 'shop', 'consultations', 'receptions', 'excluded', 'inquiries', 'placed', 'paid', 'salesBuyers', 'sales',
  'items', 'orders', 'couponBuyers', 'buyerMessages', 'agentMessages', 'unanswered', 'slowResponses', 'longReceptions',
  'directReceptions', 'transfersIn', 'transfersOut', 'daysWorked', 'verySatisfied', 'satisfied', 'neutral', 'dissatisfied',
  'veryDissatisfied', 'silentPaid', 'silentSales', 'netSales', 'refundDisputes', 'complaints', 'lowRatings', 'peakConcurrent',
  'responseRate', 'inquiryConversion', 'orderRate', 'paymentRate', 'nextDayConversion', 'sameDayConversion', 'qaRatio', 'aov',
  'itemsPerBuyer', 'firstResponseSec', 'avgResponseSec', 'avgSessionSec', 'satisfactionRate', 'ratingInviteRate',
  'responseRate3min', 'responseRate30s', 'serviceScore', 'refundRate',
]);

describe('the platform lists', () => {
  it('name only agent-day fields', () => {
    const fields = Object.values(PLATFORM_AGENT_DAY_SYNONYMS).flatMap((lists) => Object.keys(lists));
    expect(fields.filter((f) => !FIELDS.has(f))).toEqual([]);
  });

  it('map each header name to one field across every platform', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const lists of Object.values(PLATFORM_AGENT_DAY_SYNONYMS)) {
      for (const [field, names] of Object.entries(lists)) {
        for (const name of names ?? []) {
          const key = normalizeHeader(name);
          if (owner.has(key) && owner.get(key) !== field) clashes.push(`${name}: ${owner.get(key)} / ${field}`);
          owner.set(key, field);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('never list a used header as not used', () => {
    const used = new Set(Object.values(PLATFORM_AGENT_DAY_SYNONYMS).flatMap((l) => Object.values(l).flat() as string[]).map(normalizeHeader));
    expect(KNOWN_UNUSED_HEADERS.filter((h) => used.has(normalizeHeader(h)))).toEqual([]);
  });

  it('agree with the Taobao table wherever they share a name', () => {
    const taobao = new Map<string, string>();
    for (const [field, names] of Object.entries(SYNONYMS.agent_day)) for (const n of names) taobao.set(normalizeHeader(n), field);
    const clashes: string[] = [];
    for (const lists of Object.values(PLATFORM_AGENT_DAY_SYNONYMS)) {
      for (const [field, names] of Object.entries(lists)) {
        for (const name of names ?? []) {
          const other = taobao.get(normalizeHeader(name));
          if (other && other !== field) clashes.push(`${name}: ${other} / ${field}`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('read the download spellings with units and hours as the page names', () => {
    const pdd = fieldIndex('pdd');
    expect(pdd.get(normalizeHeader('去退销售额（元）'))).toBe('netSales');
    expect(pdd.get(normalizeHeader('3分钟人工回复率(8-23点)'))).toBe('responseRate3min');
    expect(pdd.get(normalizeHeader('30秒应答率（8-23点）'))).toBe('responseRate30s');
    expect(fieldIndex('jd').get(normalizeHeader('平均响应时长（新）'))).toBe('avgResponseSec');
  });
});

describe('platformOfHeaders', () => {
  it('tells a Chitu header as Taobao', () => {
    expect(platformOfHeaders(['旺旺昵称', '咨询人数', '接待人数', '询单人数', '销售额'])).toBe('taobao');
  });
  it('cannot tell from names every platform uses', () => {
    expect(platformOfHeaders(['客服', '日期', '询单人数', '下单人数'])).toBeNull();
  });
  it('cannot tell from an empty or unknown header', () => {
    expect(platformOfHeaders([])).toBeNull();
    expect(platformOfHeaders(['foo', 'bar'])).toBeNull();
  });
  it('reads names through the header normalisation (full-width brackets, spaces, case)', () => {
    expect(platformOfHeaders(['客服账号', ' 最终成团人数 ', '去退销售额（元）'])).toBe('pdd');
    expect(platformOfHeaders(['客服', 'cpd', '人工已接待人数'])).toBe('douyin');
  });
});
