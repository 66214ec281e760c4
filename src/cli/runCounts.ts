/**
 * The run's row accounting, printed once per CLI run: every row read (all rows
 * of each imported table but its header) is stored, replaced by a later row
 * with the same key, rejected or skipped, and the four add up.
 */
import type { Language } from '../core/types';
import type { ImportResult } from '../import';
import { t } from '../i18n';

export interface RunCounts {
  read: number;
  stored: number;
  replaced: number;
  /** Of the replaced rows, those identical to the row kept. */
  identical: number;
  /** Keys met with different values (one import-error line each). */
  conflicts: number;
  rejected: number;
  skipped: number;
}

/**
 * @param tables every imported table of the run
 * @param stored records left after duplicate keys were merged
 */
export function runCounts(tables: readonly ImportResult[], stored: number, merged: { identical: number; conflicts: number }): RunCounts {
  let read = 0;
  let accepted = 0;
  let rejected = 0;
  let skipped = 0;
  for (const table of tables) {
    // Rows above the header (titles, blank lines) are read and skipped too.
    read += table.rowsRead + table.headerRow - 1;
    accepted += table.recordRows?.length ?? 0;
    rejected += table.rejected.length;
    skipped += table.skipped.length;
  }
  return { read, stored, replaced: accepted - stored, identical: merged.identical, conflicts: merged.conflicts, rejected, skipped };
}

/** The summary lines: the counts, and what the replaced rows were. */
export function runCountLines(counts: RunCounts, lang: Language): string[] {
  const lines = [t(lang, 'cli.runCounts', { ...counts })];
  if (counts.replaced > 0) lines.push(t(lang, counts.conflicts > 0 ? 'cli.replaced' : 'cli.replacedNoConflict', { ...counts }));
  return lines;
}
