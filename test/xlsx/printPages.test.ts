/**
 * The reports as they print: the demo and the shared 赤兔 workbooks written to
 * .xlsx by the CLI, rendered to PDF by LibreOffice, and each tab's pages
 * counted from the footer LibreOffice prints (tab name, page / pages). The
 * Daily of up to 12 agents fits on two A4 landscape pages. Skips, saying why,
 * where LibreOffice or poppler-utils is missing (scripts/ensure-libreoffice.mjs
 * installs them as root). Set CSDAILY_SHOTS=dir to keep the PNG pages for a look.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { t, type Language } from '../../src/i18n';

const ROOT = join(__dirname, '../..');
const SAMPLES = join(ROOT, 'samples');
const SHARED = join(ROOT, '../shared/real-exports/chitu-workbooks');
const SHOTS = process.env.CSDAILY_SHOTS;

function missingTool(): string | null {
  for (const tool of ['soffice', 'pdftotext', 'pdfinfo']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return tool;
    }
  }
  return null;
}
const missing = missingTool();
if (missing) console.log(`print test skipped: ${missing} not found (install libreoffice-calc and poppler-utils, or run npm test as root)`);

async function reportXlsx(lang: Language, args: string[]): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'csdaily-print-'));
  const code = await runCli(['--out', out, '--lang', lang, ...args], () => {}, () => {});
  expect(code).toBe(0);
  return out;
}

/** The tab name of every printed page, from the footer on its last line. */
function pagesByTab(dir: string): Map<string, number> {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.xlsx')], { stdio: 'ignore', timeout: 180_000 });
  const pdf = join(dir, 'report.pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const byTab = new Map<string, number>();
  for (let p = 1; p <= pages; p++) {
    const lines = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'], { encoding: 'utf8' }).split('\n').filter((l) => l.trim());
    const footers = lines.map((l) => /^\s*(\S.*?)\s+(\d+) ?\/ ?(\d+)\s*$/.exec(l)).filter((m) => m !== null);
    const footer = footers[footers.length - 1] ?? null;
    expect(footer, `page ${p} has a footer`).not.toBeNull();
    byTab.set(footer![1], (byTab.get(footer![1]) ?? 0) + 1);
  }
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(SHOTS, dir.split('/').pop()!)]);
  }
  return byTab;
}

const DEMO = ['--date', '2026-11-14', '--period', 'week', '--roster', join(SAMPLES, 'roster.csv'), '--rules', join(SAMPLES, 'rules.csv'), '--events', join(SAMPLES, 'events.csv'), join(SAMPLES, 'consultations.csv'), join(SAMPLES, 'orders.csv')];

describe.skipIf(missing !== null)('printed through LibreOffice on A4 landscape', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`the demo's Daily (6 agents) prints on at most two pages (${lang})`, async () => {
      const pages = pagesByTab(await reportXlsx(lang, DEMO));
      const daily = pages.get(t(lang, 'tab.daily')) ?? 0;
      console.log(`demo ${lang}: ${[...pages].map(([tab, n]) => `${tab} ${n}`).join(', ')}`);
      expect(daily).toBeGreaterThanOrEqual(1);
      expect(daily).toBeLessThanOrEqual(2);
    }, 300_000);
  }

  it.skipIf(!existsSync(SHARED))('the Daily of each shared 赤兔 workbook day (up to 12 accounts) prints on at most two pages', async () => {
    const files = readdirSync(SHARED).filter((f) => f.endsWith('.xlsx')).map((f) => join(SHARED, f));
    for (const date of ['2026-05-01', '2026-05-02']) {
      const pages = pagesByTab(await reportXlsx('zh', ['--date', date, ...files]));
      console.log(`赤兔 ${date}: ${[...pages].map(([tab, n]) => `${tab} ${n}`).join(', ')}`);
      expect(pages.get('日报') ?? 0).toBeLessThanOrEqual(2);
    }
  }, 600_000);
});
