/**
 * A file's bytes → raw tables of text cells: one per CSV/TXT file, one per
 * sheet of an XLSX. Uses the universal read-excel-file entry (Blob or
 * ArrayBuffer in), so the same code runs in Node, the browser and the server.
 */
import readXlsxFile from 'read-excel-file/universal';
import { decodeBytes } from './decode';
import { parseDelimitedTable } from './delimited';
import type { ParseProblem } from './brokenQuotes';
import { t } from '../i18n';
import type { Language } from '../core/types';
import type { SourceFile, TextEncoding } from './types';

/** One table of text cells, as read; row i is row i + 1 of the file. */
export interface RawTable {
  file: string;
  sheet: string | null;
  encoding: TextEncoding | 'xlsx';
  rows: string[][];
  /** The delimiter of a CSV/TXT file (`;` files write decimal commas); absent for XLSX. */
  delimiter?: string;
  /** Rows that stand for a line the parser could not read (a runaway quote): each becomes a rejection. */
  problems?: ParseProblem[];
}

/** An XLSX (any zip) starts with `PK\x03\x04`. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text: dates as wall-clock `YYYY-MM-DD HH:mm:ss` (their UTC parts), numbers as String(n). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const d = value;
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Past 2^53 a number's last digits are not the file's (Excel keeps 15): E notation says so, and marks an ID as damaged.
  if (typeof value === 'number' && Math.abs(value) > Number.MAX_SAFE_INTEGER) return value.toExponential().toUpperCase();
  return String(value);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * Every table of a file (or only the sheet `opts.sheet` of an XLSX).
 * Throws only when an XLSX cannot be read at all, or a text file's quotes are
 * broken beyond recovery (a message the caller shows as the file's refusal).
 */
export async function readTables(file: SourceFile, opts: { encoding?: TextEncoding; sheet?: string; language?: Language } = {}): Promise<RawTable[]> {
  if (isZip(file.bytes)) {
    const sheets = await readXlsxFile(toArrayBuffer(file.bytes), { trim: false });
    return sheets
      .filter((s) => opts.sheet === undefined || s.sheet === opts.sheet)
      .map((s) => ({
        file: file.name,
        sheet: s.sheet,
        encoding: 'xlsx' as const,
        rows: s.data.map((row) => row.map(cellText)),
      }));
  }
  const { text, encoding } = decodeBytes(file.bytes, opts.encoding);
  const parsed = parseDelimitedTable(text);
  if (parsed.hopeless) {
    const first = parsed.problems[0];
    throw new Error(t(opts.language ?? 'en', 'import.refuse.quotes', { count: parsed.problems.length, line: first?.line ?? 1 }));
  }
  return [{ file: file.name, sheet: null, encoding, rows: parsed.rows, delimiter: parsed.delimiter, problems: parsed.problems }];
}
