/** The corpus manifest (test/corpus/manifest.json, written by scripts/make-corpus.mjs) and its types. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordKind } from '../../src/import';

export const CORPUS_DIR = __dirname;
export const CORPUS_FILES = join(__dirname, 'files');

export interface TableCounts {
  sheet: string | null;
  kind: RecordKind;
  /** Rows of the table but its header, title lines above it included. */
  read: number;
  accepted: number;
  rejected: number;
  skipped: number;
}

export interface RunCounts {
  read: number;
  stored: number;
  replaced: number;
  rejected: number;
  skipped: number;
}

export interface CorpusCase {
  file: string;
  covers: string;
  role: 'data' | 'roster' | 'events' | 'rules';
  import?: {
    tables: (TableCounts & { agents?: string[]; amountTotal?: number })[];
    /** Fragments of each refusal's reason (a file or sheet that is no table), in order. */
    refused: string[];
    /** Fragments that some rejection reason must hold. */
    messages: string[];
  };
  cli: {
    /** Corpus file names (optionally `name@YYYY-MM-DD`) and options; the runner adds --out. */
    args: string[];
    exit: number;
    /** The run's counts line; null when the CLI stops before reading the data (a refused roster). */
    counts: RunCounts | null;
    messages: string[];
    /** Fragments the console must not hold. */
    absent?: string[];
    /** Fragments that import-errors.csv must hold. */
    errors?: string[];
  };
  known_bug?: string;
  /** When only one half shows the bug. */
  known_bug_part?: 'import' | 'cli';
}

export const MANIFEST: CorpusCase[] = JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8'));
