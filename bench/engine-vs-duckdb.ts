/**
 * `npm run bench`, part 2 (issue 11): the metrics engine against DuckDB's SQL
 * on the same records, side by side in one run, on two data sets (see
 * bench/engineData.ts) at 100 k, 1 M and 3 M records, with a check that both
 * give identical per-agent-day counts; then the engine's growth, its peak
 * memory per record (a child process per size, so one run's garbage does not
 * count for the next), INQUIRY_CONVERSION in a vm against a plain loop, and
 * the import of 100 k GBK rows against TextDecoder + papaparse (importVsParse.ts).
 * Prints figures and targets; asserts nothing. Times are the best of a few
 * runs, wall clock: ratios in one run compare, absolute times are noisy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { computeMetrics } from '../src/core/engine';
import { defaultRules } from '../src/core/rules';
import type { AgentDay } from '../src/core/types';
import { rulesShop, uniformShop, type Shop } from './engineData';
import { duckDbCounts, loadRecords, openDuckDb, type DayCounts } from './duckdbMetrics';
import { importVsParse } from './importVsParse';

const SETS: Record<string, (records: number) => Shop> = { uniform: uniformShop, rules: rulesShop };
const SIZES = [100_000, 1_000_000, 3_000_000];
const DAY = 86_400_000;
const rules = defaultRules();

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => `${fmt(Math.round(n))} ms`;

async function bestOf(runs: number, fn: () => unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    gc();
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Agent-days whose counts differ between the engine and DuckDB (days without inquiries are absent from the SQL). */
function differences(agentDays: readonly AgentDay[], sql: Map<string, DayCounts>): number {
  let differ = 0;
  let compared = 0;
  for (const day of agentDays) {
    const key = `${day.agent}|${Date.parse(`${day.date}T00:00:00Z`) / DAY}`;
    const other = sql.get(key);
    if (!other) {
      if (day.inquiries !== 0) differ++;
      continue;
    }
    compared++;
    if (other.inquiries !== day.inquiries || other.placed !== day.placed || other.paid !== day.paid || other.salesCents !== Math.round(day.sales! * 100)) differ++;
  }
  return differ + (sql.size - compared);
}

interface Row {
  set: string;
  records: number;
  engineMs: number;
  /** The same call, then its Inquiry list read (made on first use). */
  withListMs: number;
  duckMs: number;
  identical: boolean;
  figures: string;
}

async function sideBySide(): Promise<Row[]> {
  const db = await openDuckDb(2);
  const rows: Row[] = [];
  for (const [set, make] of Object.entries(SETS)) {
    for (const records of SIZES) {
      const shop = make(records);
      const runs = records >= 3_000_000 ? 2 : 3;
      let result = computeMetrics(shop.consultations, shop.orders, shop.roster, rules);
      const engineMs = await bestOf(runs, () => (result = computeMetrics(shop.consultations, shop.orders, shop.roster, rules)));
      const withListMs = await bestOf(runs, () => computeMetrics(shop.consultations, shop.orders, shop.roster, rules).inquiries.length);
      await loadRecords(db, shop.consultations, shop.orders);
      let sql = await duckDbCounts(db, rules);
      const duckMs = await bestOf(runs, async () => (sql = await duckDbCounts(db, rules)));
      const identical = differences(result.agentDays, sql) === 0;
      const merged = result.inquiries.filter((i) => i.consultations > 1).length;
      const placed = result.inquiries.filter((i) => i.placed).length;
      const paid = result.inquiries.filter((i) => i.paid).length;
      const figures = `${fmt(result.inquiries.length)} inquiries (${fmt(merged)} with repeats), ${fmt(placed)} placed, ${fmt(paid)} paid, ${fmt(result.agentDays.length)} agent-days`;
      rows.push({ set, records, engineMs, withListMs, duckMs, identical, figures });
      console.log(`  ${set} ${fmt(records)}: engine ${ms(engineMs)} (${ms(withListMs)} with the inquiry list), DuckDB ${ms(duckMs)}, ${identical ? 'identical' : 'DIFFERENT'}; ${figures}`);
    }
  }
  return rows;
}

/** In a child process: the peak RSS a computeMetrics call adds over the loaded records, per record, without and with its Inquiry list read. */
function memoryPerRecord(set: string, records: number): [number, number] {
  const child = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), '--memory', set, String(records)], { encoding: 'utf8' });
  const [without, withList] = (child.stdout.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return [without, withList];
}

/** Peak RSS since the last reset (Linux: VmHWM, reset by writing 5 to clear_refs), else the process's maxRSS. */
function peakRss(reset: boolean): number {
  try {
    if (reset) writeFileSync('/proc/self/clear_refs', '5');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // Not Linux: maxRSS also counts the data generation's peak, so the figure is an upper bound.
  }
  return process.resourceUsage().maxRSS * 1024;
}

function measureMemory(set: string, records: number): void {
  const shop = SETS[set](records);
  gc();
  gc();
  const before = process.memoryUsage().rss;
  peakRss(true);
  const result = computeMetrics(shop.consultations, shop.orders, shop.roster, rules);
  const peak = peakRss(false);
  const inquiries = result.inquiries.length;
  const peakWithList = peakRss(false);
  console.log(`${result.agentDays.length} agent-days, ${inquiries} inquiries`);
  console.log(`${Math.max(0, peak - before) / records} ${Math.max(0, peakWithList - before) / records}`);
}

