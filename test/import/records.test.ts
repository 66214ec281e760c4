import { describe, expect, it } from 'vitest';
import { detectTable, recordsFromTable, type RawTable } from '../../src/import';
import { localTime } from '../../src/core/dates';
import type { IsoDate, Language } from '../../src/core/types';
import { merged } from './helpers';

const table = (rows: string[][], file = 'export.csv'): RawTable => ({ file, sheet: null, encoding: 'utf-8', rows });

function imported(rows: string[][], opts: { file?: string; date?: IsoDate; language?: Language } = {}) {
  const raw = table(rows, opts.file);
  const outcome = detectTable(raw, { language: opts.language });
  if (!outcome.ok) throw new Error(outcome.reason);
  return recordsFromTable(raw, outcome.detection, { date: opts.date, language: opts.language });
}

const DAY_HEADER = ['日期', '旺旺', '接待人数', '询单人数', '最终付款人数', '销售额'];

describe('agent-day rows', () => {
  it('reads sub-account names, percentages, amounts with separators and full-width digits', () => {
    const r = imported([DAY_HEADER, ['2026/11/21', '店铺1:小丸子', '１００', '87', '32', '¥6,132.00']]);
    expect(merged(r)[0]).toMatchObject({ date: '2026-11-21', agent: '小丸子', shop: '店铺1', receptions: 100, inquiries: 87, paid: 32, sales: 6132 });
  });

  it('reads `-` and 延迟统计 as not available (null), never 0', () => {
    const r = imported([DAY_HEADER, ['2026-11-21', '小丸子', '-', '延迟统计', '', '0']]);
    expect(merged(r)[0]).toMatchObject({ receptions: null, inquiries: null, paid: null, sales: 0, placed: null });
    // 延迟统计 (and a blank 询单) is a figure still to come: marked provisional, not read as 0.
    expect(r.agentDays[0].provisional).toEqual(['inquiries']);
  });

  it('keeps means weighted: first response × receptions, 答问比 as message counts', () => {
    const r = imported([['旺旺', '接待人数', '咨询人数', '首次响应(秒)', '平均响应时长', '答问比'], ['小丸子', '50', '60', '12', '30', '1.2']], { date: '2026-11-21' });
    expect(merged(r)[0]).toMatchObject({ firstResponseTotalSec: 600, firstResponseSamples: 50, responseTotalSec: 1500, responseSamples: 50, buyerMessages: 50, agentMessages: 60 });
  });

  it('weights by consultations, then inquiries, then 1 when receptions are missing', () => {
    const rows = (h: string, v: string) => merged(imported([['旺旺', h, '首响'], ['小丸子', v, '10']], { date: '2026-11-21' }))[0];
    expect(rows('咨询人数', '8')).toMatchObject({ firstResponseTotalSec: 80, firstResponseSamples: 8 });
    expect(rows('询单人数', '4')).toMatchObject({ firstResponseTotalSec: 40, firstResponseSamples: 4 });
    expect(rows('客服字数', '4')).toMatchObject({ firstResponseTotalSec: 10, firstResponseSamples: 1 });
  });

  it('real message counts win over 答问比', () => {
    const r = imported([['旺旺', '接待人数', '买家消息数', '客服消息数', '答问比'], ['小丸子', '10', '100', '90', '0.9']], { date: '2026-11-21' });
    expect(merged(r)[0]).toMatchObject({ buyerMessages: 100, agentMessages: 90 });
  });

  it('derives items from 客件数 × 销售人数 (the buyers 赤兔 divides by), receptions from 回复率 × consultations; 销售人数 never stands in for paid', () => {
    const r = imported([['旺旺', '咨询人数', '回复率', '最终付款人数', '销售人数', '客件数'], ['小丸子', '40', '95%', '6', '5', '1.5']], { date: '2026-11-21' });
    expect(merged(r)[0]).toMatchObject({ consultations: 40, receptions: 38, paid: 6, salesBuyers: 5, items: 7.5 });
    // Without 销售人数, 客件数 is per paid inquiry.
    const paidOnly = imported([['旺旺', '咨询人数', '最终付款人数', '客件数'], ['小丸子', '40', '6', '1.5']], { date: '2026-11-21' });
    expect(merged(paidOnly)[0]).toMatchObject({ paid: 6, items: 9 });
  });

  it('reads 平均接待时长 written as 8分48秒', () => {
    const r = imported([['旺旺', '询单人数', '平均接待时长'], ['小丸子', '5', '8分48秒'], ['小红', '5', '八分']], { date: '2026-11-21' });
    expect(r.agentDays).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ row: 3, column: '平均接待时长' });
  });

  it('takes the table date from the title, or the one the user picks', () => {
    const rows = [['客服日报 2026年11月21日'], ['旺旺', '询单人数'], ['小丸子', '5']];
    expect(imported(rows).agentDays[0].date).toBe('2026-11-21');
    expect(imported(rows, { date: '2026-11-22' }).agentDays[0].date).toBe('2026-11-22');
  });

  it('rejects every row when no date is known, saying so', () => {
    const r = imported([['旺旺', '询单人数'], ['小丸子', '5']]);
    expect(r.agentDays).toEqual([]);
    expect(r.rejected[0]).toMatchObject({ row: 2, column: '' });
    expect(r.rejected[0].reason).toMatch(/date/);
  });

  it('rejects a bad row once, at its first problem, with file, row, column and raw cells', () => {
    const r = imported([['报表'], DAY_HEADER, ['2026-11-21', '小丸子', '-5', 'x', '1', '1'], ['2026-11-21', '', '1', '1', '1', '1'], ['2026-13-01', 'A', '1', '1', '1', '1'], ['2026-11-21', 'B', '1.5', '1', '1', '1']], { file: 'f.csv' });
    expect(r.agentDays).toEqual([]);
    expect(r.rejected.map((x) => [x.row, x.column])).toEqual([[3, '接待人数'], [4, '旺旺'], [5, '日期'], [6, '接待人数']]);
    expect(r.rejected[0]).toMatchObject({ file: 'f.csv', sheet: null, raw: ['2026-11-21', '小丸子', '-5', 'x', '1', '1'] });
    expect(r.rejected[0].reason).toMatch(/negative/);
  });

  it('rejects a rate above 1 that is not a percentage, accepts 45% and 0.45', () => {
    const r = imported([['旺旺', '询单人数', '询单->最终付款成功率'], ['A', '5', '45%'], ['B', '5', '0.45'], ['C', '5', '45']], { date: '2026-11-21' });
    expect(r.agentDays.map((d) => d.agent)).toEqual(['A', 'B']);
    expect(r.rejected[0]).toMatchObject({ row: 4, column: '询单->最终付款成功率' });
  });

  it('gives reasons in the language asked for', () => {
    const r = imported([['旺旺', '询单人数'], ['A', '-1']], { date: '2026-11-21', language: 'zh' });
    expect(r.rejected[0].reason).toContain('负数');
  });

  it('skips total, average, blank and peer benchmark rows, and a repeated header', () => {
    const r = imported([
      DAY_HEADER,
      ['2026-11-21', '小丸子', '1', '1', '1', '1'],
      ['', '', '', '', '', ''],
      DAY_HEADER,
      ['合计', '', '1', '1', '1', '1'],
      ['2026-11-21', '店铺平均值', '1', '1', '1', '1'],
      ['2026-11-21', '同行同层平均', '1', '1', '1', '1'],
      ['Average:', '', '1', '1', '1', '1'],
      ['小计(2人)'],
    ]);
    expect(r.agentDays).toHaveLength(1);
    expect(r.rejected).toEqual([]);
    expect(r.skipped.map((s) => s.why)).toEqual(['blank', 'title', 'total', 'total', 'benchmark', 'total', 'total']);
    expect(r.rowsRead).toBe(8);
  });

  it('keeps formula-looking names as text', () => {
    const r = imported([['旺旺', '询单人数'], ['=HYPERLINK("x")', '1'], ['@小红', '2']], { date: '2026-11-21' });
    expect(r.agentDays.map((d) => d.agent)).toEqual(['=HYPERLINK("x")', '@小红']);
  });
});

