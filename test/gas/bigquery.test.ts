/**
 * The BigQuery flavour (npm run build:bigquery), built here and loaded in
 * gas-local with a fake BigQuery service: its manifest differs from the
 * default one only by the BigQuery scope and advanced service; Connect
 * BigQuery creates the tables; sending the data tabs runs load jobs (rows
 * checked against the schema) and a MERGE per table, so sending twice never
 * doubles; building the reports runs §6a as a parameterised query job, polls
 * and pages through the results into the Daily tab.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Consultation, Order } from '../../src/core/types';
import { MS_PER_DAY } from '../../src/core/dates';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { FakeBigQuery, FakeUtilities } from '../fakes/bigquery';
import { chunk } from '../sheets/helpers';
// @ts-expect-error plain ESM build helper without types
import { buildAll, manifestOf, BIGQUERY_SCOPE } from '../../scripts/build.mjs';

const require = createRequire(import.meta.url);
const gas = require('gas-local') as { require(dir: string, globals?: object): Record<string, (...args: unknown[]) => unknown> };
const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, 'dist-bigquery');

beforeAll(async () => {
  await buildAll('bigquery');
}, 120_000);

/** Yesterday in the spreadsheet's zone (Asia/Shanghai), so the build's "previous month to today" holds the records. */
const yesterday = Math.floor((Date.now() + 8 * 3_600_000) / MS_PER_DAY - 1) * MS_PER_DAY;

function seeded() {
  const fake = new FakeSpreadsheetApp();
  const bigQuery = new FakeBigQuery();
  const utilities = new FakeUtilities();
  const lib = gas.require(DIST, { Logger: { log() {} }, ...fake.globals(), BigQuery: bigQuery, Utilities: utilities });
  const consultations: Consultation[] = [];
  const orders: Order[] = [];
  for (let i = 0; i < 40; i++) {
    consultations.push({ buyer: `b${i}`, agent: i % 2 ? 'Alice' : 'Bob', start: yesterday + 9 * 3_600_000 + i * 60_000, firstResponseSec: i % 5 ? 10 + i : null, buyerMessages: 4, agentMessages: 5, category: i % 7 ? 'presale' : 'after_sales' });
    if (i % 3 === 0) {
      const created = yesterday + 12 * 3_600_000 + i * 60_000;
      orders.push({ orderId: `o${i}`, buyer: `b${i}`, created, paidAt: created + 60_000, amount: 100 + i, items: 1, status: '交易成功', refunded: false, couponUsed: i % 2 === 0, remark: '', flag: '' });
    }
  }
  lib.importChunk(JSON.stringify(chunk({ importId: 'c', kind: 'consultations', file: 'c.csv', consultations })));
  lib.importChunk(JSON.stringify(chunk({ importId: 'o', kind: 'orders', file: 'o.csv', orders })));
  return { fake, bigQuery, utilities, lib, consultations, orders };
}

