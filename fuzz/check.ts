/**
 * One case of a campaign: the mutant imported, then held against the seed's
 * own import. Checks: nothing thrown, every table's rows accounted for
 * (accepted + rejected + skipped = rows read), no program error text in a
 * reason, and no record of the seed lost or changed beyond the rows the
 * change touched (a change to a header or title line may cost its table).
 */
import { importFile, type FileImport } from '../src/import';
import type { Mutant } from './mutate';

export interface CaseOutcome {
  /** The error thrown out of the import, if any. */
  thrown: string | null;
  /** Rows read minus rows accounted for, summed over the tables (absolute). */
  unaccounted: number;
  /** Records of the seed missing or changed beyond the rows the change touched. */
  lost: number;
  /** Reasons that carry a program's error text. */
  internal: string[];
}

/** Program error text: what a user must never read as a reason. */
const INTERNAL = /TypeError|RangeError|SyntaxError|ReferenceError|Cannot (read|set) propert|of undefined|of null|\(reading '|\(setting '|is not a function|is not iterable|Maximum call stack|Invalid (array|typed array|string) length|\.(js|ts|mjs):\d+/;

/** A record without the fields that say where it stood (a deleted line moves every row after it). */
function recordKey(record: object): string {
  return JSON.stringify(record, (key, value) => (key === 'row' || key === 'rows' || key === 'line' ? undefined : value));
}

function recordsOf(result: FileImport): Map<string, { keys: Map<string, number>; headerRow: number }> {
  const tables = new Map<string, { keys: Map<string, number>; headerRow: number }>();
  for (const table of result.tables) {
    const keys = new Map<string, number>();
    for (const r of [...table.agentDays, ...table.shopDays, ...table.consultations, ...table.orders]) {
      const key = recordKey(r);
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
    tables.set(table.sheet ?? '', { keys, headerRow: table.headerRow });
  }
  return tables;
}

export async function importOf(name: string, bytes: Uint8Array): Promise<FileImport> {
  return importFile({ name, bytes }, { language: 'en' });
}

export function checkCase(seedResult: FileImport, mutant: Mutant, result: FileImport): CaseOutcome {
  let unaccounted = 0;
  for (const t of result.tables) {
    const accounted = t.agentDays.length + t.shopDays.length + t.consultations.length + t.orders.length + t.rejected.length + t.skipped.length;
    unaccounted += Math.abs(accounted - (t.rowsRead + t.headerRow - 1));
  }
  const internal = [...result.tables.flatMap((t) => t.rejected.map((r) => r.reason)), ...result.refused.map((r) => r.reason)].filter((reason) => INTERNAL.test(reason));
  let lost = 0;
  if (mutant.rows !== null) {
    const before = recordsOf(seedResult);
    const after = recordsOf(result);
    for (const [sheet, table] of before) {
      const changed = mutant.sheet === null || sheet === mutant.sheet;
      // A change on the header or a title line above it may cost the table: the import cannot know its columns.
      if (changed && mutant.rows.some((row) => row < table.headerRow)) continue;
      const now = after.get(sheet)?.keys ?? new Map<string, number>();
      let missing = 0;
      for (const [key, count] of table.keys) missing += Math.max(0, count - (now.get(key) ?? 0));
      lost += Math.max(0, missing - (changed ? mutant.rows.length : 0));
    }
  }
  return { thrown: null, unaccounted, lost, internal };
}