describe('consultation rows', () => {
  const HEADER = ['买家昵称', '客服', '会话开始时间', '首次响应时长(秒)', '买家消息数', '客服消息数', '咨询类型'];
  it('reads categories in Chinese and English, and a blank first response as no reply', () => {
    const r = imported([
      HEADER,
      ['b1', '店铺1：小丸子', '2026-11-21 10:00:00', '', '3', '0', '售前'],
      ['b2', 'A', '2026/11/21 10:05', '9', '3', '2', 'after-sales'],
      ['b3', 'A', '46347.5', '9', '3', '2', 'Gift'],
      ['b4', 'A', '2026-11-21 10:00', '9', '3', '2', 'pre-sale'],
    ]);
    expect(r.rejected).toEqual([]);
    expect(r.consultations[0]).toMatchObject({ buyer: 'b1', agent: '小丸子', start: localTime(2026, 11, 21, 10), firstResponseSec: null, category: 'presale' });
    expect(r.consultations.map((c) => c.category)).toEqual(['presale', 'after_sales', 'freebie', 'presale']);
    expect(r.consultations[2].start).toBe(localTime(2026, 11, 21, 12));
  });

  it('rejects missing buyer, bad start and unknown category', () => {
    const r = imported([HEADER, ['', 'A', '2026-11-21 10:00', '1', '1', '1', '售前'], ['b', 'A', 'yesterday', '1', '1', '1', '售前'], ['b', 'A', '2026-11-21', '1', '1', '1', '投诉']]);
    expect(r.rejected.map((x) => x.column)).toEqual(['买家昵称', '会话开始时间', '咨询类型']);
  });
});

