/**
 * Sends the chosen tables to the server, chunk by chunk and one call at a
 * time (google.script.run allows 10 in flight, and the server takes a lock
 * per chunk anyway), then asks for each table's summary.
 *
 * An upload is a plan plus a position (the first chunk not yet saved), so it
 * can stop (a failure after its retries, or Cancel) and resume later from
 * that chunk with the same import ids; the server stores a chunk it already
 * has only once, so resending the one whose answer was lost is harmless.
 */
import type { ChunkReceipt, ImportChunk, ImportSummary, SupervisorImport } from '../../sheets/importApi';
import type { Language } from '../../core/types';
import type { ImportResult } from '../../import/types';
import { storedForms } from '../../import/ingest';
import { mergeRun, type RunTables } from '../../import/mergeRun';
import { CHUNK_SIZE, chunksOf, newImportId, type TableConflict } from './chunks';
import { serverCall, ServerError } from './server';

/** Waits before the 2nd, 3rd and 4th try of a failed call: short, since the user is watching. */
export const RETRY_DELAYS_MS: readonly number[] = [1000, 3000, 6000];

/** A roster or events table: sent whole, in one call (its own step of the upload). */
export interface WholeTable {
  whole: Omit<SupervisorImport, 'importId'>;
}

export interface Upload {
  tables: { importId: string; chunks: ImportChunk[]; whole?: SupervisorImport }[];
  totalChunks: number;
  /** The next step: chunk `chunk` of table `table`; chunk === its chunk count means "finish the table". */
  position: { table: number; chunk: number };
  chunksDone: number;
  /** Records stored so far per table, as the server counted them. */
  storedByTable: number[];
  summaries: ImportSummary[];
}

export interface UploadProgress {
  done: number;
  total: number;
  /** 1 for the first try of the current call, up to 1 + the retry delays. */
  attempt: number;
}

export type UploadOutcome = { status: 'done' } | { status: 'cancelled' } | { status: 'failed'; error: unknown };

type UploadCall = 'importChunk' | 'finishImport' | 'importSupervisorTable';

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  /** Checked before each chunk: true stops the upload there (Cancel). */
  shouldStop?: () => boolean;
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** The server call (google.script.run by default; tests pass a fake). */
  call?: (name: UploadCall, arg: string) => Promise<string>;
}

/**
 * The duplicate-key lines of the tables sent together, per table (empty for a
 * whole table): the ingest core's, as the CLI finds them over its files.
 */
function conflictsByTable(results: readonly (ImportResult | WholeTable)[], lang: Language): TableConflict[][] {
  const run: RunTables = { agentDays: [], shopDays: [], consultations: [], orders: [] };
  for (const result of results) {
    const table = 'whole' in result ? null : result;
    const at = { rows: table?.recordRows, file: table?.file ?? '', sheet: table?.sheet ?? null };
    // As every store keeps them (text cut to a cell), so records equal once stored are not called different.
    run.agentDays.push({ records: table ? storedForms('agentDays', table.agentDays) : [], ...at });
    run.shopDays.push({ records: table ? storedForms('shopDays', table.shopDays) : [], ...at });
    run.consultations.push({ records: table ? storedForms('consultations', table.consultations) : [], ...at });
    run.orders.push({ records: table ? storedForms('orders', table.orders) : [], ...at });
  }
  const byTable: TableConflict[][] = results.map(() => []);
  for (const c of mergeRun(run, lang).conflicts) byTable[c.table].push({ kind: c.kind, index: c.index, line: c.line });
  return byTable;
}

