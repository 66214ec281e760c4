/**
 * One worksheet's XML → a grid of text cells whose cost follows the cells the
 * sheet holds, never a number written in it. A cell or row that cannot be
 * placed or read (a reference past XFD1048576 or not letters + digits, a row
 * out of order, a cell outside the stated range, a value that is not what its
 * type says) is a damage of that cell or row; the rest of the sheet reads on.
 */
import type { MessageKey } from '../i18n';
import type { CellDamage } from './types';
import { cellValue, shown } from './xlsxCell';
import { attribute } from './xlsxWorkbook';
import type { WorkbookParts } from './xlsxWorkbook';
import { type MergedRange, rangeOfRef } from './xlsCells';

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;
/** Up to this many missing rows between two rows are read as blank rows (as a spreadsheet shows them); a longer gap costs nothing and is left out. */
const GAP_KEPT = 100;
/** Blank cells a row may be padded with to reach its next cell, over the sheet, beyond four per cell held. */
const PAD_BUDGET = 4_000_000;

export interface SheetGrid {
  rows: string[][];
  /** The sheet row number of each row of the grid. */
  rowNumbers: number[];
  damage: CellDamage[];
}

interface RowRecord {
  /** The row number the row states (or follows from its place); null when its reference is no row number. */
  stated: number | null;
  ref: string;
  cells: string[];
  faults: { col: number; ref: string; key: MessageKey; params: Record<string, string | number> }[];
}

function columnOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n - 1;
}

