/**
 * The service figures on the Daily (average response, slow responses,
 * unanswered, transfers out, satisfaction counts) from the shared 赤兔
 * workbooks: each expected number is read off the workbook's cells
 * (赤兔-客服数据23年新: 平均响应秒, 慢响应人数, 未回复人数, 转出人数;
 * 赤兔-人均日接入: 很满意 … 很不满意), never from the code. And from the demo's
 * chat records, which state none of them: no such column at all.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { runCli } from '../../src/cli/main';

const ROOT = join(__dirname, '../..');
const SHARED = join(ROOT, '../shared/real-exports/chitu-workbooks');
const SAMPLES = join(ROOT, 'samples');

type Row = Record<string, string>;

async function run(args: string[]): Promise<{ csv: Row[]; daily: (string | number | null)[][] }> {
  const out = mkdtempSync(join(tmpdir(), 'csdaily-service-'));
  expect(await runCli(['--out', out, '--lang', 'zh', ...args], () => {}, () => {})).toBe(0);
  const rows = Papa.parse<string[]>(readFileSync(join(out, 'daily.csv'), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const csv = rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(out, 'report.xlsx'));
  const daily: (string | number | null)[][] = [];
  book.getWorksheet('日报')!.eachRow((row) => {
    daily.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v == null ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v))));
  });
  return { csv, daily };
}

/** The service part of the Daily: its header row and each row by its first cell. */
function servicePart(daily: (string | number | null)[][]) {
  const title = daily.findIndex((r) => r[0] === '客服明细：服务');
  expect(title).toBeGreaterThan(0);
  const header = daily[title + 1].map((h) => (h == null ? '' : String(h)));
  const rows = new Map<string, Record<string, string | number | null>>();
  // Agents down to the team total, the part's last row (the reader skips empty rows).
  for (let i = title + 2; i < daily.length; i++) {
    rows.set(String(daily[i][0]), Object.fromEntries(header.map((h, j) => [h, daily[i][j] ?? null])));
    if (daily[i][0] === '团队合计') break;
  }
  return { header, rows };
}

const SERVICE = ['平均响应时间(秒)', '慢响应人数', '未回复人数', '转出人数', '很满意', '满意', '一般', '不满意', '很不满意'];
const files = () => readdirSync(SHARED).filter((f) => f.endsWith('.xlsx')).map((f) => join(SHARED, f));

describe.skipIf(!existsSync(SHARED))('service figures of the shared 赤兔 workbooks on the Daily', () => {
  it('2026-05-01: the workbook\'s figures per agent; bob answered nobody, so his average response is unknown ("—"), never 0', async () => {
    const { csv, daily } = await run(['--date', '2026-05-01', ...files()]);
    const { header, rows } = servicePart(daily);
    expect(header).toEqual(expect.arrayContaining(SERVICE));
    const dianna = rows.get('dianna')!;
    expect(dianna['平均响应时间(秒)']).toBeCloseTo(30.09, 2);
    expect([dianna['慢响应人数'], dianna['未回复人数'], dianna['转出人数']]).toEqual([0, 0, 0]);
    expect([dianna['很满意'], dianna['满意'], dianna['一般'], dianna['不满意'], dianna['很不满意']]).toEqual([8, 0, 1, 0, 0]);
    expect(rows.get('liz')!['平均响应时间(秒)']).toBeCloseTo(18.78, 2);
    expect(rows.get('liz')!['很满意']).toBe(1);
    expect(rows.get('bob')!['平均响应时间(秒)']).toBe('—');
    expect(rows.get('bob')!['未回复人数']).toBe(1);
    // The team: satisfaction counts add up; unanswered is bob's one.
    expect(rows.get('团队合计')!['很满意']).toBe(9);
    expect(rows.get('团队合计')!['未回复人数']).toBe(1);
    const bob = csv.find((r) => r['客服'] === 'bob')!;
    expect([bob['平均响应时间(秒)'], bob['未回复人数']]).toEqual(['', '1']);
    expect(csv.find((r) => r['客服'] === 'dianna')!['平均响应时间(秒)']).toBe('30.09');
  });

  it('2026-05-02: slow responses and the team\'s average response weighted by receptions', async () => {
    const { csv, daily } = await run(['--date', '2026-05-02', ...files()]);
    const { rows } = servicePart(daily);
    expect(rows.get('melissa')!['慢响应人数']).toBe(2);
    expect(rows.get('bob')!['慢响应人数']).toBe(1);
    expect(rows.get('melissa')!['平均响应时间(秒)']).toBeCloseTo(49.68, 2);
    // (49.68 × 27 + 22.37 × 28 + 39.47 × 48) ÷ (27 + 28 + 48) receptions = 37.4979…
    expect(rows.get('团队合计')!['平均响应时间(秒)']).toBeCloseTo(37.4979, 3);
    expect(rows.get('团队合计')!['慢响应人数']).toBe(3);
    expect(rows.get('团队合计')!['很满意']).toBe(4);
    expect(csv.find((r) => r['客服'] === 'melissa')!['慢响应人数']).toBe('2');
  });
});

describe('service figures with chat records only (the demo)', () => {
  it('no column for a figure no row states: the chat records give no slow, unanswered, transfer or satisfaction count', async () => {
    const { csv, daily } = await run(['--date', '2026-11-14', '--roster', join(SAMPLES, 'roster.csv'), join(SAMPLES, 'consultations.csv'), join(SAMPLES, 'orders.csv')]);
    const { header, rows } = servicePart(daily);
    for (const figure of SERVICE) expect(header).not.toContain(figure);
    expect(header).toEqual(expect.arrayContaining(['回复率', '首次响应时间(秒)', '答问比']));
    expect(rows.size).toBeGreaterThan(1);
    // daily.csv keeps its columns for machines, blank where nothing states the figure.
    expect(csv.every((r) => r['慢响应人数'] === '' && r['很满意'] === '')).toBe(true);
  });
});
