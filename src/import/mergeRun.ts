/**
 * A run of imported tables (the CLI's files, the tables the sidebar sends
 * together) merged as every store merges them: one record per key and kind,
 * the later winning, and one import-error line per key read with different
 * values, naming every place it was read and the one kept.
 */
import { formatLocalTime } from '../core/dates';
import type { Consultation, ExportedAgentDay, Language, Order, Rejection } from '../core/types';
import { t } from '../i18n';
import { differingFields, mergeTables, type DuplicateConflict, type Origin, type TableRecords } from './duplicates';
import { RECORD_KEY, type RecordOf, type StoredKind, type StoredRecords } from './ingest';

/** The run's tables, per kind; table `t` of every kind is the same imported table (empty in the kinds it does not hold). */
export type RunTables = { [K in StoredKind]: TableRecords<RecordOf<K>>[] };

/** A conflict's import-error line, and where its kept record is (table and index in the run's tables of its kind). */
export interface ConflictLine {
  kind: StoredKind;
  table: number;
  index: number;
  line: Rejection;
}

export interface MergedRun {
  records: StoredRecords;
  /** Rows replaced by a later row of the run with the same key. */
  replaced: number;
  /** Of those, rows identical to the one kept. */
  identical: number;
  /** Agent-days first, then consultations, then orders; each in the order its key was first read. */
  conflicts: ConflictLine[];
}

/** Two statements of one report about one agent-day differ in their figures (and what is provisional), not in the nesting. */
const agentDayDiffer = (a: ExportedAgentDay, b: ExportedAgentDay) =>
  differingFields({ ...a.figures, provisional: a.provisional.join(' ') }, { ...b.figures, provisional: b.provisional.join(' ') });

/** At most this many places are named in one line (a cell holds 50 000 characters; a reader, far fewer). */
const PLACES_NAMED = 10;

function place(origin: Origin, lang: Language): string {
  return t(lang, 'import.duplicate.place', { file: origin.file, sheet: origin.sheet ? ` [${origin.sheet}]` : '', row: origin.row });
}

function conflictLine<T>(conflict: DuplicateConflict<T>, what: string, lang: Language): Rejection {
  const first = conflict.replaced[0].origin;
  const all = [...conflict.replaced, conflict.kept];
  const named = all.slice(0, PLACES_NAMED).map((r) => place(r.origin, lang)).join(', ');
  const places = all.length > PLACES_NAMED ? t(lang, 'import.duplicate.more', { places: named, count: all.length - PLACES_NAMED }) : named;
  const reason = t(lang, 'import.duplicate.conflict', { what, count: all.length, fields: conflict.fields.join(', '), places, winner: place(conflict.kept.origin, lang) });
  return { file: first.file, sheet: first.sheet, row: first.row, column: '', reason, raw: [] };
}

function lines<K extends StoredKind>(kind: K, conflicts: readonly DuplicateConflict<RecordOf<K>>[], what: (record: RecordOf<K>) => string, lang: Language): ConflictLine[] {
  return conflicts.map((c) => ({ kind, table: c.kept.table, index: c.kept.index, line: conflictLine(c, what(c.kept.record), lang) }));
}

/**
 * The run's tables merged into a store holding the keys `stored` says (none:
 * the run alone). Shop-day rows are replaced without comparison.
 */
export function mergeRun(tables: RunTables, lang: Language, stored: (kind: StoredKind, key: string) => boolean = () => false): MergedRun {
  const days = mergeTables(tables.agentDays, RECORD_KEY.agentDays, (k) => stored('agentDays', k), agentDayDiffer);
  const shops = mergeTables(tables.shopDays, RECORD_KEY.shopDays, (k) => stored('shopDays', k));
  const chats = mergeTables(tables.consultations, RECORD_KEY.consultations, (k) => stored('consultations', k), differingFields);
  const sales = mergeTables(tables.orders, RECORD_KEY.orders, (k) => stored('orders', k), differingFields);
  return {
    records: { agentDays: days.records, shopDays: shops.records, consultations: chats.records, orders: sales.records },
    replaced: days.replaced + shops.replaced + chats.replaced + sales.replaced,
    identical: days.identical + chats.identical + sales.identical,
    conflicts: [
      ...lines('agentDays', days.conflicts, (d: ExportedAgentDay) => t(lang, 'import.duplicate.agentDay', { agent: d.agent, date: d.date, report: d.report }), lang),
      ...lines('consultations', chats.conflicts, (c: Consultation) => t(lang, 'import.duplicate.consultation', { buyer: c.buyer, agent: c.agent, start: formatLocalTime(c.start) }), lang),
      ...lines('orders', sales.conflicts, (o: Order) => t(lang, 'import.duplicate.order', { id: o.orderId }), lang),
    ],
  };
}
