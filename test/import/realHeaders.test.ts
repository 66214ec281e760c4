/**
 * The agent-level header lists of REAL_EXPORTS.md, exactly as written there:
 * each is recognised as agent-day stats, its key fields are mapped, and every
 * header is either mapped or known as "not used" (none "not recognised").
 * Then the arrow and marker spellings, and a 赤兔 custom report whose day is
 * only in its file name.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { importFile } from '../../src/import';
import { merged, textFile } from './helpers';

interface HeaderList {
  name: string;
  file: string;
  /** header → the cell of the one data row. */
  columns: [string, string][];
  /** field → the header it must be read from. */
  mapped: Record<string, string>;
  /** Figures of the row's agent-day once merged (what reports see). */
  figures: Record<string, number>;
}

const SATISFACTION = ['很满意', '满意', '一般', '不满意', '很不满意'];

const LISTS: HeaderList[] = [
  {
    name: '赤兔 人均日接入, the storage\'s names',
    file: 'daily_database.csv',
    columns: [['id', '7'], ['日期', '2026-04-20'], ['旺旺', 'amy'], ['接待人数', '40'], ['平均响应秒', '20'], ['回复率', '0.95'], ['询单最终付款成功率', '0.25'], ['上班天数', '1'], ['评价发送率', '0.2'], ['客户满意比', '1'], ...SATISFACTION.map((h): [string, string] => [h, h === '很满意' ? '2' : '0']), ['created_at', '2026-04-21 08:00:00']],
    mapped: { date: '日期', agent: '旺旺', receptions: '接待人数', avgResponseSec: '平均响应秒', responseRate: '回复率', inquiryConversion: '询单最终付款成功率', daysWorked: '上班天数', satisfactionRate: '客户满意比', verySatisfied: '很满意', veryDissatisfied: '很不满意' },
    figures: { receptions: 40, verySatisfied: 2 },
  },
  {
    name: '赤兔 人均日接入, Chitu\'s own names',
    file: '人均日接入_2026-04-20.csv',
    columns: [['客服昵称', 'amy'], ['接待人数', '40'], ['平均响应(秒)', '20'], ['回复率', '95.00%'], ['询单->最终付款转化率', '25.00%'], ['上班天数', '1'], ['服务满意度评价参与率', '20.00%'], ['客户满意率', '100.00%'], ['服务满意度评价很满意', '2'], ['服务满意度评价满意', '0'], ['服务满意度评价一般', '0'], ['服务满意度评价不满意', '0'], ['服务满意度评价很不满', '0']],
    mapped: { agent: '客服昵称', receptions: '接待人数', avgResponseSec: '平均响应(秒)', responseRate: '回复率', inquiryConversion: '询单->最终付款转化率', ratingInviteRate: '服务满意度评价参与率', satisfactionRate: '客户满意率', verySatisfied: '服务满意度评价很满意', veryDissatisfied: '服务满意度评价很不满' },
    figures: { receptions: 40, verySatisfied: 2 },
  },
  {
    name: '赤兔 每周店铺个人数据, the storage\'s names',
    file: 'daily_database.csv',
    columns: [['id', '7'], ['旺旺昵称', 'amy'], ['咨询人数', '50'], ['接待人数', '40'], ['询单人数', '40'], ['销售额', '20000'], ['销售量', '12'], ['销售人数', '10'], ['订单数', '11'], ['date_time', '2026-04-20'], ['created_at', '2026-04-21 08:00:00']],
    mapped: { date: 'date_time', agent: '旺旺昵称', consultations: '咨询人数', receptions: '接待人数', inquiries: '询单人数', sales: '销售额', items: '销售量', salesBuyers: '销售人数', orders: '订单数' },
    figures: { consultations: 50, receptions: 40, inquiries: 40, sales: 20000, items: 12, salesBuyers: 10, orders: 11 },
  },
  {
    name: '赤兔 每周店铺个人数据, Chitu\'s own names',
    file: '每周店铺个人数据_2026-04-20.csv',
    columns: [['客服昵称', 'amy'], ['聊天人数(原咨询人数)', '50'], ['接待人数', '40'], ['询单人数', '40'], ['销售额', '20000'], ['销售量', '12'], ['销售人数', '10'], ['销售订单数', '11']],
    mapped: { agent: '客服昵称', consultations: '聊天人数(原咨询人数)', receptions: '接待人数', inquiries: '询单人数', sales: '销售额', salesBuyers: '销售人数', orders: '销售订单数' },
    figures: { consultations: 50, inquiries: 40, sales: 20000, orders: 11 },
  },
  {
    name: '赤兔 客服数据23年新, the storage\'s names',
    file: 'daily_database.csv',
    columns: [
      ['id', '7'], ['旺旺昵称', 'amy'], ['咨询人数', '50'], ['接待人数', '40'], ['直接接待人数', '38'], ['转入人数', '2'], ['转出人数', '1'], ['总消息', '500'], ['买家消息', '200'], ['客服消息', '300'], ['答问比', '1.5'], ['客服字数', '9000'],
      ['最大同时接待', '5'], ['未回复人数', '0'], ['旺旺回复率', '0.95'], ['慢响应人数', '1'], ['长接待人数', '2'], ['首次响应秒', '12.5'], ['平均响应秒', '20'], ['平均接待秒', '300'], ['date_time', '2026-04-20'], ['created_at', '2026-04-21 08:00:00'],
    ],
    mapped: { date: 'date_time', agent: '旺旺昵称', consultations: '咨询人数', receptions: '接待人数', buyerMessages: '买家消息', agentMessages: '客服消息', qaRatio: '答问比', responseRate: '旺旺回复率', firstResponseSec: '首次响应秒', avgResponseSec: '平均响应秒', avgSessionSec: '平均接待秒' },
    figures: { consultations: 50, receptions: 40, buyerMessages: 200, agentMessages: 300, directReceptions: 38, peakConcurrent: 5 },
  },
  {
    name: '赤兔 客服数据23年新, Chitu\'s own names',
    file: '客服数据_2026-04-20.csv',
    columns: [
      ['旺旺昵称', 'amy'], ['咨询人数', '50'], ['接待人数', '40'], ['直接接入人数', '38'], ['转发接入人数', '2'], ['转出人数', '1'], ['总消息数', '500'], ['买家消息数', '200'], ['客服消息数', '300'], ['答问比', '1.5'], ['客服字数', '9000'],
      ['最大同时聊天数', '5'], ['未回复人数', '0'], ['回复率', '95%'], ['慢接待人数', '1'], ['长接待人数', '2'], ['首次响应(秒)', '12.5'], ['平均响应秒', '20'], ['平均接待时长', '300'],
    ],
    mapped: { agent: '旺旺昵称', consultations: '咨询人数', receptions: '接待人数', directReceptions: '直接接入人数', transfersIn: '转发接入人数', buyerMessages: '买家消息数', agentMessages: '客服消息数', peakConcurrent: '最大同时聊天数', responseRate: '回复率', slowResponses: '慢接待人数', firstResponseSec: '首次响应(秒)', avgResponseSec: '平均响应秒', avgSessionSec: '平均接待时长' },
    figures: { consultations: 50, receptions: 40, buyerMessages: 200, agentMessages: 300, slowResponses: 1 },
  },
  {
    name: '赤兔 售前明细',
    file: '售前明细_2026-04-20.csv',
    columns: [
      ['客服', 'amy'], ['接待人数', '40'], ['询单人数', '40'], ['询单->最终付款人数', '10'], ['询单->最终付款成功率', '25.00%'], ['询单->最终下单人数', '12'], ['下单->最终付款成功率', '83.33%'],
      ['询单->次日付款人数', '8'], ['询单->次日付款成功率', '20.00%'], ['客件数', '1.2'], ['客单价', '2000'], ['销售额', '20000'], ['客服回复率', '95.00%'], ['平均响应时间', '20'],
      ['首次响应时间', '12.5'], ['平均接待时长', '300'], ['平均接待时长(秒)', '300'], ['客服答问比', '1.5'], ['慢响应人数', '1'], ['转出人数', '1'], ['退款率', '0.00%'], ['邮费总额', '0'],
      ['手工折扣率', '0.00%'], ['静默下单本人落实付款-人数', '2'], ['静默下单本人落实付款-金额', '3000'], ['全静默单本人跟进-人数', '1'], ['协助跟进人数', '0'], ['协助下单人数', '0'],
    ],
    mapped: { agent: '客服', receptions: '接待人数', inquiries: '询单人数', paid: '询单->最终付款人数', inquiryConversion: '询单->最终付款成功率', placed: '询单->最终下单人数', aov: '客单价', sales: '销售额', responseRate: '客服回复率', avgResponseSec: '平均响应时间', firstResponseSec: '首次响应时间', qaRatio: '客服答问比', silentPaid: '静默下单本人落实付款-人数', silentSales: '静默下单本人落实付款-金额' },
    figures: { receptions: 40, inquiries: 40, paid: 10, placed: 12, sales: 20000, silentPaid: 2, silentSales: 3000 },
  },
  {
    name: '赤兔 遵时率',
    file: '遵时率_2026-04-20.csv',
    columns: [['客服', 'amy'], ['旺旺', 'amy'], ['上班天数', '1'], ['平均上线时间', '08:55:00'], ['平均最后在线时间', '18:05:00'], ['最早上线', '08:55:00'], ['最晚在线', '18:05:00'], ['总登录次数', '2'], ['在线总时长(秒)', '33000'], ['平均日在线时长(秒)', '33000'], ['服务总时长(秒)', '30000'], ['挂起总时长(秒)', '600']],
    mapped: { daysWorked: '上班天数' },
    figures: { daysWorked: 1 },
  },
  {
    name: '拼多多 客服绩效',
    file: '客服绩效_2026-04-20.csv',
    columns: [
      ['序号', '1'], ['客服账号', 'amy'], ['客服服务分', '4.6'], ['咨询人数', '120'], ['询单人数', '96'], ['最终成团人数', '36'], ['询单转化率', '37.50%'], ['客服销售额', '5400.00'], ['去退销售额', '5100.00'], ['需要人工回复的咨询人数', '80'],
      ['人工接待人数', '78'], ['3分钟未回复人数', '2'], ['3分钟人工回复率', '97.50%'], ['30秒应答率', '88.00%'], ['平均人工响应时长', '21'], ['评分≤3订单数', '1'], ['纠纷退款数', '0'], ['投诉数', '0'],
    ],
    mapped: { agent: '客服账号', consultations: '需要人工回复的咨询人数', receptions: '人工接待人数', inquiries: '询单人数', paid: '最终成团人数', inquiryConversion: '询单转化率', sales: '客服销售额', avgResponseSec: '平均人工响应时长' },
    figures: { consultations: 80, receptions: 78, inquiries: 96, paid: 36, sales: 5400 },
  },
];

