/**
 * A file's bytes → raw tables of text cells, whatever the file's name says:
 * an XLSX gives one table per sheet (its own bounded reader: damaged cells
 * are listed, not thrown), a BIFF .xls one per worksheet, an Excel 2003 XML one per
 * worksheet, a web page saved as .xls one per <table>, anything else is
 * decoded text (CSV/TSV). Every reader takes bytes, so the same code runs in
 * Node, in the browser and on the server.
 */
import type { Language } from '../core/types';
import { t } from '../i18n';
import { decodeBytes } from './decode';
import { parseDelimitedTable } from './delimited';
import type { ParseProblem } from './brokenQuotes';
import { detectFormat, FormatError, isZip, type FileFormat } from './formats';
import { htmlTables } from './htmlTables';
import { readXls } from './xls';
import { dateText, numberText } from './xlsCells';
import { readXlsx } from './xlsx';
import { ZipProblem } from './zipEntries';
import { readSpreadsheetXml } from './xlsXml2003';
import type { CellDamage, SourceFile, TableEncoding, TextEncoding } from './types';

export { isZip };

/** One table of text cells, as read; row i is row i + 1 of the file. */
export interface RawTable {
  file: string;
  sheet: string | null;
  /** The text encoding, or the spreadsheet format the cells came from. */
  encoding: TableEncoding;
  rows: string[][];
  /** The delimiter of a CSV/TXT file (`;` files write decimal commas); absent for workbooks. */
  delimiter?: string;
  /** Rows that stand for a line the parser could not read (a runaway quote): each becomes a rejection. */
  problems?: ParseProblem[];
  /** False when the decoded text holds no replacement character (U+FFFD), so no row needs checking for one. */
  hasReplacementChars?: boolean;
  /** The sheet row number of each row, when it is not its index + 1 (a workbook's long blank gaps are left out). */
  rowNumbers?: number[];
  /** Cells and rows of a workbook that could not be read: each rejects its row when the import reads it. */
  damage?: CellDamage[];
  /** Why a sheet could not be read at all (the reason, in the caller's language); its rows are then empty. */
  unreadable?: string;
}

/** A cell as text: dates as wall-clock `YYYY-MM-DD` or `YYYY-MM-DD HH:mm:ss` (their UTC parts), numbers as String(n). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return numberText(value);
  return String(value);
}

export interface ReadOptions {
  encoding?: TextEncoding;
  sheet?: string;
  /** The language of the messages of an unreadable file. */
  language?: Language;
}

type Sheet = { name: string | null; rows: string[][]; rowNumbers?: number[]; damage?: CellDamage[]; unreadable?: string };

function xlsxSheets(bytes: Uint8Array, language: Language): Sheet[] {
  try {
    return readXlsx(bytes).map((s) => ({
      ...s,
      unreadable: s.unreadable && t(language, 'import.sheet.unreadable', { detail: t(language, s.unreadable) }),
    }));
  } catch (error) {
    if (error instanceof ZipProblem) throw new FormatError('import.format.damaged', { format: 'XLSX', detail: t(language, `import.zip.${error.code}`) });
    throw error;
  }
}

function markupSheets(format: 'xml' | 'html', bytes: Uint8Array, encoding?: TextEncoding): Sheet[] {
  const { text } = decodeBytes(bytes, encoding);
  if (format === 'xml') return readSpreadsheetXml(text);
  const tables = htmlTables(text);
  if (tables.length === 0) throw new FormatError('import.format.noTable');
  // A page with one table is one sheet; several are told apart by their order.
  return tables.map((rows, i) => ({ name: tables.length === 1 ? null : `#${i + 1}`, rows }));
}

async function sheetsOf(format: Exclude<FileFormat, 'text' | 'binary'>, file: SourceFile, opts: ReadOptions): Promise<Sheet[]> {
  if (format === 'xlsx') return xlsxSheets(file.bytes, opts.language ?? 'en');
  if (format === 'xls') return readXls(file.bytes);
  return markupSheets(format, file.bytes, opts.encoding);
}

const MAX_PADDED_CELLS = 2_000_000;

/** A file that cannot be read: the message is the user's reason; `detail` is the program's error, for a debug line. */
export class UnreadableFile extends Error {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

/** An unexpected error as one line for a debug log (its message and where it was thrown). */
export function internalDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const where = error.stack?.split('\n').find((l) => /^\s+at /.test(l))?.trim();
  return where ? `${error.name}: ${error.message} (${where})` : `${error.name}: ${error.message}`;
}

const FORMAT_NAMES: Record<Exclude<FileFormat, 'text' | 'binary'>, string> = { xlsx: 'XLSX', xls: 'XLS', xml: 'Excel XML', html: 'HTML' };

/**
 * Every table of a file (or only the sheet `opts.sheet` of a workbook).
 * Throws, with a message in `opts.language`, only when a workbook or page
 * cannot be read at all, or a text file's quotes are broken beyond recovery
 * (the caller turns that into a refusal).
 */
export async function readTables(file: SourceFile, opts: ReadOptions = {}): Promise<RawTable[]> {
  const format = detectFormat(file.bytes);
  if (format === 'binary') throw new Error(t(opts.language ?? 'en', 'import.format.binary'));
  if (format === 'text') {
    const { text, encoding } = decodeBytes(file.bytes, opts.encoding);
    const parsed = parseDelimitedTable(text);
    if (parsed.hopeless) {
      const first = parsed.problems[0];
      throw new Error(t(opts.language ?? 'en', 'import.refuse.quotes', { count: parsed.problems.length, line: first?.line ?? 1 }));
    }
    return [{ file: file.name, sheet: null, encoding, rows: parsed.rows, delimiter: parsed.delimiter, problems: parsed.problems, hasReplacementChars: text.includes('\uFFFD') || text.includes('\u0000') }];
  }
  let sheets: Sheet[];
  try {
    sheets = await sheetsOf(format, file, opts);
  } catch (error) {
    const language = opts.language ?? 'en';
    if (error instanceof FormatError) throw new Error(t(language, error.key, error.params));
    // The program's own message is for a debug line; the user reads what happened in words.
    throw new UnreadableFile(t(language, 'import.format.damaged', { format: FORMAT_NAMES[format], detail: t(language, 'import.internal') }), internalDetail(error));
  }
  return sheets
    .filter((s) => opts.sheet === undefined || s.name === null || s.name === opts.sheet)
    .map((s) => {
      // Every row as wide as the widest, whichever reader gave them; not when one far-off
      // cell (a hostile file) would make that millions of blanks: ragged rows read the same.
      const width = s.rows.reduce((max, r) => Math.max(max, r.length), 0);
      if (width * s.rows.length <= MAX_PADDED_CELLS) for (const row of s.rows) while (row.length < width) row.push('');
      return { file: file.name, sheet: s.name, encoding: format, rows: s.rows, rowNumbers: s.rowNumbers, damage: s.damage, unreadable: s.unreadable };
    });
}
