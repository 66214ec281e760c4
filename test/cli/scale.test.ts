/**
 * The CLI on a mid-size month (issue 9): 200 k chat records and 60 k orders of
 * a 100-agent shop, generated at test time by the scale bench's generator,
 * with repeated keys and broken rows mixed in. The run completes and every row
 * is accounted for. Its speed and memory are measured by `npm run bench`, not here.
 */
import { afterAll, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli } from '../../src/cli/main';
import { writeShopExports } from '../../bench/shopExports';

const dir = mkdtempSync(join(tmpdir(), 'cs-daily-scale-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('200 k chats + 60 k orders: the CLI completes and the rows read are stored, replaced, rejected or skipped', async () => {
  const files = await writeShopExports(dir, { consultations: 200_000, orders: 60_000 });
  const out: string[] = [];
  const code = await runCli(['--out', join(dir, 'out'), '--lang', 'en', '--period', 'month', '--roster', files.roster, files.consultations, files.orders], (l) => out.push(l), (l) => out.push(l));
  expect(code).toBe(0);

  const counts = /Rows read: (\d+); stored (\d+), replaced (\d+), rejected (\d+), skipped (\d+)/.exec(out.join('\n'));
  expect(counts).not.toBeNull();
  const [read, stored, replaced, rejected, skipped] = counts!.slice(1).map(Number);
  expect(read).toBe(260_000);
  expect(stored + replaced + rejected + skipped).toBe(read);
  // The generator's repeats are identical rows (replaced, no conflict); its broken rows are rejected, one each.
  expect(replaced).toBe(files.repeats.consultations + files.repeats.orders);
  expect(rejected).toBe(files.broken.consultations + files.broken.orders);
  expect(files.repeats.consultations).toBeGreaterThan(0);
  expect(files.broken.orders).toBeGreaterThan(0);
  expect(out.join('\n')).toContain(`(${replaced} identical`);

  // Each rejected row is a line of the import errors, with its file and the column that failed.
  const errors = Papa.parse<string[]>(readFileSync(join(dir, 'out', 'import-errors.csv'), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
  expect(errors).toHaveLength(rejected);
  expect(new Set(errors.map((e) => e[0]))).toEqual(new Set(['consultations.csv', 'orders.csv']));
  expect(existsSync(join(dir, 'out', 'report.xlsx'))).toBe(true);
  // Every agent of the roster worked the month and is ranked.
  expect(out.join('\n')).toMatch(/Ranking 2026-10: 100 ranked/);
});
