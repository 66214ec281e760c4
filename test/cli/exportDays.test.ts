/**
 * The CLI on agent-day and shop-level exports as they come (issue 8): a
 * dateless 赤兔 custom report given its day on the command line, a day that is
 * not final yet, shop pages beside the agents' reports.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli } from '../../src/cli/main';
import { parseArgs } from '../../src/cli/args';

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

function write(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, 'utf8');
  return path;
}

function readCsv(path: string): Record<string, string>[] {
  const rows = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data as string[][];
  return rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));
}

/** A 赤兔 custom report as downloaded: Chitu's own column names, no date column, 汇总 and 均值 rows last. */
const CHITU_CUSTOM = [
  '客服昵称,聊天人数(原咨询人数),接待人数,询单人数,询单->最终付款转化率,销售额,回复率',
  '小丸子,40,38,20,25.00%,5000,100%',
  '乔巴,30,30,10,10.00%,800,96.67%',
  '闲置账号,0,0,0,0.00%,0,0%',
  '汇总,70,68,30,16.67%,5800,98%',
  '均值,35,34,15,16.67%,2900,98%',
].join('\n');

describe('a dateless export gets its day from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-days-'));
  const dateless = write(dir, 'report.csv', CHITU_CUSTOM);

  test('--import-date is the day of every file without one; --date stays the report day', async () => {
    const out = join(dir, 'a');
    const run = await cli(['--out', out, '--lang', 'en', '--import-date', '2026-04-20', '--date', '2026-04-20', dateless]);
    expect(run.code).toBe(0);
    const daily = readCsv(join(out, 'daily.csv'));
    // On duty = consultations or receptions: the idle account is stored but not listed.
    expect(daily.map((r) => [r.Date, r.Agent, r.Inquiries, r.Paid])).toEqual([
      ['2026-04-20', '乔巴', '10', '1'],
      ['2026-04-20', '小丸子', '20', '5'],
    ]);
    // 赤兔's own 回复率 is shown as stated, not recomputed as 接待 ÷ 咨询.
    expect(daily.find((r) => r.Agent === '乔巴')!['Response rate']).toBe('0.9667');
  });

  test('FILE@YYYY-MM-DD gives one file its day and wins over --import-date', async () => {
    const out = join(dir, 'b');
    const run = await cli(['--out', out, '--lang', 'en', '--import-date', '2026-04-19', `${dateless}@2026-04-21`]);
    expect(run.code).toBe(0);
    expect(new Set(readCsv(join(out, 'daily.csv')).map((r) => r.Date))).toEqual(new Set(['2026-04-21']));
  });

  test('without a day the rows are rejected, each saying why', async () => {
    const run = await cli(['--out', join(dir, 'c'), '--lang', 'en', dateless]);
    expect(run.code).toBe(2);
    expect(run.err.join('\n')).toMatch(/date/i);
  });

  test('a path with @ but no date stays a path', () => {
    const parsed = parseArgs(['--out', 'o', 'me@shop.csv', 'day.csv@2026-04-21']);
    expect(parsed.ok && parsed.options.files).toEqual([
      { path: 'me@shop.csv', date: null },
      { path: 'day.csv', date: '2026-04-21' },
    ]);
  });
});

describe('a day that is not final yet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-provisional-'));
  const day1 = write(dir, 'chitu_2026-04-20.csv', '客服昵称,咨询人数,询单人数,询单->最终付款转化率\n小丸子,40,20,25%\n');
  const day2 = write(dir, 'chitu_2026-04-21.csv', '客服昵称,咨询人数,询单人数,询单->最终付款转化率\n小丸子,30,延迟统计,延迟统计\n');

  test('is marked provisional, never reported as 0, and not the default day', async () => {
    const out = join(dir, 'a');
    const run = await cli(['--out', out, '--lang', 'en', day1, day2]);
    expect(run.code).toBe(0);
    // The default report day is the last final one.
    expect(readCsv(join(out, 'daily.csv')).map((r) => r.Date)).toEqual(['2026-04-20']);
  });

  test('chosen on purpose, it says so in the flags and in the summary', async () => {
    const out = join(dir, 'b');
    const run = await cli(['--out', out, '--lang', 'en', '--date', '2026-04-21', day1, day2]);
    const row = readCsv(join(out, 'daily.csv'))[0];
    expect(row.Inquiries).toBe('');
    expect(row.Flags).toContain('provisional');
    expect(run.out.join('\n')).toMatch(/2026-04-21 is provisional .*latest final day is 2026-04-20/);
  });

  test('a later import of the same report replaces the provisional figures', async () => {
    const final = write(dir, 'chitu_2026-04-21 (1).csv', '客服昵称,咨询人数,询单人数,询单->最终付款转化率\n小丸子,30,12,25%\n');
    const out = join(dir, 'c');
    const run = await cli(['--out', out, '--lang', 'en', day1, day2, final]);
    expect(run.code).toBe(0);
    const row = readCsv(join(out, 'daily.csv'))[0];
    expect([row.Date, row.Inquiries, row.Paid, row.Flags.includes('provisional')]).toEqual(['2026-04-21', '12', '3', false]);
  });
});

