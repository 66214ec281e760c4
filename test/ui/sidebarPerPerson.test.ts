/**
 * The sidebar in headless Chromium on a per-person table whose name column
 * the synonyms do not know: the card says which column was taken as the
 * agent and sends one agent-day per person; with no name column every row is
 * rejected with its reason. Never one shop-day row.
 */
import { describe, expect, it } from 'vitest';
import { callsOf, chooseFile, openSidebar, stubConfig, useSidebarPages } from './sidebarPage';

interface SentChunk {
  kind: string;
  agentDays: { agent: string }[];
  shopDays: unknown[];
  rejected: { row: number; reason: string }[];
}

const encode = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');

useSidebarPages();

describe('sidebar: a per-person table with an unknown name column', () => {
  it('reads the guessed name column as the agent, says so, and sends one agent-day per person', async () => {
    const { page } = await openSidebar(stubConfig({ language: 'zh' }));
    try {
      await chooseFile(page, '客服绩效.csv', encode(['日期,花名,回复率,答问比,上班天数', '2026-05-01,winnie,100%,1.50,1', '2026-05-01,liz,95%,1.20,1', '2026-05-01,dianna,98%,0.90,1']));
      const card = page.locator('.table-card');
      expect(await card.locator('select.kind-select option:checked').textContent()).toBe('客服日数据');
      expect(await card.locator('.guessed-agent').textContent()).toContain('“花名”列按客服读取');
      expect(await card.locator('select[data-field="agent"] option:checked').textContent()).toBe('花名');
      await page.click('#import');
      await page.waitForSelector('.summary-card');
      const sent = (await callsOf(page, 'importChunk')).map((c) => JSON.parse(c.args[0] as string) as SentChunk);
      expect(sent.every((c) => c.kind === 'agent_day' && c.shopDays.length === 0)).toBe(true);
      expect(sent.flatMap((c) => c.agentDays).map((d) => d.agent)).toEqual(['winnie', 'liz', 'dianna']);
    } finally {
      await page.close();
    }
  });

  it('with no name column, every row is rejected with the rows named; nothing is sent as the shop', async () => {
    const { page } = await openSidebar(stubConfig());
    try {
      await chooseFile(page, 'per_person.csv', encode(['日期,回复率,答问比,上班天数', '2026-05-01,100%,1.50,1', '2026-05-01,95%,1.20,1']));
      const card = page.locator('.table-card');
      expect(await card.textContent()).toContain('per_person.csv, rows 2–3');
      await page.click('#import');
      await page.waitForSelector('.summary-card');
      const sent = (await callsOf(page, 'importChunk')).map((c) => JSON.parse(c.args[0] as string) as SentChunk);
      expect(sent.flatMap((c) => c.shopDays)).toEqual([]);
      expect(sent.flatMap((c) => c.rejected).map((r) => r.row)).toEqual([2, 3]);
    } finally {
      await page.close();
    }
  });
});
