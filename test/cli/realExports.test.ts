/**
 * The CLI on 赤兔 custom-report downloads as supervisors get them (REAL_EXPORTS
 * §1): .xlsx files with Chitu's own column names, no date column, the day only
 * in the file name, 汇总 and 均值 as the last rows, a blank 询单人数 until Chitu
 * has counted it, and the same report downloaded again the next morning under
 * a "(1)" name. Every expected figure is worked out from the cells below.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { runCli } from '../../src/cli/main';

const WEEKLY_HEADER = ['客服昵称', '聊天人数(原咨询人数)', '接待人数', '询单人数', '销售额', '销售量', '销售人数', '销售订单数'];
const PER_DAY_HEADER = ['客服昵称', '接待人数', '平均响应(秒)', '回复率', '询单->最终付款转化率', '上班天数'];
const DAY = '2026-04-20';
const customName = (report: string, copy = '') => `自定义报表_${report}_下单优先判定_${DAY}至${DAY}${copy}.xlsx`;

async function writeXlsx(path: string, rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const row of rows) ws.addRow(row);
  await wb.xlsx.writeFile(path);
  return path;
}

/** 每周店铺个人数据 as downloaded: ben's 询单人数 is blank (not counted yet) unless given. */
const weekly = (benInquiries: number | null) => [
  WEEKLY_HEADER,
  ['amy', 50, 40, 40, 20000, 12, 10, 11],
  ['ben', 40, 36, benInquiries, 6400, 4, 4, 4],
  ['idle', 0, 0, 0, 0, 0, 0, 0],
  ['汇总', 90, 76, 40, 26400, 16, 14, 15],
  ['均值', 30, 25.33, 13.33, 8800, 5.33, 4.67, 5],
];

/** 人均日接入: 赤兔's own 回复率 and conversion; it has no 询单人数 of its own. */
const PER_DAY = [
  PER_DAY_HEADER,
  ['amy', 40, 20, '95.00%', '25.00%', 1],
  ['ben', 36, 30, '100.00%', '12.50%', 1],
  ['汇总', 76, 25, '97.50%', '18.75%', 2],
  ['均值', 38, 25, '97.50%', '18.75%', 1],
];

interface Run {
  code: number;
  out: string[];
  daily: Record<string, string>[];
}

async function report(files: string[]): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-custom-'));
  const out: string[] = [];
  const code = await runCli(['--out', dir, '--lang', 'en', ...files], (l) => out.push(l), (l) => out.push(l));
  const rows = code === 0 ? Papa.parse<string[]>(readFileSync(join(dir, 'daily.csv'), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data : [[]];
  return { code, out, daily: rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]]))) };
}

const pick = (row: Record<string, string> | undefined, ...columns: string[]) => columns.map((c) => row?.[c]);

describe('two 赤兔 custom reports of one day, the morning after', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-downloads-'));
  let weeklyFile: string;
  let perDayFile: string;
  let weeklyAgain: string;
  beforeAll(async () => {
    weeklyFile = await writeXlsx(join(dir, customName('每周店铺个人数据')), weekly(null));
    perDayFile = await writeXlsx(join(dir, customName('人均日接入')), PER_DAY);
    weeklyAgain = await writeXlsx(join(dir, customName('每周店铺个人数据', ' (1)')), weekly(32));
  });

  it('take their day from the file names and merge: 询单 from one report, the conversion from the other', async () => {
    const run = await report([weeklyFile, perDayFile]);
    expect(run.code).toBe(0);
    const amy = run.daily.find((r) => r.Agent === 'amy');
    // 付款 = 0.25 (人均日接入) × 40 (每周店铺个人数据) = 10; 回复率 as 赤兔 states it (接待 ÷ 咨询 would be 0.8).
    expect(pick(amy, 'Date', 'Consultations', 'Inquiries', 'Paid', 'Inquiry conversion', 'Sales', 'Response rate')).toEqual([DAY, '50', '40', '10', '0.2500', '20000.00', '0.9500']);
    // The idle account (all zeros) is not on duty.
    expect(run.daily.map((r) => r.Agent)).toEqual(['amy', 'ben']);
  });

  it('count every row: 汇总 and 均值 skipped, none rejected', async () => {
    const run = await report([weeklyFile, perDayFile]);
    // Read 5 + 4 rows below the headers; stored amy, ben, idle and amy, ben; skipped two totals in each file.
    expect(run.out).toContain('Rows read: 9; stored 5, replaced 0, rejected 0, skipped 4.');
  });

  it('a blank 询单人数 is not counted yet: shown empty, never 0, and the day is provisional', async () => {
    const run = await report([weeklyFile, perDayFile]);
    const ben = run.daily.find((r) => r.Agent === 'ben');
    expect(pick(ben, 'Inquiries', 'Paid', 'Sales')).toEqual(['', '', '6400.00']);
    expect(ben?.['Flag keys']).toContain('provisional');
    expect(run.out).toContain(`Daily ${DAY}: 40 inquiries, 10 paid, conversion 25.00%, sales 26,400.00`);
    expect(run.out.some((l) => l.startsWith(`Note: ${DAY} is provisional`) && l.includes('no day is final yet'))).toBe(true);
  });

  it('the next download of the same report replaces its figures: ben is counted and the day is final', async () => {
    const run = await report([weeklyFile, perDayFile, weeklyAgain]);
    expect(run.code).toBe(0);
    // 付款 = round(0.125 × 32) = 4; amy is unchanged.
    expect(pick(run.daily.find((r) => r.Agent === 'ben'), 'Inquiries', 'Paid', 'Inquiry conversion')).toEqual(['32', '4', '0.1250']);
    expect(run.daily.find((r) => r.Agent === 'ben')?.['Flag keys']).not.toContain('provisional');
    expect(pick(run.daily.find((r) => r.Agent === 'amy'), 'Inquiries', 'Paid')).toEqual(['40', '10']);
    // The (1) file's three agent rows replace the first download's.
    expect(run.out).toContain('Rows read: 14; stored 5, replaced 3, rejected 0, skipped 6.');
    expect(run.out).toContain(`Daily ${DAY}: 72 inquiries, 14 paid, conversion 19.44%, sales 26,400.00`);
    expect(run.out.some((l) => l.includes('is provisional'))).toBe(false);
  });

  it('two downloads of one report: the file given last wins, as any re-import does (docs/decisions.md)', async () => {
    const run = await report([weeklyAgain, perDayFile, weeklyFile]);
    expect(pick(run.daily.find((r) => r.Agent === 'ben'), 'Inquiries', 'Paid')).toEqual(['', '']);
  });
});
