/**
 * Merging the reports of one agent-day (issue 8): the order files, sheets or
 * rows arrive in never changes a figure; a re-imported report replaces only its
 * own figures; a provisional figure gives way to the final one; a disagreement
 * is kept by the documented precedence and listed under data quality.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ExportedAgentDay, ExportFigure } from '../../src/core/types';
import { exportKey, mergeExports, type MergedExports } from '../../src/core/exportMerge';
import { rulesFromTable } from '../../src/core/settings';
import { importFile } from '../../src/import';
import { buildReports } from '../../src/reports';
import { csvText } from '../../src/xlsx/csv';
import { runCli } from '../../src/cli/main';
import { t } from '../../src/i18n';
import { TEST_NOW } from '../support/now';

const CHITU = join(__dirname, '../fixtures/chitu');
const workbook = (day: string) => join(CHITU, `daily_database_${day}_fixture.xlsx`);
const SHEETS = ['赤兔-人均日接入', '赤兔-每周店铺个人数据', '赤兔-客服数据23年新'];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** A merge as a value: agent-days and conflicts in a fixed order, so only their content counts. */
function canonical({ agentDays, conflicts }: MergedExports) {
  const byKey = [...agentDays].sort((a, b) => (exportKey(a) < exportKey(b) ? -1 : 1));
  return { agentDays: byKey, conflicts: conflicts.map((c) => JSON.stringify(c)).sort() };
}

function dailyCsvOf(rows: ExportedAgentDay[], date = '2026-05-01'): string {
  const input = { language: 'zh' as const, rules: rulesFromTable([]).rules, roster: [], events: [], consultations: [], orders: [], agentDays: rows, shopDays: [], rejections: [] };
  const daily = buildReports(input, { now: TEST_NOW, date }).csvs.find((c) => c.fileName === 'daily.csv')!;
  return csvText(daily);
}

/** The three 赤兔 sheets of a fixture workbook, each as the import reads it. */
async function chituSheets(day: string): Promise<ExportedAgentDay[][]> {
  const result = await importFile({ name: `daily_database_${day}_fixture.xlsx`, bytes: new Uint8Array(readFileSync(workbook(day))) });
  return SHEETS.map((sheet) => result.tables.find((table) => table.sheet === sheet)!.agentDays);
}

/**
 * One sheet of a fixture workbook saved as its own .xlsx (a report downloaded
 * on its own), optionally with some agents' cells changed: header → new value.
 */
async function sheetFile(dir: string, day: string, sheet: string, name: string, changes: Record<string, Record<string, unknown>> = {}): Promise<string> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(workbook(day));
  const from = source.getWorksheet(sheet)!;
  const header = (from.getRow(1).values as unknown[]).slice(1).map(String);
  const target = new ExcelJS.Workbook();
  const to = target.addWorksheet(sheet);
  from.eachRow((row, r) => {
    const agent = String(row.getCell(header.indexOf(header.find((h) => h === '旺旺' || h === '旺旺昵称')!) + 1).value);
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const out = to.getCell(r, c);
      const changed = r > 1 ? changes[agent]?.[header[c - 1]] : undefined;
      out.value = changed !== undefined ? (changed as ExcelJS.CellValue) : cell.value;
      out.numFmt = cell.numFmt;
    });
  });
  const path = join(dir, name);
  await target.xlsx.writeFile(path);
  return path;
}

async function dailyOfCli(files: string[], date: string | null): Promise<{ csv: string; rows: Record<string, string>[] }> {
  const out = mkdtempSync(join(tmpdir(), 'csdaily-merge-'));
  const code = await runCli(['--out', out, '--lang', 'zh', ...(date ? ['--date', date] : []), ...files], () => {}, () => {});
  expect(code).toBe(0);
  const csv = readFileSync(join(out, 'daily.csv'), 'utf8');
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  return { csv, rows: rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]]))) };
}

