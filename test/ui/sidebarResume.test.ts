/**
 * The import sidebar when the server fails or the user stops: retries with
 * backoff, a stop that says what was saved (in the user's language, next to
 * the Import button) and offers Resume, Cancel, and a question before the
 * same files are imported twice. Headless Chromium, stub google.script.run.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StubConfig } from './gasStub';
import { callsOf, chooseFile, openSidebar, stubConfig, useSidebarPages, textOf } from './sidebarPage';

useSidebarPages();

const SERVER_TEXT = 'Exception: Service Spreadsheets timed out while accessing document';

/** 1 200 agent-days: three batches of 500, 500 and 200. */
function bigCsv(agents = 1200, prefix = 'agent'): Buffer {
  const lines = ['日期,旺旺,询单人数,最终付款人数'];
  for (let i = 0; i < agents; i++) lines.push(`2026-11-21,${prefix}${i},10,3`);
  return Buffer.from(lines.join('\n'), 'utf8');
}

function fastRetries(): void {
  (window as unknown as { csDailyRetryDelaysMs: number[] }).csDailyRetryDelaysMs = [20, 40, 80];
}

async function open(config: Partial<StubConfig>, width = 300) {
  return openSidebar(stubConfig({ replaced: 0, ...config }), { width, beforeLoad: fastRetries });
}

async function sentChunks(page: Page): Promise<{ importId: string; chunkIndex: number; chunkId: string }[]> {
  return (await callsOf(page, 'importChunk')).map((c) => JSON.parse(c.args[0] as string));
}

