/**
 * The sidebar at a glance (issue 10.9), in headless Chromium at Sheets' 300 px,
 * in English and Chinese: the days of every kind, formats in words, counts
 * that add up, rejected rows before importing, required fields marked and
 * the rest folded, roster and events files recognised and sent whole, and
 * after import one total in view with the errors link only when needed.
 * Set CSDAILY_SHOTS=dir to keep screenshots of the cards for a look.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callsOf, chooseFile, openSidebar, stubConfig, useSidebarPages, textOf } from './sidebarPage';

const SAMPLES = join(__dirname, '../../samples');
const SHOTS = process.env.CSDAILY_SHOTS;

useSidebarPages();

async function shot(page: Page, name: string, selector = 'body'): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  // 'viewport': what the user sees, after the sidebar scrolled.
  if (selector === 'viewport') await page.screenshot({ path });
  else await page.locator(selector).first().screenshot({ path });
}

async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((node) => {
    const box = node.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight;
  });
}

/** Counts of a card's line, checked to add up: read = to import + rejected + skipped. */
async function countsOf(page: Page, card = '.table-card'): Promise<number[]> {
  const text = (await page.locator(`${card} .counts`).first().textContent()) ?? '';
  const numbers = (text.match(/\d+/g) ?? []).map(Number);
  expect(numbers).toHaveLength(4);
  expect(numbers[0]).toBe(numbers[1] + numbers[2] + numbers[3]);
  return numbers;
}

/** An orders export with 7 bad rows (a created time that is not one, an amount that is not a number). */
function ordersWithRejections(): Buffer {
  const lines = ['订单编号,买家会员名,订单创建时间,订单付款时间,实付金额,宝贝总数量,订单状态'];
  for (let i = 1; i <= 20; i++) {
    const bad = i % 3 === 0;
    const created = bad && i % 2 === 0 ? 'yesterday' : `2026-11-${String(1 + (i % 5)).padStart(2, '0')} 10:00:00`;
    const amount = bad && i % 2 === 1 ? 'abc' : '99.00';
    lines.push(`88001${String(i).padStart(4, '0')},tb_${i},${created},,${amount},1,交易成功`);
  }
  lines.push('880019999,tb_x,2026-11-07 10:00:00,,1e,1,交易成功');
  return iconv.encode(lines.join('\r\n'), 'gbk');
}