describe('the sheets of one day in any order', () => {
  it('every order of the three 赤兔 sheets gives the same agent-days and the same daily.csv', async () => {
    const sheets = await chituSheets('2026-05-01');
    const orders = permutations(sheets);
    expect(orders).toHaveLength(6);
    const expected = canonical(mergeExports(sheets.flat()));
    const expectedCsv = dailyCsvOf(sheets.flat());
    expect(expectedCsv).toContain('amy');
    for (const order of orders) {
      expect(canonical(mergeExports(order.flat()))).toEqual(expected);
      expect(dailyCsvOf(order.flat())).toBe(expectedCsv);
    }
  });

  it('rows of both days interleaved in any order merge the same (property)', async () => {
    const rows = [...(await chituSheets('2026-05-01')).flat(), ...(await chituSheets('2026-05-02')).flat()];
    const expected = canonical(mergeExports(rows));
    const expectedCsv = dailyCsvOf(rows);
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), (shuffled) => {
        expect(canonical(mergeExports(shuffled))).toEqual(expected);
        expect(dailyCsvOf(shuffled)).toBe(expectedCsv);
      }),
      { numRuns: 40 },
    );
  });

  it('the three sheets as separate files, in every order on the command line, give the same daily.csv', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-sheets-'));
    const files = await Promise.all(SHEETS.map((sheet, i) => sheetFile(dir, '2026-05-01', sheet, `chitu_${i}.xlsx`)));
    const csvs = new Set<string>();
    for (const order of permutations(files)) csvs.add((await dailyOfCli(order, '2026-05-01')).csv);
    expect(csvs.size).toBe(1);
    // …and the same as the workbook they came from.
    expect([...csvs][0]).toBe((await dailyOfCli([workbook('2026-05-01')], '2026-05-01')).csv);
  });
});

/** Reports of one agent-day stating overlapping figures from small value sets, so ties and disagreements are common. */
const FIGURES: ExportFigure[] = ['consultations', 'receptions', 'inquiries', 'sales', 'responseRate', 'inquiryConversion', 'qaRatio'];
const reportRows = fc
  .uniqueArray(
    fc.record({
      source: fc.constantFrom('agent_day:0a', 'agent_day:1b', 'agent_day:2c', 'agent_day:3d'),
      agent: fc.constantFrom('amy', 'ben'),
      figures: fc.dictionary(fc.constantFrom(...FIGURES), fc.constantFrom(0, 0.25, 1, 40, 41)),
      provisional: fc.subarray(['inquiries', 'inquiryConversion'] as ExportFigure[]),
    }),
    { selector: (r) => `${r.agent}|${r.source}`, maxLength: 8 },
  )
  .map((rows) => rows.map((r): ExportedAgentDay => ({ date: '2026-05-01', shop: '', report: `report ${r.source}`, ...r })));

describe('precedence, figure by figure', () => {
  it('never depends on the order of the rows (property)', () => {
    fc.assert(
      fc.property(reportRows.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))), ([rows, shuffled]) => {
        expect(canonical(mergeExports(shuffled))).toEqual(canonical(mergeExports(rows)));
      }),
      { numRuns: 300 },
    );
  });

  const row = (source: string, report: string, figures: ExportedAgentDay['figures'], provisional: ExportFigure[] = []): ExportedAgentDay => ({ date: '2026-05-01', shop: '', agent: 'amy', source, report, figures, provisional });
  const perDay = row('agent_day:b', '人均日接入', { receptions: 40, inquiryConversion: 0.25 });
  const weekly = row('agent_day:a', '每周店铺个人数据', { consultations: 50, receptions: 42, inquiries: 40, sales: 20000 });

  it('two reports disagreeing: the one stating fewer figures is kept, in either order, and the conflict names both', () => {
    for (const rows of [[perDay, weekly], [weekly, perDay]]) {
      const { agentDays, conflicts } = mergeExports(rows);
      expect(agentDays).toHaveLength(1);
      expect([agentDays[0].receptions, agentDays[0].consultations, agentDays[0].inquiries, agentDays[0].paid]).toEqual([40, 50, 40, 10]);
      expect(conflicts).toEqual([{ date: '2026-05-01', shop: '', agent: 'amy', figure: 'receptions', kept: { report: '人均日接入', value: 40 }, other: { report: '每周店铺个人数据', value: 42 } }]);
    }
  });

  it('reports as wide as each other: the source signature decides, not the order', () => {
    const a = row('agent_day:0001', 'A', { consultations: 50, receptions: 40 });
    const b = row('agent_day:0002', 'B', { consultations: 52, receptions: 40 });
    for (const rows of [[a, b], [b, a]]) expect(mergeExports(rows).agentDays[0].consultations).toBe(50);
  });

  it('a final figure beats a provisional one, even from the wider report', () => {
    const narrow = row('agent_day:c', '人均日接入', { inquiries: 35, inquiryConversion: 0.2 }, ['inquiries']);
    const { agentDays } = mergeExports([narrow, weekly]);
    expect(agentDays[0].inquiries).toBe(40);
    expect(agentDays[0].paid).toBe(8);
    expect(agentDays[0].provisional ?? []).toEqual([]);
  });

  it('the conflict is listed in the Daily tab\'s data-quality lines (zh and en)', () => {
    for (const language of ['zh', 'en'] as const) {
      const input = { language, rules: rulesFromTable([]).rules, roster: [], events: [], consultations: [], orders: [], agentDays: [weekly, perDay], shopDays: [], rejections: [] };
      const daily = buildReports(input, { now: TEST_NOW, date: '2026-05-01' }).tabs.find((tab) => tab.key === 'daily')!;
      const cells = daily.blocks.flatMap((b) => b.values.flat());
      expect(cells).toContain(t(language, 'daily.qualityTitle'));
      expect(cells).toContain(
        t(language, 'daily.qualityConflict', { agent: 'amy', date: '2026-05-01', figure: 'receptions', kept: 40, keptReport: '人均日接入', other: 42, otherReport: '每周店铺个人数据' }),
      );
    }
  });
});

