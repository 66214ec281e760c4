/**
 * The sidebar as the Chromium tests open it: dist/Sidebar.html as built, a
 * stub google.script.run, one shared browser per test file, and any uncaught
 * page error failing the test that caused it. Call `useSidebarPages()` once
 * at the top of a test file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, expect } from 'vitest';
import { launchChromium } from './chromium';
import { installGasStub, type RecordedCall, type StubConfig } from './gasStub';

const SIDEBAR = join(__dirname, '../../dist/Sidebar.html');

// Started by the first test, not in beforeAll: a missing Chromium or build must
// fail every test (a failing hook only marks them skipped).
let browser: Promise<Browser> | null = null;
let pageErrors: string[] = [];

function sharedBrowser(): Promise<Browser> {
  if (!existsSync(SIDEBAR)) throw new Error('dist/Sidebar.html is missing: run `npm run build` (npm test does it first)');
  browser = browser ?? launchChromium();
  return browser;
}

/** Registers the hooks: page errors fail the test, the browser closes after the file. */
export function useSidebarPages(): void {
  afterEach(() => {
    const errors = pageErrors;
    pageErrors = [];
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    const started = await browser?.catch(() => null);
    await started?.close();
    browser = null;
  });
}

export function stubConfig(overrides: Partial<StubConfig> = {}): StubConfig {
  return { language: 'en', rosterNames: ['乔巴', '小丸子'], replaced: 5, newAgents: ['美美'], errorsTab: 'Import errors', ...overrides };
}

/** A fresh page with the sidebar open and its context loaded; alerts are collected, not shown. */
export async function openSidebar(
  config: StubConfig,
  opts: { width?: number; beforeLoad?: () => void } = {},
): Promise<{ page: Page; dialogs: string[] }> {
  const page = await (await sharedBrowser()).newPage(opts.width ? { viewport: { width: opts.width, height: 700 } } : {});
  const dialogs: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(installGasStub, config);
  if (opts.beforeLoad) await page.addInitScript(opts.beforeLoad);
  await page.goto(pathToFileURL(SIDEBAR).href);
  await page.waitForSelector(`body[data-ready="${config.language}"]`);
  return { page, dialogs };
}

export async function callsOf(page: Page, name: string): Promise<RecordedCall[]> {
  const calls = await page.evaluate(() => (window as unknown as { __gasCalls: RecordedCall[] }).__gasCalls);
  return calls.filter((c) => c.name === name);
}

export async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.setInputFiles('#files', { name, mimeType: 'text/csv', buffer });
  // A file of one table shows its card; a workbook of several, its card with a line per sheet.
  await page.waitForSelector('.table-card, .file-card');
}

/** Opens the line of a workbook's sheet, so its table card is drawn. */
export async function openSheet(page: Page, sheet: string): Promise<void> {
  await page.locator('details.sheet > summary', { hasText: sheet }).first().click();
  await page.locator('details.sheet[open] .table-card', { hasText: sheet }).first().waitFor();
}

/** An element's text with no-break spaces (kept together on screen) read as spaces. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
}
