/**
 * Storing imported records, whatever the store (the CLI's run in memory, the
 * spreadsheet's data tabs, a database): what makes two records the same
 * record, which day a record belongs to, how a batch merged into a store is
 * counted, which agents an import adds to the roster, and when a roster
 * contradicts itself. Pure: no clock, no Apps Script.
 */
import { exportKey, isOnDuty, mergeExports } from '../core/exportMerge';
import { personResolver } from '../core/accounts';
import { formatLocalTime } from '../core/dates';
import { mergeTables, type MergedTables } from './duplicates';
import type { Agent, Consultation, ExportedAgentDay, IsoDate, Order, ShopDay } from '../core/types';

/** The four kinds of imported records a store holds, by the name of their list. */
export interface StoredRecords {
  agentDays: ExportedAgentDay[];
  shopDays: ShopDay[];
  consultations: Consultation[];
  orders: Order[];
}
export type StoredKind = keyof StoredRecords;
export type RecordOf<K extends StoredKind> = StoredRecords[K][number];
export const STORED_KINDS: readonly StoredKind[] = ['agentDays', 'shopDays', 'consultations', 'orders'];

/**
 * The fields that make a record's identity: a record with the same values in
 * these replaces the stored one. A store that keeps records as columns keeps
 * these as its key columns.
 */
export const KEY_FIELDS = {
  // One row per report and agent-day: the same report again replaces; other reports of the day merge field by field.
  agentDays: ['date', 'shop', 'agent', 'source'],
  shopDays: ['date', 'shop', 'row', 'source'],
  // The start to the second, as the data tabs write it.
  consultations: ['buyer', 'agent', 'start'],
  orders: ['orderId'],
} as const satisfies { [K in StoredKind]: readonly (keyof RecordOf<K>)[] };

export const consultationKey = (c: Pick<Consultation, 'buyer' | 'agent' | 'start'>) => `${c.buyer}|${c.agent}|${Math.floor(c.start / 1000)}`;
export const orderKey = (o: Pick<Order, 'orderId'>) => o.orderId;
export const agentDayKey = (d: Pick<ExportedAgentDay, 'date' | 'shop' | 'agent' | 'source'>) => `${exportKey(d)}\u0000${d.source}`;
export const shopDayKey = (d: Pick<ShopDay, 'date' | 'shop' | 'row' | 'source'>) => `${d.date}\u0000${d.shop}\u0000${d.row}\u0000${d.source}`;

/** A record's key (a string equal for two records exactly when their KEY_FIELDS are). */
export const RECORD_KEY: { [K in StoredKind]: (record: RecordOf<K>) => string } = {
  agentDays: agentDayKey,
  shopDays: shopDayKey,
  consultations: consultationKey,
  orders: orderKey,
};

/**
 * The day a record belongs to, which never changes when it is imported
 * again (an order keeps its creation time): a store may partition by it.
 */
export const RECORD_DAY: { [K in StoredKind]: (record: RecordOf<K>) => IsoDate } = {
  agentDays: (d) => d.date,
  shopDays: (d) => d.date,
  consultations: (c) => formatLocalTime(c.start).slice(0, 10),
  orders: (o) => formatLocalTime(o.created).slice(0, 10),
};

/**
 * The longest text a stored record keeps: a spreadsheet cell holds 50 000
 * characters, one of them the apostrophe that keeps text from being read as
 * a number or formula, and a tab's cell is the narrowest store.
 */
export const MAX_STORED_TEXT = 49_998;

const TEXT_FIELDS = {
  agentDays: ['date', 'shop', 'agent', 'source', 'report'],
  shopDays: ['date', 'shop', 'source', 'report'],
  consultations: ['buyer', 'agent'],
  orders: ['orderId', 'buyer', 'status', 'remark', 'flag'],
} as const satisfies { [K in StoredKind]: readonly (keyof RecordOf<K>)[] };

/** A text field storedForm cut: which field, and how long it was. */
export interface TextCut {
  field: string;
  length: number;
}

/** The record as every store keeps it: text fields cut to MAX_STORED_TEXT (the same object when none is longer). */
export function storedForm<K extends StoredKind>(kind: K, record: RecordOf<K>, onCut?: (cut: TextCut) => void): RecordOf<K> {
  let copy: Record<string, unknown> | null = null;
  for (const field of TEXT_FIELDS[kind] as readonly string[]) {
    const value = (record as unknown as Record<string, unknown>)[field];
    if (typeof value !== 'string' || value.length <= MAX_STORED_TEXT) continue;
    copy ??= { ...(record as object) };
    copy[field] = value.slice(0, MAX_STORED_TEXT);
    onCut?.({ field, length: value.length });
  }
  return (copy ?? record) as RecordOf<K>;
}

/** storedForm of each record (the same array when no record changes). */
export function storedForms<K extends StoredKind>(kind: K, records: readonly RecordOf<K>[], onCut?: (index: number, cut: TextCut) => void): readonly RecordOf<K>[] {
  let out: RecordOf<K>[] | null = null;
  for (let i = 0; i < records.length; i++) {
    const fitted = storedForm(kind, records[i], onCut && ((cut) => onCut(i, cut)));
    if (fitted === records[i] && out === null) continue;
    out ??= records.slice(0, i);
    out.push(fitted);
  }
  return out ?? records;
}

/** A batch of records merged into a store: one record per key, and how many rows added and replaced. */
export type MergedBatch<T> = Pick<MergedTables<T>, 'records' | 'added' | 'replaced'>;

/**
 * Merges a batch into a store that holds the keys `stored` says: the rule of
 * SPEC §5 (re-importing replaces), counted the same by every store (see mergeTables).
 */
export function mergeBatch<T>(batch: readonly T[], key: (record: T) => string, stored: (key: string) => boolean): MergedBatch<T> {
  return mergeTables([{ records: batch, file: '', sheet: null }], key, stored);
}

/**
 * Agents the data names that the roster does not know, sorted: they are
 * added to the roster flagged unknown, never dropped (SPEC §7). An account
 * whose every figure is zero did not work and is no agent to add; an
 * account the roster maps to a person is that person.
 */
export function unknownAgents(roster: readonly Agent[], agentDays: readonly ExportedAgentDay[], consultations: readonly Pick<Consultation, 'agent'>[]): string[] {
  const known = new Set(roster.map((a) => a.name.trim()));
  const worked = mergeExports(agentDays).agentDays.filter(isOnDuty);
  const personOf = personResolver(roster);
  const mapped = new Set(worked.filter((d) => personOf(d.shop ?? '', d.agent) !== null).map((d) => d.agent));
  const seen = new Set([...worked.map((d) => d.agent.trim()), ...consultations.map((c) => c.agent.trim())]);
  return [...seen].filter((name) => name !== '' && !known.has(name) && !mapped.has(name)).sort();
}

/**
 * Names, agent IDs or accounts held by more than one agent of one roster: such
 * a roster is refused whole (paying from it would give two people one
 * commission, or let the last row win silently).
 */
export function rosterClashes(agents: readonly Agent[]): string[] {
  const clashes: string[] = [];
  const check = (values: string[]) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (v !== '' && seen.has(v) && !clashes.includes(v)) clashes.push(v);
      seen.add(v);
    }
  };
  check(agents.map((a) => a.name.trim()));
  check(agents.map((a) => a.id.trim()));
  check(agents.flatMap((a) => [...new Set(a.accounts ?? [])]));
  return clashes;
}

/** A run's row accounting: every row read is stored, replaced by a row with the same key, rejected or skipped. */
export interface IngestCounts {
  read: number;
  stored: number;
  replaced: number;
  rejected: number;
  skipped: number;
}