describe('order rows', () => {
  const HEADER = ['订单编号', '买家会员名', '订单创建时间', '订单付款时间', '实付金额', '宝贝总数量', '订单状态', '是否使用优惠券', '卖家备注', '旗帜'];
  it('reads unpaid orders, refunds, coupons, remarks and flags', () => {
    const r = imported([
      HEADER,
      ['1', 'b', '2026-11-21 10:00', '', '59.00', '2', '交易关闭', '否', '', ''],
      ['2', 'b', '2026-11-21 10:00', '2026-11-21 10:10', '￥1,234.5', '1', '退款成功', '是', '工号:101', '红旗'],
      ['3', 'b', '2026-11-21 10:00', '2026-11-21 10:10', '10', '1', 'refunded', 'yes', '=101', ''],
    ]);
    expect(r.rejected).toEqual([]);
    expect(r.orders[0]).toMatchObject({ orderId: '1', paidAt: null, amount: 59, items: 2, refunded: false, couponUsed: false });
    expect(r.orders[1]).toMatchObject({ paidAt: localTime(2026, 11, 21, 10, 10), amount: 1234.5, refunded: true, couponUsed: true, remark: '工号:101', flag: '红旗' });
    expect(r.orders[2]).toMatchObject({ refunded: true, couponUsed: true, remark: '=101' });
  });

  it('rejects a missing order id, a negative amount and an unreadable coupon cell', () => {
    const r = imported([HEADER, ['', 'b', '2026-11-21', '', '1', '1', '', '否', '', ''], ['1', 'b', '2026-11-21', '', '-5', '1', '', '否', '', ''], ['1', 'b', '2026-11-21', '', '5', '1', '', 'maybe', '', '']]);
    expect(r.rejected.map((x) => [x.row, x.column])).toEqual([[2, '订单编号'], [3, '实付金额'], [4, '是否使用优惠券']]);
  });
});

describe('agent cells', () => {
  it('an agent cell of invisible characters only is rejected as blank, never an agent named ""', () => {
    const r = imported([['日期', '旺旺', '询单人数'], ['2026-11-21', '\u200b\u200d', '5']]);
    expect(r.agentDays).toEqual([]);
    expect(r.rejected[0]).toMatchObject({ row: 2, column: '旺旺' });
  });
});
