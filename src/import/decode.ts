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
    // Not all UTF-8: a GBK file, or a UTF-8 file with a stray byte, a cut last character or a few pasted GBK lines.
    // Those last stay UTF-8 (the bad bytes become U+FFFD, and a row made of them is rejected), so no good row is lost.
    return mostlyUtf8(bytes) ? { text: decode(bytes, 'utf-8'), encoding: 'utf-8' } : { text: decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

/** How many lines with non-ASCII bytes are looked at to tell a mostly-UTF-8 file from a GBK one. */
const SAMPLE_LINES = 400;

/**
 * True when most of the sampled lines that hold non-ASCII bytes are valid
 * UTF-8 on their own: the file is UTF-8 with a few damaged lines. A GBK file's
 * Chinese lines are almost never valid UTF-8, so it stays GB18030.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let valid = 0;
  let sampled = 0;
  let start = 0;
  while (start < bytes.length && sampled < SAMPLE_LINES) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    let ascii = true;
    for (let i = start; i < end && ascii; i++) ascii = bytes[i] < 0x80;
    if (!ascii) {
      sampled++;
      try {
        strict.decode(bytes.subarray(start, end));
        valid++;
      } catch {
        // a line of another encoding, or a damaged one
      }
    }
    start = end + 1;
  }
  return sampled > 0 && valid * 2 > sampled;
}

/**
 * A file that is no text at all (an image or archive named .csv): many NUL and
 * control bytes in its head, once UTF-16 (which has NULs) is ruled out.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bomOf(bytes) || sniffUtf16(bytes)) return false;
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    // Tab, line feed, form feed and carriage return are text; ESC turns up in hostile text. A stray NUL or two is damage, not binary.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return control > Math.max(8, n * 0.02);
}