function csvOf(columns: [string, string][]): string {
  return `${columns.map(([h]) => h).join(',')}\n${columns.map(([, v]) => v).join(',')}\n`;
}

describe('the agent-level header lists of REAL_EXPORTS.md', () => {
  it.each(LISTS.map((list) => [list.name, list] as const))('%s', async (_name, list) => {
    const result = await importFile(textFile(list.file, csvOf(list.columns)));
    expect(result.refused).toEqual([]);
    const table = result.tables[0];
    expect(table.kind).toBe('agent_day');
    expect(table.mapping).toMatchObject(list.mapped);
    // 遵时率 names the agent twice (客服 and 旺旺): either is the agent, the other is "not used".
    expect(['客服昵称', '旺旺', '旺旺昵称', '客服', '客服账号']).toContain(table.mapping.agent);
    expect(table.unmappedHeaders).toEqual([]);
    const used = new Set(Object.values(table.mapping));
    for (const [header] of list.columns) expect(used.has(header) || table.unusedHeaders.includes(header), header).toBe(true);
    expect(table.rejected).toEqual([]);
    const [day] = merged(table);
    expect(day).toMatchObject({ agent: 'amy', date: '2026-04-20', ...list.figures });
  });
});

describe('arrow and marker spellings', () => {
  it.each(['询单->最终付款人数', '询单→最终付款人数', '询单-最终付款人数'])('%s is the paid buyers', async (header) => {
    const table = (await importFile(textFile('x_2026-04-20.csv', `客服,询单人数,${header}\namy,40,10\n`))).tables[0];
    expect(table.mapping.paid).toBe(header);
    expect(table.unmappedHeaders).toEqual([]);
    expect(merged(table)[0].paid).toBe(10);
  });

  it('询单人数延 is the inquiries, not final yet', async () => {
    const table = (await importFile(textFile('x_2026-04-20.csv', '客服,咨询人数,询单人数延,询单->最终付款人数\namy,50,40,10\n'))).tables[0];
    expect(table.mapping.inquiries).toBe('询单人数延');
    expect(table.agentDays[0].provisional).toEqual(['inquiries']);
    const [day] = merged(table);
    expect(day.inquiries).toBe(40);
    expect(day.provisional).toContain('inquiries');
  });

  it('客单价修 is the (corrected, final) average order value', async () => {
    const table = (await importFile(textFile('x_2026-04-20.csv', '客服,询单人数,询单->最终付款人数,客单价修\namy,40,10,2000\n'))).tables[0];
    expect(table.mapping.aov).toBe('客单价修');
    expect(table.agentDays[0].provisional).toEqual([]);
    // Sales come from 客单价 × paid when no report states them.
    expect(merged(table)[0].sales).toBe(20000);
  });
});