describe('the BigQuery flavour', () => {
  it('has a manifest that differs from the default only by the BigQuery scope and advanced service', () => {
    const base = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8'));
    const flavour = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(flavour).toEqual(manifestOf('bigquery'));
    expect(flavour.oauthScopes).toEqual([...base.oauthScopes, BIGQUERY_SCOPE]);
    expect(flavour.dependencies.enabledAdvancedServices).toEqual([{ userSymbol: 'BigQuery', serviceId: 'bigquery', version: 'v2' }]);
    const { oauthScopes: _a, dependencies: _b, ...restFlavour } = flavour;
    const { oauthScopes: _c, dependencies: _d, ...restBase } = base;
    expect(restFlavour).toEqual(restBase);
    // The default add-on keeps its two narrow scopes.
    expect(base.oauthScopes).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui']);
  });

  it('Connect BigQuery refuses what is not PROJECT.DATASET, then creates the tables in GoogleSQL and remembers the dataset', () => {
    const { fake, bigQuery, lib } = seeded();
    fake.ui.promptAnswers = ['shop-123.cs-daily; DROP'];
    lib.connectBigQuery();
    expect(fake.ui.alerts.at(-1)!.join(' ')).toContain('is not PROJECT.DATASET');
    expect(bigQuery.queries).toHaveLength(0);
    fake.ui.promptAnswers = ['shop-123.cs_daily'];
    lib.connectBigQuery();
    expect(bigQuery.queries.map((q) => q.query.split(' (')[0])).toEqual([
      'CREATE TABLE IF NOT EXISTS `shop-123.cs_daily.chats`',
      'CREATE TABLE IF NOT EXISTS `shop-123.cs_daily.orders`',
    ]);
    expect(bigQuery.queries[0].query).toContain('key STRING NOT NULL, buyer STRING NOT NULL');
    expect(fake.ui.alerts.at(-1)!.join(' ')).toContain('Connected to BigQuery shop-123.cs_daily');
  });

  it('sends the data tabs by load jobs and MERGE: every record once, sending again replaces', () => {
    const { fake, bigQuery, lib, consultations, orders } = seeded();
    fake.ui.promptAnswers = ['shop-123.cs_daily'];
    lib.connectBigQuery();
    lib.sendRecordsToBigQuery();
    expect(bigQuery.loads.map((l) => [l.table, l.rows])).toEqual([['incoming_chats', consultations.length], ['incoming_orders', orders.length]]);
    expect(bigQuery.loads[0].fields.map((f) => `${f.name}:${f.type}:${f.mode}`)).toContain('first_response_sec:FLOAT64:NULLABLE');
    expect(bigQuery.tables.get('chats')).toHaveLength(consultations.length);
    expect(bigQuery.tables.get('orders')!.map((r) => r.order_id).sort()).toEqual(orders.map((o) => o.orderId).sort());
    lib.sendRecordsToBigQuery();
    expect(bigQuery.tables.get('chats')).toHaveLength(consultations.length);
    expect(bigQuery.tables.get('orders')).toHaveLength(orders.length);
    expect(fake.ui.alerts.at(-1)!.join(' ')).toContain(`${consultations.length} chats and ${orders.length} orders`);
  });

  it('builds the reports from a parameterised §6a query job, polling and reading every page', () => {
    const { fake, bigQuery, utilities, lib } = seeded();
    fake.ui.promptAnswers = ['shop-123.cs_daily'];
    lib.connectBigQuery();
    lib.sendRecordsToBigQuery();
    lib.buildReportsFromBigQuery();
    expect(fake.ui.alerts.filter((a) => a.join(' ').includes('failed'))).toEqual([]);
    const query = bigQuery.queries.find((q) => q.query.startsWith('WITH RECURSIVE'))!;
    expect(query.query).toContain('`shop-123.cs_daily.chats`');
    const types = Object.fromEntries(query.params.map((p) => [p.name, `${p.parameterType.type}=${p.parameterValue.value}`]));
    expect(types).toMatchObject({ repeat_window_ms: 'FLOAT64=86400000', window_days: 'INT64=2', excluded: 'STRING=|after_sales|freebie|' });
    expect(Number(types.last_day.split('=')[1])).toBeGreaterThanOrEqual(yesterday / MS_PER_DAY);
    // Two agent-days at three rows a page: one page; the first call was not complete, so the caller polled.
    expect(bigQuery.pagesRead).toBeGreaterThanOrEqual(1);
    expect(utilities.sleeps.length).toBeGreaterThanOrEqual(1);
    const daily = fake.spreadsheet.raw('Daily')!;
    const cells = daily.getDataRange().getValues().flat().map(String);
    expect(cells).toContain('Alice');
    expect(cells).toContain('Bob');
  });

  it('reads a result of many pages whole', () => {
    const { fake, bigQuery, lib } = seeded();
    fake.ui.promptAnswers = ['shop-123.cs_daily'];
    lib.connectBigQuery();
    // Twelve agents on the same day: four pages of three rows.
    const extra = Array.from({ length: 12 }, (_, i) => ({ key: `k${i}`, buyer: `x${i}`, agent: `A${i}`, start_ms: yesterday + 3_600_000, first_response_sec: 5, buyer_messages: 1, agent_messages: 1, category: 'presale' }));
    bigQuery.tables.set('chats', extra);
    lib.buildReportsFromBigQuery();
    expect(bigQuery.pagesRead).toBe(4);
    const cells = fake.spreadsheet.raw('Daily')!.getDataRange().getValues().flat().map(String);
    for (let i = 0; i < 12; i++) expect(cells).toContain(`A${i}`);
  });

  it('a query job that fails at run time (BigQuery’s recursion limit) is reported, and no tab is written', () => {
    const { fake, bigQuery, lib } = seeded();
    fake.ui.promptAnswers = ['shop-123.cs_daily'];
    lib.connectBigQuery();
    bigQuery.failQueryWith = 'A recursive CTE has reached the maximum number of iterations: 500.';
    lib.buildReportsFromBigQuery();
    expect(fake.ui.alerts.at(-1)!.join(' ')).toContain('BigQuery failed: BigQuery query: A recursive CTE has reached the maximum number of iterations: 500.');
    expect(fake.spreadsheet.raw('Daily')).toBeUndefined();
  });
});