describe('sidebar at a glance', () => {
  for (const language of ['en', 'zh'] as const) {
    it(`${language}: a GBK agent-day card says GBK in words, its dates, counts that add up, and folds the unused fields`, async () => {
      const { page } = await openSidebar(stubConfig({ language }), { width: 300 });
      try {
        await chooseFile(page, 'agent_day.csv', readFileSync(join(SAMPLES, 'agent_day.csv')));
        const card = page.locator('.table-card');
        expect(await card.locator('.encoding').textContent()).toBe(language === 'en' ? 'GBK (Chinese Windows)' : 'GBK（中文 Windows）');
        expect(await card.locator('.dates').textContent()).toBe('2026-11-01 – 2026-11-16');
        // The title row above the header is read and skipped, as in the CLI's run line.
        expect(await countsOf(page)).toEqual([97, 95, 0, 2]);
        await card.locator('.mapping summary').click();
        const fields = await card.locator('.mapping-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-field')));
        expect(fields).toContain('agent');
        expect(fields).toContain('inquiries');
        expect(fields).not.toContain('chats');
        expect(await card.locator('.mapping-row[data-row-field="agent"] .required').count()).toBe(1);
        expect(await card.locator('.mapping-row[data-row-field="inquiries"] .required').count()).toBe(0);
        // Every label is whole: none is wider than its box.
        const cut = await card.locator('.field-label').evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth + 1).length);
        expect(cut).toBe(0);
        await shot(page, `agent-day-gbk-${language}`, '.table-card');
        const shown = fields.length;
        await card.locator('.fields-toggle').click();
        const all = await page.locator('.table-card .mapping-row').count();
        expect(all).toBeGreaterThan(shown);
        expect(await page.locator('.table-card details.mapping').getAttribute('open')).not.toBeNull();
        await page.locator('.table-card .fields-toggle').click();
        expect(await page.locator('.table-card .mapping-row').count()).toBe(shown);
      } finally {
        await page.close();
      }
    });

    it(`${language}: an orders card lists the first 5 rejected rows with their reasons and how many more, before importing`, async () => {
      const { page } = await openSidebar(stubConfig({ language }), { width: 300 });
      try {
        await chooseFile(page, 'orders.csv', ordersWithRejections());
        const card = page.locator('.table-card');
        expect(await card.locator('.dates').textContent()).toBe('2026-11-01 – 2026-11-05');
        const [read, toImport, rejected, skipped] = await countsOf(page);
        expect([read, toImport, rejected, skipped]).toEqual([21, 14, 7, 0]);
        const items = await card.locator('.rejections li').allTextContents();
        expect(items).toHaveLength(5);
        const rowWord = language === 'en' ? 'Row 4, ' : '第 4 行，';
        expect(items[0].startsWith(rowWord)).toBe(true);
        expect(items[0]).toContain('实付金额');
        expect(items.map((i) => Number(/\d+/.exec(i)![0]))).toEqual([4, 7, 10, 13, 16]);
        expect(await card.locator('.rejections-more').textContent()).toMatch(/^(\+2 more|另有 2 行)/);
        await shot(page, `orders-rejected-${language}`, '.table-card');
      } finally {
        await page.close();
      }
    });

    it(`${language}: a roster is recognised and sent whole; the summary shows one total in view, no errors link at 0`, async () => {
      const { page } = await openSidebar(stubConfig({ language, replaced: 0 }), { width: 300 });
      try {
        await page.setInputFiles('#files', [
          { name: 'roster.csv', mimeType: 'text/csv', buffer: readFileSync(join(SAMPLES, 'roster.csv')) },
          { name: 'events.csv', mimeType: 'text/csv', buffer: readFileSync(join(SAMPLES, 'events.csv')) },
        ]);
        await page.locator('.table-card').nth(1).waitFor();
        const roster = page.locator('.table-card', { hasText: 'roster.csv' });
        expect(await roster.locator('select.kind-select option:checked').textContent()).toBe(language === 'en' ? 'Roster' : '客服名单');
        expect(await roster.locator('.not-recognised').count()).toBe(0);
        expect(await countsOf(page, '.table-card:has-text("roster.csv")')).toEqual([6, 6, 0, 0]);
        expect(await roster.locator('.merge-note').textContent()).toContain(language === 'en' ? 'agents not in the file stay' : '文件中没有的客服保持不变');
        await shot(page, `roster-${language}`, '.table-card');
        const events = page.locator('.table-card', { hasText: 'events.csv' });
        expect(await events.locator('.dates').textContent()).toBe('2026-11-03 – 2026-11-14');
        expect(await countsOf(page, '.table-card:has-text("events.csv")')).toEqual([7, 7, 0, 0]);

        await page.click('#import');
        await page.waitForSelector('#summary-total');
        const sent = (await callsOf(page, 'importSupervisorTable')).map((c) => JSON.parse(c.args[0] as string));
        expect(sent.map((s) => [s.kind, s.file, s.agents.length, s.events.length])).toEqual([
          ['roster', 'roster.csv', 6, 0],
          ['events', 'events.csv', 0, 7],
        ]);
        expect(sent[0].agents[4]).toMatchObject({ name: '阿杰', id: '105', shift: 'night', basePay: 3300, active: true });
        expect(await callsOf(page, 'importChunk')).toHaveLength(0);
        expect(await page.locator('.summary-card').count()).toBe(2);
        expect(await textOf(page.locator('#summary-total .total-counts'))).toBe(
          language === 'en' ? 'Rows read 13 = new 13 + replaced 0 + rejected 0 + skipped 0' : '读取 13 行 = 新增 13 + 替换 0 + 拒绝 0 + 跳过 0',
        );
        expect(await page.locator('.summary-errors').count()).toBe(0);
        expect(await inView(page, '#summary-total')).toBe(true);
        await shot(page, `summary-roster-${language}`, 'viewport');
      } finally {
        await page.close();
      }
    });
  }

  for (const language of ['en', 'zh'] as const) it(`${language}: refuses a roster with a duplicate ID whole, naming its rows; Import stays off`, async () => {
    const { page } = await openSidebar(stubConfig({ language }), { width: 300 });
    try {
      const csv = 'agent,agent_id,shift\n小丸子,101,day\n乔巴,101,day\n小明,103,night\n';
      await chooseFile(page, 'roster.csv', Buffer.from(csv));
      const card = page.locator('.table-card');
      const items = await card.locator('#roster-refused li').allTextContents();
      expect(items).toHaveLength(2);
      expect(items[0]).toMatch(language === 'en' ? /^Row 2, agent_id: / : /^第 2 行，agent_id：/);
      expect(items[1]).toMatch(language === 'en' ? /^Row 3, agent_id: / : /^第 3 行，agent_id：/);
      expect(await card.locator('input.include').isDisabled()).toBe(true);
      expect(await card.locator('input.include').isChecked()).toBe(false);
      expect(await page.locator('#import').isDisabled()).toBe(true);
      await shot(page, `roster-refused-${language}`, '.table-card');
    } finally {
      await page.close();
    }
  });

  it('sends a roster chosen after an export first, so the agents it names are not flagged new', async () => {
    const { page } = await openSidebar(stubConfig(), { width: 300 });
    try {
      await page.setInputFiles('#files', [
        { name: 'agent_day.csv', mimeType: 'text/csv', buffer: readFileSync(join(SAMPLES, 'agent_day.csv')) },
        { name: 'roster.csv', mimeType: 'text/csv', buffer: readFileSync(join(SAMPLES, 'roster.csv')) },
      ]);
      await page.locator('.table-card').nth(1).waitFor();
      await page.click('#import');
      await page.waitForSelector('#summary-total');
      const calls = await page.evaluate(() => (window as unknown as { __gasCalls: { name: string }[] }).__gasCalls.map((c) => c.name));
      const sends = calls.filter((n) => n === 'importSupervisorTable' || n === 'importChunk');
      expect(sends[0]).toBe('importSupervisorTable');
      expect(sends.slice(1).every((n) => n === 'importChunk')).toBe(true);
      expect(await page.locator('.summary-card h3').allTextContents()).toEqual(['roster.csv: Roster', 'agent_day.csv: Agent-day stats']);
      // The next file chosen is checked against the roster just imported.
      expect(await page.locator('.table-card .note', { hasText: 'Not in the roster' }).count()).toBe(1);
      await chooseFile(page, 'agent_day.csv', readFileSync(join(SAMPLES, 'agent_day.csv')));
      await expect.poll(() => page.locator('.table-card').count()).toBe(1);
      expect(await page.locator('.table-card .note', { hasText: 'Not in the roster' }).count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('after importing several files: one total with one errors link (rejected > 0), scrolled into view', async () => {
    const { page } = await openSidebar(stubConfig({ replaced: 0 }), { width: 300 });
    try {
      await page.setInputFiles('#files', [
        { name: 'agent_day.csv', mimeType: 'text/csv', buffer: readFileSync(join(SAMPLES, 'agent_day.csv')) },
        { name: 'orders.csv', mimeType: 'text/csv', buffer: ordersWithRejections() },
      ]);
      await page.locator('.table-card').nth(1).waitFor();
      await page.click('#import');
      await page.waitForSelector('#summary-total');
      expect(await page.locator('.summary-card').count()).toBe(2);
      expect(await textOf(page.locator('#summary-total .total-counts'))).toBe('Rows read 118 = new 109 + replaced 0 + rejected 7 + skipped 2');
      const links = page.locator('.summary-errors');
      expect(await links.count()).toBe(1);
      expect(await links.textContent()).toBe('Open the "Import errors" tab: 7 rejected rows with their reasons');
      expect(await inView(page, '#summary-total')).toBe(true);
      await shot(page, 'summary-en', 'viewport');
      await links.click();
      await expect.poll(async () => (await callsOf(page, 'showImportErrors')).length).toBe(1);
    } finally {
      await page.close();
    }
  });
});
