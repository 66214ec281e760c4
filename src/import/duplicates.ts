/**
 * Records that share a key (an order ID; a consultation's buyer, agent and
 * start), inside one table, across tables, or with a store's records. The
 * later one wins, as in every store: tables in the order given, rows in table
 * order. An identical repeat is only counted (a file given twice, overlapping
 * exports); a repeat with other values is a conflict the supervisor must see.
 *
 * Generic over the record type, so agent-day rows can use it with their own
 * comparison (`differ`: nested figures need not count as different).
 */

/** Where a record came from: the file, its sheet (XLSX) and its 1-based row. */
export interface Origin {
  file: string;
  sheet: string | null;
  row: number;
}

/** A record, where it was read, and where it is in the tables merged: table `table`, record `index` of it. */
export interface Placed<T> {
  record: T;
  origin: Origin;
  table: number;
  index: number;
}

/** One key met with different values: the record kept (the last) and those it replaced. */
export interface DuplicateConflict<T> {
  key: string;
  kept: Placed<T>;
  replaced: Placed<T>[];
  /** The fields whose values differ between the kept record and any replaced one. */
  fields: string[];
}

/** The records of one imported table and the file row of each (parallel). */
export interface TableRecords<T> {
  records: readonly T[];
  rows?: readonly number[];
  file: string;
  sheet: string | null;
}

/** Tables merged into a store. */
export interface MergedTables<T> {
  /** One record per key, the later winning, in the order the keys were first met. */
  records: T[];
  /** Of `records`, the keys the store did not hold. */
  added: number;
  /** Rows whose key the store held, or an earlier row had: added + replaced = the rows merged. */
  replaced: number;
  /** Rows replaced by a later row of the tables identical to it (0 without `differ`). */
  identical: number;
  /** One per key met more than once in the tables with different values (none without `differ`). */
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
 * Merges tables into a store that holds the keys `stored` says (SPEC §5:
 * re-importing replaces), counted the same by every store. With `differ`
 * (the fields in which two records of one key differ), repeats within the
 * tables are compared: identical ones counted, differing ones one conflict per
 * key. Wrappers are built only for keys met more than once: with a million
 * records and few repeats, they would be most of the work.
 * @example mergeTables([{ records: [o1, o1b], rows: [2, 7], file: 'a.csv', sheet: null }], orderKey, () => false, differingFields)
 *          // records [o1b], added 1, replaced 1; a conflict naming rows 2 and 7 when their amounts differ
 */
export function mergeTables<T>(
  tables: readonly TableRecords<T>[],
  key: (record: T) => string,
  stored: (key: string) => boolean,
  differ?: (kept: T, replaced: T) => string[],
): MergedTables<T> {
  const slotOf = new Map<string, number>();
  const records: T[] = [];
  // Where each slot's first record is (table, index), to name it should its key repeat.
  const firstTable: number[] = [];
  const firstIndex: number[] = [];
  const repeats = new Map<number, Placed<T>[]>();
  const placed = (t: number, i: number): Placed<T> => {
    const table = tables[t];
    return { record: table.records[i], origin: { file: table.file, sheet: table.sheet, row: table.rows?.[i] ?? 0 }, table: t, index: i };
  };
  let rows = 0;
  let added = 0;
  tables.forEach((table, t) => {
    rows += table.records.length;
    for (let i = 0; i < table.records.length; i++) {
      const record = table.records[i];
      const k = key(record);
      const slot = slotOf.get(k);
      if (slot === undefined) {
        slotOf.set(k, records.length);
        records.push(record);
        if (!stored(k)) added++;
        if (differ) {
          firstTable.push(t);
          firstIndex.push(i);
        }
        continue;
      }
      records[slot] = record;
      if (!differ) continue;
      const group = repeats.get(slot);
      if (group) group.push(placed(t, i));
      else repeats.set(slot, [placed(firstTable[slot], firstIndex[slot]), placed(t, i)]);
    }
  });
  let identical = 0;
  const conflicts: DuplicateConflict<T>[] = [];
  for (const slot of [...repeats.keys()].sort((a, b) => a - b)) {
    const group = repeats.get(slot)!;
    const kept = group[group.length - 1];
    const replaced = group.slice(0, -1);
    const fields = new Set<string>();
    for (const loser of replaced) {
      const changed = differ!(kept.record, loser.record);
      if (changed.length === 0) identical++;
      for (const f of changed) fields.add(f);
    }
    if (fields.size > 0) conflicts.push({ key: key(kept.record), kept, replaced, fields: [...fields] });
  }
  return { records, added, replaced: rows - added, identical, conflicts };
}
