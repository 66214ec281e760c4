/**
 * The CLI's embedded store: one DuckDB file holding every record the runs
 * imported, so a run needs only the new day's files. Records keep the keys
 * of the import (chat: buyer + agent + start, order: ID, agent-day: report
 * and agent-day, shop-day: day + shop + row + page); a key seen again
 * replaces the stored record in its place, a new key goes after the rest.
 * Read back in that order, the records are what one run over every file
 * would hold, in the same order, so the reports come out the same.
 *
 * Chats and orders are the typed tables of warehouse/tables.ts (the ones
 * agentDaySql reads); agent-day and shop-day rows, whose figures vary by
 * report, are kept as JSON. Rejected rows are kept per file: importing a
 * file again replaces its earlier rejections.
 */
import { DuckDBInstance, listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Consultation, ExportedAgentDay, Order, Rejection, ShopDay } from '../core/types';
import { duckdb } from '../warehouse/dialect';
import { chatsTable, createTableSql, ordersTable, type TableDef } from '../warehouse/tables';
import { appendRecords, type ExtraColumn } from './duckdbRecords';

/** What one run adds: its records after its own duplicate keys were merged, and its files' rejections. */
export interface RunRecords {
  consultations: readonly Consultation[];
  orders: readonly Order[];
  agentDays: readonly ExportedAgentDay[];
  shopDays: readonly ShopDay[];
  /** File name → that file's rejected rows (a file with none is listed with []). */
  rejectionsByFile: ReadonlyMap<string, readonly Rejection[]>;
  /** Duplicate-key lines of the run (kept after every file's rejections). */
  conflicts: readonly Rejection[];
}

export interface StoredRecords {
  consultations: Consultation[];
  orders: Order[];
  agentDays: ExportedAgentDay[];
  shopDays: ShopDay[];
  rejections: Rejection[];
}

export interface RecordKeys {
  chats: (c: Consultation) => string;
  orders: (o: Order) => string;
  agentDays: (d: ExportedAgentDay) => string;
  shopDays: (d: ShopDay) => string;
}

interface JsonRecord {
  json: string;
}
interface ErrorRow extends JsonRecord {
  file: string;
  conflict: boolean;
}
const jsonTable = (name: string): TableDef<JsonRecord> => ({ name, columns: [{ name: 'json', type: 'STRING', nullable: false, value: (r) => r.json }] });
const AGENT_DAYS = jsonTable('agent_days');
const SHOP_DAYS = jsonTable('shop_days');
const ERRORS = jsonTable('import_errors');

export class RecordStore {
  private constructor(private readonly db: DuckDBConnection, private readonly instance: DuckDBInstance) {}

  static async open(path: string): Promise<RecordStore> {
    const instance = await DuckDBInstance.create(path);
    const store = new RecordStore(await instance.connect(), instance);
    await store.createTables();
    return store;
  }

  /** The connection, for agentDaySql over the stored chats and orders. */
  get connection(): DuckDBConnection {
    return this.db;
  }

  private async createTables(): Promise<void> {
    for (const table of [chatsTable, ordersTable, AGENT_DAYS, SHOP_DAYS] as TableDef<unknown>[]) {
      await this.db.run(createTableSql(table, duckdb, [{ name: 'seq', type: 'INT64' }, { name: 'key', type: 'STRING' }]));
    }
    await this.db.run(createTableSql(ERRORS, duckdb, [{ name: 'seq', type: 'INT64' }, { name: 'file', type: 'STRING' }, { name: 'conflict', type: 'BOOL' }]));
  }

  /** Adds one run in one transaction; returns how many of its records replaced stored ones. */
  async add(run: RunRecords, keys: RecordKeys): Promise<number> {
    await this.db.run('BEGIN TRANSACTION');
    try {
      let replaced = 0;
      replaced += await this.upsert(chatsTable, run.consultations, keys.chats);
      replaced += await this.upsert(ordersTable, run.orders, keys.orders);
      replaced += await this.upsert(AGENT_DAYS, run.agentDays.map(toJson), (r) => keys.agentDays(JSON.parse(r.json)));
      replaced += await this.upsert(SHOP_DAYS, run.shopDays.map(toJson), (r) => keys.shopDays(JSON.parse(r.json)));
      await this.addRejections(run);
      await this.db.run('COMMIT');
      return replaced;
    } catch (error) {
      await this.db.run('ROLLBACK');
      throw error;
    }
  }

