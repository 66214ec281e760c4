import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../src/import';
import type { AgentDay } from '../../src/core/types';
import { FIXTURES, fixture, merged } from './helpers';

const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as {
  stats: Record<string, { consultations: number; inquiries: number; paid: number; sales: number; firstResponseSec: number | null }>;
};

async function onlyTable(name: string) {
  const result = await importFile(fixture(name));
  expect(result.refused).toEqual([]);
  expect(result.tables).toHaveLength(1);
  return result.tables[0];
}

describe('the sample exports', () => {
  it('consultations.csv (UTF-8 with BOM) gives 6967 consultations and no rejects', async () => {
    const table = await onlyTable('consultations.csv');
    expect(table.kind).toBe('consultations');
    expect(table.encoding).toBe('utf-8');
    expect(table.consultations).toHaveLength(6967);
    expect(table.rejected).toEqual([]);
    const categories = new Set(table.consultations.map((c) => c.category));
    expect([...categories].sort()).toEqual(['after_sales', 'freebie', 'presale']);
    expect(table.consultations[0]).toMatchObject({ buyer: 'tb_1_00001', agent: '小丸子', firstResponseSec: 9 });
  });

  it('orders.csv (GB18030) gives 2647 orders with refunds, remarks and flags', async () => {
    const table = await onlyTable('orders.csv');
    expect(table.kind).toBe('orders');
    expect(table.encoding).toBe('gb18030');
    expect(table.orders).toHaveLength(2647);
    expect(table.rejected).toEqual([]);
    expect(table.orders[0]).toMatchObject({ orderId: '880010001', remark: '101', flag: '红旗', refunded: false, couponUsed: false });
    expect(table.orders[1].paidAt).toBeNull();
    expect(table.orders.some((o) => o.refunded && o.status === '退款成功')).toBe(true);
    expect(table.orders.every((o) => o.refunded === (o.status === '退款成功'))).toBe(true);
  });

  it('agent_day.csv (GBK) gives 95 agent-days, its title and 合计 row skipped', async () => {
    const table = await onlyTable('agent_day.csv');
    expect(table.kind).toBe('agent_day');
    expect(table.headerRow).toBe(2);
    expect(table.agentDays).toHaveLength(95);
    expect(table.rejected).toEqual([]);
    expect(table.skipped.map((s) => [s.row, s.why])).toEqual([[1, 'title'], [98, 'total']]);
    expect(new Set(table.agentDays.map((d) => d.agent))).toEqual(new Set(['小丸子', '乔巴', '小明', '小红', '阿杰', '美美']));
  });

  it('agent_day_en.csv gives 95 agent-days, its Total row skipped', async () => {
    const table = await onlyTable('agent_day_en.csv');
    expect(table.agentDays).toHaveLength(95);
    expect(table.rejected).toEqual([]);
    expect(table.skipped.map((s) => s.why)).toEqual(['total']);
  });

  it('the Chinese and English agent-day exports agree on every field both carry', async () => {
    const zh = merged(await onlyTable('agent_day.csv'));
    const en = merged(await onlyTable('agent_day_en.csv'));
    const key = (d: AgentDay) => `${d.date}|${d.agent}`;
    const byKey = new Map(en.map((d) => [key(d), d]));
    expect(new Set(zh.map(key))).toEqual(new Set(byKey.keys()));
    for (const a of zh) {
      const b = byKey.get(key(a))!;
      for (const field of ['consultations', 'inquiries', 'paid', 'sales', 'firstResponseSamples'] as const) expect(a[field], `${key(a)} ${field}`).toBe(b[field]);
      // The GBK file rounds first response to 2 decimals, the English one to 3.
      if (a.firstResponseTotalSec === null) expect(b.firstResponseTotalSec).toBeNull();
      else expect(Math.abs(a.firstResponseTotalSec / a.firstResponseSamples! - b.firstResponseTotalSec! / b.firstResponseSamples!)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it('the agent-day exports match the figures computed from the raw files', async () => {
    for (const day of merged(await onlyTable('agent_day_en.csv'))) {
      const want = expected.stats[`${day.date}|${day.agent}`];
      expect(want, `${day.date}|${day.agent}`).toBeDefined();
      expect([day.consultations, day.inquiries, day.paid, day.sales]).toEqual([want.consultations, want.inquiries, want.paid, want.sales]);
    }
  });

  it('the GBK export keeps 答问比 as weighted message counts', async () => {
    const day = merged(await onlyTable('agent_day.csv')).find((d) => d.date === '2026-11-01' && d.agent === '乔巴')!;
    expect(day.buyerMessages).toBe(82);
    expect(day.agentMessages).toBeCloseTo(1.03 * 82, 6);
    expect(day.firstResponseTotalSec).toBeCloseTo(11.66 * 82, 6);
  });
});
