/**
 * The demo's schedule, notebooks and coaching through the CLI on the sample
 * shop: report.xlsx gains their tabs, schedule.csv / problems.csv /
 * handovers.csv / coaching.csv are written, payroll pays the night allowance,
 * the owner's message names the measure that worked; bad log rows are
 * rejected with file, row and column.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/main';

const SAMPLES = join(__dirname, '../../samples');
const sample = (name: string) => join(SAMPLES, name);
const base = ['--lang', 'en', '--now', '2026-11-15T09:00', '--date', '2026-11-14', '--period', 'week', '--roster', sample('roster.csv'), '--rules', sample('rules.csv'), '--events', sample('events.csv')];
const logs = ['--schedule', sample('schedule.csv'), '--problems', sample('problems.csv'), '--handovers', sample('handovers.csv'), '--coaching', sample('coaching.csv')];
const data = [sample('consultations.csv'), sample('orders.csv')];

function readCsv(path: string): Record<string, string>[] {
  const rows = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data as string[][];
  return rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));
}

async function run(extra: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'csdaily-notebooks-'));
  const lines: string[] = [];
  const code = await runCli(['--out', out, ...base, ...extra, ...data], (l) => lines.push(l), (l) => lines.push(l));
  return { code, out, lines };
}

describe('the demo shop with a rotation, notebooks and coaching', () => {
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    result = await run(logs);
  }, 120_000);

  test('report.xlsx gains the Schedule, Problems & handovers and Coaching tabs', async () => {
    expect(result.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(result.out, 'report.xlsx')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Daily', 'Ranking', 'Payroll', 'Scorecard', 'Schedule', 'Problems & handovers', 'Coaching', 'Chats to review', 'Unattributed', 'Import errors']);
    const daily: string[] = [];
    book.getWorksheet('Daily')!.eachRow((row) => row.eachCell((cell) => daily.push(String(cell.value))));
    expect(daily).toContain('Open handovers of the previous shift (2026-11-14, Night)');
    expect(daily).toContain('Address change asked after payment: change it before the parcel ships');
    expect(daily.some((c) => c.includes('flagged again after the measure of 2026-11-07'))).toBe(true);
    const ranking: string[] = [];
    book.getWorksheet('Ranking')!.eachRow((row) => row.eachCell((cell) => ranking.push(String(cell.value))));
    expect(ranking).toContain('Night shift, 2026-W46');
  });

  test('the schedule follows the weekly rotation with the two typed exceptions', () => {
    const rows = readCsv(join(result.out, 'schedule.csv'));
    const on = (date: string, agent: string) => rows.find((r) => r.Date === date && r.Agent === agent)!;
    expect([on('2026-11-06', '阿杰').Shift, on('2026-11-06', '小红').Shift]).toEqual(['Night', 'Day']);
    expect([on('2026-11-10', '阿杰').Shift, on('2026-11-10', '小红').Shift]).toEqual(['Day', 'Night']);
    expect([on('2026-11-11', '阿杰').Shift, on('2026-11-11', '阿杰').Rotation]).toEqual(['Night', 'Day']);
    expect(rows).toHaveLength(2 * 29); // 2026-11-02 … 2026-11-30, two agents
  });

  test('payroll pays 30 per night worked by the schedule', () => {
    const pay = Object.fromEntries(readCsv(join(result.out, 'payroll.csv')).map((r) => [r.Agent, r['Night allowance']]));
    // 美美: every day with figures, 11-01 … 11-15; 阿杰: 11-01 (roster), 11-02 … 11-08, 11-11, 11-16 (the third turn); 小红: 11-09, 11-10, 11-12 … 11-15.
    expect(pay).toMatchObject({ 美美: '450.00', 阿杰: '300.00', 小红: '180.00', 乔巴: '0.00' });
  });

  test('the weekly problem summary, the open handovers and the rewards of confirmed outcomes', () => {
    const problems = readCsv(join(result.out, 'problems.csv'));
    expect(problems.find((r) => r.Agent === 'Team total')).toMatchObject({ 'Week from': '2026-11-09', Total: '7', Open: '3', Rewarded: '2' });
    expect(readCsv(join(result.out, 'handovers.csv')).map((r) => r.Date)).toEqual(['2026-11-13', '2026-11-14', '2026-11-14', '2026-11-14']);
    const payroll = Object.fromEntries(readCsv(join(result.out, 'payroll.csv')).map((r) => [r.Agent, r.Rewards]));
    // 阿杰's adopted suggestion (50) and 小红's found listing error (20); 美美's suggestion is not confirmed yet (only her own 80).
    expect(payroll).toMatchObject({ 阿杰: '50.00', 小红: '20.00', 美美: '80.00' });
  });

  test('coaching.csv gives each entry its effect, and the owner hears of the measure that worked', () => {
    const coaching = readCsv(join(result.out, 'coaching.csv'));
    expect(coaching.map((r) => [r.Agent, r['Verdict key']])).toEqual([
      ['美美', 'too_few'],
      ['小明', 'no_change'],
      ['小明', 'worse'],
      ['小红', 'improved'],
      ['阿杰', 'pending'],
    ]);
    const summary = readFileSync(join(result.out, 'summary.txt'), 'utf8');
    expect(summary).toContain('Measures that worked this week: 小红, Read the promotion rules with her');
  });

  test('a bad row of a log is an import error naming file, row and column; the others are read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-badlog-'));
    const path = join(dir, 'coaching.csv');
    writeFileSync(path, 'date,agent,problem,measure,status\n2026-11-07,小红,low_conversion,quick replies,open\n2026-11-08,小明,rude,talked,open\n');
    const { code, out } = await run(['--coaching', path]);
    expect(code).toBe(0);
    expect(readCsv(join(out, 'coaching.csv'))).toHaveLength(1);
    const errors = readCsv(join(out, 'import-errors.csv'));
    expect(errors.find((e) => e.File === 'coaching.csv')).toMatchObject({ Row: '3', Column: 'problem' });
  });
});