/** INQUIRY_CONVERSION of the built bundle over 10 000 rows, and a plain loop doing the same sums, in one vm context. */
function inquiryConversionInVm(): { fnMs: number; loopMs: number } {
  const bundle = fileURLToPath(new URL('../dist/Code.js', import.meta.url));
  if (!existsSync(bundle)) spawnSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url))], { stdio: 'inherit' });
  const context = vm.createContext({});
  vm.runInContext(readFileSync(bundle, 'utf8'), context);
  // The same work written plainly: number checks, the paid ≤ base check, blanks, an array of rows out.
  const plainLoop = vm.runInContext(
    `(function (paid, inquiries) {
      var out = [];
      for (var r = 0; r < paid.length; r++) {
        var p = paid[r][0], q = inquiries[r][0];
        if (p === '' || q === '') { out.push(['']); continue; }
        if (typeof p !== 'number' || typeof q !== 'number' || p - p !== 0 || q - q !== 0 || p < 0 || q < 0) { out.push(['Error: not a number']); continue; }
        out.push([p > q ? 'Error: paid ' + p + ' is more than ' + q : q > 0 ? p / q : '']);
      }
      return out;
    })`,
    context,
  );
  const paid = Array.from({ length: 10_000 }, (_, r) => [r % 37]);
  const inquiries = Array.from({ length: 10_000 }, (_, r) => [(r % 37) + (r % 91)]);
  const time = (fn: () => unknown) => {
    let best = Infinity;
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      fn();
      best = Math.min(best, performance.now() - start);
    }
    return best;
  };
  return { fnMs: time(() => context.INQUIRY_CONVERSION(paid, inquiries)), loopMs: time(() => plainLoop(paid, inquiries)) };
}

function printTable(rows: Row[]): void {
  const ratio = (r: Row) => r.engineMs / r.duckMs;
  console.log('\n| data | records | CS Daily engine | + inquiry list | DuckDB SQL (2 threads, query only) | engine ÷ DuckDB | target | per-agent-day counts |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const target = r.records >= 1_000_000 ? `≤ 1.00 ${ratio(r) <= 1 ? 'met' : 'MISSED'}` : '(none)';
    console.log(`| ${r.set} | ${fmt(r.records)} | ${ms(r.engineMs)} | ${ms(r.withListMs)} | ${ms(r.duckMs)} | ${ratio(r).toFixed(2)} | ${target} | ${r.identical ? 'identical' : 'DIFFERENT'} |`);
  }
  console.log('\n| data | figure | CS Daily | DuckDB | target |');
  console.log('|---|---|---|---|---|');
  for (const set of Object.keys(SETS)) {
    const at = (n: number) => rows.find((r) => r.set === set && r.records === n)!;
    const growth = at(3_000_000).engineMs / at(1_000_000).engineMs;
    const duckGrowth = at(3_000_000).duckMs / at(1_000_000).duckMs;
    console.log(`| ${set} | time(3 M) ÷ time(1 M) | ${growth.toFixed(2)} | ${duckGrowth.toFixed(2)} | ≤ 3.3 ${growth <= 3.3 ? 'met' : 'MISSED'} |`);
    for (const n of [1_000_000, 3_000_000]) {
      const [bytes, withList] = memoryPerRecord(set, n);
      console.log(`| ${set} | peak memory above the input, ${fmt(n)} records | ${Math.round(bytes)} bytes/record (${Math.round(withList)} with the inquiry list) | | ≤ 200 ${Math.max(bytes, withList) <= 200 ? 'met' : 'MISSED'} |`);
    }
  }
}

async function main() {
  if (process.argv[2] === '--memory') return measureMemory(process.argv[3], Number(process.argv[4]));
  // The small figures first, on a fresh heap: after the 3 M-record runs every collection walks a gigabyte.
  const { fnMs, loopMs } = inquiryConversionInVm();
  const imports = await importVsParse();
  console.log('engine vs DuckDB (SPEC §6a: inquiries, placed, paid, sales per agent-day), default rules');
  const rows = await sideBySide();
  printTable(rows);
  console.log(`| | INQUIRY_CONVERSION, 10 000 rows in a vm | ${fnMs.toFixed(2)} ms | plain loop ${loopMs.toFixed(2)} ms (× ${(fnMs / loopMs).toFixed(2)}) | ≤ 2 × ${fnMs <= 2 * loopMs ? 'met' : 'MISSED'} |`);
  for (const f of imports) {
    const ratio = f.importMs / f.rawMs;
    console.log(`| | import of ${fmt(f.rows)} GBK rows (${f.file}, ${f.megabytes.toFixed(1)} MB) | ${ms(f.importMs)} | TextDecoder + papaparse ${ms(f.rawMs)} (× ${ratio.toFixed(2)}) | ≤ 2 × ${ratio <= 2 ? 'met' : 'MISSED'} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
