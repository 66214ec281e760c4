/**
 * `npm run bench`: the engine and the report run on a synthetic shop of the
 * size SPEC §9 and issue 4 name (100 agents, a month: ≈300 k consultations,
 * 100 k orders), the import core on a large CSV, and the whole CLI on 1 M
 * chats + 300 k orders in a fresh process (bench/scale.ts). Prints figures; asserts nothing.
 */
import { computeMetrics } from '../src/core/engine';
import { defaultRules } from '../src/core/rules';
import { localTime } from '../src/core/dates';
import { buildReports } from '../src/reports';
import { importFile } from '../src/import';
import { writeXlsx } from '../src/xlsx/writeXlsx';
import { benchCliScale } from './scale';
import { benchHostileCells } from './hostileCells';
import { benchSidebar } from './sidebar';
import { uniformShop } from './engineData';

/** The engine bench's uniform shop (bench/engineData.ts), sized by its chats: orders are a third of them. */
const shop = (consultationCount: number) => uniformShop(Math.round((consultationCount * 4) / 3));

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

function time<T>(label: string, records: number, fn: () => T): T {
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  const rate = Math.round(records / (ms / 1000)).toLocaleString('en-US');
  console.log(`${label.padEnd(44)} ${records.toLocaleString('en-US').padStart(10)} records  ${(ms / 1000).toFixed(2).padStart(6)} s  ${rate.padStart(10)} records/s  heap +${mb(process.memoryUsage().heapUsed - heapBefore)}`);
  return result;
}

async function main() {
  const rules = defaultRules();
  for (const total of [100_000, 1_000_000]) {
    const consultationCount = Math.round((total * 3) / 4);
    const data = shop(consultationCount);
    const records = data.consultations.length + data.orders.length;
    time(`engine (${consultationCount.toLocaleString('en-US')} chats + ${data.orders.length.toLocaleString('en-US')} orders)`, records, () =>
      computeMetrics(data.consultations, data.orders, data.roster, rules),
    );
  }

  const month = shop(300_000);
  const input = { language: 'en' as const, rules, events: [], agentDays: [], shopDays: [], rejections: [], ...month };
  const run = time('all reports, 100 agents × 30 days (300 k + 100 k)', month.consultations.length + month.orders.length, () => buildReports(input, { period: 'month', now: localTime(2026, 12, 1, 9) }));
  const cells = run.tabs.reduce((s, tab) => s + tab.blocks.reduce((b, block) => b + block.values.length * (block.values[0]?.length ?? 0), 0), 0);
  const start = performance.now();
  const bytes = await writeXlsx(run.tabs);
  console.log(`${'xlsx writer'.padEnd(44)} ${cells.toLocaleString('en-US').padStart(10)} cells    ${((performance.now() - start) / 1000).toFixed(2).padStart(6)} s  ${mb(bytes.length)} file`);

  const header = '买家昵称,客服,会话开始时间,首次响应时长(秒),买家消息数,客服消息数,咨询类型\n';
  const lines = month.consultations.map((c) => `${c.buyer},${c.agent},${new Date(c.start).toISOString().slice(0, 19).replace('T', ' ')},${c.firstResponseSec ?? ''},${c.buyerMessages},${c.agentMessages},售前`);
  const csv = new TextEncoder().encode(header + lines.join('\n'));
  const importStart = performance.now();
  const imported = await importFile({ name: 'consultations.csv', bytes: csv });
  const importMs = performance.now() - importStart;
  const accepted = imported.tables.reduce((s, t) => s + t.consultations.length, 0);
  console.log(`${'import core (CSV parse + map + validate)'.padEnd(44)} ${accepted.toLocaleString('en-US').padStart(10)} records  ${(importMs / 1000).toFixed(2).padStart(6)} s  ${Math.round(accepted / (importMs / 1000)).toLocaleString('en-US').padStart(10)} records/s  (${mb(csv.length)} file)`);
  await importOfDamagedCsv(lines, header);
  console.log(`peak RSS ${mb(process.memoryUsage().rss)}`);
  await xlsxOfStyledCells();
  benchHostileCells();
  await benchSidebar();
  await benchCliScale();
}

const XLSX_TARGET_SECONDS = 8;

/** The xlsx writer on one tab of 100 k cells with column formats and 500 cell fills. */
async function xlsxOfStyledCells(): Promise<void> {
  const values = Array.from({ length: 5000 }, (_, r) => Array.from({ length: 20 }, (_, c) => (c === 0 ? `agent ${r}` : c === 1 ? '2024-05-01' : r * c + 0.5)));
  const tab = {
    key: 'daily' as const, name: 'T', merges: [], frozenRows: 1, frozenCols: 0, columnWidths: {}, notes: [], charts: [],
    blocks: [{
      row: 1, col: 0, values,
      columnStyles: [null, { format: 'date' as const }, { format: 'percent' as const }, { format: 'money' as const, bold: true }],
      cellStyles: Array.from({ length: 500 }, (_, i) => ({ row: i * 10, col: 5, style: { background: '#F4CCCC' } })),
    }],
  };
  const start = performance.now();
  const bytes = await writeXlsx([tab]);
  const seconds = (performance.now() - start) / 1000;
  const verdict = seconds < XLSX_TARGET_SECONDS ? 'ok' : 'MISSED';
  console.log(`${'xlsx writer, 100 k styled cells'.padEnd(44)} ${seconds.toFixed(2).padStart(10)} s   target < ${XLSX_TARGET_SECONDS} s  ${verdict}  (${mb(bytes.length)} file)`);
}

/** The import's recovery paths: multi-line remarks (judged record by record), and a hostile file with an unclosed quote on every line (refused). */
async function importOfDamagedCsv(lines: string[], header: string): Promise<void> {
  const cases: [string, string[]][] = [
    ['import, a multi-line cell every 1 000 rows', lines.map((l, i) => (i % 1000 === 0 ? l.replace(/,售前$/, ',"售前\n"') : l))],
    ['import, an unclosed quote on every row', lines.map((l) => l.replace(/,售前$/, ',"售前'))],
  ];
  for (const [label, rows] of cases) {
    const bytes = new TextEncoder().encode(header + rows.join('\n'));
    const start = performance.now();
    const result = await importFile({ name: 'damaged.csv', bytes });
    const ms = performance.now() - start;
    const outcome = result.tables.length ? `${result.tables[0].consultations.length.toLocaleString('en-US')} records` : 'refused';
    console.log(`${label.padEnd(44)} ${outcome.padStart(18)}  ${(ms / 1000).toFixed(2).padStart(6)} s  (${mb(bytes.length)} file)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
