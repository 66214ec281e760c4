import { describe, expect, it } from 'vitest';
import { detectTable, importFile, type RawTable } from '../../src/import';
import { normalizeHeader } from '../../src/import/normalize';
import { textFile } from './helpers';

const table = (rows: string[][], file = 'export.csv'): RawTable => ({ file, sheet: null, encoding: 'utf-8', rows });

function detected(rows: string[][], file?: string, opts = {}) {
  const outcome = detectTable(table(rows, file), opts);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.detection;
}

describe('normalizeHeader', () => {
  it('ignores case, spaces, brackets, full-width forms and arrow spellings', () => {
    expect(normalizeHeader('首次响应（秒）')).toBe(normalizeHeader('首次响应(秒)'));
    expect(normalizeHeader('询单→最终付款成功率  ')).toBe(normalizeHeader('询单->最终付款成功率'));
    expect(normalizeHeader('询单-->最终付款成功率')).toBe(normalizeHeader('询单->最终付款成功率'));
    expect(normalizeHeader('First Response [s]')).toBe(normalizeHeader('first response (s)'));
    expect(normalizeHeader('【客服】')).toBe('客服');
  });
});

describe('detectTable', () => {
  it('finds the header below title lines and blank lines, and takes the day from the title', () => {
    const d = detected([['客服绩效报表 2026-11-21'], [''], ['客服昵称', '聊天人数(原咨询人数)', '询单人数', '询单→最终付款成功率 '], ['小丸子', '1', '1', '1']]);
    expect(d.kind).toBe('agent_day');
    expect(d.headerRow).toBe(3);
    expect(d.date).toBe('2026-11-21');
    expect(d.mapping).toEqual({ agent: '客服昵称', consultations: '聊天人数(原咨询人数)', inquiries: '询单人数', inquiryConversion: '询单→最终付款成功率' });
  });

  it('takes the day from a Chitu-style file name when the title has none', () => {
    expect(detected([['旺旺', '接待人数']], '自定义报表_客服_下单优先判定_2026-11-21至2026-11-21.xlsx').date).toBe('2026-11-21');
    expect(detected([['旺旺', '接待人数']], '自定义报表_客服_下单优先判定_2026-11-01至2026-11-16.xlsx').date).toBeNull();
    expect(detected([['旺旺', '接待人数']], 'stats_20261121.csv').date).toBe('2026-11-21');
  });

  it('tells consultations, orders and agent-day stats apart', () => {
    expect(detected([['买家昵称', '客服', '会话开始时间', '买家消息数']]).kind).toBe('consultations');
    expect(detected([['Buyer', 'Agent', 'Start time', 'Category']]).kind).toBe('consultations');
    expect(detected([['订单编号', '买家会员名', '订单创建时间', '订单付款时间']]).kind).toBe('orders');
    expect(detected([['Order ID', 'Buyer', 'Created', 'Paid at', 'Seller memo', 'Flag']]).kind).toBe('orders');
    expect(detected([['Agent', 'Inquiries', 'Paid buyers']]).kind).toBe('agent_day');
  });

  it('keeps 销售人数 and 最终付款人数 as different fields', () => {
    const d = detected([['旺旺', '最终付款人数', '销售人数', '销售量', '客件数']]);
    expect(d.mapping).toMatchObject({ paid: '最终付款人数', salesBuyers: '销售人数', items: '销售量', itemsPerBuyer: '客件数' });
  });

  it('lists the headers no field claims', () => {
    const d = detected([['旺旺', '询单人数', '最大同时接待', '神秘列', '客服字数']]);
    expect(d.unmappedHeaders).toEqual(['神秘列']);
    // Known and deliberately unused (赤兔's 客服字数): "not used", never "not recognised".
    expect(d.unusedHeaders).toEqual(['客服字数']);
  });

  it('refuses an unknown header, listing the headers seen and the ones expected', () => {
    const outcome = detectTable(table([['商品', '库存', '价格'], ['T恤', '5', '59']]));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.headersSeen).toEqual(['商品', '库存', '价格']);
    expect(outcome.expected).toHaveLength(4);
    expect(outcome.expected.join(' ')).toContain('Order ID');
    expect(outcome.reason).toMatch(/header/i);
    const zh = detectTable(table([['商品', '库存']]), { language: 'zh' });
    expect(!zh.ok && zh.reason).toContain('表头');
  });

  it('a header with only an agent column is no agent-day header', () => {
    expect(detectTable(table([['客服'], ['小丸子']])).ok).toBe(false);
  });

  it('a user mapping corrects the detection: a new name, a field taken away', () => {
    const d = detected([['员工', '询单', '付款人数']], undefined, { kind: 'agent_day', mapping: { agent: '员工', inquiries: '询单' } });
    expect(d.mapping).toEqual({ agent: '员工', inquiries: '询单', paid: '付款人数' });
    const e = detected([['旺旺', '询单人数', '付款人数']], undefined, { mapping: { paid: '' } });
    expect(e.mapping).toEqual({ agent: '旺旺', inquiries: '询单人数' });
    expect(e.unmappedHeaders).toEqual([]);
    expect(e.unusedHeaders).toEqual(['付款人数']);
  });

  it('a forced kind only looks for that kind', () => {
    expect(detectTable(table([['买家昵称', '客服', '会话开始时间']]), { kind: 'orders' }).ok).toBe(false);
  });
});

describe('importFile refusals', () => {
  it('an unknown CSV is refused as a whole, with what was seen', async () => {
    const result = await importFile(textFile('stock.csv', '商品,库存\nT恤,5\n'));
    expect(result.tables).toEqual([]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]).toMatchObject({ sheet: null, headersSeen: ['商品', '库存'] });
  });
});
