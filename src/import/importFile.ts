/**
 * One file in, every table it holds out: read → detect → records. An XLSX
 * sheet whose header is not recognised is listed as refused (skipped), never
 * an error for the whole file.
 */
import { t } from '../i18n';
import type { IsoDate, Language } from '../core/types';
import { detectTable } from './detect';
import { recordsFromTable } from './records';
import { internalDetail, isZip, readTables, UnreadableFile, type RawTable } from './tables';
import type { ImportResult, RecordKind, SourceFile, TextEncoding } from './types';

export interface RefusedTable {
  sheet: string | null;
  reason: string;
  /** True when the sheet or file is damaged (not merely a sheet that holds no table). */
  damaged?: boolean;
  /** The program's own error behind a refusal, for a debug line (never the user's reason). */
  detail?: string;
  headersSeen: string[];
  expected: string[];
}

export interface FileImport {
  file: string;
  tables: ImportResult[];
  refused: RefusedTable[];
}

export interface ImportOptions {
  encoding?: TextEncoding;
  sheet?: string;
  kind?: RecordKind;
  mapping?: Record<string, string>;
  /** The user's pick of the day of a table without a date column: wins over a title or file-name day. */
  date?: IsoDate;
  /** A day for tables that have none at all (no date column, title or file name): the CLI's `--import-date`. */
  fallbackDate?: IsoDate;
  language?: Language;
}

export async function importFile(file: SourceFile, opts: ImportOptions = {}): Promise<FileImport> {
  const language = opts.language ?? 'en';
  const result: FileImport = { file: file.name, tables: [], refused: [] };
  let tables: RawTable[];
  try {
    tables = await readTables(file, { encoding: opts.encoding, sheet: opts.sheet, language });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = isZip(file.bytes) ? t(language, 'import.refuse.unreadable', { error: message }) : message;
    const detail = error instanceof UnreadableFile ? error.detail : undefined;
    result.refused.push({ sheet: null, reason, damaged: true, detail, headersSeen: [], expected: [] });
    return result;
  }
  if (tables.length === 0 && opts.sheet !== undefined) {
    result.refused.push({ sheet: opts.sheet, reason: t(language, 'import.refuse.noSheet', { sheet: opts.sheet }), headersSeen: [], expected: [] });
  }
  for (const raw of tables) {
    if (raw.unreadable) {
      result.refused.push({ sheet: raw.sheet, reason: raw.unreadable, damaged: true, headersSeen: [], expected: [] });
      continue;
    }
    try {
      const outcome = detectTable(raw, { kind: opts.kind, mapping: opts.mapping, language });
      if (outcome.ok) result.tables.push(recordsFromTable(raw, outcome.detection, { date: opts.date ?? (outcome.detection.date === null ? opts.fallbackDate : undefined), language }));
      else result.refused.push({ sheet: raw.sheet, reason: outcome.reason, headersSeen: outcome.headersSeen, expected: outcome.expected });
    } catch (error) {
      // A fault of the program on one table costs that table, said in words; the others are read.
      result.refused.push({ sheet: raw.sheet, reason: t(language, 'import.refuse.internal'), damaged: true, detail: internalDetail(error), headersSeen: [], expected: [] });
    }
  }
  return result;
}
