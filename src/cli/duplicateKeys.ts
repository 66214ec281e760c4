/**
 * Duplicate keys across the CLI's files: one order per order ID, one
 * consultation per buyer, agent and start. The later row wins (files in the
 * order given, rows in file order); a repeat with other values becomes one
 * import-error line per key naming every place and the winner.
 */
import { formatLocalTime } from '../core/dates';
import type { Consultation, ExportedAgentDay, Language, Order, Rejection } from '../core/types';
import { dedupeByKey, differingFields, type Deduplicated, type DuplicateConflict, type Origin, type WithOrigin } from '../import/duplicates';
import { t } from '../i18n';
import { agentDayKey, consultationKey, orderKey } from '../import/ingest';

export { agentDayKey, consultationKey, orderKey };
/** Two statements of one report about one agent-day differ in their figures (and what is provisional), not in the nesting. */
const agentDayDiffer = (a: ExportedAgentDay, b: ExportedAgentDay) =>
  differingFields({ ...a.figures, provisional: a.provisional.join(' ') }, { ...b.figures, provisional: b.provisional.join(' ') });

export interface MergedRecords {
  consultations: Consultation[];
  orders: Order[];
  agentDays: ExportedAgentDay[];
  /** Rows a later row with the same key replaced. */
  replaced: number;
  /** Of those, rows identical to the one kept. */
  identical: number;
  /** One line per key met with different values. */
  conflicts: Rejection[];
}

function place(origin: Origin, lang: Language): string {
  return t(lang, 'cli.duplicate.place', { file: origin.file, sheet: origin.sheet ? ` [${origin.sheet}]` : '', row: origin.row });
}

function conflictLine<T extends object>(conflict: DuplicateConflict<T>, what: string, lang: Language): Rejection {
  const first = conflict.replaced[0].origin;
  const places = [...conflict.replaced, conflict.kept].map((r) => place(r.origin, lang)).join(', ');
  const reason = t(lang, 'cli.duplicate.conflict', {
    what,
    count: conflict.replaced.length + 1,
    fields: conflict.fields.join(', '),
    places,
    winner: place(conflict.kept.origin, lang),
  });
  return { file: first.file, sheet: first.sheet, row: first.row, column: '', reason, raw: [] };
}

function conflicts<T extends object>(merged: Pick<Deduplicated<T>, 'conflicts'>, what: (record: T) => string, lang: Language): Rejection[] {
  return merged.conflicts.map((c) => conflictLine(c, what(c.kept.record), lang));
}

/** The records of one imported table and the file row of each (parallel). */
export interface TableRecords<T> {
  records: readonly T[];
  rows: readonly number[] | undefined;
  file: string;
  sheet: string | null;
}

/**
 * dedupeByKey over the records of several tables, with the same result, in
 * one pass that builds its per-record wrappers ({record, origin}) only for
 * keys met more than once: with a million records and few repeats, the
 * wrappers (and a second hashing of every key) were most of this step's time.
 */
export function dedupeTables<T extends object>(
  tables: readonly TableRecords<T>[],
  key: (record: T) => string,
  differ?: (a: T, b: T) => string[],
): Omit<Deduplicated<T>, 'origins'> {
  const slotOf = new Map<string, number>();
  const records: T[] = [];
  // Where each slot's first record came from (table, index), to name it should its key repeat.
  const firstTable: number[] = [];
  const firstIndex: number[] = [];
  const repeats = new Map<number, WithOrigin<T>[]>();
  const origin = (t: number, i: number) => ({ record: tables[t].records[i], origin: { file: tables[t].file, sheet: tables[t].sheet, row: tables[t].rows?.[i] ?? 0 } });
  tables.forEach((table, t) => {
    for (let i = 0; i < table.records.length; i++) {
      const record = table.records[i];
      const k = key(record);
      const slot = slotOf.get(k);
      if (slot === undefined) {
        slotOf.set(k, records.length);
        records.push(record);
        firstTable.push(t);
        firstIndex.push(i);
        continue;
      }
      // The later row wins the key's place (the order keys were first met).
      records[slot] = record;
      const group = repeats.get(slot);
      if (group) group.push(origin(t, i));
      else repeats.set(slot, [origin(firstTable[slot], firstIndex[slot]), origin(t, i)]);
    }
  });
  // Only the repeated keys go through dedupeByKey, in the order their keys were first met, for the counts and conflicts.
  const repeated = [...repeats.keys()].sort((a, b) => a - b).flatMap((slot) => repeats.get(slot)!);
  const merged = dedupeByKey(repeated, key, differ);
  return { records, replaced: merged.replaced, identical: merged.identical, conflicts: merged.conflicts };
}

/** One record per key, the later winning, with the count of replaced rows and a line per conflicting key. */
export function mergeDuplicateKeys(
  consultations: TableRecords<Consultation>[],
  orders: TableRecords<Order>[],
  lang: Language,
  agentDays: TableRecords<ExportedAgentDay>[] = [],
): MergedRecords {
  const chats = dedupeTables(consultations, consultationKey);
  const sales = dedupeTables(orders, orderKey);
  const days = dedupeTables(agentDays, agentDayKey, agentDayDiffer);
  return {
    consultations: chats.records,
    orders: sales.records,
    agentDays: days.records,
    replaced: chats.replaced + sales.replaced + days.replaced,
    identical: chats.identical + sales.identical + days.identical,
    conflicts: [
      ...conflicts(days, (d) => t(lang, 'cli.duplicate.agentDay', { agent: d.agent, date: d.date, report: d.report }), lang),
      ...conflicts(chats, (c) => t(lang, 'cli.duplicate.consultation', { buyer: c.buyer, agent: c.agent, start: formatLocalTime(c.start) }), lang),
      ...conflicts(sales, (o) => t(lang, 'cli.duplicate.order', { id: o.orderId }), lang),
    ],
  };
}
