/**
 * `--store FILE.duckdb`: the fixtures' shop split into two days of files
 * (chats, orders, agent-day stats, and a rejected row on each day), imported
 * one day per run, gives the same CSVs and owner's message, byte for byte, as
 * one run over every file; `--store` alone rebuilds them; a day imported
 * again replaces its records instead of doubling them.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import { runCli } from '../../src/cli/main';
import { FIXTURES } from '../support/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'cs-daily-store-'));
const roster = join(FIXTURES, 'roster.csv');
const SPLIT = '2026-11-07';

/** Writes the fixture's rows of day 1 (≤ SPLIT) and day 2 as two UTF-8 files, plus an extra row on each. */
function split(file: string, encoding: string, dateColumn: number, extra: [string[], string[]]): [string, string] {
  const text = iconv.decode(readFileSync(join(FIXTURES, file)), encoding).replace(/^\uFEFF/, '');
  const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const paths: [string, string] = [join(dir, `day1-${file}`), join(dir, `day2-${file}`)];
  [rows.filter((r) => r[dateColumn].slice(0, 10) <= SPLIT), rows.filter((r) => r[dateColumn].slice(0, 10) > SPLIT)].forEach((part, i) => {
    writeFileSync(paths[i], Papa.unparse([header, ...part, extra[i]]));
  });
  return paths;
}

async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--lang', 'en', '--now', '2026-11-20', '--roster', roster, ...args], (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

/** Every CSV and summary.txt of an output directory, by name. */
function outputs(out: string): Map<string, string> {
  return new Map(readdirSync(out).filter((f) => f.endsWith('.csv') || f.endsWith('.txt')).map((f) => [f, readFileSync(join(out, f), 'latin1')]));
}

let chats: [string, string];
let orders: [string, string];
let stats: [string, string];
beforeAll(() => {
  chats = split('consultations.csv', 'utf-8', 2, [['tb_x', '小丸子', 'not a time', '3', '1', '1', '售前'], ['tb_y', '乔巴', '2026-11-13 10:00:00', 'x', '1', '1', '售前']]);
  orders = split('orders.csv', 'gb18030', 2, [['E1', 'tb_1_00001', '2026-11-02 10:00:00', '', 'lots', '1', '交易成功', '否', '', ''], ['E2', 'tb_1_00002', 'yesterday', '', '10', '1', '交易成功', '否', '', '']]);
  stats = split('agent_day_en.csv', 'utf-8', 0, [['2026-11-03', '', '1', '1', '1', '1', '1', '1'], ['2026-11-09', 'Agent Z', '-5', '1', '1', '1', '1', '1']]);
});

describe('--store FILE.duckdb', () => {
  test('day 1 then day 2 into a store = one run over both days; --store alone rebuilds the same', async () => {
    const store = join(dir, 'shop.duckdb');
    const day1 = await run('--store', store, '--out', join(dir, 'out1'), chats[0], orders[0], stats[0]);
    expect(day1.code, day1.err.join('\n')).toBe(0);
    const day2 = await run('--store', store, '--out', join(dir, 'out2'), chats[1], orders[1], stats[1]);
    expect(day2.code, day2.err.join('\n')).toBe(0);
    expect(day2.out.join('\n')).toMatch(/Store .*shop\.duckdb: \d+ records added this run, 0 of them replacing/);
    const once = await run('--out', join(dir, 'once'), chats[0], orders[0], stats[0], chats[1], orders[1], stats[1]);
    expect(once.code, once.err.join('\n')).toBe(0);
    const rebuilt = await run('--store', store, '--out', join(dir, 'rebuilt'));
    expect(rebuilt.code, rebuilt.err.join('\n')).toBe(0);

    const want = outputs(join(dir, 'once'));
    expect([...want.keys()].sort()).toEqual(['daily.csv', 'import-errors.csv', 'payroll.csv', 'ranking.csv', 'review.csv', 'scorecard.csv', 'summary.txt', 'unattributed.csv']);
    // The rejected rows of both days are in the errors, so that file is a real check of the stored rejections.
    expect(want.get('import-errors.csv')!.split('\n').length).toBeGreaterThan(6);
    for (const out of ['out2', 'rebuilt']) {
      const got = outputs(join(dir, out));
      expect([...got.keys()].sort(), out).toEqual([...want.keys()].sort());
      for (const [name, text] of want) expect(got.get(name), `${out}/${name}`).toBe(text);
    }
  });

  test('a day imported again replaces its records (nothing doubles) and its rejected rows', async () => {
    const store = join(dir, 'again.duckdb');
    await run('--store', store, '--out', join(dir, 'a1'), chats[0], orders[0]);
    const again = await run('--store', store, '--out', join(dir, 'a2'), chats[0], orders[0]);
    expect(again.code).toBe(0);
    const added = again.out.find((l) => l.startsWith('Store '))!;
    const [, stored, replaced] = /: (\d+) records added this run, (\d+) of them replacing/.exec(added)!;
    expect(Number(replaced)).toBe(Number(stored));
    expect(Number(stored)).toBeGreaterThan(3000);
    const once = await run('--out', join(dir, 'a-once'), chats[0], orders[0]);
    expect(once.code).toBe(0);
    for (const [name, text] of outputs(join(dir, 'a-once'))) expect(outputs(join(dir, 'a2')).get(name), name).toBe(text);
  });

  test('--store alone on an empty store says what to give, and writes nothing', async () => {
    const result = await run('--store', join(dir, 'empty.duckdb'), '--out', join(dir, 'empty-out'));
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toContain('holds no records yet');
    expect(existsSync(join(dir, 'empty-out', 'report.xlsx'))).toBe(false);
  });

  test('without --store, files are still required', async () => {
    const result = await run('--out', join(dir, 'none'));
    expect(result.code).toBe(64);
  });
});
