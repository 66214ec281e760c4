/**
 * A 50 MB export in the sidebar: the page shows reading progress in steps
 * while the file is read, decoded and recognised (the work happens in slices
 * and in a Web Worker). How long the page may freeze meanwhile is measured by
 * `npm run bench` (bench/sidebar.ts), not asserted here. The file is
 * generated into the temp directory and removed afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseFile, openSidebar, stubConfig, useSidebarPages, textOf } from './sidebarPage';

useSidebarPages();

const dir = mkdtempSync(join(tmpdir(), 'csdaily-big-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** About 50 MB of orders: a long seller remark per row, as shops write them. */
function bigOrdersFile(): { path: string; rows: number; bytes: number } {
  const remark = '客服101 已核对地址，顺丰发货，赠品两份，买家要求周末送达，若缺货请先联系买家确认更换颜色。'.repeat(3);
  const lines = ['订单编号,买家会员名,订单创建时间,订单付款时间,买家实际支付金额,宝贝总数量,订单状态,商家备注'];
  let bytes = 0;
  let i = 0;
  while (bytes < 50 * 1024 * 1024) {
    const line = `${1000000000 + i},buyer${i % 5000},2026-11-21 10:${String(i % 60).padStart(2, '0')}:00,2026-11-21 10:59:00,99.50,2,交易成功,${remark}`;
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
    i++;
  }
  const path = join(dir, 'orders-50mb.csv');
  writeFileSync(path, lines.join('\n'));
  return { path, rows: i, bytes };
}

describe('a 50 MB file in the sidebar', () => {
  it('shows reading progress in steps, in a worker, and locks the controls while reading', async () => {
    const file = bigOrdersFile();
    const { page } = await openSidebar(stubConfig());
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    try {
      await page.evaluate(() => {
        const probe = { progress: [] as number[], texts: [] as string[] };
        (window as unknown as { __probe: typeof probe }).__probe = probe;
        new MutationObserver(() => {
          const bar = document.querySelector<HTMLProgressElement>('.reading-progress');
          if (bar && probe.progress[probe.progress.length - 1] !== bar.value) probe.progress.push(bar.value);
          const text = document.querySelector('#messages .reading')?.textContent;
          if (text && probe.texts[probe.texts.length - 1] !== text) probe.texts.push(text);
        }).observe(document.getElementById('messages')!, { attributes: true, childList: true, subtree: true, characterData: true });
      });
      await page.setInputFiles('#files', file.path);
      // While it reads, neither another choice of files nor Import can interfere.
      expect(await page.locator('#files').isDisabled()).toBe(true);
      expect(await page.locator('#import').isDisabled()).toBe(true);
      await page.waitForSelector('.table-card', { timeout: 240_000 });
      const probe = await page.evaluate(() => (window as unknown as { __probe: { progress: number[]; texts: string[] } }).__probe);

      expect(workers.length).toBe(1);
      // Progress in steps while the bytes come in, then the recognising step.
      expect(probe.progress.filter((v) => v > 0 && v < file.bytes).length).toBeGreaterThanOrEqual(5);
      expect(probe.texts.some((t) => /^Reading orders-50mb\.csv… \d+\.\d of 5\d\.\d MB$/.test(t))).toBe(true);
      expect(probe.texts).toContain('Recognising orders-50mb.csv…');
      expect(await textOf(page.locator('.table-card .counts'))).toContain(`to import ${file.rows} +`);
      expect(await page.locator('#files').isEnabled()).toBe(true);
      expect(await page.locator('#import').isEnabled()).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('reads in the page where no worker can start (a sandbox that refuses them)', async () => {
    const noWorker = () => void ((window as unknown as { Worker: unknown }).Worker = undefined);
    const { page } = await openSidebar(stubConfig(), { beforeLoad: noWorker });
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    try {
      await chooseFile(page, 'day.csv', Buffer.from('日期,旺旺,询单人数,最终付款人数\n2026-11-21,小丸子,10,6\n', 'utf8'));
      expect(await textOf(page.locator('.table-card .counts'))).toContain('to import 1 +');
      expect(workers).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