/** Whether the whole element is inside the viewport (scrolled into view). */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).last().evaluate((node) => {
    const r = node.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
}

/** Pixels between the bottom of the Import button and the top of an element. */
async function gapBelowImport(page: Page, selector: string): Promise<number> {
  const button = (await page.locator('#import').boundingBox())!;
  const box = (await page.locator(selector).boundingBox())!;
  return box.y - (button.y + button.height);
}

describe('import sidebar: failures, resume, cancel', () => {
  it('retries a failed batch and finishes without the user noticing', async () => {
    const { page } = await open({ failCalls: { name: 'importChunk', calls: [2, 3], message: SERVER_TEXT } });
    try {
      await chooseFile(page, 'big.csv', bigCsv());
      await page.click('#import');
      await page.waitForSelector('.summary-card');
      expect((await sentChunks(page)).map((c) => c.chunkIndex)).toEqual([0, 1, 1, 1, 2]);
      expect(await textOf(page.locator('.summary-counts'))).toBe('Rows read 1200 = new 1200 + replaced 0 + rejected 0 + skipped 0');
      expect(await page.locator('#progress-text').textContent()).toBe('Import finished.');
      expect(await page.locator('#import-status .stopped').count()).toBe(0);
      expect(await page.locator('#cancel').isHidden()).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('after four failed tries says what was saved beside the button, and Resume finishes without duplicates', async () => {
    const { page } = await open({ failCalls: { name: 'importChunk', calls: [2, 3, 4, 5], message: SERVER_TEXT } });
    try {
      await chooseFile(page, 'big.csv', bigCsv());
      await page.click('#import');
      const stopped = page.locator('#import-status .stopped');
      await stopped.waitFor();
      expect(await stopped.locator('.stopped-reason').textContent()).toBe('Import stopped: batch 2 of 3 could not be saved after 4 tries.');
      expect(await stopped.locator('.stopped-saved').textContent()).toBe('Saved: 1 of 3 batches, 500 rows.');
      expect(await stopped.textContent()).toContain('Resume sends the rest from batch 2; nothing is stored twice.');
      // The server's own words only as a detail line, never inside the sentence.
      expect(await stopped.locator('.stopped-detail').textContent()).toBe(`Details: ${SERVER_TEXT}`);
      expect(await stopped.locator('.stopped-reason').textContent()).not.toContain('Exception');
      expect(await page.locator('#messages').textContent()).toBe('');
      // Never left looking like it still runs.
      expect(await page.locator('#progress-text').textContent()).toBe('Stopped: 1 of 3 batches saved.');
      expect(await page.locator('#cancel').isHidden()).toBe(true);
      expect(await page.locator('#import').isEnabled()).toBe(true);
      expect(await gapBelowImport(page, '#import-status .stopped')).toBeLessThan(16);
      expect(await inView(page, '#import-status .stopped')).toBe(true);
      await page.screenshot({ path: '/tmp/h4/failed-en.png' });

      await page.click('#resume');
      await page.waitForSelector('.summary-card');
      const sent = await sentChunks(page);
      // Four tries of batch 1, then Resume sends it once more; batch 0 is never sent again.
      expect(sent.map((c) => c.chunkIndex)).toEqual([0, 1, 1, 1, 1, 1, 2]);
      expect(new Set(sent.map((c) => c.importId)).size).toBe(1);
      expect(await textOf(page.locator('.summary-counts'))).toBe('Rows read 1200 = new 1200 + replaced 0 + rejected 0 + skipped 0');
      expect((await callsOf(page, 'finishImport')).length).toBe(1);
      expect(await page.locator('#import-status .stopped').count()).toBe(0);
      expect(await page.locator('#progress-text').textContent()).toBe('Import finished.');
      expect(await inView(page, '#summary-total')).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('resumes a batch whose answer was lost without storing it twice', async () => {
    // Every failed call stored its batch first (the answer was lost on the way back).
    const { page } = await open({ failCalls: { name: 'importChunk', calls: [2, 3, 4, 5], message: SERVER_TEXT, afterWork: true } });
    try {
      await chooseFile(page, 'big.csv', bigCsv());
      await page.click('#import');
      await page.locator('#import-status .stopped').waitFor();
      await page.click('#resume');
      await page.waitForSelector('.summary-card');
      expect((await sentChunks(page)).map((c) => c.chunkIndex)).toEqual([0, 1, 1, 1, 1, 1, 2]);
      expect(await textOf(page.locator('.summary-counts'))).toBe('Rows read 1200 = new 1200 + replaced 0 + rejected 0 + skipped 0');
    } finally {
      await page.close();
    }
  });

  it('Cancel stops after the batch in flight, says what was saved, and Resume goes on from there', async () => {
    const { page } = await open({ delayMs: 300 });
    try {
      await chooseFile(page, 'big.csv', bigCsv());
      await page.click('#import');
      await expect.poll(async () => (await callsOf(page, 'importChunk')).length).toBe(1);
      expect(await page.locator('#cancel').textContent()).toBe('Cancel');
      await page.click('#cancel');
      expect(await page.locator('#progress-text').textContent()).toBe('Stopping after this batch…');
      const stopped = page.locator('#import-status .stopped');
      await stopped.waitFor();
      expect(await stopped.locator('.stopped-reason').textContent()).toBe('Import cancelled.');
      expect(await stopped.locator('.stopped-saved').textContent()).toBe('Saved: 1 of 3 batches, 500 rows.');
      expect(await stopped.locator('.stopped-detail').count()).toBe(0);
      expect((await sentChunks(page)).map((c) => c.chunkIndex)).toEqual([0]);
      expect(await callsOf(page, 'finishImport')).toHaveLength(0);
      await page.screenshot({ path: '/tmp/h4/cancelled-en.png' });

      await page.click('#resume');
      await page.waitForSelector('.summary-card');
      expect((await sentChunks(page)).map((c) => c.chunkIndex)).toEqual([0, 1, 2]);
      expect(await textOf(page.locator('.summary-counts'))).toBe('Rows read 1200 = new 1200 + replaced 0 + rejected 0 + skipped 0');
    } finally {
      await page.close();
    }
  });

  it('asks before importing the same files a second time, inside the sidebar', async () => {
    const { page, dialogs } = await open({});
    try {
      await chooseFile(page, 'big.csv', bigCsv(10));
      await page.click('#import');
      await page.waitForSelector('.summary-card');
      expect(await callsOf(page, 'importChunk')).toHaveLength(1);

      await page.click('#import');
      const confirm = page.locator('#import-status .confirm');
      await confirm.waitFor();
      expect(await confirm.locator('p').textContent()).toBe('Already imported in this session: big.csv. Import again? Rows already stored are replaced, not doubled.');
      expect(await gapBelowImport(page, '#import-status .confirm')).toBeLessThan(16);
      await page.screenshot({ path: '/tmp/h4/confirm-en.png' });
      await page.click('#confirm-no');
      expect(await confirm.count()).toBe(0);
      expect(await callsOf(page, 'importChunk')).toHaveLength(1);

      // The same file chosen again (same name, size and content) is still the same file.
      await chooseFile(page, 'big.csv', bigCsv(10));
      await page.click('#import');
      await confirm.waitFor();
      await page.click('#confirm-yes');
      await expect.poll(async () => (await callsOf(page, 'finishImport')).length).toBe(2);
      const sent = await sentChunks(page);
      expect(sent).toHaveLength(2);
      expect(sent[1].importId).not.toBe(sent[0].importId);
      expect(dialogs).toEqual([]);

      // Another file of the same name and size but other content is new: no question.
      await chooseFile(page, 'big.csv', bigCsv(10, 'agenT'));
      await page.click('#import');
      await expect.poll(async () => (await callsOf(page, 'finishImport')).length).toBe(3);
      expect(await page.locator('#import-status .confirm').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('keeps the server\'s words out of the sentence when the sidebar cannot load its settings', async () => {
    const { page } = await open({ fail: { name: 'getSidebarContext', message: SERVER_TEXT } });
    try {
      const lines = await page.locator('#messages p').allTextContents();
      expect(lines).toEqual(['Could not load the settings of this spreadsheet. Close the sidebar and open it again.', `Details: ${SERVER_TEXT}`]);
    } finally {
      await page.close();
    }
  });

  it('says all of it in Chinese in a Chinese spreadsheet', async () => {
    const { page } = await open({ language: 'zh', failCalls: { name: 'importChunk', calls: [2, 3, 4, 5], message: SERVER_TEXT } });
    try {
      await chooseFile(page, 'big.csv', bigCsv());
      await page.click('#import');
      const stopped = page.locator('#import-status .stopped');
      await stopped.waitFor();
      expect(await stopped.locator('.stopped-reason').textContent()).toBe('导入中断：第 2 批（共 3 批）尝试 4 次仍未保存。');
      expect(await stopped.locator('.stopped-saved').textContent()).toBe('已保存 1/3 批，共 500 行。');
      expect(await stopped.locator('.stopped-detail').textContent()).toBe(`详情：${SERVER_TEXT}`);
      expect(await page.locator('#resume').textContent()).toBe('继续导入');
      expect(await page.locator('#progress-text').textContent()).toBe('已停止：已保存 1/3 批。');
      await page.screenshot({ path: '/tmp/h4/failed-zh.png' });

      await page.click('#resume');
      await page.waitForSelector('.summary-card');
      expect(await textOf(page.locator('.summary-counts'))).toBe('读取 1200 行 = 新增 1200 + 替换 0 + 拒绝 0 + 跳过 0');
      await page.click('#import');
      await page.locator('#import-status .confirm').waitFor();
      expect(await page.locator('#import-status .confirm p').textContent()).toBe('本次已导入过：big.csv。要再导入一次吗？已保存的行会被替换，不会重复。');
      expect(await page.locator('#confirm-yes').textContent()).toBe('再次导入');
      expect(await page.locator('#confirm-no').textContent()).toBe('不导入');
    } finally {
      await page.close();
    }
  });
});