describe('a 赤兔 custom report: the day only in the file name, 汇总 and 均值 last', () => {
  const NAME = '自定义报表_人均日接入_下单优先判定_2026-04-20至2026-04-20.xlsx';

  async function customReport(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['客服昵称', '接待人数', '平均响应(秒)', '回复率', '询单->最终付款转化率', '上班天数']);
    ws.addRow(['amy', 40, 20, '95.00%', '25.00%', 1]);
    ws.addRow(['ben', 36, 30, '100.00%', '12.50%', 1]);
    ws.addRow(['汇总', 76, 25, '97.50%', '18.75%', 2]);
    ws.addRow(['均值', 38, 25, '97.50%', '18.75%', 1]);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('gets 2026-04-20 as its day and skips its last two rows as totals', async () => {
    const result = await importFile({ name: NAME, bytes: await customReport() });
    expect(result.refused).toEqual([]);
    const table = result.tables[0];
    expect(table.kind).toBe('agent_day');
    expect(table.date).toBe('2026-04-20');
    expect(table.agentDays.map((d) => [d.agent, d.date, d.figures.receptions])).toEqual([
      ['amy', '2026-04-20', 40],
      ['ben', '2026-04-20', 36],
    ]);
    expect(table.skipped.map((s) => [s.row, s.why])).toEqual([
      [4, 'total'],
      [5, 'total'],
    ]);
    expect(table.rejected).toEqual([]);
  });
});
