/**
 * The import sidebar in a real headless Chromium: dist/Sidebar.html as built,
 * a stub google.script.run, files chosen through the file input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { callsOf, chooseFile, openSidebar, stubConfig, useSidebarPages, textOf } from './sidebarPage';

const FIXTURE = join(__dirname, '../fixtures/agent_day.csv');
const XSS = '<img src=x onerror=alert(1)>';

interface SentChunk {
  importId: string;
  chunkIndex: number;
  chunkCount: number;
  kind: string;
  encoding: string;
  agentDays: { agent: string; date: string }[];
  skipped: { why: string; text: string }[];
}

useSidebarPages();

describe('import sidebar in Chromium', () => {
  it('reads a GBK agent-day export, shows what it found, and imports its 95 rows in JSON chunks', async () => {
    const { page } = await openSidebar(stubConfig());
    try {
      expect(await callsOf(page, 'getSidebarContext')).toHaveLength(1);
      await chooseFile(page, '客服绩效_20261101.csv', readFileSync(FIXTURE));

      const card = page.locator('.table-card');
      expect(await card.locator('select.kind-select').inputValue()).toBe('agent_day');
      expect(await card.locator('select.kind-select option:checked').textContent()).toBe('Agent-day stats');
      expect(await card.locator('.encoding').textContent()).toBe('GBK (Chinese Windows)');
      expect(await card.locator('.dates').textContent()).toBe('2026-11-01 – 2026-11-16');
      expect(await textOf(card.locator('.counts'))).toBe('Rows read 97 = to import 95 + rejected 0 + skipped 2');

      const headers = await card.locator('.preview thead th').allTextContents();
      expect(headers.slice(0, 6)).toEqual(['日期', '旺旺', '咨询人数', '询单人数', '最终付款人数', '询单->最终付款成功率']);
      await expect.poll(() => card.locator('.preview tbody tr').count()).toBe(5);
      expect(await card.locator('.preview tbody tr').first().locator('td').nth(1).textContent()).toBe('店铺1:乔巴');

      expect(await card.locator('select[data-field="agent"]').inputValue()).toBe('旺旺');
      expect(await card.locator('select[data-field="inquiries"]').inputValue()).toBe('询单人数');
      expect(await card.locator('select[data-field="paid"]').inputValue()).toBe('最终付款人数');
      expect(await card.locator('select[data-field="sales"]').inputValue()).toBe('销售额');
      // An optional field the file lacks is folded away until "show all fields".
      expect(await card.locator('select[data-field="receptions"]').count()).toBe(0);

      await page.click('#import');
      await page.waitForSelector('.summary-card');
      const progress = page.locator('#progress');
      expect(await progress.evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([1, 1]);
      const summary = page.locator('.summary-card');
      expect(await textOf(summary.locator('.summary-counts'))).toBe('Rows read 97 = new 90 + replaced 5 + rejected 0 + skipped 2');
      expect(await summary.locator('.summary-agents').textContent()).toBe('New agents: 美美');
      // Nothing rejected: no link to the errors tab.
      expect(await page.locator('.summary-errors').count()).toBe(0);

      const sent = (await callsOf(page, 'importChunk')).map((c) => {
        expect(c.args).toHaveLength(1);
        expect(typeof c.args[0]).toBe('string');
        return JSON.parse(c.args[0] as string) as SentChunk;
      });
      expect(sent.length).toBeGreaterThanOrEqual(1);
      expect(sent.map((c) => c.chunkIndex)).toEqual(sent.map((_, i) => i));
      expect(new Set(sent.map((c) => c.importId)).size).toBe(1);
      expect(sent.every((c) => c.kind === 'agent_day' && c.encoding === 'gb18030' && c.chunkCount === sent.length)).toBe(true);
      const days = sent.flatMap((c) => c.agentDays);
      expect(days).toHaveLength(95);
      expect(days.some((d) => /合计|总计|total/i.test(d.agent) || d.agent === '')).toBe(false);
      expect(sent.flatMap((c) => c.skipped).some((s) => s.why === 'total')).toBe(true);

      const finish = await callsOf(page, 'finishImport');
      expect(finish.map((c) => c.args)).toEqual([[sent[0].importId]]);

    } finally {
      await page.close();
    }
  });

  it('shows an agent named like an HTML tag as literal text, never as markup', async () => {
    const { page, dialogs } = await openSidebar(stubConfig({ newAgents: [XSS] }));
    try {
      const csv = `日期,旺旺,咨询人数,询单人数,最终付款人数,销售额\n2026-11-21,${XSS},10,5,2,100\n2026-11-21,小丸子,8,4,1,50\n`;
      await chooseFile(page, 'xss.csv', Buffer.from(csv, 'utf8'));
      const card = page.locator('.table-card');
      expect(await card.locator('.preview tbody tr').first().locator('td').nth(1).textContent()).toBe(XSS);
      expect(await card.locator('.note', { hasText: 'Not in the roster' }).textContent()).toContain(XSS);

      await page.click('#import');
      await page.waitForSelector('.summary-card');
      expect(await page.locator('.summary-agents').textContent()).toBe(`New agents: ${XSS}`);
      const sent = JSON.parse((await callsOf(page, 'importChunk'))[0].args[0] as string) as SentChunk;
      expect(sent.agentDays.map((d) => d.agent)).toContain(XSS);

      await page.waitForTimeout(200);
      expect(await page.locator('img').count()).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('speaks Chinese when the spreadsheet is in Chinese', async () => {
    const { page } = await openSidebar(stubConfig({ language: 'zh' }));
    try {
      expect(await page.locator('#title').textContent()).toBe('导入文件');
      expect(await page.locator('#import').textContent()).toBe('导入');
      const gbk = iconv.encode('客服绩效报表 2026-11-21\n旺旺,咨询人数,询单人数,最终付款人数,销售额\n小丸子,10,8,3,300\n合计,10,8,3,300\n', 'gbk');
      await chooseFile(page, '客服绩效.csv', gbk);
      const card = page.locator('.table-card');
      expect(await card.locator('select.kind-select option:checked').textContent()).toBe('客服日数据');
      expect(await textOf(card.locator('.counts'))).toBe('读取 3 行 = 将导入 1 + 拒绝 0 + 跳过 2');
      expect(await card.locator('input.date-input').inputValue()).toBe('2026-11-21');
      expect(await card.locator('.mapping summary').textContent()).toBe('列对应');
      expect(await card.locator('.mapping-row[data-row-field="agent"] .required').textContent()).toBe('必填');
    } finally {
      await page.close();
    }
  });

  it('re-reads the records when the user corrects a column', async () => {
    const { page } = await openSidebar(stubConfig());
    try {
      const csv = '日期,旺旺,询单人数,最终付款人数,销售人数\n2026-11-21,小丸子,10,6,5\n';
      await chooseFile(page, 'day.csv', Buffer.from(csv, 'utf8'));
      const card = page.locator('.table-card');
      expect(await card.locator('select[data-field="paid"]').inputValue()).toBe('最终付款人数');
      await card.locator('.mapping summary').click();
      await card.locator('select[data-field="paid"]').selectOption('销售人数');
      await expect.poll(() => page.locator('.table-card select[data-field="paid"]').inputValue()).toBe('销售人数');
      expect(await page.locator('.table-card select[data-field="salesBuyers"]').count()).toBe(0);
      expect(await page.locator('.table-card details.mapping').getAttribute('open')).not.toBeNull();
      await page.click('#import');
      await page.waitForSelector('.summary-card');
      const sent = JSON.parse((await callsOf(page, 'importChunk'))[0].args[0] as string) as { agentDays: { figures: { paid?: number | null; salesBuyers?: number | null } }[] };
      expect(sent.agentDays).toHaveLength(1);
      expect(sent.agentDays[0].figures.paid).toBe(5);
      expect(sent.agentDays[0].figures.salesBuyers ?? null).toBeNull();
    } finally {
      await page.close();
    }
  });

  it('asks for the day of an agent-day file that names none, and stamps it on every record', async () => {
    const { page } = await openSidebar(stubConfig());
    try {
      const csv = '旺旺,询单人数,最终付款人数\n小丸子,10,6\n乔巴,8,2\n';
      await chooseFile(page, 'stats.csv', Buffer.from(csv, 'utf8'));
      const card = page.locator('.table-card');
      await card.locator('.needs-date').waitFor();
      expect(await page.locator('#import').isDisabled()).toBe(true);
      await card.locator('input.date-input').fill('2026-11-20');
      await card.locator('input.date-input').dispatchEvent('change');
      await expect.poll(() => page.locator('.table-card .needs-date').count()).toBe(0);
      expect(await page.locator('#import').isEnabled()).toBe(true);
      await page.click('#import');
      await page.waitForSelector('.summary-card');
      const sent = JSON.parse((await callsOf(page, 'importChunk'))[0].args[0] as string) as SentChunk;
      expect(sent.agentDays.map((d) => d.date)).toEqual(['2026-11-20', '2026-11-20']);
    } finally {
      await page.close();
    }
  });

  it('sends a large file in chunks of 500 and moves the progress bar once per chunk', async () => {
    const { page } = await openSidebar(stubConfig({ replaced: 0 }));
    try {
      const lines = ['日期,旺旺,询单人数,最终付款人数'];
      for (let i = 0; i < 1200; i++) lines.push(`2026-11-${String((i % 28) + 1).padStart(2, '0')},agent${Math.floor(i / 28)},10,3`);
      await chooseFile(page, 'big.csv', Buffer.from(lines.join('\n'), 'utf8'));
      await page.evaluate(() => {
        const seen: number[] = [];
        (window as unknown as { __progress: number[] }).__progress = seen;
        const bar = document.getElementById('progress') as HTMLProgressElement;
        new MutationObserver(() => seen.push(bar.value)).observe(bar, { attributes: true });
        const original = Object.getOwnPropertyDescriptor(HTMLProgressElement.prototype, 'value')!;
        Object.defineProperty(bar, 'value', {
          get: () => original.get!.call(bar),
          set: (v: number) => {
            original.set!.call(bar, v);
            seen.push(v);
          },
        });
      });
      await page.click('#import');
      await page.waitForSelector('.summary-card');
      const sent = (await callsOf(page, 'importChunk')).map((c) => JSON.parse(c.args[0] as string) as SentChunk);
      expect(sent.map((c) => c.agentDays.length)).toEqual([500, 500, 200]);
      const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
      expect(progress.filter((v, i) => v !== progress[i - 1])).toEqual([0, 1, 2, 3]);
      expect(await page.locator('#progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([3, 3]);
      expect(await textOf(page.locator('.summary-counts'))).toBe('Rows read 1200 = new 1200 + replaced 0 + rejected 0 + skipped 0');
    } finally {
      await page.close();
    }
  });

  it('says why a file was not recognised, shows its headers, and offers nothing to import', async () => {
    const { page } = await openSidebar(stubConfig());
    try {
      await chooseFile(page, 'notes.csv', Buffer.from('colour,size\nred,2\n', 'utf8'));
      const card = page.locator('.table-card');
      expect(await card.locator('.not-recognised').textContent()).toMatch(/^Not recognised: \S/);
      expect(await card.locator('.note', { hasText: 'Headers seen' }).textContent()).toContain('colour, size');
      expect(await card.locator('select.kind-select').inputValue()).toBe('');
      await card.locator('select.kind-select').selectOption('orders');
      await expect.poll(() => page.locator('.table-card select.kind-select').inputValue()).toBe('orders');
      expect(await page.locator('.table-card .not-recognised').count()).toBe(1);
      expect(await page.locator('#import').isDisabled()).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('tells a user signed into several Google accounts what to do on PERMISSION_DENIED', async () => {
    const { page } = await openSidebar(stubConfig({ fail: { name: 'importChunk', message: 'ScriptError: PERMISSION_DENIED' } }));
    try {
      await chooseFile(page, 'agent_day.csv', readFileSync(FIXTURE));
      await page.click('#import');
      const stopped = page.locator('#import-status .stopped');
      await stopped.waitFor();
      expect(await stopped.locator('.stopped-reason').textContent()).toBe('Import stopped: Google refused the call.');
      expect(await stopped.textContent()).toContain('sign out of the others');
      // Retrying cannot fix a refused permission: one call only.
      expect(await callsOf(page, 'importChunk')).toHaveLength(1);
      expect(await page.locator('#import').isEnabled()).toBe(true);
      expect(await page.locator('.summary-card').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('sends the duplicate-key lines with the chunks and shows how many keys were read with different values', async () => {
    const { page } = await openSidebar(stubConfig({ replaced: 1, newAgents: [] }));
    try {
      const header = '订单编号,买家会员名,订单创建时间,订单付款时间,实付金额,宝贝总数量,订单状态,是否使用优惠券,卖家备注,旗帜';
      const row = (amount: string) => `3301,tb_1,2026-11-03 10:00:00,2026-11-03 11:00:00,${amount},1,交易成功,否,101,`;
      await chooseFile(page, 'orders.csv', Buffer.from([header, row('59.00'), row('1.00')].join('\n'), 'utf8'));
      await page.click('#import');
      await page.waitForSelector('.summary-total');
      const [sent] = (await callsOf(page, 'importChunk')).map((c) => JSON.parse(c.args[0] as string) as { conflicts: { row: number; reason: string }[] });
      expect(sent.conflicts).toHaveLength(1);
      expect(sent.conflicts[0].row).toBe(2);
      expect(sent.conflicts[0].reason).toContain('Order 3301 appears 2 times with different values (amount)');
      expect(await page.locator('.summary-card .summary-conflicts').textContent()).toBe(
        '1 keys were read more than once with different values: the later row is kept, and each is listed in the import errors.',
      );
      expect(await page.locator('.summary-total button.summary-conflicts').textContent()).toBe('Open the "Import errors" tab: 1 keys read with different values, which row was kept');
    } finally {
      await page.close();
    }
  });
});
