/**
 * Raw records in and §6a figures out of a DuckDB connection: the tables of
 * warehouse/tables.ts filled through DuckDB's appender, and agentDaySql run
 * with the rules as parameters.
 */
import type { DuckDBAppender, DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { AgentDay } from '../core/types';
import type { Rules } from '../core/rules';
import { duckdb } from '../warehouse/dialect';
import type { ColumnType } from '../warehouse/dialect';
import { createTableSql, type TableDef } from '../warehouse/tables';
import { agentDayParams, agentDaySql } from '../warehouse/agentDaySql';
import { agentDayOfCells } from '../warehouse/agentDayRows';

/** A column the store adds before a table's own (its bookkeeping). */
export interface ExtraColumn<R> {
  name: string;
  type: ColumnType;
  value(record: R, index: number): number | string;
}

export async function createTable<R>(db: DuckDBConnection, table: TableDef<R>, extra: ExtraColumn<R>[] = []): Promise<void> {
  await db.run(createTableSql(table, duckdb, extra));
}

function append(appender: DuckDBAppender, type: ColumnType, value: string | number | boolean | null): void {
  if (value === null) appender.appendNull();
  else if (type === 'STRING') appender.appendVarchar(String(value));
  else if (type === 'FLOAT64') appender.appendDouble(Number(value));
  else if (type === 'INT64') appender.appendBigInt(BigInt(value as number));
  else appender.appendBoolean(Boolean(value));
}

/** Appends the records to the table (created first when missing). */
export async function appendRecords<R>(db: DuckDBConnection, table: TableDef<R>, records: readonly R[], extra: ExtraColumn<R>[] = []): Promise<void> {
  await createTable(db, table, extra);
  const appender = await db.createAppender(table.name);
  try {
    records.forEach((record, i) => {
      for (const c of extra) append(appender, c.type, c.value(record, i));
      for (const c of table.columns) append(appender, c.type, c.value(record));
      appender.endRow();
    });
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** The agent-days of §6a from the `chats` and `orders` tables, in date then agent order. */
export async function agentDaysFromSql(db: DuckDBConnection, rules: Rules): Promise<AgentDay[]> {
  const params = agentDayParams(rules) as unknown as Record<string, DuckDBValue>;
  const reader = await db.runAndReadAll(agentDaySql(duckdb), params);
  return reader.getRows().map((cells) => agentDayOfCells(cells));
}
