/**
 * The Unattributed tab of a month over its cap, printed through LibreOffice
 * on A4 landscape: the not-listed line, the list's header and the totals by
 * day print whole, no amount turns into ###; the totals' headers print on one
 * line and the totals start a page. Skips where LibreOffice is
 * missing, as printPages.test.ts does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t, type Language } from '../../src/i18n';
import { buildReports } from '../../src/reports';
import { writeXlsx } from '../../src/xlsx/writeXlsx';
import { cutTexts, missingPrintTool, printWorkbook, textsThatMustPrintWhole } from '../support/printedReport';
import { TEST_NOW } from '../support/now';
import { REPORT_DAY, shop } from '../support/unattributedShop';

/** The totals by day's headers, left to right. */
const TOTALS_HEADERS = ['col.paidOn', 'col.orderCount', 'col.amount', 'col.claimedCount', 'col.withLikelyAgent', 'col.listedCount'] as const;

const missing = missingPrintTool();
if (missing) console.log(`unattributed print test skipped: ${missing} not found`);

describe.skipIf(missing !== null)('the Unattributed tab over its cap, printed', () => {
  for (const lang of ['zh', 'en'] as Language[]) {
    it(`prints its lines, header and totals whole (${lang})`, async () => {
      const run = buildReports(shop(60, lang), { now: TEST_NOW, date: REPORT_DAY });
      const tab = run.tabs.find((x) => x.key === 'unattributed')!;
      const xlsx = join(mkdtempSync(join(tmpdir(), 'csdaily-unattributed-')), 'report.xlsx');
      writeFileSync(xlsx, await writeXlsx([tab]));
      const printed = printWorkbook(xlsx, process.env.CSDAILY_SHOTS).get(t(lang, 'tab.unattributed'))!;
      const whole = (await textsThatMustPrintWhole(xlsx)).get(t(lang, 'tab.unattributed'))!;
      // The not-listed line (merged and wrapped), the list's header, the totals' header.
      expect(whole.some((text) => text.includes(lang === 'en' ? "800 of the month's 1800 orders" : '1800 笔中有 800 笔'))).toBe(true);
      expect(whole).toContain(t(lang, 'col.withLikelyAgent'));
      expect(cutTexts(printed, whole)).toEqual([]);
      expect(printed.pages).toBeGreaterThan(1);
      // The totals' header prints on one line, in order (no header wraps), on the page their title starts, right under the
      // list's repeated rows: the totals start a page rather than leave their title and header at the foot of the list's last.
      const squeezed = (text: string) => text.replace(/\s+/g, '');
      const headers = squeezed(TOTALS_HEADERS.map((key) => t(lang, key)).join(''));
      const page = printed.pageLines.findIndex((lines) => lines.some((line) => squeezed(line).includes(headers)));
      expect(page, 'the page of the totals header').toBeGreaterThan(0);
      const lines = printed.pageLines[page].map(squeezed);
      const at = lines.findIndex((line) => line.includes(headers));
      expect(lines[at - 1]).toBe(squeezed(t(lang, 'unattributed.days.title')));
      expect(lines[at - 2]).toContain(squeezed(t(lang, 'col.orderId') + t(lang, 'col.buyer')));
    }, 240_000);
  }
});
