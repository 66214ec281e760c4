/**
 * The CLI on real files: the fixture shop's raw exports in their own
 * encodings, twins in UTF-16 and GBK, an agent-day export with a title line
 * and a 合计 row; the outputs read back from disk.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCli } from '../../src/cli/main';
import { FIXTURES, fixtureExpected } from '../support/fixtures';

const fixture = (name: string) => join(FIXTURES, name);
const readCsv = (path: string) => {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data as string[][];
  return { header: rows[0], rows: rows.slice(1) };
};
async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('raw consultations + orders of the fixture shop', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-cli-'));
  let result: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    result = await cli(['--out', dir, '--lang', 'en', '--date', '2026-11-03', '--roster', fixture('roster.csv'), fixture('consultations.csv'), fixture('orders.csv')]);
  });

  test('exits 0 and writes report.xlsx and the five CSVs', () => {
    expect(result.code).toBe(0);
    for (const name of ['report.xlsx', 'daily.csv', 'ranking.csv', 'review.csv', 'payroll.csv', 'scorecard.csv', 'unattributed.csv', 'import-errors.csv']) expect(existsSync(join(dir, name)), name).toBe(true);
  });

  test('daily.csv holds the expected.json figures of 2026-11-03 for every agent', () => {
    const { header, rows } = readCsv(join(dir, 'daily.csv'));
    const col = (name: string) => header.indexOf(name);
    const expected = fixtureExpected().stats;
    const agents = Object.keys(expected).filter((k) => k.startsWith('2026-11-03|'));
    expect(rows).toHaveLength(agents.length);
    for (const row of rows) {
      const want = expected[`2026-11-03|${row[col('Agent')]}`];
      expect(Number(row[col('Inquiries')])).toBe(want.inquiries);
      expect(Number(row[col('Placed')])).toBe(want.placed);
      expect(Number(row[col('Paid')])).toBe(want.paid);
      expect(Number(row[col('Consultations')])).toBe(want.consultations);
      expect(Number(row[col('Excluded')])).toBe(want.excluded);
      expect(row[col('Sales')]).toBe(want.sales.toFixed(2));
      // Seconds with 2 decimals, rates with 4 (docs/decisions.md, "CSV numbers").
      expect(Number(row[col('First response (s)')])).toBeCloseTo(want.firstResponseSec, 2);
      expect(row[col('Inquiry conversion')]).toBe((want.paid / want.inquiries).toFixed(4));
    }
  });

  test('ranking.csv: team C for the day is 131 / 393, each gap is agent C − team C', () => {
    const { header, rows } = readCsv(join(dir, 'ranking.csv'));
    const c = header.indexOf('Inquiry conversion');
    const gap = header.indexOf('Gap to team');
    for (const row of rows) {
      expect(row[gap]).toMatch(/^-?\d\.\d{4}$/);
      // Both are rounded to 4 decimals: they agree to within their two roundings.
      expect(Math.abs(Number(row[gap]) - (Number(row[c]) - 131 / 393))).toBeLessThanOrEqual(0.0001);
    }
    const ranks = rows.map((r) => r[0]).filter((r) => r !== '').map(Number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  test('unattributed.csv lists the 232 paid orders without an agent ID', () => {
    const { rows } = readCsv(join(dir, 'unattributed.csv'));
    expect(rows.map((r) => r[0]).sort()).toEqual([...fixtureExpected().unattributed].sort());
  });

  test('payroll.csv: commission is 1 % of each agent ID\'s attributed sales', () => {
    const { header, rows } = readCsv(join(dir, 'payroll.csv'));
    const attributed = fixtureExpected().attributed;
    for (const row of rows) expect(row[header.indexOf('Commission')]).toBe((attributed[row[1]] * 0.01).toFixed(2));
  });

  test('report.xlsx opens with the five tabs, formats and a native chart on the daily tab', async () => {
    const bytes = readFileSync(join(dir, 'report.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Daily', 'Ranking', 'Payroll', 'Scorecard', 'Chats to review', 'Unattributed', 'Import errors']);
    const daily = book.getWorksheet('Daily')!;
    expect(String(daily.getCell('A1').value)).toContain('2026-11-03');
    const percentCells: string[] = [];
    daily.eachRow((row) => row.eachCell((cell) => cell.numFmt?.includes('%') && percentCells.push(cell.address)));
    expect(percentCells.length).toBeGreaterThan(6);
    const zip = await JSZip.loadAsync(bytes);
    const chart = Object.keys(zip.files).find((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(chart).toBeDefined();
    expect(await zip.file(chart!)!.async('string')).toContain("'Daily'!");
  });
});

describe('every kind in every encoding', () => {
  test('agent-day exports (GBK with title line and 合计; UTF-8 English with Total) count no total as an agent', async () => {
    for (const name of ['agent_day.csv', 'agent_day_en.csv']) {
      const dir = mkdtempSync(join(tmpdir(), 'csdaily-ad-'));
      const { code } = await cli(['--out', dir, '--date', '2026-11-03', '--period', 'month', fixture(name)]);
      expect(code).toBe(0);
      const { rows } = readCsv(join(dir, 'ranking.csv'));
      const agents = rows.map((r) => r[1]).sort();
      expect(agents).toEqual(['乔巴', '小丸子', '小明', '小红', '美美', '阿杰']);
      const { header, rows: daily } = readCsv(join(dir, 'daily.csv'));
      const inquiries = daily.reduce((s, r) => s + Number(r[header.indexOf('Inquiries')]), 0);
      expect(inquiries).toBe(393);
    }
  });

  test('UTF-16 LE (tab-separated, BOM) and GBK twins of the raw files give the same CSVs as the originals', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'csdaily-enc-'));
    const consultations = iconv.decode(readFileSync(fixture('consultations.csv')), 'utf-8').replace(/^\uFEFF/, '');
    const orders = iconv.decode(readFileSync(fixture('orders.csv')), 'gb18030');
    const asTabs = (text: string) => Papa.unparse(Papa.parse<string[]>(text, { skipEmptyLines: true }).data as string[][], { delimiter: '\t' });
    writeFileSync(join(tmp, 'consultations-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(asTabs(consultations), 'utf-16le')]));
    writeFileSync(join(tmp, 'orders-utf8.csv'), orders);
    writeFileSync(join(tmp, 'consultations-gbk.csv'), iconv.encode(consultations, 'gbk'));
    const run = async (files: string[]) => {
      const dir = mkdtempSync(join(tmpdir(), 'csdaily-out-'));
      expect((await cli(['--out', dir, '--date', '2026-11-05', '--roster', fixture('roster.csv'), ...files])).code).toBe(0);
      return ['daily.csv', 'ranking.csv', 'payroll.csv', 'unattributed.csv'].map((f) => readFileSync(join(dir, f), 'utf8'));
    };
    const original = await run([fixture('consultations.csv'), fixture('orders.csv')]);
    expect(await run([join(tmp, 'consultations-utf16.txt'), join(tmp, 'orders-utf8.csv')])).toEqual(original);
    expect(await run([join(tmp, 'consultations-gbk.csv'), fixture('orders.csv')])).toEqual(original);
  });

  test('the same file twice replaces rather than doubles', async () => {
    const once = mkdtempSync(join(tmpdir(), 'csdaily-once-'));
    const twice = mkdtempSync(join(tmpdir(), 'csdaily-twice-'));
    await cli(['--out', once, '--date', '2026-11-03', fixture('consultations.csv'), fixture('orders.csv')]);
    await cli(['--out', twice, '--date', '2026-11-03', fixture('consultations.csv'), fixture('orders.csv'), fixture('consultations.csv')]);
    expect(readFileSync(join(twice, 'daily.csv'), 'utf8')).toBe(readFileSync(join(once, 'daily.csv'), 'utf8'));
  });
});

describe('rules from --rules', () => {
  test('a shorter repeat window and a same-day attribution change the numbers; unknown settings reach import-errors.csv', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'csdaily-rules-'));
    writeFileSync(join(tmp, 'rules.csv'), 'setting,value,amount\nrepeat_window_hours,1,\nattribution_window,same_day,\nbonus_for_smiles,1,100\n');
    const base = mkdtempSync(join(tmpdir(), 'csdaily-base-'));
    const ruled = mkdtempSync(join(tmpdir(), 'csdaily-ruled-'));
    await cli(['--out', base, '--date', '2026-11-03', fixture('consultations.csv'), fixture('orders.csv')]);
    await cli(['--out', ruled, '--date', '2026-11-03', '--rules', join(tmp, 'rules.csv'), fixture('consultations.csv'), fixture('orders.csv')]);
    const total = (dir: string, column: string) => {
      const { header, rows } = readCsv(join(dir, 'daily.csv'));
      return rows.reduce((s, r) => s + Number(r[header.indexOf(column)]), 0);
    };
    expect(total(base, 'Inquiries')).toBe(393);
    expect(total(ruled, 'Inquiries')).toBeGreaterThan(393);
    expect(total(ruled, 'Paid')).toBeLessThan(131);
    const { rows } = readCsv(join(ruled, 'import-errors.csv'));
    expect(rows).toEqual([['rules.csv', '4', 'setting', 'bonus_for_smiles: unknown setting']]);
  });
});

describe('bad input', () => {
  test('rejected rows reach import-errors.csv with file, row, column and reason', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'csdaily-bad-'));
    const path = join(tmp, 'orders-bad.csv');
    writeFileSync(path, '订单编号,买家会员名,订单创建时间,订单付款时间,实付金额\n1,b1,2026-11-02 10:00:00,,12.5\n2,b2,not a date,,10\n3,b3,2026-11-02 11:00:00,,abc\n');
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-badout-'));
    expect((await cli(['--out', dir, path])).code).toBe(0);
    const { header, rows } = readCsv(join(dir, 'import-errors.csv'));
    expect(header).toEqual(['File', 'Row', 'Column', 'Reason']);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['orders-bad.csv', '3', '订单创建时间'],
      ['orders-bad.csv', '4', '实付金额'],
    ]);
    expect(rows.every((r) => r[3].length > 0)).toBe(true);
  });

  test('nothing importable: exit code 2 and a message naming the problem', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'csdaily-none-'));
    const path = join(tmp, 'notes.csv');
    writeFileSync(path, 'colour,size\nred,3\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--out', join(tmp, 'out'), path], { cwd: join(__dirname, '../..'), encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toContain('notes.csv');
    expect(run.stdout).toContain('Headers seen: colour, size');
    expect(run.stderr).toContain('Nothing could be imported');
  });

  test('a wrong option prints the usage and exits 64', async () => {
    const { code, err } = await cli(['--out', 'x', '--period', 'year', 'a.csv']);
    expect(code).toBe(64);
    expect(err.join('\n')).toContain('--period');
  });
});
