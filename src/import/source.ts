/**
 * Which report a table is. The same 赤兔 report arrives every day under a new
 * file name (`自定义报表_人均日接入_…_2026-04-20至2026-04-20.xlsx`) or as the same
 * sheet of another workbook, so its identity is what it contains: the fields
 * its columns map to. Re-importing a report replaces that report's figures and
 * nothing else; two different reports of one day merge (core/exportMerge).
 */
import type { RecordKind } from './types';

/** FNV-1a, 32 bits: short, stable across runtimes, no crypto needed for a signature. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Dates, ranges and copy counters say which day or which download, not which report. */
const NOT_THE_REPORT = /(\d{4}[-_./年]?\d{1,2}[-_./月]?\d{1,2}日?)|至|~|\(\d+\)|（\d+）|\.[a-z0-9]+$/gi;

export function reportSource(kind: RecordKind, mapping: Record<string, string>, file: string, sheet: string | null): { source: string; report: string } {
  const fields = Object.keys(mapping).sort().join(',');
  const name = sheet ?? file.replace(NOT_THE_REPORT, '').replace(/[_\s-]+$/g, '').replace(/^[_\s-]+/, '');
  return { source: `${kind}:${fnv1a(fields)}`, report: name || file };
}
