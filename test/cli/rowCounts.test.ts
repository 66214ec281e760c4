/**
 * The CLI's row accounting (issue 9.4 and 9.6): every row read is stored,
 * replaced by a later row with the same key, rejected or skipped, and the
 * printed counts add up; duplicate keys with different values are import
 * errors that name the winner.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import { runCli } from '../../src/cli/main';
import { loadInput } from '../../src/cli/load';
import { parseArgs } from '../../src/cli/args';

const ORDERS = '订单编号,买家会员名,订单创建时间,订单付款时间,实付金额,宝贝总数量,订单状态,卖家备注';
const CHATS = '买家昵称,客服,会话开始时间,首次响应时长(秒),买家消息数,客服消息数,咨询类型';

const order = (id: string, amount = '10.00', remark = 'ok') => `${id},tb_${id},2026-11-03 10:00:00,2026-11-03 10:05:00,${amount},1,交易成功,${remark}`;

function write(dir: string, name: string, lines: string[], encoding: 'utf8' | 'gbk' = 'utf8'): string {
  const path = join(dir, name);
  const text = lines.join('\n') + '\n';
  writeFileSync(path, encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
  return path;
}

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

function options(args: string[]) {
  const parsed = parseArgs(args);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.options;
}

/** The numbers of the printed run line `Rows read: N; stored S, replaced R, rejected J, skipped K.` */
function printedCounts(out: string[]) {
  const line = out.find((l) => l.startsWith('Rows read:'));
  expect(line, out.join('\n')).toBeDefined();
  const [read, stored, replaced, rejected, skipped] = (line!.match(/\d+/g) ?? []).map(Number);
  return { read, stored, replaced, rejected, skipped };
}

describe('duplicate order IDs and consultations, inside a file and across files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-dups-'));
  const a = write(dir, 'orders-a.csv', [ORDERS, order('1'), order('2'), order('3'), order('2'), order('4', '10.00')]);
  // b repeats 1 identically, 4 with another amount, and adds 5; its title line and total row are skipped.
  const b = write(dir, 'orders-b.csv', ['订单报表 2026-11-03', ORDERS, order('1'), order('4', '99.00'), order('5'), '合计,,,,119.00,3,,'], 'gbk');
  const chats = write(dir, 'chats.csv', [CHATS, 'tb_1,小丸子,2026-11-03 09:00:00,5,2,2,售前', 'tb_1,小丸子,2026-11-03 09:00:00,5,2,2,售前', 'tb_2,小丸子,2026-11-03 09:30:00,5,2,2,售前']);

  test('the run line adds up and counts the rows the later ones replaced', async () => {
    const { code, out } = await cli(['--out', join(dir, 'out'), '--lang', 'en', '--date', '2026-11-03', a, b, chats]);
    expect(code).toBe(0);
    const counts = printedCounts(out);
    // a: 5 rows; b: title + 4 rows (total row skipped); chats: 3 rows.
    expect(counts).toEqual({ read: 5 + 5 + 3, stored: 5 + 2, replaced: 4, rejected: 0, skipped: 2 });
    expect(counts.stored + counts.replaced + counts.rejected + counts.skipped).toBe(counts.read);
    expect(out.some((l) => l.includes('Replaced: 4 rows') && l.includes('3 identical') && l.includes('1 keys with different values'))).toBe(true);
  });

  test('the differing key is one import-error line naming every place and the winner', async () => {
    const loaded = await loadInput(options(['--out', dir, '--lang', 'en', a, b, chats]));
    expect(loaded.input.orders.map((o) => o.orderId)).toEqual(['1', '2', '3', '4', '5']);
    expect(loaded.input.orders.find((o) => o.orderId === '4')?.amount).toBe(99);
    expect(loaded.input.consultations).toHaveLength(2);
    const lines = loaded.input.rejections.filter((r) => r.reason.includes('appears'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ file: 'orders-a.csv', row: 6, column: '' });
    expect(lines[0].reason).toContain('Order 4 appears 2 times with different values (amount)');
    expect(lines[0].reason).toContain('orders-a.csv row 6, orders-b.csv row 4');
    expect(lines[0].reason).toContain('The last one read, orders-b.csv row 4, is kept');
    expect(loaded.counts).toMatchObject({ identical: 3, conflicts: 1 });
  });

  test('the import-errors CSV carries the line', async () => {
    await cli(['--out', join(dir, 'out2'), '--lang', 'zh', '--date', '2026-11-03', a, b]);
    const rows = Papa.parse<string[]>(readFileSync(join(dir, 'out2', 'import-errors.csv'), 'utf8').slice(1), { skipEmptyLines: true }).data;
    expect(rows.some((r) => r.join(' ').includes('订单 4 出现 2 次且数值不同'))).toBe(true);
  });
});

describe('a 1 000-row file with one bad quote, through the CLI', () => {
  test('999 stored, 1 rejected, and the run line adds up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-quote-'));
    const lines = [ORDERS];
    for (let i = 0; i < 1000; i++) lines.push(order(String(5_000_000 + i), '10.00', i === 400 ? '"客服101 已核对' : 'ok'));
    const path = write(dir, 'orders.csv', lines, 'gbk');
    const { code, out } = await cli(['--out', join(dir, 'out'), '--lang', 'en', '--date', '2026-11-03', path]);
    expect(code).toBe(0);
    expect(printedCounts(out)).toEqual({ read: 1000, stored: 999, replaced: 0, rejected: 1, skipped: 0 });
  });
});

describe('the replaced line', () => {
  test('names no import errors when every repeat was identical', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-same-'));
    const path = write(dir, 'orders.csv', [ORDERS, order('1'), order('2')]);
    const { out } = await cli(['--out', join(dir, 'out'), '--lang', 'en', '--date', '2026-11-03', path, path]);
    expect(printedCounts(out)).toEqual({ read: 4, stored: 2, replaced: 2, rejected: 0, skipped: 0 });
    expect(out).toContain('Replaced: 2 rows had the key of a later row (2 identical). The later row wins.');
  });
});
