/**
 * The sidebar in headless Chromium on files whose names lie: the 拼多多 .xls
 * named .xlsx (read by the same import core, bundled for the browser) and a
 * 千牛 web page named .xls. Date cells show as days in the preview.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { callsOf, chooseFile, openSheet, openSidebar, stubConfig, useSidebarPages } from './sidebarPage';

const PDD_XLS = join(__dirname, '../fixtures/formats/pdd_kefu.xls');

interface SentChunk {
  kind: string;
  encoding: string;
  agentDays: { agent: string; date: string; figures: { inquiries?: number } }[];
  rejected: { row: number; column: string; reason: string }[];
}

useSidebarPages();

describe('sidebar: formats by their bytes', () => {
  it('reads the 拼多多 .xls named .xlsx, previews its dates as days, and imports it with the #DIV/0! row rejected', async () => {
    const { page } = await openSidebar(stubConfig());
    try {
      await chooseFile(page, '客服_销售数据.xlsx', readFileSync(PDD_XLS));
      // One card for the workbook, a line per sheet; the sheets are opened one at a time.
      expect(await page.locator('.file-card').count()).toBe(1);
      await openSheet(page, '客服绩效');
      const perf = page.locator('.table-card', { hasText: '客服绩效' });
      await perf.waitFor();
      expect(await perf.locator('.encoding').textContent()).toBe('Excel 97–2003 (.xls)');
      const firstRow = await perf.locator('.preview tbody tr').first().locator('td').allTextContents();
      expect(firstRow).toEqual(['1', '拼多多旗舰店:小丸子', '4.86', '120', '96', '36', '0.375', '6132.5', '5900', '2026-11-21']);
      expect(await perf.locator('.preview tbody').textContent()).toContain('#DIV/0!');
      // Each worksheet is its own card; the chats sheet shows its date-times to the second.
      await openSheet(page, '聊天记录');
      expect(await page.locator('details.sheet[open]').count()).toBe(1);
      const chats = page.locator('.table-card', { hasText: '聊天记录' });
      expect(await chats.locator('.preview tbody tr').first().locator('td').allTextContents()).toEqual(['小丸子', 'b1', '2026-11-21 09:05:07', '2026-11-21', '00:08:48', 'TRUE']);

      await page.click('#import');
      await page.waitForSelector('.summary-card');
      const sent = (await callsOf(page, 'importChunk')).map((c) => JSON.parse(c.args[0] as string) as SentChunk);
      const agentDays = sent.filter((c) => c.kind === 'agent_day');
      expect(agentDays.every((c) => c.encoding === 'xls')).toBe(true);
      expect(agentDays.flatMap((c) => c.agentDays).map((d) => [d.agent, d.date, d.figures.inquiries])).toEqual([
        ['小丸子', '2026-11-21', 96],
        ['乔巴', '2026-11-21', 70],
      ]);
      const rejected = agentDays.flatMap((c) => c.rejected);
      expect(rejected.map((r) => [r.row, r.column])).toEqual([[5, '询单转化率']]);
      expect(rejected[0].reason).toContain('Excel error #DIV/0!');
    } finally {
      await page.close();
    }
  });

  it('reads a 千牛 web page saved as .xls (GBK) as its table', async () => {
    const { page } = await openSidebar(stubConfig({ language: 'zh' }));
    try {
      const html = '<html><head><meta charset="gbk"></head><body><table><tr><td>客服昵称</td><td>日期</td><td>询单人数</td><td>最终付款人数</td></tr><tr><td>小丸子</td><td>2026-11-21</td><td>87</td><td>32</td></tr></table></body></html>';
      await chooseFile(page, '客服绩效.xls', iconv.encode(html, 'gbk'));
      const card = page.locator('.table-card');
      expect(await card.locator('.encoding').textContent()).toBe('网页（HTML），另存为表格');
      expect(await card.locator('select.kind-select option:checked').textContent()).toBe('客服日数据');
      expect(await card.locator('.preview tbody tr').first().locator('td').allTextContents()).toEqual(['小丸子', '2026-11-21', '87', '32']);
    } finally {
      await page.close();
    }
  });
});
