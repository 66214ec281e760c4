/**
 * Parser errors become rejections (issue 9.4): one unclosed or runaway quote
 * costs its own line, never the rest of the file, and a file whose quotes are
 * broken everywhere is refused with a message that says so.
 */
import { describe, expect, test } from 'vitest';
import { importFile, parseDelimited } from '../../src/import';
import { parseDelimitedTable } from '../../src/import/delimited';
import { encodedFile, textFile } from './helpers';

const HEADER = '订单编号,买家会员名,订单创建时间,订单付款时间,实付金额,宝贝总数量,订单状态,卖家备注';

/** `count` order lines; `line(i)` may replace the i-th (0-based) data line. */
function ordersText(count: number, line: (i: number) => string | null = () => null): string {
  const lines = [HEADER];
  for (let i = 0; i < count; i++) lines.push(line(i) ?? `${7_000_000 + i},tb_${i},2026-11-03 10:00:00,,10.00,1,交易成功,ok`);
  return lines.join('\n') + '\n';
}

function counts(table: { rowsRead: number; orders: unknown[]; rejected: unknown[]; skipped: unknown[] }) {
  return { read: table.rowsRead, stored: table.orders.length, rejected: table.rejected.length, skipped: table.skipped.length };
}

describe('an unclosed quote in the middle of a 1 000-row file', () => {
  const bad = (i: number) => (i === 500 ? `${7_000_000 + i},tb_${i},2026-11-03 10:00:00,,10.00,1,交易成功,"客服101 已核对` : null);

  test('costs only its own line, rejected with its row, an empty column and the reason', async () => {
    const result = await importFile(textFile('orders.csv', ordersText(1000, bad)), { language: 'en' });
    const table = result.tables[0];
    expect(counts(table)).toEqual({ read: 1000, stored: 999, rejected: 1, skipped: 0 });
    expect(table.rejected[0]).toMatchObject({ file: 'orders.csv', row: 502, column: '' });
    expect(table.rejected[0].reason).toContain('Line 502');
    expect(table.rejected[0].reason).toContain('never closed');
    expect(table.orders.map((o) => o.orderId)).not.toContain('7000500');
    expect(table.orders.map((o) => o.orderId)).toContain('7000501');
    expect(table.orders.at(-1)?.orderId).toBe('7000999');
  });

  test('reads the same from GBK, with the reason in Chinese', async () => {
    const result = await importFile(encodedFile('orders.csv', ordersText(1000, bad), 'gbk'), { language: 'zh' });
    const table = result.tables[0];
    expect(table.encoding).toBe('gb18030');
    expect(counts(table)).toEqual({ read: 1000, stored: 999, rejected: 1, skipped: 0 });
    expect(table.rejected[0].reason).toContain('第 502 行');
  });
});

describe('a quote that runs to the next quote further down', () => {
  // Later rows quote their amounts ("1,000.00"): the stray quote closes there and swallows the rows between.
  const text = ordersText(1000, (i) => {
    if (i === 300) return `${7_000_000 + i},tb_${i},2026-11-03 10:00:00,,10.00,1,交易成功,"备注`;
    if (i >= 305 && i % 2 === 1) return `${7_000_000 + i},tb_${i},2026-11-03 10:00:00,,"1,000.00",1,交易成功,ok`;
    return null;
  });

  test('is rejected on its line and every row after it is stored', async () => {
    const table = (await importFile(textFile('orders.csv', text), { language: 'en' })).tables[0];
    expect(counts(table)).toEqual({ read: 1000, stored: 999, rejected: 1, skipped: 0 });
    expect(table.rejected[0]).toMatchObject({ row: 302, column: '' });
    expect(table.rejected[0].reason).toContain('swallows');
    expect(table.orders.find((o) => o.orderId === '7000305')?.amount).toBe(1000);
  });

  test('also when the closing quote sits in the same column, the rows between being whole records', async () => {
    const sameColumn = ordersText(100, (i) => {
      if (i === 10) return `${7_000_000 + i},tb_${i},2026-11-03 10:00:00,,10.00,1,交易成功,"备注`;
      if (i === 15) return `${7_000_000 + i},tb_${i},2026-11-03 10:00:00,,10.00,1,交易成功,"a, b"`;
      return null;
    });
    const table = (await importFile(textFile('orders.csv', sameColumn), { language: 'en' })).tables[0];
    expect(counts(table)).toEqual({ read: 100, stored: 99, rejected: 1, skipped: 0 });
    expect(table.orders.find((o) => o.orderId === '7000015')?.remark).toBe('a, b');
  });
});

