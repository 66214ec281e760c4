/**
 * Reading without workers: a 20 000-row .xlsx and a 50 MB CSV read in the
 * sidebar three ways — workers allowed (the parse runs in one worker),
 * workers refused (`Worker` undefined in the page: the parse runs in the
 * page), and nested workers refused (the parse worker has no `Worker`: no
 * library may start one from there). Each way reads every row. The files are
 * generated into the temp directory and removed afterwards.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Worker } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { zipEntries } from '../../src/import/zipEntries';
import { openSidebar, stubConfig, textOf, useSidebarPages } from './sidebarPage';

useSidebarPages();

const dir = mkdtempSync(join(tmpdir(), 'csdaily-noworkers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = ['订单编号', '买家会员名', '订单创建时间', '订单付款时间', '买家实际支付金额', '宝贝总数量', '订单状态', '商家备注'];
const REMARK = '客服101 已核对地址，顺丰发货，赠品两份，买家要求周末送达，若缺货请先联系买家确认更换颜色。';
const orderRow = (i: number) => [String(1000000000 + i), `buyer${i % 5000}`, `2026-11-21 10:${String(i % 60).padStart(2, '0')}:00`, '2026-11-21 10:59:00', '99.50', '2', '交易成功', REMARK];

/** 20 000 orders in one sheet: its sheet part is megabytes, far past the size a zip library hands to a worker. */
async function xlsxOf20000Rows(): Promise<{ path: string; rows: number }> {
  const rows = 20_000;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('orders');
  sheet.addRow(HEADER);
  for (let i = 0; i < rows; i++) sheet.addRow(orderRow(i));
  const path = join(dir, 'orders-20000.xlsx');
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  writeFileSync(path, bytes);
  // fflate's async unzip hands entries of 512 kB or more to workers of its own.
  const sheetPart = zipEntries(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml');
  expect(sheetPart?.statedSize).toBeGreaterThan(512 * 1024);
  return { path, rows };
}

/** About 50 MB of orders, a long seller remark per row. */
function csvOf50MB(): { path: string; rows: number } {
  const lines = [HEADER.join(',')];
  let bytes = 0;
  let rows = 0;
  while (bytes < 50 * 1024 * 1024) {
    const line = orderRow(rows).join(',').replace(REMARK, REMARK.repeat(3));
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
    rows++;
  }
  const path = join(dir, 'orders-50mb.csv');
  writeFileSync(path, lines.join('\n'));
  return { path, rows };
}

/** The page's `Worker` is undefined: a sandbox that refuses workers. */
const refuseWorkers = () => void ((window as unknown as { Worker: unknown }).Worker = undefined);

/** Workers start, but a worker's own `Worker` is undefined: every script blob starts by removing it. */
const refuseNestedWorkers = () => {
  const PageBlob = window.Blob;
  window.Blob = class extends PageBlob {
    constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
      const script = options?.type === 'text/javascript';
      super(script ? ['self.Worker = undefined;\n', ...(parts ?? [])] : parts, options);
    }
  };
};

const WAYS = [
  { way: 'workers allowed', beforeLoad: undefined, workers: 1, workerHasWorker: 'function' },
  { way: 'workers refused', beforeLoad: refuseWorkers, workers: 0, workerHasWorker: null },
  { way: 'nested workers refused', beforeLoad: refuseNestedWorkers, workers: 1, workerHasWorker: 'undefined' },
] as const;

describe('reading without workers', () => {
  it('the sidebar starts no worker but its own parse worker (no library starts one)', () => {
    const sidebar = readFileSync(join(__dirname, '../../dist/Sidebar.html'), 'utf8');
    expect(sidebar.match(/new Worker\(/g)).toHaveLength(1);
  });

  const files = { xlsx: xlsxOf20000Rows(), csv: Promise.resolve().then(csvOf50MB) };

  for (const { way, beforeLoad, workers, workerHasWorker } of WAYS) {
    for (const kind of ['xlsx', 'csv'] as const) {
      it(`a ${kind === 'xlsx' ? '20 000-row .xlsx' : '50 MB CSV'} reads every row, ${way}`, async () => {
        const file = await files[kind];
        const { page } = await openSidebar(stubConfig(), { beforeLoad });
        const started: Worker[] = [];
        page.on('worker', (worker) => started.push(worker));
        try {
          await page.setInputFiles('#files', file.path);
          await page.waitForSelector('.table-card .counts', { timeout: 300_000 });
          expect(await page.locator('#messages .error').count()).toBe(0);
          expect(await textOf(page.locator('.table-card .counts'))).toContain(`to import ${file.rows} +`);
          expect(started.length).toBe(workers);
          // What the parse worker itself could start (checked after the read, so the read saw the same).
          if (workerHasWorker) expect(await started[0].evaluate(() => typeof Worker)).toBe(workerHasWorker);
        } finally {
          await page.close();
        }
      }, 600_000);
    }
  }
});
