/**
 * The store's tables of raw records, declared once: the DuckDB DDL, the
 * BigQuery load-job schema and the row values of a record all come from here.
 * Times are LocalTime milliseconds (wall clock of the shop's zone) as FLOAT64,
 * so every JavaScript number goes in and comes back exactly.
 */
import type { Consultation, Order } from '../core/types';
import type { ColumnType, Dialect } from './dialect';

export interface Column<R> {
  name: string;
  type: ColumnType;
  /** REQUIRED columns never hold NULL. */
  nullable: boolean;
  value(record: R): string | number | boolean | null;
}

export interface TableDef<R> {
  name: string;
  columns: Column<R>[];
}

export const chatsTable: TableDef<Consultation> = {
  name: 'chats',
  columns: [
    { name: 'buyer', type: 'STRING', nullable: false, value: (c) => c.buyer },
    { name: 'agent', type: 'STRING', nullable: false, value: (c) => c.agent },
    { name: 'start_ms', type: 'FLOAT64', nullable: false, value: (c) => c.start },
    { name: 'first_response_sec', type: 'FLOAT64', nullable: true, value: (c) => c.firstResponseSec },
    { name: 'buyer_messages', type: 'FLOAT64', nullable: false, value: (c) => c.buyerMessages },
    { name: 'agent_messages', type: 'FLOAT64', nullable: false, value: (c) => c.agentMessages },
    { name: 'category', type: 'STRING', nullable: false, value: (c) => c.category },
  ],
};

export const ordersTable: TableDef<Order> = {
  name: 'orders',
  columns: [
    { name: 'order_id', type: 'STRING', nullable: false, value: (o) => o.orderId },
    { name: 'buyer', type: 'STRING', nullable: false, value: (o) => o.buyer },
    { name: 'created_ms', type: 'FLOAT64', nullable: false, value: (o) => o.created },
    { name: 'paid_ms', type: 'FLOAT64', nullable: true, value: (o) => o.paidAt },
    { name: 'amount', type: 'FLOAT64', nullable: false, value: (o) => o.amount },
    { name: 'items', type: 'FLOAT64', nullable: false, value: (o) => o.items },
    { name: 'status', type: 'STRING', nullable: false, value: (o) => o.status },
    { name: 'refunded', type: 'BOOL', nullable: false, value: (o) => o.refunded },
    { name: 'coupon_used', type: 'BOOL', nullable: false, value: (o) => o.couponUsed },
    { name: 'remark', type: 'STRING', nullable: false, value: (o) => o.remark },
    { name: 'flag', type: 'STRING', nullable: false, value: (o) => o.flag },
  ],
};

/** `CREATE TABLE IF NOT EXISTS` in the dialect, with extra leading columns (the store's own bookkeeping). */
export function createTableSql<R>(table: TableDef<R>, dialect: Dialect, extra: { name: string; type: ColumnType }[] = []): string {
  const columns = [...extra.map((c) => ({ ...c, nullable: false })), ...table.columns].map(
    (c) => `${c.name} ${dialect.type(c.type)}${c.nullable ? '' : ' NOT NULL'}`,
  );
  return `CREATE TABLE IF NOT EXISTS ${dialect.table(table.name)} (${columns.join(', ')})`;
}

/** A BigQuery load job's `schema.fields`. */
export function bigQuerySchema<R>(table: TableDef<R>): { name: string; type: ColumnType; mode: 'REQUIRED' | 'NULLABLE' }[] {
  return table.columns.map((c) => ({ name: c.name, type: c.type, mode: c.nullable ? 'NULLABLE' : 'REQUIRED' }));
}

/** One record as a row object keyed by column name (a BigQuery NEWLINE_DELIMITED_JSON line). */
export function rowObject<R>(table: TableDef<R>, record: R): Record<string, string | number | boolean | null> {
  const row: Record<string, string | number | boolean | null> = {};
  for (const c of table.columns) row[c.name] = c.value(record);
  return row;
}
