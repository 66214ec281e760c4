/**
 * The sidebar's uploader against the real server functions on the in-memory
 * spreadsheet: retries, a failure that leaves a resumable position, Cancel,
 * and a chunk whose answer was lost being sent again without doubling rows.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importFile } from '../../src/import';
import type { ImportResult } from '../../src/import/types';
import { finishImport, importChunk } from '../../src/sheets/importServer';
import { planUpload, rowsStored, runUpload, type UploadOptions } from '../../src/ui/sidebar/upload';
import { ServerError } from '../../src/ui/sidebar/server';
import { installFake } from '../sheets/helpers';

afterEach(() => vi.unstubAllGlobals());

/** An agent-day export of `rows` distinct agents (1 200 rows = 3 chunks of 500, 500, 200). */
async function exportOf(rows: number): Promise<ImportResult> {
  const lines = ['日期,旺旺,询单人数,最终付款人数', ...Array.from({ length: rows }, (_, i) => `2026-11-21,agent${i},10,3`)];
  const { tables } = await importFile({ name: 'big.csv', bytes: new TextEncoder().encode(lines.join('\n')) });
  expect(tables).toHaveLength(1);
  return tables[0];
}

type Fault = 'before' | 'after';

/**
 * The server functions, called directly; `faults` lists, per call number (1-based),
 * whether that call fails before reaching the server or after it ran (its answer lost).
 */
function flakyServer(faults: Record<number, Fault> = {}) {
  const calls: { name: string; chunkIndex: number | null }[] = [];
  const sleeps: number[] = [];
  const call: UploadOptions['call'] = async (name, arg) => {
    calls.push({ name, chunkIndex: name === 'importChunk' ? (JSON.parse(arg) as { chunkIndex: number }).chunkIndex : null });
    const fault = faults[calls.length];
    if (fault === 'before') throw new ServerError(name, 'Exception: Service Spreadsheets timed out');
    const answer = name === 'importChunk' ? importChunk(arg) : finishImport(arg);
    if (fault === 'after') throw new ServerError(name, 'NetworkError: connection lost');
    return answer;
  };
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  return { calls, sleeps, options: { call, sleep, retryDelaysMs: [10, 20, 40] } satisfies UploadOptions };
}

function agentDayRows(fake: ReturnType<typeof installFake>): number {
  return fake.spreadsheet.raw('Data: agent-day')!.getLastRow() - 1;
}

describe('uploading the chosen tables', () => {
  it('retries a failed chunk after the backoff delays and finishes', async () => {
    const fake = installFake();
    const server = flakyServer({ 2: 'before', 3: 'before' });
    const upload = planUpload([await exportOf(1200)], 'en');
    expect(await runUpload(upload, server.options)).toEqual({ status: 'done' });
    expect(server.sleeps).toEqual([10, 20]);
    expect(server.calls.map((c) => c.chunkIndex)).toEqual([0, 1, 1, 1, 2, null]);
    expect(upload.summaries.map((s) => [s.added, s.replaced])).toEqual([[1200, 0]]);
    expect(agentDayRows(fake)).toBe(1200);
  });

  it('stops after four failed tries, says how far it got, and resumes from the first unsaved chunk', async () => {
    const fake = installFake();
    const server = flakyServer({ 2: 'before', 3: 'after', 4: 'before', 5: 'before' });
    const upload = planUpload([await exportOf(1200)], 'en');
    const outcome = await runUpload(upload, server.options);
    expect(outcome.status).toBe('failed');
    expect(server.sleeps).toEqual([10, 20, 40]);
    expect(upload.position).toEqual({ table: 0, chunk: 1 });
    expect(upload.chunksDone).toBe(1);
    // Chunk 1 reached the server once (its answer was lost): it is stored, but not yet confirmed.
    expect(agentDayRows(fake)).toBe(1000);

    expect(await runUpload(upload, server.options)).toEqual({ status: 'done' });
    expect(server.calls.slice(5).map((c) => c.chunkIndex)).toEqual([1, 2, null]);
    expect(agentDayRows(fake)).toBe(1200);
    expect(rowsStored(upload)).toBe(1200);
    expect(upload.summaries.map((s) => [s.added, s.replaced])).toEqual([[1200, 0]]);
  });

  it('stops after the current chunk on Cancel and resumes where it stopped', async () => {
    const fake = installFake();
    const server = flakyServer();
    const upload = planUpload([await exportOf(1200), await exportOf(10)], 'en');
    const progress: number[] = [];
    const outcome = await runUpload(upload, { ...server.options, shouldStop: () => upload.chunksDone >= 2, onProgress: (p) => progress.push(p.done) });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(upload.chunksDone).toBe(2);
    expect(rowsStored(upload)).toBe(1000);
    expect(agentDayRows(fake)).toBe(1000);
    expect(upload.summaries).toEqual([]);

    expect(await runUpload(upload, server.options)).toEqual({ status: 'done' });
    expect(upload.chunksDone).toBe(4);
    expect(server.calls.filter((c) => c.name === 'importChunk').map((c) => c.chunkIndex)).toEqual([0, 1, 2, 0]);
    expect(upload.summaries.map((s) => [s.added, s.replaced])).toEqual([
      [1200, 0],
      [0, 10],
    ]);
    expect(progress).toContain(2);
  });

  it('stops waiting for the next try when the user cancels during the backoff', async () => {
    const fake = installFake();
    const server = flakyServer({ 2: 'before', 3: 'before' });
    const upload = planUpload([await exportOf(1200)], 'en');
    let cancel = false;
    const outcome = await runUpload(upload, { ...server.options, sleep: async () => void (cancel = true), shouldStop: () => cancel });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(server.calls.map((c) => c.chunkIndex)).toEqual([0, 1]);
    expect(upload.position).toEqual({ table: 0, chunk: 1 });
    expect(agentDayRows(fake)).toBe(500);
  });

  it('does not retry a refused permission: trying again cannot help', async () => {
    installFake();
    const upload = planUpload([await exportOf(3)], 'en');
    const sleeps: number[] = [];
    const call = vi.fn(async () => {
      throw new ServerError('importChunk', 'ScriptError: PERMISSION_DENIED');
    });
    const outcome = await runUpload(upload, { call, sleep: async (ms) => void sleeps.push(ms), retryDelaysMs: [1, 1, 1] });
    expect(outcome.status).toBe('failed');
    expect(call).toHaveBeenCalledTimes(1);
    expect(sleeps).toEqual([]);
  });
});
