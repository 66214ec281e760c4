/**
 * Splits one table's import into chunks the server can take one call at a
 * time: a google.script.run call has no documented size limit, but one
 * execution has 6 minutes and big payloads fail late, so each chunk carries
 * at most `size` items (records first, then rejected and skipped rows).
 */
import type { Rejection } from '../../core/types';
import type { ImportChunk } from '../../sheets/importApi';
import type { StoredKind } from '../../import/ingest';
import type { ImportResult } from '../../import/types';
import { rowsReadOf } from './glance';

export const CHUNK_SIZE = 500;

type Item =
  | { list: 'agentDays'; value: ImportResult['agentDays'][number] }
  | { list: 'shopDays'; value: ImportResult['shopDays'][number] }
  | { list: 'consultations'; value: ImportResult['consultations'][number] }
  | { list: 'orders'; value: ImportResult['orders'][number] }
  | { list: 'rejected'; value: ImportResult['rejected'][number] }
  | { list: 'skipped'; value: ImportResult['skipped'][number] };

function itemsOf(result: ImportResult): Item[] {
  return [
    ...result.agentDays.map((value): Item => ({ list: 'agentDays', value })),
    ...result.shopDays.map((value): Item => ({ list: 'shopDays', value })),
    ...result.consultations.map((value): Item => ({ list: 'consultations', value })),
    ...result.orders.map((value): Item => ({ list: 'orders', value })),
    ...result.rejected.map((value): Item => ({ list: 'rejected', value })),
    ...result.skipped.map((value): Item => ({ list: 'skipped', value })),
  ];
}

/** A duplicate-key line of the table, and the record it keeps (`index` in the table's list of `kind`). */
export interface TableConflict {
  kind: StoredKind;
  index: number;
  line: Rejection;
}

/** Where a record of the kind's list is among the table's items (itemsOf's order). */
function itemIndex(result: ImportResult, kind: StoredKind, index: number): number {
  const before: Record<StoredKind, number> = {
    agentDays: 0,
    shopDays: result.agentDays.length,
    consultations: result.agentDays.length + result.shopDays.length,
    orders: result.agentDays.length + result.shopDays.length + result.consultations.length,
  };
  return before[kind] + index;
}

/**
 * The chunks of one table, in order; always at least one, so an empty table
 * is still logged. Each duplicate-key line goes with the chunk holding the
 * record it keeps, so a chunk carries at most `size` of them.
 * @example chunksOf(result, 'imp-1').length // 1 for up to 500 records
 */
export function chunksOf(result: ImportResult, importId: string, size: number = CHUNK_SIZE, conflicts: readonly TableConflict[] = []): ImportChunk[] {
  if (!(size >= 1)) throw new Error(`chunksOf requires a chunk size of at least 1, got ${size}`);
  const items = itemsOf(result);
  const chunkCount = Math.max(1, Math.ceil(items.length / size));
  const chunks: ImportChunk[] = [];
  for (let i = 0; i < chunkCount; i++) {
    const chunk: ImportChunk = {
      importId,
      chunkId: `${importId}#${i}`,
      file: result.file,
      sheet: result.sheet,
      kind: result.kind,
      encoding: result.encoding,
      chunkIndex: i,
      chunkCount,
      rowsRead: rowsReadOf(result),
      agentDays: [],
      shopDays: [],
      consultations: [],
      orders: [],
      rejected: [],
      skipped: [],
      conflicts: [],
    };
    for (const item of items.slice(i * size, (i + 1) * size)) {
      // Each branch pushes into the list of the item's own type.
      (chunk[item.list] as unknown[]).push(item.value);
    }
    chunks.push(chunk);
  }
  for (const c of conflicts) chunks[Math.min(chunkCount - 1, Math.floor(itemIndex(result, c.kind, c.index) / size))].conflicts.push(c.line);
  return chunks;
}

/** A new id for one table's import: unique enough to tell concurrent imports apart. */
export function newImportId(now: number = Date.now()): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `imp-${now.toString(36)}-${random}`;
}
