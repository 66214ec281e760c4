import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { openSidebar, stubConfig, useSidebarPages } from './sidebarPage';
const DIR = '/work/shared/real-exports/chitu-workbooks';
useSidebarPages();
it('measure', async () => {
  const { page } = await openSidebar(stubConfig({ language: 'zh', rosterNames: ['winnie'] }), { width: 300 });
  await page.setViewportSize({ width: 300, height: 800 });
  const files = readdirSync(DIR).map((name) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(join(DIR, name)) }));
  await page.setInputFiles('#files', files);
  await page.waitForSelector('.table-card');
  await page.waitForFunction(() => !document.querySelector('.reading'));
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  const cards = await page.locator('.table-card').count();
  console.log('HEIGHT', h, 'cards', cards);
  await page.screenshot({ path: '/tmp/i21/before-sidebar.png', fullPage: true });
  await page.close();
}, 120000);
