/**
 * Legacy binary Excel (.xls, BIFF8 inside an OLE2 compound file) → text grids,
 * one per worksheet. The compound file is opened with SheetJS's `cfb`; the
 * cell records are decoded here (see xlsBiff.ts), so the sidebar bundle stays
 * small. Cells read the same as from an XLSX: numbers as String(n), date
 * formats as date text, error cells as their code (`#DIV/0!`).
 */
import * as CFB from 'cfb';
import { FormatError } from './formats';
import { RECORD, SegmentReader, readGlobals, records, stringAt, type BiffRecord, type WorkbookGlobals } from './xlsBiff';
import { BIFF_ERRORS, fillMergedDown, isDateFormat, numberText, serialDateText, setCell, type MergedRange } from './xlsCells';

export interface XlsSheet {
  name: string;
  rows: string[][];
}

/** An RK number (MS-XLS 2.5.217): 30 bits of an integer or of a double's high word, maybe ×100. */
export function rkValue(rk: number): number {
  let value: number;
  if (rk & 0x02) value = rk >> 2;
  else {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(0, (rk & 0xfffffffc) >>> 0, false);
    view.setUint32(4, 0, false);
    value = view.getFloat64(0, false);
  }
  return rk & 0x01 ? value / 100 : value;
}

const BIFF8_COLUMNS = 256;

class SheetCells {
  readonly rows: string[][] = [];
  readonly merges: MergedRange[] = [];

  constructor(private readonly globals: WorkbookGlobals) {}

  text(row: number, col: number, text: string): void {
    // BIFF8 sheets have 256 columns; a cell beyond is a broken or hostile record.
    if (col >= BIFF8_COLUMNS) return;
    setCell(this.rows, row, col, text);
  }

  number(row: number, col: number, xf: number, value: number): void {
    const formatId = this.globals.xfFormats[xf] ?? 0;
    const isDate = isDateFormat(formatId, this.globals.formats.get(formatId));
    this.text(row, col, isDate ? serialDateText(value, this.globals.date1904) : numberText(value));
  }
}

function readFormula(cells: SheetCells, record: BiffRecord, row: number, col: number, xf: number): 'string' | null {
  const v = record.view;
  // A non-number result is flagged by 0xFFFF in the top two bytes of the 8-byte result.
  if (v.getUint16(12, true) !== 0xffff) {
    cells.number(row, col, xf, v.getFloat64(6, true));
    return null;
  }
  const kind = record.data[6];
  if (kind === 0) return 'string'; // the text follows in a STRING record
  if (kind === 1) cells.text(row, col, record.data[8] ? 'TRUE' : 'FALSE');
  else if (kind === 2) cells.text(row, col, BIFF_ERRORS[record.data[8]] ?? '#VALUE!');
  else cells.text(row, col, '');
  return null;
}

function readSheet(stream: Uint8Array, offset: number, globals: WorkbookGlobals): SheetCells {
  const cells = new SheetCells(globals);
  let pendingString: { row: number; col: number } | null = null;
  let first = true;
  for (const record of records(stream, offset)) {
    if (first) {
      if (record.type !== RECORD.BOF) throw new Error('a sheet of the .xls file does not start where the workbook says');
      first = false;
      continue;
    }
    const v = record.view;
    const row = record.data.length >= 4 ? v.getUint16(0, true) : 0;
    const col = record.data.length >= 4 ? v.getUint16(2, true) : 0;
    switch (record.type) {
      case RECORD.LABELSST:
        cells.text(row, col, globals.sharedStrings[v.getUint32(6, true)] ?? '');
        break;
      case RECORD.LABEL:
      case RECORD.RSTRING:
        cells.text(row, col, stringAt(record, 6));
        break;
      case RECORD.NUMBER:
        cells.number(row, col, v.getUint16(4, true), v.getFloat64(6, true));
        break;
      case RECORD.RK:
        cells.number(row, col, v.getUint16(4, true), rkValue(v.getUint32(6, true)));
        break;
      case RECORD.MULRK: {
        const lastCol = v.getUint16(record.data.length - 2, true);
        for (let c = col, at = 4; c <= lastCol; c++, at += 6) cells.number(row, c, v.getUint16(at, true), rkValue(v.getUint32(at + 2, true)));
        break;
      }
      case RECORD.FORMULA:
        pendingString = readFormula(cells, record, row, col, v.getUint16(4, true)) ? { row, col } : null;
        break;
      case RECORD.STRING:
        if (pendingString) cells.text(pendingString.row, pendingString.col, new SegmentReader([record.data]).unicodeString());
        pendingString = null;
        break;
      case RECORD.BOOLERR: {
        const value = record.data[6];
        const isError = record.data[7] === 1;
        cells.text(row, col, isError ? (BIFF_ERRORS[value] ?? '#VALUE!') : value ? 'TRUE' : 'FALSE');
        break;
      }
      case RECORD.MERGECELLS: {
        const count = v.getUint16(0, true);
        for (let i = 0, at = 2; i < count; i++, at += 8) {
          cells.merges.push({ firstRow: v.getUint16(at, true), lastRow: v.getUint16(at + 2, true), firstCol: v.getUint16(at + 4, true), lastCol: v.getUint16(at + 6, true) });
        }
        break;
      }
    }
  }
  return cells;
}

function workbookStream(bytes: Uint8Array): Uint8Array {
  const container = CFB.read(bytes, { type: 'array' });
  const entry = CFB.find(container, 'Workbook') ?? CFB.find(container, 'Book');
  if (!entry || !entry.content) throw new FormatError('import.format.notWorkbook');
  return entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content);
}

/** Every worksheet of a BIFF8 .xls (charts and macro sheets left out). Throws when the file cannot be read. */
export function readXls(bytes: Uint8Array): XlsSheet[] {
  const stream = workbookStream(bytes);
  const globals = readGlobals(stream);
  return globals.sheets.map((sheet) => {
    const cells = readSheet(stream, sheet.offset, globals);
    fillMergedDown(cells.rows, cells.merges);
    return { name: sheet.name, rows: cells.rows };
  });
}
