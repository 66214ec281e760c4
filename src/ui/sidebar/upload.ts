/**
 * Sends the chosen tables to the server, chunk by chunk and one call at a
 * time (google.script.run allows 10 in flight, and the server takes a lock
 * per chunk anyway), then asks for each table's summary.
 */
import type { ChunkReceipt, ImportSummary } from '../../sheets/importApi';
import type { ImportResult } from '../../import/types';
import { chunksOf, newImportId } from './chunks';
import { serverJson } from './server';

export interface UploadProgress {
  done: number;
  total: number;
}

/** Imports every result in order; calls onProgress after each chunk. Rejects on the first server failure. */
export async function uploadResults(
  results: readonly ImportResult[],
  onProgress: (progress: UploadProgress) => void,
): Promise<ImportSummary[]> {
  const plans = results.map((result) => {
    const importId = newImportId();
    return { importId, chunks: chunksOf(result, importId) };
  });
  const total = plans.reduce((sum, plan) => sum + plan.chunks.length, 0);
  let done = 0;
  onProgress({ done, total });
  const summaries: ImportSummary[] = [];
  for (const plan of plans) {
    for (const chunk of plan.chunks) {
      await serverJson<ChunkReceipt>('importChunk', JSON.stringify(chunk));
      done += 1;
      onProgress({ done, total });
    }
    summaries.push(await serverJson<ImportSummary>('finishImport', plan.importId));
  }
  return summaries;
}
