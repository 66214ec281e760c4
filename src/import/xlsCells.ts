/**
 * What every spreadsheet reader (XLSX, BIFF .xls, SpreadsheetML, HTML tables)
 * agrees on when a cell becomes text: date serials and date formats, error
 * codes, and merged ranges. Kept in one place so the four readers hand the
 * rest of the import the same text for the same cell.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A number cell as text: String(n), but past 2^53 in E notation. Such a
 * number's last digits are not the file's (Excel keeps 15), and E notation
 * marks an order ID stored as a number as damaged (orderIds.ts).
 */
export function numberText(value: number): string {
  return Math.abs(value) > Number.MAX_SAFE_INTEGER ? value.toExponential().toUpperCase() : String(value);
}

/** Serial of 1970-01-01 in the 1900 date system; the 1904 system is 1462 days later. */
const SERIAL_EPOCH_1900 = 25569;
const DAYS_1904_OFFSET = 1462;
const MS_PER_DAY = 86_400_000;

/** Wall-clock text of a date: `YYYY-MM-DD` for a whole day, else `YYYY-MM-DD HH:mm:ss`; its UTC parts are the wall clock. */
export function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  // A serial day fraction lands a hair off the second (…:57.9996); Excel shows the nearest second.
  const date = new Date(Math.round(value.getTime() / 1000) * 1000);
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  // Excel's day 0 (1899-12-30/31) carries a time of day or a duration (平均响应时长 00:08:48), not a date.
  if (date.getUTCFullYear() < 1900) return time;
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return time === '00:00:00' ? day : `${day} ${time}`;
}

/** A date-formatted serial number as date text (seconds rounded, as Excel shows them). */
export function serialDateText(serial: number, date1904 = false): string {
  if (!Number.isFinite(serial) || serial < 0) return String(serial);
  const days = serial - SERIAL_EPOCH_1900 + (date1904 ? DAYS_1904_OFFSET : 0);
  const ms = Math.round((days * MS_PER_DAY) / 1000) * 1000;
  return dateText(new Date(ms));
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, and the CJK ids 27–36, 50–58). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a number format shows a date or time: a built-in date id, or a code with y/m/d/h/s outside quotes and brackets. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILTIN_DATE_FORMATS.has(id)) return true;
  if (!code) return false;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** BIFF error codes (MS-XLS 2.5.97) → the text Excel shows. */
export const BIFF_ERRORS: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** One merged range, 0-based and inclusive. */
export interface MergedRange {
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

/** `B3:C5` → a 0-based range; null when it is not one. */
export function rangeOfRef(ref: string): MergedRange | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(ref.trim());
  if (!m) return null;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { firstRow: +m[2] - 1, lastRow: +m[4] - 1, firstCol: col(m[1]), lastCol: col(m[3]) };
}

/**
 * Gives the rows under a vertically merged cell its value, in place: a hand-made
 * sheet merges an agent's (or a day's) cell over that agent's rows, and each of
 * those rows must still name the agent. Merges across columns stay in their
 * first cell so titles and grouped headers are not repeated.
 */
export function fillMergedDown(rows: string[][], ranges: readonly MergedRange[]): void {
  for (const range of ranges) {
    const value = rows[range.firstRow]?.[range.firstCol] ?? '';
    if (value === '' || range.lastRow <= range.firstRow) continue;
    for (let r = range.firstRow + 1; r <= range.lastRow && r < rows.length; r++) {
      const row = rows[r];
      while (row.length <= range.firstCol) row.push('');
      if (row[range.firstCol] === '') row[range.firstCol] = value;
    }
  }
}

/** Sets one cell of a grid, growing it with blank cells as needed. */
export function setCell(rows: string[][], row: number, col: number, text: string): void {
  while (rows.length <= row) rows.push([]);
  const cells = rows[row];
  while (cells.length < col) cells.push('');
  cells[col] = text;
}
