/**
 * Duplicate keys across the CLI's files: one order per order ID, one
 * consultation per buyer, agent and start. The later row wins (files in the
 * order given, rows in file order); a repeat with other values becomes one
 * import-error line per key naming every place and the winner.
 */
import { formatLocalTime } from '../core/dates';
import type { Consultation, Language, Order, Rejection } from '../core/types';
import { dedupeByKey, type Deduplicated, type DuplicateConflict, type Origin, type WithOrigin } from '../import/duplicates';
import { t } from '../i18n';

export const consultationKey = (c: Consultation) => `${c.buyer}|${c.agent}|${formatLocalTime(c.start)}`;
export const orderKey = (o: Order) => o.orderId;

export interface MergedRecords {
  consultations: Consultation[];
  orders: Order[];
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

function conflicts<T extends object>(merged: Deduplicated<T>, what: (record: T) => string, lang: Language): Rejection[] {
  return merged.conflicts.map((c) => conflictLine(c, what(c.kept.record), lang));
}

/** One record per key, the later winning, with the count of replaced rows and a line per conflicting key. */
export function mergeDuplicateKeys(consultations: WithOrigin<Consultation>[], orders: WithOrigin<Order>[], lang: Language): MergedRecords {
  const chats = dedupeByKey(consultations, consultationKey);
  const sales = dedupeByKey(orders, orderKey);
  return {
    consultations: chats.records,
    orders: sales.records,
    replaced: chats.replaced + sales.replaced,
    identical: chats.identical + sales.identical,
    conflicts: [
      ...conflicts(chats, (c) => t(lang, 'cli.duplicate.consultation', { buyer: c.buyer, agent: c.agent, start: formatLocalTime(c.start) }), lang),
      ...conflicts(sales, (o) => t(lang, 'cli.duplicate.order', { id: o.orderId }), lang),
    ],
  };
}
