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

describe('XLSX cells the import must not lose', () => {
  async function sheetWith(build: (ws: ExcelJS.Worksheet) => void): Promise<SourceFile> {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet('客服数据'));
    return { name: 'hand-made.xlsx', bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
  }

  it('error cells keep their code (read-excel-file alone gives an empty cell)', async () => {
    const file = await sheetWith((ws) => {
      ws.addRow(['客服昵称', '询单人数', '最终付款人数', '询单转化率']);
      ws.addRow(['小丸子', 87, 32, { formula: 'C2/B2', result: 0.3678 }]);
      ws.addRow(['乔巴', 0, 0, { formula: 'C3/B3', result: { error: '#DIV/0!' } }]);
      ws.addRow(['娜美', { error: '#N/A' }, 5, { error: '#REF!' }]);
    });
    const [table] = await readTables(file);
    expect(table.rows.map((r) => r.slice(1))).toEqual([
      ['询单人数', '最终付款人数', '询单转化率'],
      ['87', '32', '0.3678'],
      ['0', '0', '#DIV/0!'],
      ['#N/A', '5', '#REF!'],
    ]);
  });

  it('an error cell in a number or rate column rejects its row with a reason naming the column', async () => {
    const file = await sheetWith((ws) => {
      ws.addRow(['客服昵称', '日期', '询单人数', '最终付款人数', '询单转化率']);
      ws.addRow(['小丸子', '2026-11-21', 87, 32, 0.3678]);
      ws.addRow(['乔巴', '2026-11-21', 0, 0, { formula: 'D3/C3', result: { error: '#DIV/0!' } }]);
      ws.addRow(['娜美', '2026-11-21', { error: '#N/A' }, 5, 0.1]);
    });
    const [table] = (await importFile(file)).tables;
    expect(table.agentDays.map((d) => d.agent)).toEqual(['小丸子']);
    expect(table.rejected.map((r) => [r.row, r.column, r.reason])).toEqual([
      [3, '询单转化率', "Excel error #DIV/0! in the cell: the export's own formula failed here; fix it in the source and export again."],
      [4, '询单人数', "Excel error #N/A in the cell: the export's own formula failed here; fix it in the source and export again."],
    ]);
  });

  it('an agent (and date) cell merged over several rows names the agent on each row, so every row imports', async () => {
    const file = await sheetWith((ws) => {
      ws.addRow(['客服绩效 2026-11-21']);
      ws.mergeCells('A1:D1');
      ws.addRow(['日期', '客服昵称', '店铺', '询单人数']);
      ws.addRow([new Date(Date.UTC(2026, 10, 21)), '小丸子', '旗舰店', 50]);
      ws.addRow([null, null, '专营店', 37]);
      ws.addRow([null, '乔巴', '旗舰店', 70]);
      ws.mergeCells('A3:A5');
      ws.mergeCells('B3:B4');
    });
    const [raw] = await readTables(file);
    // The title merged across stays in its first cell; the merged agent and date fill down.
    expect(raw.rows[0]).toEqual(['客服绩效 2026-11-21', '', '', '']);
    expect(raw.rows.slice(2)).toEqual([
      ['2026-11-21', '小丸子', '旗舰店', '50'],
      ['2026-11-21', '小丸子', '专营店', '37'],
      ['2026-11-21', '乔巴', '旗舰店', '70'],
    ]);
    const [table] = (await importFile(file)).tables;
    expect(table.rejected).toEqual([]);
    expect(table.agentDays.map((d) => [d.date, d.agent, d.figures.inquiries])).toEqual([
      ['2026-11-21', '小丸子', 50],
      ['2026-11-21', '小丸子', 37],
      ['2026-11-21', '乔巴', 70],
    ]);
  });

  it('date cells: a whole day as YYYY-MM-DD, a date-time with its time, a duration as HH:mm:ss', async () => {
    const file = await sheetWith((ws) => {
      ws.addRow(['日期', '时间', '平均响应时长']);
      const row = ws.addRow([new Date(Date.UTC(2026, 10, 21)), new Date(Date.UTC(2026, 10, 21, 23, 59, 58)), 528 / 86400]);
      row.getCell(1).numFmt = 'yyyy/m/d';
      row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm:ss';
      row.getCell(3).numFmt = 'hh:mm:ss';
    });
    const [table] = await readTables(file);
    expect(table.rows[1]).toEqual(['2026-11-21', '2026-11-21 23:59:58', '00:08:48']);
  });
});
