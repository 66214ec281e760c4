/**
 * `npm run bench`, the embedded store (issue 23): a 20-agent shop's year
 * (bench/engineData.ts's uniform shop over 365 days) held in a DuckDB file;
 * the morning's work is to add one day's records and build the month's
 * reports from everything stored. Printed beside the in-memory engine on the
 * same records. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Consultation, Order } from '../src/core/types';
import { defaultRules } from '../src/core/rules';
import { computeMetrics } from '../src/core/engine';
import { dayOf, MS_PER_DAY } from '../src/core/dates';
import { buildReports, type ReportInput } from '../src/reports';
import { RecordStore, type RunRecords } from '../src/store/recordStore';
import { agentDaysFromSql } from '../src/store/duckdbRecords';
import { STORE_KEYS } from '../src/cli/storeRun';
import { uniformShop } from './engineData';

const AGENTS = 20;
const DAYS = 365;
/** ≈ 80 inquiries per agent per day (SPEC §1.5's "normal"): 1 600 chats and 530 orders a day. */
const RECORDS = Math.round(((AGENTS * 80 * 4) / 3) * DAYS);

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

const run = (consultations: Consultation[], orders: Order[]): RunRecords => ({ consultations, orders, agentDays: [], shopDays: [], rejectionsByFile: new Map(), conflicts: [] });
const line = (label: string, ms: number, note = '') => console.log(`  ${label.padEnd(58)} ${(ms / 1000).toFixed(2).padStart(7)} s ${note}`);

export async function benchStore(): Promise<void> {
  const rules = defaultRules();
  const shop = uniformShop(RECORDS, AGENTS, DAYS);
  const lastDay = shop.consultations.reduce((max, c) => Math.max(max, Math.floor(c.start / MS_PER_DAY)), 0);
  const isLast = (t: number) => Math.floor(t / MS_PER_DAY) === lastDay;
  const yearChats = shop.consultations.filter((c) => !isLast(c.start));
  const yearOrders = shop.orders.filter((o) => !isLast(o.created));
  const dayChats = shop.consultations.filter((c) => isLast(c.start));
  const dayOrders = shop.orders.filter((o) => isLast(o.created));
  const dir = mkdtempSync(join(tmpdir(), 'cs-daily-store-bench-'));
  const path = join(dir, 'shop.duckdb');
  console.log(`\nEmbedded store (--store): a ${AGENTS}-agent shop, ${DAYS} days, ${shop.consultations.length.toLocaleString('en-US')} chats + ${shop.orders.length.toLocaleString('en-US')} orders; the morning adds ${dayOf(lastDay * MS_PER_DAY)} (${dayChats.length.toLocaleString('en-US')} chats + ${dayOrders.length.toLocaleString('en-US')} orders)`);
  try {
    const store = await RecordStore.open(path);
    const [, fill] = await timed(() => store.add(run(yearChats, yearOrders), STORE_KEYS));
    line('fill the store with the year before (one run, setup)', fill);
    const [, addDay] = await timed(() => store.add(run(dayChats, dayOrders), STORE_KEYS));
    line('add one day to the store (keys checked against the year)', addDay, '   target: seconds, not the year re-imported');
    const [stored, read] = await timed(() => store.readAll());
    line('read every stored record back', read);
    const input: ReportInput = { language: 'en', rules, roster: shop.roster, events: [], claims: [], agentDays: [], shopDays: [], consultations: stored.consultations, orders: stored.orders, rejections: [] };
    const date = dayOf(lastDay * MS_PER_DAY);
    const now = (lastDay + 1) * MS_PER_DAY;
    const [, reports] = await timed(() => buildReports(input, { date, period: 'month', now }));
    line('build the month’s reports from the stored year', reports);
    line('  = the morning with --store (add + read + reports)', addDay + read + reports);
    const [, sqlDays] = await timed(() => agentDaysFromSql(store.connection, rules));
    line('§6a agent-days of the year in SQL on the store (DuckDB)', sqlDays);
    store.close();
    console.log(`  store file: ${(statSync(path).size / 1048576).toFixed(0)} MB`);

    const all = { consultations: shop.consultations, orders: shop.orders };
    const [, engine] = await timed(() => computeMetrics(all.consultations, all.orders, shop.roster, rules));
    line('beside it, in memory: the engine on the same year', engine);
    const [, memReports] = await timed(() => buildReports({ ...input, consultations: all.consultations, orders: all.orders }, { date, period: 'month', now }));
    line('in memory: the month’s reports from the year’s records', memReports, '  (the run without a store also re-imports every file)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStore();
