/**
 * The SPEC §6a counts in DuckDB SQL, for the engine-vs-DuckDB bench: the same
 * records loaded into two tables, then one query (timed alone) gives
 * inquiries, placed, paid and sales per agent-day under the same rules:
 * - the repeat window counts from the inquiry's opening, inclusive: each chat
 *   points to the pair's first chat more than W after it (ASOF join), and the
 *   openings are the chain of those pointers from the pair's first chat (a
 *   recursive CTE; DuckDB allows no ASOF join inside the recursion);
 * - an order goes to the buyer's latest inquiry opened at or before it over
 *   all agents (ASOF join), a tie in opening time to the agent whose name
 *   sorts last (max(agent) per buyer and second);
 * - it counts when created before the end of that inquiry's window; paid when
 *   paid before that end too; an inquiry is placed/paid once.
 */
import { writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Consultation, Order } from '../src/core/types';
import type { Rules } from '../src/core/rules';

export interface DayCounts {
  inquiries: number;
  placed: number;
  paid: number;
  /** Sales in cents, so sums compare exactly. */
  salesCents: number;
}

const WINDOW_DAYS = { same_day: 1, next_day: 2, '3_days': 3 } as const;

export async function openDuckDb(threads = 2): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  return instance.connect();
}

/** Loads the records through a CSV file (DuckDB's own parallel reader), replacing earlier tables. */
export async function loadRecords(db: DuckDBConnection, consultations: readonly Consultation[], orders: readonly Order[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-daily-bench-'));
  try {
    const chatsFile = join(dir, 'chats.csv');
    const ordersFile = join(dir, 'orders.csv');
    writeFileSync(chatsFile, consultations.map((c) => `${c.buyer},${c.agent},${c.start},${c.category}`).join('\n'));
    writeFileSync(ordersFile, orders.map((o) => `${o.buyer},${o.created},${o.paidAt ?? ''},${o.amount}`).join('\n'));
    await db.run(`CREATE OR REPLACE TABLE chats AS SELECT * FROM read_csv('${chatsFile}', header = false, quote = '', escape = '',
      columns = {'buyer': 'VARCHAR', 'agent': 'VARCHAR', 'start': 'DOUBLE', 'category': 'VARCHAR'})`);
    await db.run(`CREATE OR REPLACE TABLE orders AS SELECT * FROM read_csv('${ordersFile}', header = false, quote = '', escape = '',
      columns = {'buyer': 'VARCHAR', 'created': 'DOUBLE', 'paid_at': 'DOUBLE', 'amount': 'DOUBLE'})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function metricsSql(rules: Rules): string {
  const windowMs = rules.repeatWindowHours * 3_600_000;
  const excluded = rules.excludedCategories.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ') || `''`;
  return `
WITH RECURSIVE
  pair_chats AS MATERIALIZED (SELECT DISTINCT agent, buyer, start FROM chats WHERE category NOT IN (${excluded})),
  firsts AS MATERIALIZED (SELECT agent, buyer, min(start) AS opened FROM pair_chats GROUP BY agent, buyer),
  -- Each chat's successor opening if it opens one: the pair's first chat more than W after it.
  nexts AS MATERIALIZED (
    SELECT p.agent, p.buyer, p.start, n.start AS next_start
    FROM pair_chats p ASOF JOIN pair_chats n ON p.agent = n.agent AND p.buyer = n.buyer AND p.start + ${windowMs} < n.start
  ),
  later_openings(agent, buyer, opened) AS (
    SELECT n.agent, n.buyer, n.next_start FROM firsts f JOIN nexts n ON n.agent = f.agent AND n.buyer = f.buyer AND n.start = f.opened
    UNION ALL
    SELECT n.agent, n.buyer, n.next_start FROM later_openings o JOIN nexts n ON n.agent = o.agent AND n.buyer = o.buyer AND n.start = o.opened
  ),
  openings AS MATERIALIZED (SELECT * FROM firsts UNION ALL SELECT * FROM later_openings),
  credit_targets AS (SELECT buyer, opened, max(agent) AS agent FROM openings GROUP BY buyer, opened),
  credited AS (
    SELECT t.agent, t.buyer, t.opened, o.paid_at, o.amount, (floor(t.opened / 86400000) + ${WINDOW_DAYS[rules.attributionWindow]}) * 86400000 AS window_end, o.created
    FROM orders o ASOF JOIN credit_targets t ON o.buyer = t.buyer AND o.created >= t.opened
  ),
  per_inquiry AS (
    SELECT agent, buyer, opened,
      bool_or(paid_at < window_end) AS paid,
      sum(CASE WHEN paid_at < window_end THEN amount ELSE 0 END) AS sales
    FROM credited WHERE created < window_end
    GROUP BY agent, buyer, opened
  )
SELECT i.agent, CAST(floor(i.opened / 86400000) AS INTEGER) AS day,
  count(*) AS inquiries, count(p.agent) AS placed, count(*) FILTER (WHERE p.paid) AS paid,
  CAST(round(coalesce(sum(p.sales), 0) * 100) AS BIGINT) AS sales_cents
FROM openings i LEFT JOIN per_inquiry p ON p.agent = i.agent AND p.buyer = i.buyer AND p.opened = i.opened
GROUP BY ALL`;
}

/** Runs the query; the counts keyed `agent|day number`. */
export async function duckDbCounts(db: DuckDBConnection, rules: Rules): Promise<Map<string, DayCounts>> {
  const reader = await db.runAndReadAll(metricsSql(rules));
  const counts = new Map<string, DayCounts>();
  for (const [agent, day, inquiries, placed, paid, sales] of reader.getRows()) {
    counts.set(`${agent}|${day}`, { inquiries: Number(inquiries), placed: Number(placed), paid: Number(paid), salesCents: Number(sales) });
  }
  return counts;
}
