/**
 * Records that share a key (an order ID; a consultation's buyer, agent and
 * start), inside one file or across files. The later one wins, as in the
 * spreadsheet's data tabs: files in the order given, rows in file order. An
 * identical repeat is only counted (a file given twice, overlapping exports);
 * a repeat with other values is a conflict the supervisor must see.
 *
 * Generic over the record type, so agent-day rows can reuse it with their own
 * key and their own comparison (`differ`: nested figures, or fields a
 * field-level merge fills from another report, need not count as different).
 */

/** Where a record came from: the file, its sheet (XLSX) and its 1-based row. */
export interface Origin {
  file: string;
  sheet: string | null;
  row: number;
}

export interface WithOrigin<T> {
  record: T;
  origin: Origin;
}

/** One key met with different values: the record kept (the last) and those it replaced. */
export interface DuplicateConflict<T> {
  key: string;
  kept: WithOrigin<T>;
  replaced: WithOrigin<T>[];
  /** The fields whose values differ between the kept record and any replaced one. */
  fields: string[];
}

export interface Deduplicated<T> {
  /** One record per key, in the order keys were first met, each the last one read. */
  records: T[];
  origins: Origin[];
  /** Rows replaced by a later row with the same key (identical or not). */
  replaced: number;
  /** Of those, the rows identical to the one kept. */
  identical: number;
  conflicts: DuplicateConflict<T>[];
}

/** Fields of two flat records whose values differ (numbers, text, booleans, null compared with ===). */
export function differingFields<T extends object>(a: T, b: T): string[] {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  const differ: string[] = [];
  for (const f of fields) {
    const x = (a as Record<string, unknown>)[f];
    const y = (b as Record<string, unknown>)[f];
    if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) differ.push(f);
  }
  return differ;
}

/**
 * One record per key, the later winning; identical repeats counted, differing
 * ones reported as one conflict per key. `differ` names the fields in which two
 * records of one key differ (default: flat fields compared with ===).
 * @example dedupeByKey([{record: o1, origin: a2}, {record: o1b, origin: b7}], (o) => o.orderId)
 *          // records [o1b]; conflicts [{ key: o1.orderId, kept: b7, replaced: [a2], fields: ['amount'] }] when amounts differ
 */
export function dedupeByKey<T extends object>(
  items: Iterable<WithOrigin<T>>,
  key: (record: T) => string,
  differ: (kept: T, replaced: T) => string[] = differingFields,
): Deduplicated<T> {
  const kept = new Map<string, WithOrigin<T>>();
  const earlier = new Map<string, WithOrigin<T>[]>();
  for (const item of items) {
    const k = key(item.record);
    const previous = kept.get(k);
    if (previous !== undefined) {
      const list = earlier.get(k);
      if (list) list.push(previous);
      else earlier.set(k, [previous]);
    }
    kept.set(k, item);
  }
  const result: Deduplicated<T> = { records: [], origins: [], replaced: 0, identical: 0, conflicts: [] };
  for (const [k, winner] of kept) {
    result.records.push(winner.record);
    result.origins.push(winner.origin);
    const losers = earlier.get(k);
    if (!losers) continue;
    result.replaced += losers.length;
    const fields = new Set<string>();
    for (const loser of losers) {
      const changed = differ(winner.record, loser.record);
      if (changed.length === 0) result.identical++;
      for (const f of changed) fields.add(f);
    }
    if (fields.size > 0) result.conflicts.push({ key: k, kept: winner, replaced: losers, fields: [...fields] });
  }
  return result;
}

/** The records of one imported table with their origins (`rows` parallel to `records`). */
export function withOrigins<T>(records: readonly T[], rows: readonly number[] | undefined, file: string, sheet: string | null): WithOrigin<T>[] {
  const out: WithOrigin<T>[] = [];
  for (let i = 0; i < records.length; i++) out.push({ record: records[i], origin: { file, sheet, row: rows?.[i] ?? 0 } });
  return out;
}
