/**
 * Reads a chosen file without freezing the sidebar: the bytes come a slice at
 * a time (with progress), and the decoding, parsing and recognising run in a
 * Web Worker started from this very script (the sidebar is one inline
 * script, so there is no other file to load). Where no worker can start, the
 * same steps run in the page.
 */
import { readTables } from '../../import';
import type { Language } from '../../i18n';
import { newTableState, type TableState } from './tables';

const SLICE_BYTES = 4 * 1024 * 1024;

export interface ReadProgress {
  phase: 'bytes' | 'parse';
  read: number;
  size: number;
}

export interface FileRead {
  fileKey: string;
  states: TableState[];
}

type NamedBlob = Blob & { readonly name: string };

/** FNV-1a (32 bit) over the bytes, continued from `hash`: enough to tell two files apart, fast on 50 MB. */
export function fnv1a(bytes: Uint8Array, hash = 0x811c9dc5): number {
  let h = hash;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The file's bytes, read a slice at a time, and a key naming it by name, size and content. */
async function readInSlices(file: NamedBlob, onProgress: (p: ReadProgress) => void): Promise<{ bytes: Uint8Array; fileKey: string }> {
  const bytes = new Uint8Array(file.size);
  let hash = 0x811c9dc5;
  for (let at = 0; at < file.size; at += SLICE_BYTES) {
    const part = new Uint8Array(await file.slice(at, at + SLICE_BYTES).arrayBuffer());
    bytes.set(part, at);
    hash = fnv1a(part, hash);
    onProgress({ phase: 'bytes', read: Math.min(at + SLICE_BYTES, file.size), size: file.size });
  }
  return { bytes, fileKey: `${file.name}|${file.size}|${hash.toString(16)}` };
}

/** Reads, decodes and recognises one file: a fresh card state per table it holds. */
async function readFileTables(file: NamedBlob, lang: Language, onProgress: (p: ReadProgress) => void): Promise<FileRead> {
  const { bytes, fileKey } = await readInSlices(file, onProgress);
  onProgress({ phase: 'parse', read: file.size, size: file.size });
  const raws = await readTables({ name: file.name, bytes }, { language: lang });
  return { fileKey, states: raws.map((raw, i) => newTableState(`read${i}`, raw, lang, fileKey)) };
}

type Request = { id: number; file: NamedBlob; lang: Language };
type Reply = { id: number; kind: 'progress'; progress: ReadProgress } | { id: number; kind: 'done'; read: FileRead } | { id: number; kind: 'error'; message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(reply: Reply): void;
}

/** The worker's side: answers each file sent with progress, then its tables or why it could not be read. */
export function serveReads(scope: WorkerScope): void {
  scope.onmessage = (event) => {
    const { id, file, lang } = event.data;
    readFileTables(file, lang, (progress) => scope.postMessage({ id, kind: 'progress', progress })).then(
      (read) => scope.postMessage({ id, kind: 'done', read }),
      (error: unknown) => scope.postMessage({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  };
}

export type ReadFile = (file: File, lang: Language, onProgress: (p: ReadProgress) => void) => Promise<FileRead>;

/**
 * A reader that uses a worker running `script` (this bundle's own source),
 * or reads in the page when there is none or it breaks.
 */
export function fileReader(script: string | null): ReadFile {
  // Started on the first file, so a sidebar opened and closed costs no worker.
  let worker: Worker | null | undefined;
  const startWorker = (): Worker | null => {
    try {
      if (script && typeof Worker !== 'undefined' && typeof URL !== 'undefined' && URL.createObjectURL) {
        return new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })));
      }
    } catch {
      // A sandbox that refuses blob workers: read in the page.
    }
    return null;
  };
  let nextId = 1;
  return (file, lang, onProgress) => {
    if (worker === undefined) worker = startWorker();
    const w = worker;
    if (!w) return readFileTables(file, lang, onProgress);
    const id = nextId++;
    return new Promise<FileRead>((resolve, reject) => {
      const stop = () => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onBroken);
        w.removeEventListener('messageerror', onBroken);
      };
      const onMessage = (event: MessageEvent<Reply>) => {
        const reply = event.data;
        if (reply.id !== id) return;
        if (reply.kind === 'progress') return onProgress(reply.progress);
        stop();
        if (reply.kind === 'done') resolve(reply.read);
        else reject(new Error(reply.message));
      };
      const onBroken = (event: Event) => {
        // The worker itself failed (not the file): drop it and read in the page.
        event.preventDefault();
        stop();
        worker = null;
        w.terminate();
        readFileTables(file, lang, onProgress).then(resolve, reject);
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onBroken);
      w.addEventListener('messageerror', onBroken);
      w.postMessage({ id, file, lang } satisfies Request);
    });
  };
}
