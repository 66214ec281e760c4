import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { importFile, readTables } from '../../src/import';
import { localTime } from '../../src/core/dates';
import type { SourceFile } from '../../src/import';
import { merged } from './helpers';

async function workbook(): Promise<SourceFile> {
  const wb = new ExcelJS.Workbook();
  const stats = wb.addWorksheet('客服数据');
  stats.addRow(['客服绩效报表 2026-11-21']);
  stats.addRow([]);
  stats.addRow(['客服昵称', '询单人数', '最终付款人数', '回复率', '销售额']);
  stats.addRow(['店铺1:小丸子', 87, 32, 0.98, 6132.5]);
  stats.addRow(['乔巴', 70, 27, '95%', '4,662.00']);
  stats.addRow(['合计', 157, 59, null, 10794.5]);
  const notes = wb.addWorksheet('说明');
  notes.addRow(['商品', '库存']);
  notes.addRow(['T恤', 5]);
  const chats = wb.addWorksheet('chats');
  chats.addRow(['Buyer', 'Agent', 'Start time', 'First response (s)']);
  chats.addRow(['b1', 'Amy', new Date(Date.UTC(2026, 10, 21, 9, 5, 7)), 12]);
  chats.addRow(['b2', 'Amy', 46347.5, null]);
  const buffer = await wb.xlsx.writeBuffer();
  return { name: 'report.xlsx', bytes: new Uint8Array(buffer as ArrayBuffer) };
}

describe('XLSX', () => {
  it('reads every sheet as text cells, dates as wall-clock text, numbers as String(n)', async () => {
    const tables = await readTables(await workbook());
    expect(tables.map((t) => [t.sheet, t.encoding])).toEqual([['客服数据', 'xlsx'], ['说明', 'xlsx'], ['chats', 'xlsx']]);
    expect(tables[0].rows[3]).toEqual(['店铺1:小丸子', '87', '32', '0.98', '6132.5']);
    expect(tables[2].rows[1][2]).toBe('2026-11-21 09:05:07');
  });

  it('reads only the sheet asked for', async () => {
    const tables = await readTables(await workbook(), { sheet: 'chats' });
    expect(tables.map((t) => t.sheet)).toEqual(['chats']);
  });

  it('imports every recognised sheet as its own table and refuses the others', async () => {
    const result = await importFile(await workbook());
    expect(result.tables.map((t) => [t.sheet, t.kind])).toEqual([['客服数据', 'agent_day'], ['chats', 'consultations']]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]).toMatchObject({ sheet: '说明', headersSeen: ['商品', '库存'] });

    const [stats, chats] = result.tables;
    expect(stats.headerRow).toBe(3);
    expect(stats.date).toBe('2026-11-21');
    expect(merged(stats).map((d) => [d.agent, d.inquiries, d.paid, d.sales])).toEqual([['小丸子', 87, 32, 6132.5], ['乔巴', 70, 27, 4662]]);
    expect(stats.skipped.map((s) => [s.row, s.why])).toEqual([[1, 'title'], [2, 'blank'], [6, 'total']]);
    expect(chats.consultations.map((c) => [c.start, c.firstResponseSec])).toEqual([
      [localTime(2026, 11, 21, 9, 5, 7), 12],
      [localTime(2026, 11, 21, 12), null],
    ]);
  });

  it('a sheet that does not exist is refused by name', async () => {
    const result = await importFile(await workbook(), { sheet: 'nope' });
    expect(result.tables).toEqual([]);
    expect(result.refused[0].sheet).toBe('nope');
  });

  it('a broken XLSX is refused, not thrown', async () => {
    const result = await importFile({ name: 'bad.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    expect(result.tables).toEqual([]);
    expect(result.refused).toHaveLength(1);
  });
});
