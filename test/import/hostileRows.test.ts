/**
 * Rows that looked like something else (issue 9.7): buyers and agents named
 * `Total`, `Sum` or `avg` are data, real total rows are still skipped, and
 * invisible characters never split one agent, buyer or order ID into several.
 */
import { describe, expect, test } from 'vitest';
import { importFile } from '../../src/import';
import { agentNameOf, withoutInvisibles } from '../../src/import/agentName';
import { encodedFile, textFile } from './helpers';

const CHATS = '买家昵称,客服,会话开始时间,首次响应时长(秒),买家消息数,客服消息数,咨询类型';
const ORDERS = '订单编号,买家会员名,订单创建时间,订单付款时间,实付金额,宝贝总数量,订单状态';
const AGENT_DAY = 'Date,Agent,Consultations,Inquiries,Paid buyers,Sales';

async function table(name: string, lines: string[], gbk = false) {
  const text = lines.join('\n') + '\n';
  const file = gbk ? encodedFile(name, text, 'gbk') : textFile(name, text);
  const result = await importFile(file, { language: 'en' });
  expect(result.tables, JSON.stringify(result.refused)).toHaveLength(1);
  return result.tables[0];
}

describe('total-looking names with real data', () => {
  test('consultations of buyers named Total, Sum and avg, and of an agent named Total, are kept', async () => {
    const t = await table('chats.csv', [
      CHATS,
      'Total,小丸子,2026-11-03 09:00:00,5,2,2,售前',
      'Sum,小丸子,2026-11-03 09:10:00,5,2,2,售前',
      'avg,小丸子,2026-11-03 09:20:00,5,2,2,售前',
      'tb_1,Total,2026-11-03 09:30:00,5,2,2,售前',
      '合计,,,,8,8,',
    ]);
    expect(t.consultations.map((c) => [c.buyer, c.agent])).toEqual([
      ['Total', '小丸子'],
      ['Sum', '小丸子'],
      ['avg', '小丸子'],
      ['tb_1', 'Total'],
    ]);
    expect(t.skipped.map((s) => [s.row, s.why])).toEqual([[6, 'total']]);
  });

  test('an order of buyer Sum is kept; the 合计 line without an order time is skipped', async () => {
    const t = await table('orders.csv', [ORDERS, '880010001,Sum,2026-11-03 10:00:00,,10.00,1,交易成功', '合计,,,,10.00,1,', 'Total,,,,10.00,1,'], true);
    expect(t.orders.map((o) => o.buyer)).toEqual(['Sum']);
    expect(t.skipped.map((s) => s.why)).toEqual(['total', 'total']);
  });

  test('agent-day exports: an agent named Sum or Total mid-table is an agent; 合计, 均值 and a trailing Total are skipped', async () => {
    const t = await table('agents.csv', [
      AGENT_DAY,
      '2026-11-03,Sum,10,8,3,300.00',
      '2026-11-03,Total,12,9,4,400.00',
      '2026-11-03,乔巴,12,9,4,400.00',
      '2026-11-03,均值,11,9,4,366.67',
      '合计,,34,26,11,1100.00',
      'Total,,34,26,11,1100.00',
      '',
    ]);
    expect(t.agentDays.map((d) => d.agent)).toEqual(['Sum', 'Total', '乔巴']);
    expect(t.skipped.map((s) => s.why)).toEqual(['total', 'total', 'total', 'blank']);
  });

  test('an agent-day Avg row between agents stays a total when its label is Chinese, and is an agent only in English', async () => {
    const t = await table('agents.csv', [AGENT_DAY, '2026-11-03,平均,10,8,3,300.00', '2026-11-03,avg,12,9,4,400.00', '2026-11-03,乔巴,12,9,4,400.00']);
    expect(t.agentDays.map((d) => d.agent)).toEqual(['avg', '乔巴']);
    expect(t.skipped.map((s) => [s.row, s.why])).toEqual([[2, 'total']]);
  });
});

describe('invisible characters', () => {
  test.each([
    ['小\u200B丸子'],
    ['小丸子\u200C'],
    ['\u200D小丸子'],
    ['小\u2060丸子'],
    ['\uFEFF小丸子'],
    ['小丸子\u0000'],
    ['小\u0007丸\u001F子'],
    ['店铺1:\u200B小丸子'],
  ])('%j is the agent 小丸子', (raw) => {
    expect(agentNameOf(raw)).toBe('小丸子');
  });

  test('withoutInvisibles keeps visible text and spaces, and reads line breaks as spaces', () => {
    expect(withoutInvisibles('tb_1\u200B')).toBe('tb_1');
    expect(withoutInvisibles('a b')).toBe('a b');
    expect(withoutInvisibles('a\nb\u0000')).toBe('a b');
    expect(withoutInvisibles('')).toBe('');
  });

  test('one agent, one buyer and one order ID across rows written with and without zero-width characters', async () => {
    const chats = await table('chats.csv', [CHATS, 'tb_1,小丸子,2026-11-03 09:00:00,5,2,2,售前', 'tb_1\u200B,小\u200B丸子,2026-11-03 09:10:00,5,2,2,售前', '\uFEFFtb_1,小丸子\u0000,2026-11-03 09:20:00,5,2,2,售前']);
    expect(new Set(chats.consultations.map((c) => c.agent))).toEqual(new Set(['小丸子']));
    expect(new Set(chats.consultations.map((c) => c.buyer))).toEqual(new Set(['tb_1']));
    const orders = await table('orders.csv', [ORDERS, '880010001\u200D,tb_\u20601,2026-11-03 10:00:00,,10.00,1,交易成功']);
    expect(orders.orders[0]).toMatchObject({ orderId: '880010001', buyer: 'tb_1' });
  });
});