/** The chunks of every result, each table under a new import id; a whole table counts as one chunk. */
export function planUpload(results: readonly (ImportResult | WholeTable)[], lang: Language, size: number = CHUNK_SIZE): Upload {
  const conflicts = conflictsByTable(results, lang);
  const tables = results.map((result, i) => {
    const importId = newImportId();
    if ('whole' in result) return { importId, chunks: [], whole: { ...result.whole, importId } };
    return { importId, chunks: chunksOf(result, importId, size, conflicts[i]) };
  });
  return {
    tables,
    totalChunks: tables.reduce((sum, t) => sum + (t.whole ? 1 : t.chunks.length), 0),
    position: { table: 0, chunk: 0 },
    chunksDone: 0,
    storedByTable: tables.map(() => 0),
    summaries: [],
  };
}

/** Records stored so far over every table. */
export function rowsStored(upload: Upload): number {
  return upload.storedByTable.reduce((sum, n) => sum + n, 0);
}

/** Chunk number (1-based, over all tables) of the next one to send, for "resume from part N". */
export function nextChunkNumber(upload: Upload): number {
  return Math.min(upload.chunksDone + 1, upload.totalChunks);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const defaultCall = (name: UploadCall, arg: string) => serverCall(name, arg);

/** Thrown inside runUpload when Cancel comes while a failed call waits for its next try. */
const CANCELLED = Symbol('cancelled');

type RetryOptions = Required<Pick<UploadOptions, 'retryDelaysMs' | 'sleep' | 'shouldStop'>>;

/** A call that may fail for a moment (network, lock, quota) is tried again; a refused permission is not. */
async function withRetries<T>(run: () => Promise<T>, options: RetryOptions, onAttempt: (attempt: number) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    onAttempt(attempt);
    try {
      return await run();
    } catch (error) {
      const permanent = error instanceof ServerError && error.permissionDenied;
      if (permanent || attempt > options.retryDelaysMs.length) throw error;
      await options.sleep(options.retryDelaysMs[attempt - 1]);
      if (options.shouldStop()) throw CANCELLED;
    }
  }
}

/**
 * Runs the upload from its position until done, cancelled or failed; the
 * upload object records how far it got, so calling again resumes.
 */
export async function runUpload(upload: Upload, options: UploadOptions = {}): Promise<UploadOutcome> {
  const call = options.call ?? defaultCall;
  const shouldStop = options.shouldStop ?? (() => false);
  const retry: RetryOptions = { retryDelaysMs: options.retryDelaysMs ?? RETRY_DELAYS_MS, sleep: options.sleep ?? defaultSleep, shouldStop };
  const report = (attempt: number) => options.onProgress?.({ done: upload.chunksDone, total: upload.totalChunks, attempt });
  try {
    while (upload.position.table < upload.tables.length) {
      const table = upload.tables[upload.position.table];
      if (table.whole) {
        if (shouldStop()) return { status: 'cancelled' };
        const json = JSON.stringify(table.whole);
        const summary = JSON.parse(await withRetries(() => call('importSupervisorTable', json), retry, report)) as ImportSummary;
        upload.storedByTable[upload.position.table] = summary.added + summary.replaced;
        upload.chunksDone += 1;
        upload.summaries.push(summary);
        upload.position = { table: upload.position.table + 1, chunk: 0 };
        report(1);
        continue;
      }
      while (upload.position.chunk < table.chunks.length) {
        if (shouldStop()) return { status: 'cancelled' };
        // Serialised per send, not up front: a 50 MB file's chunks as JSON would double the page's memory.
        const json = JSON.stringify(table.chunks[upload.position.chunk]);
        const receipt = JSON.parse(await withRetries(() => call('importChunk', json), retry, report)) as ChunkReceipt;
        upload.storedByTable[upload.position.table] = receipt.storedSoFar;
        upload.position.chunk += 1;
        upload.chunksDone += 1;
        report(1);
      }
      const summary = JSON.parse(await withRetries(() => call('finishImport', table.importId), retry, report)) as ImportSummary;
      upload.summaries.push(summary);
      upload.position = { table: upload.position.table + 1, chunk: 0 };
    }
    return { status: 'done' };
  } catch (error) {
    return error === CANCELLED ? { status: 'cancelled' } : { status: 'failed', error };
  }
}
