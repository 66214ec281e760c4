/**
 * Bytes → text, guessing the encoding the way Chinese exports need (SPEC §5):
 * a BOM decides; else strict UTF-8; else GB18030 (a superset of GBK, what
 * most Chinese tools write). Uses only TextDecoder, so it runs in the browser.
 */
import type { TextEncoding } from './types';

function bomOf(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM: ASCII characters leave a zero byte in every other position. */
function sniffUtf16(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function decode(bytes: Uint8Array, encoding: TextEncoding, fatal = false): string {
  return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
}

/**
 * The text of a file and the encoding it was read with; the BOM is removed.
 * @example decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // { text: 'a', encoding: 'utf-8' }
 */
export function decodeBytes(bytes: Uint8Array, override?: TextEncoding): { text: string; encoding: TextEncoding } {
  const bom = bomOf(bytes);
  if (override) {
    const body = bom && bom.encoding === override ? bytes.subarray(bom.length) : bytes;
    return { text: decode(body, override), encoding: override };
  }
  if (bom) return { text: decode(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decode(bytes, utf16), encoding: utf16 };
  try {
    return { text: decode(bytes, 'utf-8', true), encoding: 'utf-8' };
  } catch {
    return { text: decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}