const columnName = (col: number): string => {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/** Indices of a longest strictly increasing run (not contiguous) of the stated row numbers: the rows in order. */
function rowsInOrder(records: RowRecord[]): Uint8Array {
  const n = records.length;
  const tails = new Int32Array(n);
  const previous = new Int32Array(n).fill(-1);
  let length = 0;
  for (let i = 0; i < n; i++) {
    const value = records[i].stated;
    if (value === null) continue;
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((records[tails[mid]].stated as number) < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
    if (lo === length) length++;
  }
  const kept = new Uint8Array(n);
  for (let i = length > 0 ? tails[length - 1] : -1; i >= 0; i = previous[i]) kept[i] = 1;
  return kept;
}

/** Scans the sheet's rows and cells in document order. */
function scanRows(xml: string, parts: WorkbookParts): RowRecord[] {
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  if (start < 0) return [];
  const records: RowRecord[] = [];
  let row: RowRecord | null = null;
  let lastStated = 0;
  let prevCol = -1;
  let padded = 0;
  let held = 0;
  const open = (attrs: string) => {
    const r = attribute(attrs, 'r');
    const n = r === null ? lastStated + 1 : /^\s*\d{1,7}\s*$/.test(r) ? Number(r) : NaN;
    const valid = Number.isInteger(n) && n >= 1 && n <= MAX_ROW;
    row = { stated: valid ? n : null, ref: r ?? String(lastStated + 1), cells: [], faults: [] };
    if (valid) lastStated = n;
    records.push(row);
    prevCol = -1;
    return row;
  };
  const token = /<(\w+:)?(row|c)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<\/(?:\w+:)?row>|<\/(?:\w+:)?sheetData>/g;
  token.lastIndex = start;
  for (let m = token.exec(xml); m !== null; m = token.exec(xml)) {
    if (m[2] === undefined) {
      if (m[0].includes('sheetData')) break;
      row = null;
      continue;
    }
    if (m[2] === 'row') {
      open(m[3]);
      if (m[4] === '/') row = null;
      continue;
    }
    const current: RowRecord = row ?? open('');
    let inner = '';
    if (m[4] !== '/') {
      const close = `</${m[1] ?? ''}c>`;
      const end = xml.indexOf(close, token.lastIndex);
      const next = xml.indexOf(`<${m[1] ?? ''}c`, token.lastIndex);
      const rowEnd = xml.indexOf('row>', token.lastIndex);
      if (end < 0 || (next >= 0 && next < end && /[\s>/]/.test(xml[next + (m[1]?.length ?? 0) + 2] ?? '')) || (rowEnd >= 0 && rowEnd < end)) {
        current.faults.push({ col: -1, ref: attribute(m[3], 'r') ?? '', key: 'import.cell.unclosed', params: {} });
        continue;
      }
      inner = xml.slice(token.lastIndex, end);
      token.lastIndex = end + close.length;
    }
    held++;
    const r = attribute(m[3], 'r');
    let col = prevCol + 1;
    const ref = r ?? columnName(col) + (current.stated ?? '');
    if (r !== null) {
      const parsed = /^\s*([A-Za-z]{1,3})(\d{1,7})\s*$/.exec(r);
      col = parsed ? columnOf(parsed[1].toUpperCase()) : -1;
      if (!parsed || col >= MAX_COL || Number(parsed[2]) < 1 || Number(parsed[2]) > MAX_ROW) {
        current.faults.push({ col: -1, ref: shown(r), key: 'import.cell.ref', params: {} });
        continue;
      }
      if (current.stated !== null && Number(parsed[2]) !== current.stated) {
        current.faults.push({ col, ref: shown(r), key: 'import.cell.otherRow', params: { row: current.stated } });
        continue;
      }
    }
    if (col >= MAX_COL) {
      current.faults.push({ col: -1, ref, key: 'import.cell.ref', params: {} });
      continue;
    }
    if (col <= prevCol) {
      current.faults.push({ col, ref: shown(ref), key: 'import.cell.twice', params: {} });
      continue;
    }
    prevCol = col;
    const value = cellValue(attribute(m[3], 't'), attribute(m[3], 's'), inner, parts);
    if ('fault' in value) {
      current.faults.push({ col, ref: shown(ref), ...value.fault });
      continue;
    }
    if (value.text === '') continue;
    const cells = current.cells;
    if (col > cells.length) {
      if (padded + (col - cells.length) > PAD_BUDGET + 4 * held) {
        current.faults.push({ col, ref: shown(ref), key: 'import.cell.farColumn', params: {} });
        continue;
      }
      padded += col - cells.length;
      while (cells.length < col) cells.push('');
    }
    cells[col] = value.text;
  }
  return records;
}

interface Dimension {
  lastRow: number;
  lastCol: number;
  ref: string;
}

function statedDimension(xml: string): Dimension | null {
  const m = /<(?:\w+:)?dimension\b([^>]*)>/.exec(xml.slice(0, Math.max(0, xml.search(/<(?:\w+:)?sheetData\b/))));
  const ref = m ? attribute(m[1], 'ref') : null;
  const range = ref ? rangeOfRef(ref.includes(':') ? ref : `${ref}:${ref}`) : null;
  return range && ref ? { lastRow: range.lastRow + 1, lastCol: range.lastCol, ref } : null;
}

/**
 * The stated range is believed when all but a few rows lie inside it (a
 * writer that puts `A1` there for any sheet is not); then what lies outside
 * is damage.
 */
function applyDimension(records: RowRecord[], kept: Uint8Array, dimension: Dimension | null): Set<RowRecord> {
  const outside = new Set<RowRecord>();
  if (!dimension) return outside;
  let wide = 0;
  records.forEach((r, i) => {
    if (!kept[i]) return;
    if ((r.stated as number) > dimension.lastRow) outside.add(r);
    else if (r.cells.length > dimension.lastCol + 1) wide++;
  });
  if (outside.size + wide > Math.max(2, records.length / 100)) return new Set();
  for (const r of records) {
    if (outside.has(r) || r.cells.length <= dimension.lastCol + 1) continue;
    for (let col = dimension.lastCol + 1; col < r.cells.length; col++) {
      if (r.cells[col] !== '') r.faults.push({ col, ref: columnName(col) + (r.stated ?? ''), key: 'import.cell.pastDimension', params: { range: shown(dimension.ref) } });
    }
    r.cells.length = dimension.lastCol + 1;
  }
  return outside;
}

/** The grid of one worksheet's XML, with its merged ranges filled down and every damage listed. */
export function sheetGrid(xml: string, parts: WorkbookParts): SheetGrid {
  const records = scanRows(xml, parts);
  const kept = rowsInOrder(records);
  const dimension = statedDimension(xml);
  const outside = applyDimension(records, kept, dimension);
  const grid: SheetGrid = { rows: [], rowNumbers: [], damage: [] };
  // The last row number in order, and the last one the grid shows (a row without a number is shown as the next).
  let last = 0;
  let shownUpTo = 0;
  // Rows out of order since the last row in order: each stands where a missing row number would be.
  let strays = 0;
  records.forEach((record, i) => {
    let number = record.stated ?? shownUpTo + 1;
    if (kept[i] && !outside.has(record)) {
      if (number - shownUpTo - 1 <= GAP_KEPT) for (let n = shownUpTo + 1 + strays; n < number; n++) (grid.rows.push([]), grid.rowNumbers.push(n));
      last = shownUpTo = number;
      strays = 0;
    } else {
      if (record.stated !== null) strays++;
      const key: MessageKey = outside.has(record) ? 'import.cell.rowPastDimension' : record.stated === null ? 'import.cell.rowRef' : 'import.cell.rowOrder';
      if (record.stated === null) number = shownUpTo = shownUpTo + 1;
      grid.damage.push({ row: grid.rows.length, col: -1, ref: shown(record.ref), key, params: { row: shown(record.ref), previous: last, range: shown(dimension?.ref ?? '') } });
    }
    for (const f of record.faults) grid.damage.push({ row: grid.rows.length, ...f });
    grid.rows.push(record.cells);
    grid.rowNumbers.push(number);
  });
  fillMerges(grid, xml);
  return grid;
}

/** Gives the rows under a vertically merged cell its value: each row of a merged agent or day still names it. */
function fillMerges(grid: SheetGrid, xml: string): void {
  const end = xml.lastIndexOf('sheetData>');
  if (end < 0 || !xml.includes('mergeCell', end)) return;
  const indexOf = new Map<number, number>();
  let padded = 0;
  grid.rowNumbers.forEach((n, i) => indexOf.has(n) || indexOf.set(n, i));
  for (const m of xml.slice(end).matchAll(/<(?:\w+:)?mergeCell\b([^>]*)>/g)) {
    const range: MergedRange | null = rangeOfRef(attribute(m[1], 'ref') ?? '');
    if (!range || range.lastRow <= range.firstRow) continue;
    const first = indexOf.get(range.firstRow + 1);
    const value = first === undefined ? '' : (grid.rows[first][range.firstCol] ?? '');
    if (first === undefined || value === '') continue;
    for (let i = first + 1; i < grid.rows.length && grid.rowNumbers[i] <= range.lastRow + 1; i++) {
      const row = grid.rows[i];
      if (row.length <= range.firstCol && (padded += range.firstCol + 1 - row.length) > PAD_BUDGET) return;
      while (row.length <= range.firstCol) row.push('');
      if (row[range.firstCol] === '') row[range.firstCol] = value;
    }
  }
}
