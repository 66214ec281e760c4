/**
 * Tables past ~125 000 rows: appending them with `push(...rows)` overflowed
 * the call stack. Here 130 000 orders and 130 000 rejected rows load.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInput } from '../../src/cli/load';
import { parseArgs } from '../../src/cli/args';

const ROWS = 130_000;

function ordersCsv(amount: (i: number) => string): string {
  const lines = ['订单编号,买家会员名,订单创建时间,订单付款时间,实付金额,宝贝总数量,订单状态'];
  for (let i = 0; i < ROWS; i++) lines.push(`${9_000_000 + i},tb_${i % 500},2026-11-03 10:00:00,,${amount(i)},1,交易成功`);
  return lines.join('\n') + '\n';
}

function options(files: string[]) {
  const parsed = parseArgs(['--out', tmpdir(), '--lang', 'en', ...files]);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.options;
}

describe('tables larger than the call stack allows to spread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-large-'));

  test('130 000 accepted orders all reach the report input', async () => {
    const path = join(dir, 'orders.csv');
    writeFileSync(path, ordersCsv(() => '10.00'));
    const loaded = await loadInput(options([path]));
    expect(loaded.input.orders).toHaveLength(ROWS);
    expect(loaded.accepted).toBe(ROWS);
  });

  test('130 000 rejected rows all reach the import errors', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, ordersCsv(() => 'abc'));
    const loaded = await loadInput(options([path]));
    expect(loaded.input.orders).toHaveLength(0);
    expect(loaded.input.rejections.filter((r) => r.file === 'bad.csv')).toHaveLength(ROWS);
  });
});
