/**
 * Which format a file is, by its bytes and never its name: shop back ends name
 * an old binary .xls ".xlsx" (拼多多) and a web page ".xls" (千牛, 京东).
 */
import type { MessageKey } from '../i18n';
import { decodeBytes, looksBinary } from './decode';
import { isSpreadsheetXml } from './xlsXml2003';

/** xlsx: a zip (OOXML); xls: BIFF8 in an OLE2 compound file; xml: Excel 2003 XML; html: a web page with tables; text: CSV/TSV. */
export type FileFormat = 'xlsx' | 'xls' | 'xml' | 'html' | 'text' | 'binary';

/** An XLSX (any zip) starts with `PK\x03\x04`. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An OLE2 / compound file (old .xls, .doc) starts with D0 CF 11 E0 A1 B1 1A E1. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Enough of a text file to see what it starts with. */
const SNIFF_BYTES = 4096;

/** Markup first (after a BOM, blanks, `<?xml`, a doctype or a comment), then a page or a table tag. */
function looksLikeHtml(head: string): boolean {
  return /^\s*</.test(head) && /<(html|table|body|head|meta)\b/i.test(head);
}

export function detectFormat(bytes: Uint8Array): FileFormat {
  if (isZip(bytes)) return 'xlsx';
  if (isCompoundFile(bytes)) return 'xls';
  if (looksBinary(bytes)) return 'binary';
  const head = decodeBytes(bytes.subarray(0, SNIFF_BYTES)).text;
  if (isSpreadsheetXml(head)) return 'xml';
  if (looksLikeHtml(head)) return 'html';
  return 'text';
}

/** A file that is what it claims but cannot be read, with the message the user sees. */
export class FormatError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}
