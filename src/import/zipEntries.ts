/**
 * The parts of a zip (an XLSX), read so that no number written in the file
 * decides what is allocated: the central directory is walked with every
 * offset checked against the file's length, and a part is inflated in pieces
 * with its output counted, so a damaged size field or a zip bomb stops at a
 * cap instead of taking the process's memory. A part that cannot be read
 * costs that part only (the caller decides what it meant).
 */
import { Inflate } from 'fflate';

/** Larger parts are refused: a worksheet of a million rows is a few hundred MB, and V8 strings stop near 512 M characters. */
export const MAX_PART_BYTES = 400 * 1024 * 1024;
/** Deflate cannot expand data more than about 1 032 times; a part that claims more is damaged. */
const MAX_RATIO = 1100;
const CHUNK = 64 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  statedSize: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
}

/** Why a zip or one of its parts cannot be read, as a message key's last part (`import.zip.<code>`). */
export class ZipProblem extends Error {
  constructor(readonly code: 'notZip' | 'directory' | 'noSheets' | 'method' | 'inflate' | 'tooLarge' | 'bounds') {
    super(code);
  }
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** The entries the central directory lists; throws ZipProblem when there is no readable directory. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  let end = -1;
  // The end record sits in the last 22 + 65 535 bytes (its comment is at most that long).
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 65535; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipProblem('notZip');
  const count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (offset + 46 > bytes.length || u32(bytes, offset) !== 0x02014b50) {
      if (entries.length === 0) throw new ZipProblem('directory');
      break;
    }
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    if (offset + 46 + nameLength > bytes.length) break;
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: u16(bytes, offset + 10),
      compressedSize: u32(bytes, offset + 20),
      statedSize: u32(bytes, offset + 24),
      headerOffset: u32(bytes, offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The data of one entry, inflated with its output capped; throws ZipProblem. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.headerOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw new ZipProblem('bounds');
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  // A wrong compressed size is read up to the end of the file: inflating stops at the stream's own end.
  const stop = Math.min(bytes.length, start + entry.compressedSize > start && start + entry.compressedSize <= bytes.length ? start + entry.compressedSize : bytes.length);
  if (start > stop) throw new ZipProblem('bounds');
  const data = bytes.subarray(start, stop);
  if (entry.method === 0) return data.slice();
  if (entry.method !== 8) throw new ZipProblem('method');
  const cap = Math.min(MAX_PART_BYTES, data.length * MAX_RATIO + CHUNK);
  const pieces: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflate = new Inflate((piece, final) => {
    total += piece.length;
    if (total > cap) throw new ZipProblem('tooLarge');
    pieces.push(piece);
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length && !done; i += CHUNK) inflate.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  } catch (error) {
    if (error instanceof ZipProblem) throw error;
    throw new ZipProblem('inflate');
  }
  if (!done && data.length > 0) throw new ZipProblem('inflate');
  const out = new Uint8Array(total);
  let pos = 0;
  for (const piece of pieces) {
    out.set(piece, pos);
    pos += piece.length;
  }
  return out;
}
