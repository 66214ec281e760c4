/**
 * The sidebar's responsiveness on a 50 MB export, in headless Chromium:
 * dist/Sidebar.html as built, the test suite's stub google.script.run, and a
 * 20 ms timer in the page whose longest gap is the longest freeze a
 * supervisor would feel while the file is read, decoded and recognised.
 * Prints it beside its target. Needs `npm run build` and Chromium (npm test
 * installs both).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../test/ui/chromium';
import { installGasStub, type StubConfig } from '../test/ui/gasStub';

const TARGET_FREEZE_MS = 1000;
const SIDEBAR = fileURLToPath(new URL('../dist/Sidebar.html', import.meta.url));

/** About 50 MB of orders with a long seller remark per row, as shops write them. */
function bigOrdersFile(dir: string): { path: string; bytes: number } {
  const remark = '客服101 已核对地址，顺丰发货，赠品两份，买家要求周末送达，若缺货请先联系买家确认更换颜色。'.repeat(3);
  const lines = ['订单编号,买家会员名,订单创建时间,订单付款时间,买家实际支付金额,宝贝总数量,订单状态,商家备注'];
  let bytes = 0;
  for (let i = 0; bytes < 50 * 1024 * 1024; i++) {
    const line = `${1000000000 + i},buyer${i % 5000},2026-11-21 10:${String(i % 60).padStart(2, '0')}:00,2026-11-21 10:59:00,99.50,2,交易成功,${remark}`;
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }
  const path = join(dir, 'orders-50mb.csv');
  writeFileSync(path, lines.join('\n'));
  return { path, bytes };
}

export async function benchSidebar(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-bench-sidebar-'));
  const browser = await launchChromium();
  try {
    const file = bigOrdersFile(dir);
    const page = await browser.newPage();
    const stub: StubConfig = { language: 'en', rosterNames: [], replaced: 0, newAgents: [], errorsTab: 'Import errors' };
    await page.addInitScript(installGasStub, stub);
    await page.goto(pathToFileURL(SIDEBAR).href);
    await page.waitForSelector('body[data-ready="en"]');
    await page.evaluate(() => {
      const probe = { maxGapMs: 0 };
      (window as unknown as { __probe: typeof probe }).__probe = probe;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        probe.maxGapMs = Math.max(probe.maxGapMs, now - last);
        last = now;
      }, 20);
    });
    const start = performance.now();
    await page.setInputFiles('#files', file.path);
    await page.waitForSelector('.table-card', { timeout: 600_000 });
    const seconds = (performance.now() - start) / 1000;
    const { maxGapMs } = await page.evaluate(() => (window as unknown as { __probe: { maxGapMs: number } }).__probe);
    const verdict = maxGapMs < TARGET_FREEZE_MS ? 'ok' : 'MISSED';
    console.log(`${'sidebar, 50 MB CSV: longest freeze'.padEnd(44)} ${maxGapMs.toFixed(0).padStart(10)} ms  target < ${TARGET_FREEZE_MS} ms  ${verdict}  (read and recognised in ${seconds.toFixed(1)} s, ${(file.bytes / 1048576).toFixed(0)} MB)`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