describe('quoted cells that legitimately span lines', () => {
  test('a remark over three lines is one cell of one row', () => {
    const text = 'id,remark,amount\n1,"第一行\n第二行\n第三行",10\n2,ok,20\n';
    expect(parseDelimitedTable(text)).toMatchObject({ rows: [['id', 'remark', 'amount'], ['1', '第一行\n第二行\n第三行', '10'], ['2', 'ok', '20']], problems: [] });
  });

  test('a remark longer than 20 lines is taken for a runaway quote', () => {
    const long = Array.from({ length: 25 }, (_, i) => `l${i}`).join('\n');
    const parsed = parseDelimitedTable(`id,remark,amount\n1,"${long}",10\n2,ok,20\n`);
    expect(parsed.problems).toEqual([{ row: 2, line: 2, code: 'RunawayQuote' }]);
    // The swallowed lines are read on as rows of their own, so nothing vanishes.
    expect(parsed.rows).toHaveLength(2 + 25);
  });
});

describe('quotes broken beyond recovery', () => {
  test('the file is refused with a clear message, not half read', async () => {
    const text = ordersText(200, (i) => `${7_000_000 + i},"tb_${i},2026-11-03 10:00:00,,10.00,1,交易成功,ok`);
    const result = await importFile(textFile('orders.csv', text), { language: 'en' });
    expect(result.tables).toHaveLength(0);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0].reason).toContain('quotes (") of this file are broken');
    expect(result.refused[0].reason).toContain('line 2');
  });

  test('settings and roster files (rows only) keep working through parseDelimited', () => {
    expect(parseDelimited('a,b\n"x\n1,2\n')).toEqual([['a', 'b'], ['"x'], ['1', '2']]);
  });
});

describe('rows wider or shorter than the table', () => {
  test('an unquoted 1,234.50 in a comma file is rejected, not read as amount 1 and 234.50 items', async () => {
    const text = ordersText(10, (i) => (i === 3 ? `${7_000_000 + i},tb_${i},2026-11-03 10:00:00,,1,234.50,1,交易成功,ok` : null));
    const table = (await importFile(textFile('orders.csv', text), { language: 'en' })).tables[0];
    expect(counts(table)).toEqual({ read: 10, stored: 9, rejected: 1, skipped: 0 });
    expect(table.rejected[0]).toMatchObject({ row: 5, column: '' });
    expect(table.rejected[0].reason).toContain('Line 5 has 9 cells where the table has 8');
  });

  test('a cut-off last line (no line break, too few cells) is rejected', async () => {
    const text = ordersText(10).slice(0, -1) + '\n7999999,tb_x,2026-11-03 10:00:00,,39';
    const table = (await importFile(textFile('orders.csv', text), { language: 'zh' })).tables[0];
    expect(counts(table)).toEqual({ read: 11, stored: 10, rejected: 1, skipped: 0 });
    expect(table.rejected[0].row).toBe(12);
    expect(table.rejected[0].reason).toContain('文件似乎不完整');
  });

  test('rows all one cell wider than the header (a trailing delimiter) are data', async () => {
    const text = ordersText(10).replace(/ok\n/g, 'ok,\n');
    const table = (await importFile(textFile('orders.csv', text), { language: 'en' })).tables[0];
    expect(counts(table)).toEqual({ read: 10, stored: 10, rejected: 0, skipped: 0 });
  });

  test('a short total row at the end of a file with a final line break stays a skipped total', async () => {
    const text = ordersText(10) + '合计,,,,100.00\n';
    const table = (await importFile(textFile('orders.csv', text), { language: 'en' })).tables[0];
    expect(counts(table)).toEqual({ read: 11, stored: 10, rejected: 0, skipped: 1 });
  });
});

describe('a row cut short in the middle of the file', () => {
  test('is rejected when it stops before a figure, and kept when only empty trailing text is missing', async () => {
    const full = (i: number) => `${7_000_000 + i},tb_${i},2026-11-03 10:00:00,2026-11-03 10:05:00,10.00,1,交易成功,ok`;
    const text = ordersText(10, (i) => (i === 3 ? full(i).split(',').slice(0, 4).join(',') : i === 6 ? full(i).split(',').slice(0, 7).join(',') : null));
    const table = (await importFile(textFile('orders.csv', text), { language: 'en' })).tables[0];
    expect(counts(table)).toEqual({ read: 10, stored: 9, rejected: 1, skipped: 0 });
    expect(table.rejected[0]).toMatchObject({ row: 5, column: '实付金额' });
    expect(table.rejected[0].reason).toContain('ends before 实付金额 (4 of 8 cells)');
    expect(table.orders.find((o) => o.orderId === '7000006')).toMatchObject({ amount: 10, remark: '' });
  });
});
