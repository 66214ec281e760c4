/**
 * The identity check the warehouse tests share: the same records through the
 * TypeScript engine and through agentDaySql on an in-memory DuckDB must give
 * the same agent-days, every figure equal.
 */
import { expect } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { AgentDay, Consultation, Order } from '../../src/core/types';
import type { Rules } from '../../src/core/rules';
import { computeMetrics } from '../../src/core/engine';
import { agentDaysFromSql, appendRecords } from '../../src/store/duckdbRecords';
import { chatsTable, ordersTable } from '../../src/warehouse/tables';

export async function freshDb(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  return instance.connect();
}

export async function loadShop(db: DuckDBConnection, consultations: readonly Consultation[], orders: readonly Order[]): Promise<void> {
  await db.run('DROP TABLE IF EXISTS chats');
  await db.run('DROP TABLE IF EXISTS orders');
  await appendRecords(db, chatsTable, consultations);
  await appendRecords(db, ordersTable, orders);
}

/** The figures §6a defines per agent-day, keyed `date|agent`. */
export function figures(days: readonly AgentDay[]): Map<string, unknown[]> {
  return new Map(
    days.map((d) => [
      `${d.date}|${d.agent}`,
      [d.consultations, d.receptions, d.excluded, d.inquiries, d.placed, d.paid, d.sales, d.items, d.couponBuyers, d.buyerMessages, d.agentMessages, d.firstResponseTotalSec, d.firstResponseSamples],
    ]),
  );
}

/** Asserts SQL == engine on the records under the rules (the tables must hold exactly these records); returns the agent-day count. */
export async function expectSameAgentDays(db: DuckDBConnection, consultations: readonly Consultation[], orders: readonly Order[], rules: Rules, label: string): Promise<number> {
  const engine = figures(computeMetrics(consultations, orders, [], rules).agentDays);
  const sql = figures(await agentDaysFromSql(db, rules));
  expect([...sql.keys()].sort(), `${label}: agent-days`).toEqual([...engine.keys()].sort());
  for (const [key, want] of engine) expect(sql.get(key), `${label}: ${key}`).toEqual(want);
  return engine.size;
}
