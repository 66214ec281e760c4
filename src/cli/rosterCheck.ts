/**
 * A roster with one agent ID on two people, or one name twice, is refused
 * before anything is computed: paying from it would give both people the
 * same commission, or let the last row win silently.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Language } from '../core/types';
import { readRoster } from '../import';
import { t } from '../i18n';

/** The lines explaining why the roster is refused (each duplicate row, then the refusal), or none. */
export function rosterRefusal(path: string, lang: Language): string[] {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    return []; // an unreadable roster is reported where the roster is loaded
  }
  const { duplicates } = readRoster({ name: basename(path), bytes }, lang);
  if (duplicates.length === 0) return [];
  return [
    ...duplicates.map((r) => t(lang, 'cli.rejection', { file: r.file, row: r.row, column: r.column ? ` (${r.column})` : '', reason: r.reason })),
    t(lang, 'cli.error.rosterDuplicates', { file: basename(path) }),
  ];
}
