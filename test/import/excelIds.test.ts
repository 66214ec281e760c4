/**
 * Order IDs damaged by a round trip through Excel (issue 9.5): 300 orders
 * saved as `3.30182E+18` would become one. Each damaged row is rejected with a
 * reason that says how to export again; genuine IDs stay text, digit for digit.
 */
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { importFile } from '../../src/import';
import { hasZeroedTail, isExcelDamagedId, isScientificId, isTruncatedIdColumn } from '../../src/import/orderIds';
import { numberText } from '../../src/import/xlsCells';
import { encodedFile, textFile } from './helpers';

const HEADER = '订单编号,买家会员名,订单创建时间,订单付款时间,实付金额,宝贝总数量,订单状态';
const order = (id: string, i: number) => `${id},tb_${i},2026-11-03 10:00:00,2026-11-03 10:05:00,10.00,1,交易成功`;
const csv = (ids: string[]) => [HEADER, ...ids.map(order)].join('\n') + '\n';

describe('IDs written as a floating number', () => {
  test.each(['3.30182E+18', '3.30182E18', '3,30182E+18', '3.30182e+18', ' 3.30182E+18 '])('%s is damaged', (id) => {
    expect(isScientificId(id)).toBe(true);
    expect(isExcelDamagedId(id, false)).toBe(true);
  });

  test('300 orders saved by Excel as 3.30182E+18 are 300 rejections, not one order', async () => {
    const ids = Array.from({ length: 300 }, () => '3.30182E+18');
    const table = (await importFile(textFile('orders.csv', csv(ids)), { language: 'en' })).tables[0];
    expect(table.orders).toHaveLength(0);
    expect(table.rejected).toHaveLength(300);
    expect(table.rejected[0]).toMatchObject({ row: 2, column: '订单编号' });
    expect(table.rejected[0].reason).toContain('damaged by Excel');
    expect(table.rejected[0].reason).toContain('open the file as text, never re-save it from Excel');
  });

  test('the Chinese reason tells how to export the column as text', async () => {
    // A decimal-comma Excel saves with semicolons.
    const text = csv(['3,30182E+18']).replace(/,/g, ';').replace('3;30182E+18', '3,30182E+18');
    const table = (await importFile(encodedFile('orders.csv', text, 'gbk'), { language: 'zh' })).tables[0];
    expect(table.rejected[0].raw[0]).toBe('3,30182E+18');
    expect(table.rejected[0].reason).toContain('把订单编号列设为“文本”再导出');
  });
});

describe('IDs cut to 15 significant digits', () => {
  test('a column whose long IDs all end in zeros from the 16th digit is rejected row by row', async () => {
    const ids = ['3301820000000000000', '3301830000000000000', '3301840000000000000', '880010001'];
    const table = (await importFile(textFile('orders.csv', csv(ids)), { language: 'en' })).tables[0];
    expect(table.rejected.map((r) => r.row)).toEqual([2, 3, 4]);
    // A short ID is no evidence either way and stays.
    expect(table.orders.map((o) => o.orderId)).toEqual(['880010001']);
  });

  test('one genuine 19-digit ID ending in zeros among real ones is kept', async () => {
    const ids = ['3301823456789012345', '3301823456789012346', '3301823456789010000', '3301823456789012347'];
    const table = (await importFile(textFile('orders.csv', csv(ids)), { language: 'en' })).tables[0];
    expect(table.rejected).toHaveLength(0);
    expect(table.orders.map((o) => o.orderId)).toEqual(ids);
  });

  test('the column evidence: more than half of the long IDs zero-tailed', () => {
    expect(hasZeroedTail('3301820000000000000')).toBe(true);
    expect(hasZeroedTail('330182000000000')).toBe(false);
    expect(isTruncatedIdColumn(['3301820000000000000', '3301823456789012345'])).toBe(false);
    expect(isTruncatedIdColumn(['3301820000000000000', '3301830000000000000', '3301823456789012345'])).toBe(true);
    expect(isTruncatedIdColumn(['880010001', '880010000'])).toBe(false);
  });
});

describe('numeric cells of any workbook (XLSX, .xls)', () => {
  test('read as their digits up to 2^53 and in E notation past it', () => {
    expect(numberText(880010001)).toBe('880010001');
    expect(numberText(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
    expect(numberText(3301823456789012345)).toBe('3.3018234567890125E+18');
    expect(numberText(12.5)).toBe('12.5');
  });
});

describe('numeric XLSX cells', () => {
  async function xlsx(ids: (string | number)[]): Promise<{ name: string; bytes: Uint8Array }> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('订单');
    sheet.addRow(HEADER.split(','));
    ids.forEach((id, i) => sheet.addRow([id, `tb_${i}`, '2026-11-03 10:00:00', '2026-11-03 10:05:00', 10, 1, '交易成功']));
    return { name: 'orders.xlsx', bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
  }

  test('an ID stored as a number past 2^53 is rejected: its last digits are not the shop’s', async () => {
    const table = (await importFile(await xlsx([3301823456789012345, '3301823456789012345', 880010001]), { language: 'en' })).tables[0];
    expect(table.rejected.map((r) => r.row)).toEqual([2]);
    expect(table.rejected[0].reason).toContain('damaged by Excel');
    // A text cell keeps every digit, and a short numeric ID reads as its digits.
    expect(table.orders.map((o) => o.orderId)).toEqual(['3301823456789012345', '880010001']);
  });
});
