/**
 * The demo's Chats to review tab as it prints (LibreOffice, A4 landscape): one
 * page, in English and Chinese, with its title, hint, headers, each agent's
 * heading and every reason whole. Skips, saying why, without LibreOffice or
 * poppler-utils (scripts/ensure-libreoffice.mjs installs them as root).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { t, type Language } from '../../src/i18n';
import { cutTexts, missingPrintTool, printWorkbook, textsThatMustPrintWhole } from '../support/printedReport';

const SAMPLES = join(__dirname, '../../samples');
const missing = missingPrintTool();
if (missing) console.log(`review print test skipped: ${missing} not found (install libreoffice-calc and poppler-utils, or run npm test as root)`);

describe.skipIf(missing !== null)('the Chats to review tab printed', () => {
  for (const lang of ['en', 'zh'] as Language[]) {
    it(`fits one A4 landscape page with every text whole (${lang})`, async () => {
      const out = mkdtempSync(join(tmpdir(), 'csdaily-review-print-'));
      const args = ['--out', out, '--lang', lang, '--now', '2026-11-15T09:00', '--date', '2026-11-14', '--roster', join(SAMPLES, 'roster.csv'), '--rules', join(SAMPLES, 'rules.csv'), join(SAMPLES, 'consultations.csv'), join(SAMPLES, 'orders.csv')];
      expect(await runCli(args, () => {}, () => {})).toBe(0);
      const name = t(lang, 'tab.review');
      const printed = printWorkbook(join(out, 'report.xlsx')).get(name)!;
      expect(printed.pages).toBe(1);
      const whole = (await textsThatMustPrintWhole(join(out, 'report.xlsx'))).get(name)!;
      const rows = (Papa.parse<string[]>(readFileSync(join(out, 'review.csv'), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data as string[][]).slice(1);
      // The reasons (wrapped in their column) and the agents' headings (running over the empty cells beside them).
      const reasons = rows.map((r) => r[14]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(join(out, 'report.xlsx'));
      const headings: string[] = [];
      book.getWorksheet(name)!.eachRow((row) => {
        const first = row.getCell(1).value;
        if (typeof first === 'string' && first.includes(' · ')) headings.push(first);
      });
      expect(headings).toHaveLength(2);
      expect(reasons).toHaveLength(10);
      expect(cutTexts(printed, [...whole, ...reasons, ...headings])).toEqual([]);
    }, 240_000);
  }
});
