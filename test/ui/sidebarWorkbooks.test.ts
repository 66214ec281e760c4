/**
 * The sidebar with real 赤兔 workbooks (the two public ones and the fixture
 * day with 延迟统计), at Sheets' 300 px in an 800 px window, in Chinese: one
 * card per file, the customer-service sheets as one line each (opened one at
 * a time, no preview until then), the other sheets folded into one line, the
 * Import button always in view with what it will send, the provisional mark,
 * only agents on duty in "not in the roster", and after import the Build
 * reports button and the spreadsheet's capacity.
 * Set CSDAILY_SHOTS=dir to keep screenshots for a look.
 */
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callsOf, openSheet, openSidebar, stubConfig, useSidebarPages } from './sidebarPage';

const SHARED = join(__dirname, '../../../shared/real-exports/chitu-workbooks');
const FIXTURE = join(__dirname, '../fixtures/chitu/daily_database_2026-05-02_fixture.xlsx');
const SCREEN = { width: 300, height: 800 };
const SHOTS = process.env.CSDAILY_SHOTS;

useSidebarPages();

function workbooks(): { name: string; mimeType: string; buffer: Buffer }[] {
  const shared = readdirSync(SHARED).filter((name) => name.endsWith('.xlsx')).sort().map((name) => join(SHARED, name));
  const mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return [...shared, FIXTURE].map((path) => ({ name: path.split('/').pop()!, mimeType: mime, buffer: readFileSync(path) }));
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((node) => {
    const box = node.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

describe.skipIf(!existsSync(SHARED))('sidebar: three 赤兔 workbooks at 300 × 800', () => {
  it('stays within two screens before Import, one card per file, the Import button always in view', async () => {
    const files = workbooks();
    expect(files.length).toBeGreaterThanOrEqual(3);
    const { page } = await openSidebar(stubConfig({ language: 'zh', rosterNames: ['winnie'] }));
    try {
      await page.setViewportSize(SCREEN);
      await page.setInputFiles('#files', files);
      await page.waitForFunction((n) => document.querySelectorAll('.file-card').length === n && !document.querySelector('.reading'), files.length);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`sidebar height with ${files.length} workbooks at 300 × 800: ${height} px (${(height / SCREEN.height).toFixed(2)} screens)`);
      expect(height).toBeLessThanOrEqual(2 * SCREEN.height);
      await shot(page, 'workbooks-before-import', true);

      // No preview is drawn until a sheet is opened; the non-service sheets are one line per file, naming them.
      expect(await page.locator('.preview').count()).toBe(0);
      const skipped = await page.locator('.skipped-line').allTextContents();
      expect(skipped).toHaveLength(files.length);
      for (const line of skipped) expect(line).toMatch(/^跳过 \d+ 个工作表：不是客服数据表 —— .*阿里妈妈/);

      // The Import button and the total it will send are in view at the top and at the bottom of the list.
      expect(await page.locator('#import-total').textContent()).toMatch(/^将导入 \d+ 个表，共 \d[\d,]* 行$/);
      expect(await inViewport(page, '#import')).toBe(true);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      expect(await inViewport(page, '#import')).toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));

      // Only the day with 延迟统计 is marked provisional, on its sheet's line and inside its card.
      const fixture = page.locator('.file-card', { hasText: 'daily_database_2026-05-02_fixture.xlsx' });
      expect(await fixture.locator('.sheet-line', { hasText: '赤兔-人均日接入' }).locator('.provisional-mark').textContent()).toBe('暂定');
      const shared = page.locator('.file-card', { hasText: 'daily_database_2026-05-01_nonempty.xlsx' });
      expect(await shared.locator('.provisional-mark').count()).toBe(0);
      await fixture.locator('details.sheet > summary', { hasText: '赤兔-人均日接入' }).click();
      expect(await fixture.locator('.provisional-note').textContent()).toContain('延迟统计');
      await shot(page, 'workbooks-provisional');
    } finally {
      await page.close();
    }
  });

  it('opens one sheet at a time and lists only agents on duty as not in the roster', async () => {
    const { page } = await openSidebar(stubConfig({ language: 'zh', rosterNames: ['winnie'] }));
    try {
      await page.setViewportSize(SCREEN);
      await page.setInputFiles('#files', workbooks().slice(0, 1));
      await page.waitForSelector('.file-card');
      await openSheet(page, '赤兔-人均日接入');
      const strangers = (await page.locator('details.sheet[open] .table-card p.note', { hasText: '不在客服名单中' }).textContent()) ?? '';
      const names = strangers.replace(/^不在客服名单中：/, '').split(', ');
      expect(names.length).toBeGreaterThan(0);
      expect(names).not.toContain('winnie');
      // Accounts whose row is all zeros (not on duty that day) are not listed.
      for (const idle of ['zoey', 'melissa', 'james', 'fanny', 'cissce', 'WhaleChen', 'EchoQian', 'AbbyWang']) expect(names).not.toContain(idle);
      await openSheet(page, '赤兔-客服数据23年新');
      expect(await page.locator('details.sheet[open]').count()).toBe(1);
      await shot(page, 'workbooks-sheet-open', true);
    } finally {
      await page.close();
    }
  });

  it('after Import: the total, a Build reports button that builds them, and the capacity line', async () => {
    const grid = { used: 1_234_567, limit: 10_000_000, daysLeft: 2_400 };
    const { page } = await openSidebar(stubConfig({ language: 'zh', rosterNames: ['winnie'], newAgents: [], grid }));
    try {
      await page.setViewportSize(SCREEN);
      const files = workbooks();
      await page.setInputFiles('#files', files);
      await page.waitForFunction((n) => document.querySelectorAll('.file-card').length === n && !document.querySelector('.reading'), files.length);
      await page.click('#import');
      await page.waitForSelector('#summary-total');
      const build = page.locator('#build-reports');
      expect(await build.textContent()).toBe('生成报表');
      expect(await inViewport(page, '#build-reports')).toBe(true);
      expect(await page.locator('#grid-capacity').textContent()).toBe('表格容量：已用 1,234,567 / 10,000,000 个单元格（12.3%），按这样的数据量还能存约 2,400 天。');
      await shot(page, 'workbooks-after-import');
      await build.click();
      await page.locator('.build-status', { hasText: '生成全部报表' }).waitFor();
      expect(await callsOf(page, 'buildAllReports')).toHaveLength(1);
      await shot(page, 'workbooks-built');
    } finally {
      await page.close();
    }
  });
});
