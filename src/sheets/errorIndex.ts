/**
 * Where each imported file's lines are in the import-errors tab, so that a
 * file's import reads and rewrites its own lines, not the whole tab. A hidden
 * tab holds in A1 the last errors row it accounts for, and in row 2 + b
 * bucket b: the row runs of every file (and sheet) whose name hashes to b, as
 * JSON. A lookup reads two cells whatever
 * the tab's age. Like the day index it is a cache, never the truth: rows past
 * the covered ones are indexed when next met, and a row not of the file the
 * index says makes the caller index the tab again from one full read.
 */
import type { MessageKey } from '../i18n';
import { readText, textCell } from './cells';
import { addRun, formatRuns, parseRuns, type Run } from './dayIndex';
import { findTab, insertDataTab, sheetTimeZone, writeBlock } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const ERROR_INDEX_TAB: MessageKey = 'tab.errorsIndex';
/** Buckets of the index: a file's lookup reads one; ten years of five files a day put about 18 files in each. */
export const BUCKETS = 1024;

export interface ErrorIndex {
  /** The last errors-tab row the index accounts for (1: the header, none). */
  covered: number;
  /** A write that rewrites forgotten rows began and did not end (see markUnsettled): the tab may hold a line twice. */
  unsettled: boolean;
  /** Buckets read (or rebuilt), by number: file key → runs. */
  buckets: Map<number, Map<string, Run[]>>;
  dirty: Set<number>;
  /** Every bucket is in memory (the index was rebuilt): all are written. */
  whole: boolean;
}

/** A file's (and sheet's) key in the index. */
export const fileKey = (file: string, sheet: string | null) => `${file}\u0000${sheet ?? ''}`;

/** FNV-1a of the key, to its bucket. */
export function bucketOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % BUCKETS;
}

const cellText = (v: unknown, tz: string) => readText(v, tz).replace(/^'/, '');

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The index's head (one cell): the rows it covers. With no index tab, it covers nothing. */
export function readErrorIndex(ss: Spreadsheet): ErrorIndex & { exists: boolean } {
  const sheet = findTab(ss, ERROR_INDEX_TAB);
  const index = { covered: 1, unsettled: false, buckets: new Map(), dirty: new Set<number>(), whole: false, exists: sheet !== null };
  if (!sheet) return index;
  const head = parseJson(cellText(sheet.getRange(1, 1).getValue(), sheetTimeZone(ss)));
  index.covered = typeof head.covered === 'number' && head.covered >= 1 ? head.covered : 1;
  index.unsettled = head.unsettled === true;
  return index;
}

function bucket(ss: Spreadsheet, index: ErrorIndex, b: number): Map<string, Run[]> {
  const loaded = index.buckets.get(b);
  if (loaded) return loaded;
  const runs = new Map<string, Run[]>();
  const sheet = index.whole ? null : findTab(ss, ERROR_INDEX_TAB);
  if (sheet && sheet.getMaxRows() >= b + 2) {
    for (const [key, text] of Object.entries(parseJson(cellText(sheet.getRange(b + 2, 1).getValue(), sheetTimeZone(ss))))) {
      if (typeof text === 'string') runs.set(key, parseRuns(text));
    }
  }
  index.buckets.set(b, runs);
  return runs;
}

/** The errors-tab runs of a file (one cell read the first time its bucket is asked for). */
export function runsOfFile(ss: Spreadsheet, index: ErrorIndex, key: string): Run[] {
  return bucket(ss, index, bucketOf(key)).get(key) ?? [];
}

export function setRunsOfFile(ss: Spreadsheet, index: ErrorIndex, key: string, runs: Run[]): void {
  const b = bucketOf(key);
  const map = bucket(ss, index, b);
  if (runs.length === 0) map.delete(key);
  else map.set(key, runs);
  index.dirty.add(b);
}

/** Forgets every bucket: the caller indexes the tab again from a full read (see indexRow). */
export function startOver(index: ErrorIndex): void {
  index.buckets.clear();
  index.dirty.clear();
  index.covered = 1;
  index.unsettled = false;
  index.whole = true;
}

/** Records one errors-tab row: a file's line (its key), or a blank row (null). */
export function indexRow(ss: Spreadsheet, index: ErrorIndex, row: number, key: string | null): void {
  if (key !== null) setRunsOfFile(ss, index, key, addRun(runsOfFile(ss, index, key), row, row));
  index.covered = Math.max(index.covered, row);
}

/** A file's line moved from one row to another. */
export function moveRow(ss: Spreadsheet, index: ErrorIndex, key: string, from: number, to: number): void {
  const runs = runsOfFile(ss, index, key).flatMap(([a, b]): Run[] => (from < a || from > b ? [[a, b]] : [...(a < from ? [[a, from - 1] as Run] : []), ...(from < b ? [[from + 1, b] as Run] : [])]));
  setRunsOfFile(ss, index, key, addRun(runs, to, to));
}

function indexTab(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  let sheet = findTab(ss, ERROR_INDEX_TAB);
  if (!sheet) {
    sheet = insertDataTab(ss, ERROR_INDEX_TAB, 1);
    sheet.hideSheet();
  }
  return sheet;
}

/**
 * Marks the index unsettled before a write that gives forgotten rows other
 * lines (a re-import's, or copies of the tab's last lines, whose rows are cut
 * after): cut in between, the tab can hold a line twice, so the next write of
 * the tab, whichever file it is for, indexes it again from one full read and
 * frees the copies. writeErrorIndex, the write's last step, settles it.
 */
export function markUnsettled(ss: Spreadsheet): void {
  writeBlock(indexTab(ss), 1, 1, [[textCell(JSON.stringify({ covered: 1, unsettled: true }))]]);
}

/** Writes the head and the buckets that changed (all of them after startOver, in one write). */
export function writeErrorIndex(ss: Spreadsheet, index: ErrorIndex): void {
  const sheet = indexTab(ss);
  const cell = (b: number) => {
    const runs = index.buckets.get(b);
    if (!runs || runs.size === 0) return '';
    return textCell(JSON.stringify(Object.fromEntries([...runs].map(([key, r]) => [key, formatRuns(r)]))));
  };
  // The buckets before the head: a failure between leaves rows past `covered`, which the next write indexes again.
  if (index.whole) writeBlock(sheet, 2, 1, Array.from({ length: BUCKETS }, (_, b) => [cell(b)]));
  else for (const b of [...index.dirty].sort((x, y) => x - y)) writeBlock(sheet, b + 2, 1, [[cell(b)]]);
  writeBlock(sheet, 1, 1, [[textCell(JSON.stringify({ covered: index.covered }))]]);
  index.dirty.clear();
  index.whole = false;
}
