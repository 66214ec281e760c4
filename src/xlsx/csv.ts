/**
 * The machine CSV of a tab (SPEC §6): UTF-8 with BOM, comma-separated, one
 * header row, plain values, blank for an empty value.
 */
import type { CsvTable, SpecValue } from '../reports/types';

const BOM = '\uFEFF';

/**
 * Line ending of every record, the last one included. LF rather than RFC
 * 4180's CRLF: Excel, LibreOffice, pandas and papaparse read both, and LF
 * keeps the files diff-friendly; quoted fields may still hold CR or LF.
 */
export const CSV_EOL = '\n';

/**
 * The CSV text of a table: BOM, header, then one line per row, each record
 * ending in `CSV_EOL`. Fields holding a comma, a double quote, CR or LF are
 * quoted, inner quotes doubled (RFC 4180); formula-like text gets a leading
 * `'` (see formulaSafe). null → empty; numbers as the
 * producer rounded them, never in exponent notation (1e-7 → 0.0000001);
 * NaN/±Infinity → empty; booleans `true`/`false`. The table is not mutated.
 * @example csvText({ fileName: 'x.csv', header: ['Agent', 'Paid'], rows: [['A, B', 3]] })
 * // '\uFEFFAgent,Paid\n"A, B",3\n'
 */
export function csvText(table: CsvTable): string {
  const lines = [table.header.map(csvField), ...table.rows.map((row) => row.map(csvField))];
  return BOM + lines.map((fields) => fields.join(',') + CSV_EOL).join('');
}

/** One field, quoted when it needs to be. */
export function csvField(value: SpecValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = formulaSafe(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Text a spreadsheet would run as a formula when it opens the CSV (CSV
 * injection): `=`, `+`, `-`, `@`, tab or CR first. OWASP's defence is a
 * leading `'`, which Excel and LibreOffice show as text; a plain number
 * (`-12.5`) is data and stays as written.
 * @example formulaSafe('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`
 * @example formulaSafe('-12.5') // '-12.5'
 */
export function formulaSafe(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/**
 * A finite number in plain decimal notation with the shortest digits that
 * round-trip (String's digits, without its exponent form); '' when not finite.
 * @example plainNumber(1.5e-7) // '0.00000015'
 * @example plainNumber(1e21) // '1000000000000000000000'
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', expText] = m;
  const digits = lead + frac;
  const exp = Number(expText);
  // Position of the decimal point counted from the start of `digits`.
  const point = 1 + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