describe('shop-level pages beside the agents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-shop-'));
  const agents = write(dir, 'agents_2026-04-20.csv', '客服昵称,咨询人数,询单人数,最终付款人数,销售额\n小丸子,40,20,5,5000\n乔巴,30,10,1,1000\n');
  const sycm = write(
    dir,
    '业绩询单.csv',
    '日期,类型,询单人数,最终付款人数,最终付款金额,询单最终付款转化率\n2026-04-20,本店,32,7,6500,21.88%\n2026-04-20,同行均值,40,10,8000,25.00%\n2026-04-20,同行优秀,40,14,9000,35.00%\n',
  );
  const overview = write(dir, '店铺概况.csv', '日期,访客数,支付金额,支付买家数\n2026-04-20,5000,10000,40\n');

  test('are read as shop-days, not refused for lacking an agent column', async () => {
    const run = await cli(['--out', join(dir, 'a'), '--lang', 'en', agents, sycm, overview]);
    expect(run.code).toBe(0);
    expect(run.out.filter((l) => l.includes('shop-day figures'))).toHaveLength(2);
    expect(run.out.join('\n')).not.toMatch(/not recognised|refused/i);
  });

  test('the Daily tab compares shop, customer service, silent sales and the platform with its peers', async () => {
    const { readFile } = await import('node:fs/promises');
    const ExcelJS = (await import('exceljs')).default;
    const out = join(dir, 'b');
    await cli(['--out', out, '--lang', 'en', agents, sycm, overview]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(join(out, 'report.xlsx'))) as unknown as ArrayBuffer);
    const lines = new Map<string, unknown>();
    wb.worksheets[0].eachRow((row) => {
      const [label, value] = [row.getCell(1).value, row.getCell(2).value];
      if (typeof label === 'string') lines.set(label, value);
    });
    expect(lines.get('Shop sales (all orders)')).toBe(10000);
    expect(lines.get('Customer-service sales')).toBe(6000);
    expect(lines.get('Customer-service share of shop sales')).toBeCloseTo(0.6, 9);
    expect(lines.get('Silent sales (paid without a chat)')).toBe(4000);
    expect(lines.get('Consultation rate (consultations ÷ visitors)')).toBeCloseTo(70 / 5000, 9);
    expect(lines.get("Inquiry conversion, the platform's own figure")).toBeCloseTo(0.2188, 9);
    expect(lines.get("Inquiry conversion, CS Daily's rules")).toBeCloseTo(6 / 30, 9);
    expect(lines.get('Peer average inquiry conversion (同行均值)')).toBeCloseTo(0.25, 9);
    expect(lines.get('Peer top inquiry conversion (同行优秀)')).toBeCloseTo(0.35, 9);
  });
});

describe('one person with accounts in two shops', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-accounts-'));
  const shopA = write(dir, 'a_2026-04-20.csv', '客服昵称,咨询人数,询单人数,最终付款人数,销售额\n店铺A:丸子,40,20,5,5000\n店铺A:乔巴,30,10,2,900\n');
  const shopB = write(dir, 'b_2026-04-20.csv', '客服昵称,咨询人数,询单人数,最终付款人数,销售额\n店铺B:小丸子,20,10,5,1000\n');
  const roster = write(dir, 'roster.csv', 'agent,agent_id,shift,base_pay,active,accounts\n小丸子,101,day,3000,yes,店铺A:丸子; 店铺B:小丸子\n乔巴,102,day,3000,yes,\n');

  test('has a daily row per account, a subtotal, one ranking line and one payroll line', async () => {
    const out = join(dir, 'a');
    const run = await cli(['--out', out, '--lang', 'en', '--roster', roster, shopA, shopB]);
    expect(run.code).toBe(0);
    expect(run.out.join('\n')).not.toMatch(/not in the roster/i);
    const daily = readCsv(join(out, 'daily.csv'));
    expect(daily.map((r) => [r.Agent, r.Inquiries])).toEqual([
      ['乔巴', '10'],
      ['小丸子 (店铺A:丸子)', '20'],
      ['小丸子 (店铺B:小丸子)', '10'],
    ]);
    const ranking = readCsv(join(out, 'ranking.csv'));
    expect(ranking.find((r) => r.Agent === '小丸子')).toMatchObject({ Inquiries: '30', Paid: '10' });
    const payroll = readCsv(join(out, 'payroll.csv'));
    expect(payroll.map((r) => r.Agent).sort()).toEqual(['乔巴', '小丸子']);
  });

  test('an account listed for two people refuses the roster, naming both rows', async () => {
    const twice = write(dir, 'roster2.csv', 'agent,agent_id,accounts\n小丸子,101,店铺A:丸子\n乔巴,102,店铺A:丸子\n');
    const run = await cli(['--out', join(dir, 'b'), '--lang', 'en', '--roster', twice, shopA]);
    expect(run.code).toBe(2);
    expect(run.err.join('\n')).toMatch(/店铺A:丸子.*rows 2, 3/);
  });
});
