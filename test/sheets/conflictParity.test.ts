/**
 * Keys read more than once with different values, through the CLI and through
 * the sidebar's path into the BUILT bundle: the same import-error lines (in
 * the spreadsheet's language), and the same four counts; the sidebar's
 * summary counts the lines.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Rejection } from '../../src/core/types';
import { throughCli, throughSheets } from '../support/ingestAdapters';

const dir = mkdtempSync(join(tmpdir(), 'conflicts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = '订单编号,买家会员名,订单创建时间,订单付款时间,实付金额,宝贝总数量,订单状态,是否使用优惠券,卖家备注,旗帜';
const order = (id: string, amount: string, status = '交易成功') => `${id},tb_${id},2026-11-03 10:00:00,2026-11-03 11:00:00,${amount},1,${status},否,101,`;

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

/**
 * Order 1 three times, its amount changed (rows 2, 5 and 9: in three chunks of
 * two); order 2 twice identically; order 3 with its status changed; a row
 * with no amount rejected; a total row skipped.
 */
const DAMAGED = file('damaged.csv', [
  HEADER,
  order('1', '10.00'),
  order('2', '20.00'),
  order('3', '30.00'),
  order('1', '11.00'),
  order('2', '20.00'),
  order('4', 'abc'),
  order('3', '30.00', '交易关闭'),
  order('1', '12.00'),
  '合计,,,,,3,,,,',
]);
/** A later export: order 1 with yet another amount, order 5 new. */
const LATER = file('later.csv', [HEADER, order('1', '13.00'), order('5', '50.00')]);

const lines = (errors: readonly Rejection[]) => errors.map((r) => `${r.file}|${r.row}|${r.column}|${r.reason}`).sort();
const conflictLines = (errors: readonly Rejection[], count: number) => errors.slice(errors.length - count);

describe('duplicate keys with different values, through the CLI and the built bundle', () => {
  for (const language of ['en', 'zh'] as const) {
    it(`one damaged file (${language}): the same lines, the same four counts, in the spreadsheet's language`, async () => {
      const args = ['--lang', language, DAMAGED];
      const cli = await throughCli(args);
      const sheets = await throughSheets(args, 2);
      expect(cli.counts).toEqual({ read: 9, stored: 3, replaced: 4, rejected: 1, skipped: 1 });
      expect(sheets.counts).toEqual(cli.counts);
      expect(cli.conflictCount).toBe(2);
      expect(sheets.conflictCount).toBe(2);
      const expected = conflictLines(cli.errors, cli.conflictCount);
      // Each line sits on the first row its key was read, and names every place and the winner.
      expect(expected.map((r) => [r.file, r.row])).toEqual([
        ['damaged.csv', 2],
        ['damaged.csv', 4],
      ]);
      const [first, second] = expected.map((r) => r.reason);
      if (language === 'en') {
        expect(first).toBe(
          'Order 1 appears 3 times with different values (amount): damaged.csv row 2, damaged.csv row 5, damaged.csv row 9. The last one read, damaged.csv row 9, is kept: a later row, or a file given later, replaces an earlier one.',
        );
        expect(second).toContain('Order 3 appears 2 times with different values (status): damaged.csv row 4, damaged.csv row 8.');
      } else {
        expect(first).toBe('订单 1 出现 3 次且数值不同（amount）：damaged.csv 第 2 行, damaged.csv 第 5 行, damaged.csv 第 9 行。保留最后读到的 damaged.csv 第 9 行：后面的行、或后给出的文件，替换前面的。');
        expect(second).toContain('订单 3 出现 2 次且数值不同');
      }
      expect(lines(sheets.errors)).toEqual(lines(cli.errors));
    });
  }

  it('two files sent together: a key in both is one line naming both files, as the CLI finds it across its files', async () => {
    const args = ['--lang', 'en', DAMAGED, LATER];
    const cli = await throughCli(args);
    const sheets = await throughSheets(args, 2);
    expect(sheets.counts).toEqual(cli.counts);
    expect(sheets.conflictCount).toBe(cli.conflictCount);
    const [orderOne] = conflictLines(cli.errors, cli.conflictCount);
    expect(orderOne.reason).toContain('Order 1 appears 4 times with different values (amount)');
    expect(orderOne.reason).toContain('The last one read, later.csv row 2, is kept');
    expect(lines(sheets.errors)).toEqual(lines(cli.errors));
  });
});
