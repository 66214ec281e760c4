/**
 * Decimal commas (issue 9.8): `398,00` in a semicolon export is 398, not
 * 39 800, and `1.234,50` is 1 234.5, not 1.23; a comma file keeps `,` as the
 * thousands separator unless a column's own values show decimal commas.
 */
import { describe, expect, test } from 'vitest';
import { importFile } from '../../src/import';
import { usesDecimalComma } from '../../src/import/numberFormat';
import { parseNumber, parseRate } from '../../src/core/values';
import { encodedFile, textFile } from './helpers';

const ORDERS = ['订单编号', '买家会员名', '订单创建时间', '订单付款时间', '实付金额', '宝贝总数量', '订单状态'];
const row = (id: number, amount: string) => [String(id), `tb_${id}`, '2026-11-03 10:00:00', '', amount, '1', '交易成功'];

async function amounts(rows: string[][], delimiter: string, quote = false) {
  const cell = (c: string) => (quote && c.includes(delimiter) ? `"${c}"` : c);
  const text = [ORDERS, ...rows].map((r) => r.map(cell).join(delimiter)).join('\r\n') + '\r\n';
  const table = (await importFile(encodedFile('orders.csv', text, 'gbk'), { language: 'en' })).tables[0];
  expect(table.rejected).toEqual([]);
  return table.orders.map((o) => o.amount);
}

describe('semicolon files', () => {
  test('398,00, 1.234,50 and 59,9 are read with a decimal comma', async () => {
    expect(await amounts([row(1, '398,00'), row(2, '1.234,50'), row(3, '59,9'), row(4, '12')], ';')).toEqual([398, 1234.5, 59.9, 12]);
  });

  test('a column written with decimal points keeps them (1,234.50 and 10.00)', async () => {
    expect(await amounts([row(1, '1,234.50'), row(2, '10.00'), row(3, '7')], ';')).toEqual([1234.5, 10, 7]);
  });

  test('rates read with a decimal comma too', async () => {
    const text = 'Date;Agent;Inquiries;Paid buyers;Inquiry conversion;Sales\n2026-11-03;乔巴;70;27;38,57%;4.662,00\n';
    const table = (await importFile(textFile('agents.csv', text), { language: 'en' })).tables[0];
    expect(table.rejected).toEqual([]);
    expect(table.agentDays[0].figures).toMatchObject({ sales: 4662, inquiryConversion: 0.3857 });
  });
});

describe('comma files', () => {
  test('a quoted column of decimal-comma amounts is recognised by its values', async () => {
    expect(await amounts([row(1, '398,00'), row(2, '1.234,50'), row(3, '5')], ',', true)).toEqual([398, 1234.5, 5]);
  });

  test('thousands separators stay thousands separators', async () => {
    expect(await amounts([row(1, '4,662.00'), row(2, '1,234'), row(3, '398.00')], ',', true)).toEqual([4662, 1234, 398]);
  });

  test('1,234 alone (three digits after the comma) is a thousands separator', async () => {
    expect(await amounts([row(1, '1,234'), row(2, '12,345')], ',', true)).toEqual([1234, 12345]);
  });
});

describe('the pieces', () => {
  test('parseNumber and parseRate with a decimal comma', () => {
    expect(parseNumber('1.234,50', ',')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('¥398,00', ',')).toEqual({ ok: true, value: 398 });
    expect(parseNumber('1 234,5', ',')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('1,234.50', ',')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('1,2,3', ',').ok).toBe(false);
    expect(parseRate('38,57%', ',')).toEqual({ ok: true, value: 0.3857 });
    expect(parseNumber('398,00')).toEqual({ ok: true, value: 39800 });
  });

  test('usesDecimalComma looks at the delimiter and the values', () => {
    const rows = [['h1', 'h2', 'h3', 'h4'], ['1,50', '1,234', '2.5', '4,50'], ['3', '7', '1', '1.5']];
    const commaColumns = (delimiter: string | undefined) => [0, 1, 2, 3].filter((c) => usesDecimalComma(rows, 1, delimiter, c));
    expect(commaColumns(',')).toEqual([0]);
    expect(commaColumns(';')).toEqual([0, 1]);
    expect(commaColumns(undefined)).toEqual([0]);
  });
});
