/**
 * The GoogleSQL text of §6a is the DuckDB text through the other dialect;
 * here it is parsed by node-sql-parser's BigQuery grammar and checked for
 * what BigQuery lacks. That grammar has no `WITH RECURSIVE` (it parses the
 * query once the keyword is taken out); BigQuery's own rules for the
 * recursive CTE (one self-reference, no aggregation, window, DISTINCT,
 * GROUP BY, ORDER BY or LIMIT in the recursive term, no column list) are
 * checked on the parse tree instead.
 */
import { describe, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentDaySql } from '../../src/warehouse/agentDaySql';
import { bigquery, duckdb } from '../../src/warehouse/dialect';
import { remarkIdSql } from '../../src/warehouse/remarkIdSql';
import { chatsTable, createTableSql, ordersTable } from '../../src/warehouse/tables';

const require = createRequire(import.meta.url);
const { Parser } = require('node-sql-parser/build/bigquery.js') as typeof import('node-sql-parser');

interface Cte {
  name: { value: string };
  columns: unknown;
  stmt: { ast: Record<string, unknown> & { _next?: Record<string, unknown> } };
}

const text = agentDaySql(bigquery('shop-analytics-123', 'cs_daily'));
const parse = (sql: string) => new Parser().astify(sql, { database: 'bigquery' });

/** DuckDB or PostgreSQL spellings GoogleSQL does not have. */
const NOT_GOOGLESQL: [string, RegExp][] = [
  ['ASOF JOIN', /\bASOF\b/i],
  ['MATERIALIZED CTE', /\bMATERIALIZED\b/i],
  ['GROUP BY ALL', /GROUP BY ALL/i],
  ['FILTER (WHERE …)', /\bFILTER\s*\(/i],
  [':: casts', /::/],
  ['$ parameters', /\$[a-z_]/i],
  ['DuckDB type names', /\b(DOUBLE|VARCHAR|BIGINT|BOOLEAN|HUGEINT)\b/i],
  ['DuckDB functions', /\b(list_contains|bool_or|bool_and|count_if|epoch_ms|arg_max|arg_min|string_agg)\s*\(/i],
  ['IGNORE NULLS (not in every BigQuery analytic function)', /IGNORE NULLS/i],
  ['column list on a CTE', /\b[a-z_]+\s*\([a-z_, ]+\)\s+AS\s*\(/i],
];

describe('the BigQuery text of SPEC §6a', () => {
  test('parses as BigQuery once WITH RECURSIVE is WITH, and starts with WITH RECURSIVE', () => {
    expect(text.startsWith('WITH RECURSIVE\n')).toBe(true);
    expect(() => parse(text.replace(/^WITH RECURSIVE/, 'WITH'))).not.toThrow();
  });

  test('the same grammar refuses the DuckDB text (so a pass above means something)', () => {
    expect(() => parse(agentDaySql(duckdb).replace(/^WITH RECURSIVE/, 'WITH'))).toThrow();
  });

  test.each(NOT_GOOGLESQL)('has no %s', (_name, pattern) => {
    expect(text).not.toMatch(pattern);
  });

  test('tables are project.dataset.table in backticks, parameters are @names', () => {
    expect(text).toContain('`shop-analytics-123.cs_daily.chats`');
    expect(text).toContain('`shop-analytics-123.cs_daily.orders`');
    expect(new Set(text.match(/@[a-z_]+/g))).toEqual(new Set(['@repeat_window_ms', '@window_days', '@excluded', '@first_day', '@last_day']));
  });

  test('the recursive CTE follows BigQuery’s rules', () => {
    const ast = parse(text.replace(/^WITH RECURSIVE/, 'WITH')) as unknown as { with: Cte[] };
    const openings = ast.with.find((c) => c.name.value === 'openings')!;
    expect(openings.columns ?? null).toBeNull();
    const base = openings.stmt.ast;
    const recursive = base._next!;
    expect(recursive).toBeDefined();
    // The base term reads no recursive CTE; the recursive term reads openings exactly once.
    const tables = (select: Record<string, unknown>) => ((select.from as { table: string }[]) ?? []).map((f) => f.table);
    expect(tables(base)).not.toContain('openings');
    expect(tables(recursive).filter((t) => t === 'openings')).toHaveLength(1);
    for (const clause of ['groupby', 'orderby', 'limit', 'distinct', 'window', 'having']) expect(recursive[clause] ?? null, clause).toBeNull();
    const recursiveText = JSON.stringify(recursive);
    expect(recursiveText).not.toMatch(/"type":"aggr_func"|"over":\{/);
    // No other CTE reads openings before it is complete (BigQuery allows it, but nothing here needs it).
    const before = ast.with.slice(0, ast.with.indexOf(openings));
    for (const c of before) expect(JSON.stringify(c.stmt), c.name.value).not.toContain('"table":"openings"');
  });

  test('the remark-ID query (step 5) parses as BigQuery, UNNEST … WITH OFFSET instead of DuckDB’s GENERATE_SUBSCRIPTS', () => {
    const remarks = remarkIdSql(bigquery('shop-analytics-123', 'cs_daily'));
    expect(() => parse(remarks)).not.toThrow();
    expect(remarks).toContain('WITH OFFSET AS pos');
    for (const [, pattern] of NOT_GOOGLESQL) expect(remarks).not.toMatch(pattern);
    expect(remarks).not.toMatch(/GENERATE_SUBSCRIPTS/i);
  });

  test('the tables’ DDL in GoogleSQL types', () => {
    const ddl = `${createTableSql(chatsTable, bigquery('p', 'd'))}\n${createTableSql(ordersTable, bigquery('p', 'd'))}`;
    expect(ddl).toContain('start_ms FLOAT64 NOT NULL');
    expect(ddl).toContain('first_response_sec FLOAT64,');
    expect(ddl).toContain('refunded BOOL NOT NULL');
    expect(ddl).not.toMatch(/DOUBLE|VARCHAR|BOOLEAN/);
  });

  test('a project or dataset that could break out of the backticks is refused', () => {
    expect(() => bigquery('p`; DROP', 'd')).toThrow(/project/);
    expect(() => bigquery('p', 'd.e')).toThrow(/dataset/);
  });

  test('npm run bigquery:files writes schemas (key first), DDL and queries for the bq tool that parse as BigQuery', () => {
    const out = mkdtempSync(join(tmpdir(), 'cs-daily-bq-'));
    execFileSync(process.execPath, [join(__dirname, '../../node_modules/tsx/dist/cli.mjs'), join(__dirname, '../../scripts/bigquery-files.ts'), 'shop-1.cs_daily', out], { stdio: 'pipe' });
    const schema = JSON.parse(readFileSync(join(out, 'chats.schema.json'), 'utf8')) as { name: string }[];
    expect(schema.map((f) => f.name)).toEqual(['key', 'buyer', 'agent', 'start_ms', 'first_response_sec', 'buyer_messages', 'agent_messages', 'category']);
    const query = readFileSync(join(out, 'agent-days.sql'), 'utf8');
    expect(query).toContain('`shop-1.cs_daily.chats`');
    expect(() => parse(query.replace(/^WITH RECURSIVE/, 'WITH'))).not.toThrow();
    expect(readFileSync(join(out, 'agent-days.params'), 'utf8')).toContain('--parameter=excluded:STRING:|after_sales|freebie|');
    expect(readFileSync(join(out, 'create-tables.sql'), 'utf8')).toContain('CREATE TABLE IF NOT EXISTS `shop-1.cs_daily.orders` (key STRING NOT NULL, order_id STRING NOT NULL');
  }, 60_000);
});
