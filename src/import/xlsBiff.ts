/**
 * The low level of a BIFF8 (.xls, Excel 97–2003) workbook stream: records,
 * Unicode strings (with their CONTINUE splits), and the workbook globals the
 * cells need (shared strings, number formats, sheet list, date system).
 * Record layouts from [MS-XLS]; only what the import reads is decoded.
 */
import { FormatError } from './formats';

export const RECORD = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  FORMAT: 0x041e,
  XF: 0x00e0,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  FORMULA: 0x0006,
  STRING: 0x0207,
  BOOLERR: 0x0205,
  MERGECELLS: 0x00e5,
} as const;

export interface BiffRecord {
  type: number;
  data: Uint8Array;
  view: DataView;
}

/** The records of a stream from `start` until its EOF record (or the stream's end). */
export function* records(stream: Uint8Array, start: number): Generator<BiffRecord> {
  let pos = start;
  while (pos + 4 <= stream.length) {
    const type = stream[pos] | (stream[pos + 1] << 8);
    const length = stream[pos + 2] | (stream[pos + 3] << 8);
    if (pos + 4 + length > stream.length) throw new Error('the .xls workbook stream is cut short');
    const data = stream.subarray(pos + 4, pos + 4 + length);
    pos += 4 + length;
    yield { type, data, view: new DataView(data.buffer, data.byteOffset, data.byteLength) };
    if (type === RECORD.EOF) return;
  }
}

/**
 * Reads bytes across a record and its CONTINUE records. Inside a string's
 * characters each CONTINUE starts with a fresh flags byte (8- or 16-bit chars),
 * which `chars` honours; headers and trailing run data are plain bytes.
 */
export class SegmentReader {
  private segment = 0;
  private pos: number;

  constructor(
    private readonly segments: Uint8Array[],
    start = 0,
  ) {
    this.pos = start;
  }

  private current(): Uint8Array {
    while (this.pos >= this.segments[this.segment].length) {
      if (this.segment + 1 >= this.segments.length) throw new Error('a string of the .xls file runs past its record');
      this.segment++;
      this.pos = 0;
    }
    return this.segments[this.segment];
  }

  byte(): number {
    return this.current()[this.pos++];
  }

  u16(): number {
    return this.byte() | (this.byte() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    for (let left = n; left > 0; ) {
      const seg = this.current();
      const take = Math.min(left, seg.length - this.pos);
      this.pos += take;
      left -= take;
    }
  }

  chars(count: number, highByte: boolean): string {
    let text = '';
    let wide = highByte;
    let left = count;
    while (left > 0) {
      if (this.pos >= this.segments[this.segment].length) {
        this.current();
        wide = (this.byte() & 0x01) !== 0;
      }
      const seg = this.segments[this.segment];
      const size = wide ? 2 : 1;
      const take = Math.min(left, Math.floor((seg.length - this.pos) / size));
      if (take === 0) throw new Error('a string of the .xls file is cut inside a character');
      const codes: number[] = new Array(take);
      for (let i = 0; i < take; i++) codes[i] = wide ? seg[this.pos + 2 * i] | (seg[this.pos + 2 * i + 1] << 8) : seg[this.pos + i];
      text += String.fromCharCode(...codes);
      this.pos += take * size;
      left -= take;
    }
    return text;
  }

  /** An XLUnicodeRichExtendedString (the SST's form), or the plain XLUnicodeString when `cch` comes as 8 bits. */
  unicodeString(shortLength = false): string {
    const count = shortLength ? this.byte() : this.u16();
    const flags = this.byte();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 0x01) !== 0);
    this.skip(runs * 4 + ext);
    return text;
  }
}

/** A BIFF8 string that lives inside one record at `offset`. */
export function stringAt(record: BiffRecord, offset: number, shortLength = false): string {
  return new SegmentReader([record.data], offset).unicodeString(shortLength);
}

export interface SheetEntry {
  name: string;
  /** Stream offset of the sheet's BOF record. */
  offset: number;
}

export interface WorkbookGlobals {
  date1904: boolean;
  sharedStrings: string[];
  /** XF index → number format id. */
  xfFormats: number[];
  /** Custom number format id → format code. */
  formats: Map<number, string>;
  sheets: SheetEntry[];
}

/** BIFF8 worksheets have BOF version 0x0600 and sheet type 0x0010. */
const WORKSHEET_TYPE = 0;

function readSst(first: BiffRecord, rest: Uint8Array[]): string[] {
  const reader = new SegmentReader([first.data, ...rest], 8);
  const unique = first.view.getUint32(4, true);
  const strings: string[] = [];
  for (let i = 0; i < unique; i++) strings.push(reader.unicodeString());
  return strings;
}

/** The workbook globals substream: everything before the first sheet's BOF. */
export function readGlobals(stream: Uint8Array): WorkbookGlobals {
  const globals: WorkbookGlobals = { date1904: false, sharedStrings: [], xfFormats: [], formats: new Map(), sheets: [] };
  let sst: BiffRecord | null = null;
  let sstParts: Uint8Array[] = [];
  let previous = 0;
  let first = true;
  for (const record of records(stream, 0)) {
    if (first) {
      if (record.type !== RECORD.BOF) throw new Error('not an Excel workbook stream');
      const version = record.view.getUint16(0, true);
      if (version !== 0x0600) throw new FormatError('import.format.xlsVersion');
      first = false;
    }
    if (record.type === RECORD.CONTINUE && previous === RECORD.SST) {
      sstParts.push(record.data);
      continue;
    }
    previous = record.type;
    switch (record.type) {
      case RECORD.FILEPASS:
        throw new FormatError('import.format.xlsPassword');
      case RECORD.DATEMODE:
        globals.date1904 = record.view.getUint16(0, true) === 1;
        break;
      case RECORD.FORMAT:
        globals.formats.set(record.view.getUint16(0, true), stringAt(record, 2));
        break;
      case RECORD.XF:
        globals.xfFormats.push(record.view.getUint16(2, true));
        break;
      case RECORD.BOUNDSHEET:
        if (record.data[5] === WORKSHEET_TYPE) globals.sheets.push({ offset: record.view.getUint32(0, true), name: stringAt(record, 6, true) });
        break;
      case RECORD.SST:
        sst = record;
        sstParts = [];
        break;
    }
  }
  if (sst) globals.sharedStrings = readSst(sst, sstParts);
  return globals;
}
