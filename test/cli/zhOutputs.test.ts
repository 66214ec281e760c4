/**
 * Chinese end to end: every zh output of the demo (with its Chinese events
 * file) and of the shared 赤兔 workbooks — console lines, summary.txt, every
 * CSV cell (suggested-settings.csv too) and every cell of report.xlsx — holds no Latin word but the ones a
 * Chinese supervisor expects: agent names and IDs, buyer and order IDs, file
 * and sheet names from the data, units, and the setting keys they type.
 */
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { cellsOfOutputCsvs } from '../corpus/cliRun';
import { strayWords } from '../support/latinWords';

const ROOT = join(__dirname, '../..');
const SAMPLES = join(ROOT, 'samples');
const SHARED = join(ROOT, '../shared/real-exports/chitu-workbooks');

async function zhRun(args: string[]): Promise<{ lines: string[]; data: Set<string> }> {
  const out = mkdtempSync(join(tmpdir(), 'csdaily-zh-'));
  const lines: string[] = [];
  const code = await runCli(['--out', out, '--lang', 'zh', ...args], (l) => lines.push(l), (l) => lines.push(l));
  expect(code).toBe(0);
  // --suggest-settings writes its proposal among the CSVs scanned below.
  if (args.includes('--suggest-settings')) expect(existsSync(join(out, 'suggested-settings.csv'))).toBe(true);
  lines.push(...readFileSync(join(out, 'summary.txt'), 'utf8').split('\n'));
  // review.csv (the flagged agents' chats, or the exports' counts) is scanned with the other CSVs: it must be there, with rows.
  const review = cellsOfOutputCsvs(out).filter((c) => c.file === 'review.csv');
  expect(review.length).toBeGreaterThan(18);
  lines.push(...cellsOfOutputCsvs(out).map((c) => c.cell));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(out, 'report.xlsx'));
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && lines.push(cell.value)))));
  // Words the data brought: agent and buyer names, IDs, file and sheet names, remarks.
  // The supervisor's own rules and events files are data too (a reward's reason is their key).
  const data = new Set<string>();
  for (const file of args.filter((a) => /\.(csv|xlsx)$/.test(a))) {
    for (const word of file.split('/').pop()!.match(/[A-Za-z]+/g) ?? []) data.add(word);
    if (file.endsWith('.csv') && /rules|events/.test(file)) for (const word of readFileSync(file, 'utf8').split('\n').slice(1).join(' ').match(/[A-Za-z]+/g) ?? []) data.add(word);
  }
  // Agent names the run listed (the 客服 column of its CSVs): the workbooks' agents are Latin nicknames.
  for (const csv of readdirSync(out).filter((f) => f.endsWith('.csv'))) {
    const rows = Papa.parse<string[]>(readFileSync(join(out, csv), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const col = rows[0]?.indexOf('客服') ?? -1;
    if (col >= 0) for (const row of rows.slice(1)) if (row[col]) data.add(row[col]);
  }
  return { lines, data };
}

const namesOf = (file: string) => new Set(readFileSync(file, 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean));

describe('Chinese outputs hold no stray English', () => {
  it('the demo with its Chinese events file', async () => {
    const args = ['--suggest-settings', '--date', '2026-11-14', '--period', 'week', '--roster', join(SAMPLES, 'roster.csv'), '--rules', join(SAMPLES, 'rules.csv'), '--events', join(SAMPLES, 'events_zh.csv'), join(SAMPLES, 'consultations.csv'), join(SAMPLES, 'orders.csv')];
    const { lines, data } = await zhRun(args);
    const stray = strayWords(lines, data, namesOf(join(SAMPLES, "roster.csv")));
    expect(stray).toEqual([]);
  }, 120_000);

  // ../shared sits beside the checkout on CI and developers' machines; a bare clone elsewhere skips it.
  it.skipIf(!existsSync(SHARED))('the shared 赤兔 workbooks', async () => {
    const files = readdirSync(SHARED).filter((f) => f.endsWith('.xlsx')).map((f) => join(SHARED, f));
    const { lines, data } = await zhRun(['--suggest-settings', '--date', '2026-05-02', ...files]);
    expect(strayWords(lines, data, new Set())).toEqual([]);
  }, 120_000);
});