describe('importing a report again', () => {
  it('a re-downloaded 每周店铺个人数据 with new figures replaces only that report\'s figures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-reimport-'));
    const again = await sheetFile(dir, '2026-05-01', '赤兔-每周店铺个人数据', '赤兔-每周店铺个人数据_2026-05-01 (1).xlsx', { amy: { 询单人数: '48', 销售额: 24000 } });
    const before = await dailyOfCli([workbook('2026-05-01')], '2026-05-01');
    const after = await dailyOfCli([workbook('2026-05-01'), again], '2026-05-01');
    const amy = after.rows.find((r) => r['客服'] === 'amy')!;
    // 询单 and 销售额 are the new report's; 付款 = round(0.25 (人均日接入) × 48) = 12; 答问比, 首次响应 (客服数据) and 回复率 stay.
    expect([amy['询单人数'], amy['客服销售额'], amy['付款人数'], amy['询单转化率'], amy['答问比'], amy['首次响应时间(秒)'], amy['回复率']]).toEqual(['48', '24000.00', '12', '0.2500', '1.50', '12.50', '0.9500']);
    // Every other agent is as before.
    expect(after.rows.filter((r) => r['客服'] !== 'amy')).toEqual(before.rows.filter((r) => r['客服'] !== 'amy'));
  });

  it('the same reports imported later replace a provisional 延迟统计 with the final figure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-final-'));
    const weekly = await sheetFile(dir, '2026-05-02', '赤兔-每周店铺个人数据', 'weekly_later.xlsx', { ben: { 询单人数: '20' } });
    const perDay = await sheetFile(dir, '2026-05-02', '赤兔-人均日接入', 'per_day_later.xlsx', { ben: { 询单最终付款成功率: '0.1500' } });
    const pending = (await dailyOfCli([workbook('2026-05-01'), workbook('2026-05-02')], '2026-05-02')).rows.find((r) => r['客服'] === 'ben')!;
    expect([pending['询单人数'], pending['标记代码'].includes('provisional')]).toEqual(['', true]);
    const files = [workbook('2026-05-01'), workbook('2026-05-02'), weekly, perDay];
    const ben = (await dailyOfCli(files, '2026-05-02')).rows.find((r) => r['客服'] === 'ben')!;
    // 付款 = 0.15 × 20 = 3.
    expect([ben['询单人数'], ben['付款人数'], ben['询单转化率'], ben['标记代码'].includes('provisional')]).toEqual(['20', '3', '0.1500', false]);
    // Now final, 2026-05-02 is the default report day.
    expect(new Set((await dailyOfCli(files, null)).rows.map((r) => r['日期']))).toEqual(new Set(['2026-05-02']));
  });
});
