/**
 * `npm run bigquery:files -- PROJECT.DATASET OUT_DIR [STORE.duckdb]`: what the
 * `bq` command line needs to keep CS Daily's records in BigQuery without the
 * add-on: the tables' schemas (JSON), their DDL, the §6a and remark-ID
 * queries in GoogleSQL with their parameters, and, given a CLI store, its
 * chats and orders as newline-delimited JSON for `bq load`. README, *Beyond
 * one spreadsheet*, gives the commands.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bigquery } from '../src/warehouse/dialect';
import { bigQuerySchema, chatsTable, createTableSql, ordersTable, type TableDef } from '../src/warehouse/tables';
import { agentDayParams, agentDaySql } from '../src/warehouse/agentDaySql';
import { remarkIdParams, remarkIdSql } from '../src/warehouse/remarkIdSql';
import { defaultRules } from '../src/core/rules';

const [target, out, store] = process.argv.slice(2);
const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)$/.exec(target ?? '');
if (!match || !out) {
  console.error('Usage: npm run bigquery:files -- PROJECT.DATASET OUT_DIR [STORE.duckdb]');
  process.exit(64);
}
const d = bigquery(match[1], match[2]);
mkdirSync(out, { recursive: true });
const TABLES = [chatsTable, ordersTable] as TableDef<never>[];
const key = { name: 'key', type: 'STRING' as const, mode: 'REQUIRED' as const };
for (const table of TABLES) {
  writeFileSync(join(out, `${table.name}.schema.json`), `${JSON.stringify([key, ...bigQuerySchema(table)], null, 2)}\n`);
}
writeFileSync(join(out, 'create-tables.sql'), `${TABLES.map((t) => createTableSql(t, d, [{ name: 'key', type: 'STRING' }])).join(';\n')};\n`);
writeFileSync(join(out, 'agent-days.sql'), `${agentDaySql(d)}\n`);
writeFileSync(join(out, 'remark-ids.sql'), `${remarkIdSql(d)}\n`);
const params = agentDayParams(defaultRules());
const flags = [
  `--parameter=repeat_window_ms:FLOAT64:${params.repeat_window_ms}`,
  `--parameter=window_days:INT64:${params.window_days}`,
  `--parameter=excluded:STRING:${params.excluded}`,
  `--parameter=first_day:INT64:${params.first_day}`,
  `--parameter=last_day:INT64:${params.last_day}`,
];
writeFileSync(join(out, 'agent-days.params'), `${flags.join('\n')}\n`);
writeFileSync(join(out, 'remark-ids.example.json'), `${JSON.stringify(remarkIdParams(['101', '102']), null, 2)}\n`);
if (store) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await (await DuckDBInstance.create(store, { access_mode: 'READ_ONLY' })).connect();
  for (const table of TABLES) {
    const columns = ['key', ...table.columns.map((c) => c.name)].join(', ');
    const file = join(out, `${table.name}.ndjson`).replace(/'/g, "''");
    await db.run(`COPY (SELECT ${columns} FROM ${table.name} ORDER BY seq) TO '${file}' (FORMAT JSON)`);
  }
}
console.log(`wrote ${out}: schemas, create-tables.sql, agent-days.sql (+ .params), remark-ids.sql${store ? ', chats.ndjson, orders.ndjson' : ''}`);
