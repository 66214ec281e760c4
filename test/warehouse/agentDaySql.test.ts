/**
 * SPEC §6a in SQL (src/warehouse/agentDaySql.ts) run on DuckDB gives every
 * agent-day figure of the TypeScript engine, on the fixtures, the bench's
 * uniform and rule-heavy shops, and what survives import of the damaged-file
 * corpus, under every attribution window and several repeat windows.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Consultation, Order } from '../../src/core/types';
import { defaultRules, type AttributionWindow, type Rules } from '../../src/core/rules';
import { importFile } from '../../src/import';
import { fixtureConsultations, fixtureOrders } from '../support/fixtures';
import { rulesShop, uniformShop } from '../../bench/engineData';
import { CORPUS_FILES, MANIFEST } from '../corpus/manifest';
import { expectSameAgentDays, freshDb, loadShop } from './identity';

const WINDOWS: AttributionWindow[] = ['same_day', 'next_day', '3_days'];
const rulesWith = (window: AttributionWindow, hours = 24, excluded: Rules['excludedCategories'] = ['after_sales', 'freebie']): Rules => ({
  ...defaultRules(),
  attributionWindow: window,
  repeatWindowHours: hours,
  excludedCategories: excluded,
});

/** What the figures were checked on, printed at the end (the closing note quotes it). */
const TABLE: string[] = [];
let db: DuckDBConnection;
beforeAll(async () => (db = await freshDb()));
afterAll(() => console.log(`SQL == engine per agent-day:\n${TABLE.join('\n')}`));

async function checkEveryRule(name: string, consultations: Consultation[], orders: Order[], hours: number[]): Promise<void> {
  await loadShop(db, consultations, orders);
  let days = 0;
  for (const window of WINDOWS) for (const h of hours) days += await expectSameAgentDays(db, consultations, orders, rulesWith(window, h), `${name} ${window} W=${h}h`);
  days += await expectSameAgentDays(db, consultations, orders, rulesWith('next_day', 24, []), `${name} nothing excluded`);
  TABLE.push(`  ${name}: ${consultations.length} chats, ${orders.length} orders, ${WINDOWS.length * hours.length + 1} rule sets, ${days} agent-days equal`);
}

describe('the SQL gives the engine’s agent-days', () => {
  test('the synthetic shop of test/fixtures', async () => {
    await checkEveryRule('fixtures', fixtureConsultations(), fixtureOrders(), [1, 24, 72]);
  });

  test('the bench’s uniform shop (40 000 records, 100 agents, 30 days)', async () => {
    const shop = uniformShop(40_000);
    await checkEveryRule('bench uniform', shop.consultations, shop.orders, [24]);
  });

  test('the bench’s rule-heavy shop: ties on the hour, repeats at 1–47 h, orders around every window', async () => {
    const shop = rulesShop(40_000, 20);
    await checkEveryRule('bench rules', shop.consultations, shop.orders, [1, 6, 24, 48]);
  });

  test('what survives import of the damaged-export corpus', async () => {
    const consultations: Consultation[] = [];
    const orders: Order[] = [];
    for (const c of MANIFEST) {
      const bytes = new Uint8Array(readFileSync(join(CORPUS_FILES, c.file)));
      const result = await importFile({ name: c.file, bytes }, { language: 'en' });
      for (const table of result.tables) {
        for (const chat of table.consultations) consultations.push(chat);
        for (const order of table.orders) orders.push(order);
      }
    }
    expect(consultations.length).toBeGreaterThan(0);
    expect(orders.length).toBeGreaterThan(0);
    await checkEveryRule('corpus survivors', consultations, orders, [24]);
  });
});
