/**
 * The reports as they print: the demo and the shared 赤兔 workbooks written to
 * .xlsx by the CLI, rendered to PDF by LibreOffice, each tab's pages counted
 * from the footer LibreOffice prints (tab name, page / pages), and every header,
 * title and intro line checked to print whole (test/support/printedReport).
 * On A4 landscape the Daily of up to 12 agents fits on two pages, the
 * Scorecard and Ranking of the demo on one, its Payroll and audit on two. Skips, saying why, where
 * LibreOffice or poppler-utils is missing (scripts/ensure-libreoffice.mjs
 * installs them as root). Set CSDAILY_SHOTS=dir to keep the PNG pages for a look.
 */
import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { t, type Language } from '../../src/i18n';
import type { TabKey } from '../../src/reports/types';
import { cutTexts, missingPrintTool, printWorkbook, textsThatMustPrintWhole } from '../support/printedReport';

const ROOT = join(__dirname, '../..');
const SAMPLES = join(ROOT, 'samples');
const SHARED = join(ROOT, '../shared/real-exports/chitu-workbooks');
const SHOTS = process.env.CSDAILY_SHOTS;

const missing = missingPrintTool();
if (missing) console.log(`print test skipped: ${missing} not found (install libreoffice-calc and poppler-utils, or run npm test as root)`);

async function reportXlsx(lang: Language, args: string[]): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'csdaily-print-'));
  const code = await runCli(['--out', out, '--lang', lang, ...args], () => {}, () => {});
  expect(code).toBe(0);
  return join(out, 'report.xlsx');
}

/** Renders the run's report and checks every tab: no cut header, and at most `limits` pages where given. */
async function checkPrint(label: string, lang: Language, args: string[], limits: Partial<Record<TabKey, number>>): Promise<void> {
  const xlsx = await reportXlsx(lang, args);
  const printed = printWorkbook(xlsx, SHOTS);
  const whole = await textsThatMustPrintWhole(xlsx);
  console.log(`${label} ${lang}: ${[...printed].map(([tab, p]) => `${tab} ${p.pages}`).join(', ')}`);
  expect([...printed.keys()].sort()).toEqual([...whole.keys()].sort());
  // The Daily's cuts are checked by the Daily's own print test, with its layout.
  const daily = t(lang, 'tab.daily');
  for (const [tab, texts] of whole) if (tab !== daily) expect(cutTexts(printed.get(tab)!, texts), `cut on ${tab} (${label} ${lang})`).toEqual([]);
  for (const [key, limit] of Object.entries(limits)) {
    const pages = printed.get(t(lang, `tab.${key as TabKey}`))?.pages ?? 0;
    expect(pages, `${key} pages (${label} ${lang})`).toBeGreaterThanOrEqual(1);
    expect(pages, `${key} pages (${label} ${lang})`).toBeLessThanOrEqual(limit);
  }
}

const DEMO = (lang: Language) => [
  '--date', '2026-11-14', '--period', 'week', '--now', '2026-11-15T09:00',
  '--roster', join(SAMPLES, 'roster.csv'), '--rules', join(SAMPLES, 'rules.csv'), '--events', join(SAMPLES, lang === 'zh' ? 'events_zh.csv' : 'events.csv'),
  '--schedule', join(SAMPLES, 'schedule.csv'), '--problems', join(SAMPLES, 'problems.csv'), '--handovers', join(SAMPLES, 'handovers.csv'), '--coaching', join(SAMPLES, 'coaching.csv'),
  join(SAMPLES, 'consultations.csv'), join(SAMPLES, 'orders.csv'),
];

describe.skipIf(missing !== null)('printed through LibreOffice on A4 landscape', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`the demo (6 agents): Daily on two pages, Scorecard and Ranking on one, Payroll with its audit on two, no header cut (${lang})`, async () => {
      await checkPrint('demo', lang, DEMO(lang), { daily: 2, scorecard: 1, ranking: 1, payroll: 2 });
    }, 300_000);
  }

  // ../shared sits beside the checkout on CI and developers' machines; a bare clone elsewhere skips it.
  for (const lang of ['zh', 'en'] as const) {
    it.skipIf(!existsSync(SHARED))(`each shared 赤兔 workbook day (up to 12 accounts): Daily and Scorecard on two pages at most, no header cut (${lang})`, async () => {
      const files = readdirSync(SHARED).filter((f) => f.endsWith('.xlsx')).map((f) => join(SHARED, f));
      for (const date of ['2026-05-01', '2026-05-02']) await checkPrint(`赤兔 ${date}`, lang, ['--date', date, ...files], { daily: 2, scorecard: 2, ranking: 1, payroll: 2 });
    }, 600_000);
  }
});