  /**
   * Stores the records under their keys: a stored key keeps its place (seq)
   * and takes the new values; new keys follow the last place, in run order.
   */
  private async upsert<R>(table: TableDef<R>, records: readonly R[], key: (r: R) => string): Promise<number> {
    if (records.length === 0) return 0;
    const incoming = `incoming_${table.name}`;
    const keyOf = records.map(key);
    const extra: ExtraColumn<R>[] = [
      { name: 'seq', type: 'INT64', value: (_r, i) => i },
      { name: 'key', type: 'STRING', value: (_r, i) => keyOf[i] },
    ];
    await this.db.run(`DROP TABLE IF EXISTS ${incoming}`);
    await appendRecords(this.db, { ...table, name: incoming }, records, extra);
    const top = await this.scalar(`SELECT COALESCE(MAX(seq), -1) FROM ${table.name}`);
    const replaced = await this.scalar(`SELECT COUNT(*) FROM ${incoming} n JOIN ${table.name} t ON t.key = n.key`);
    const columns = table.columns.map((c) => `n.${c.name}`).join(', ');
    await this.db.run(`CREATE OR REPLACE TEMP TABLE placed AS
      SELECT CASE WHEN t.seq IS NULL THEN $top + ROW_NUMBER() OVER (PARTITION BY t.seq IS NULL ORDER BY n.seq) ELSE t.seq END AS seq, n.key, ${columns}
      FROM ${incoming} n LEFT JOIN ${table.name} t ON t.key = n.key`, { top } as Record<string, DuckDBValue>);
    await this.db.run(`DELETE FROM ${table.name} WHERE key IN (SELECT key FROM ${incoming})`);
    await this.db.run(`INSERT INTO ${table.name} SELECT * FROM placed`);
    await this.db.run(`DROP TABLE ${incoming}`);
    await this.db.run('DROP TABLE placed');
    return replaced;
  }

  private async addRejections(run: RunRecords): Promise<void> {
    const files = [...run.rejectionsByFile.keys()];
    if (files.length > 0) await this.db.run(`DELETE FROM import_errors WHERE NOT conflict AND file IN (SELECT UNNEST($files))`, { files: listValue(files) });
    const top = await this.scalar('SELECT COALESCE(MAX(seq), -1) FROM import_errors');
    const rows: { file: string; conflict: boolean; json: string }[] = [];
    for (const [file, rejections] of run.rejectionsByFile) for (const r of rejections) rows.push({ file, conflict: false, json: JSON.stringify(r) });
    for (const r of run.conflicts) rows.push({ file: r.file, conflict: true, json: JSON.stringify(r) });
    const errors = ERRORS as TableDef<ErrorRow>;
    await appendRecords(this.db, errors, rows, [
      { name: 'seq', type: 'INT64', value: (_r, i) => top + 1 + i },
      { name: 'file', type: 'STRING', value: (r) => r.file },
      { name: 'conflict', type: 'BOOL', value: (r) => (r.conflict ? 1 : 0) },
    ]);
  }

  /** Every stored record in stored order; rejections of files first, then duplicate-key lines (as one run lists them). */
  async readAll(): Promise<StoredRecords> {
    // Read by column: one array per column is far cheaper than a value array per row at a year of records.
    const columns = async (sql: string) => (await this.db.runAndReadAll(sql)).getColumns();
    const json = async <T>(sql: string) => ((await columns(sql))[0] ?? []).map((text) => JSON.parse(String(text)) as T);
    return {
      consultations: consultationsOf(await columns(`SELECT ${names(chatsTable)} FROM chats ORDER BY seq`)),
      orders: ordersOf(await columns(`SELECT ${names(ordersTable)} FROM orders ORDER BY seq`)),
      agentDays: await json<ExportedAgentDay>('SELECT json FROM agent_days ORDER BY seq'),
      shopDays: await json<ShopDay>('SELECT json FROM shop_days ORDER BY seq'),
      rejections: await json<Rejection>('SELECT json FROM import_errors ORDER BY conflict, seq'),
    };
  }

  private async scalar(sql: string): Promise<number> {
    return Number((await this.db.runAndReadAll(sql)).getRows()[0][0]);
  }

  close(): void {
    this.db.closeSync();
    this.instance.closeSync();
  }
}

const toJson = <T>(record: T): JsonRecord => ({ json: JSON.stringify(record) });
const names = <R>(table: TableDef<R>) => table.columns.map((c) => c.name).join(', ');
const num = (v: DuckDBValue) => Number(v);
const numOrNull = (v: DuckDBValue) => (v === null ? null : Number(v));

function consultationsOf(columns: DuckDBValue[][]): Consultation[] {
  const [buyer, agent, start, first, buyerMessages, agentMessages, category] = columns;
  return (buyer ?? []).map((_, i) => ({
    buyer: String(buyer[i]),
    agent: String(agent[i]),
    start: num(start[i]),
    firstResponseSec: numOrNull(first[i]),
    buyerMessages: num(buyerMessages[i]),
    agentMessages: num(agentMessages[i]),
    category: String(category[i]) as Consultation['category'],
  }));
}

function ordersOf(columns: DuckDBValue[][]): Order[] {
  const [orderId, buyer, created, paid, amount, items, status, refunded, coupon, remark, flag] = columns;
  return (orderId ?? []).map((_, i) => ({
    orderId: String(orderId[i]),
    buyer: String(buyer[i]),
    created: num(created[i]),
    paidAt: numOrNull(paid[i]),
    amount: num(amount[i]),
    items: num(items[i]),
    status: String(status[i]),
    refunded: refunded[i] === true,
    couponUsed: coupon[i] === true,
    remark: String(remark[i]),
    flag: String(flag[i]),
  }));
}
