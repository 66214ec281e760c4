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

/**
 * True when a byte is the high byte of a character Chinese UTF-16 text is
 * made of: ASCII (0x00), CJK punctuation (0x30), CJK ideographs (0x4E–0x9F),
 * full-width forms (0xFF).
 */
const isCjkHighByte = (b: number) => b === 0 || b === 0x30 || (b >= 0x4e && b <= 0x9f) || b === 0xff;
const isIdeographRow = (b: number) => b >= 0x4e && b <= 0x9f;

/**
 * Which UTF-16 a block of bytes looks like, if any. ASCII leaves a zero byte
 * in every other position; mostly-Chinese text has few zeros, but its high
 * bytes are then almost all CJK rows (a third of them ideographs), which
 * UTF-8 and GBK never give (their lead bytes are 0x81–0xFE).
 */
function blockUtf16(bytes: Uint8Array, start: number, end: number, cjk: boolean): TextEncoding | null {
  let evenZeros = 0;
  let oddZeros = 0;
  let evenCjk = 0;
  let oddCjk = 0;
  let evenIdeographs = 0;
  let oddIdeographs = 0;
  for (let i = start; i < end; i += 2) {
    const even = bytes[i];
    const odd = bytes[i + 1];
    if (even === 0) evenZeros++;
    if (odd === 0) oddZeros++;
    if (isCjkHighByte(even)) evenCjk++;
    if (isCjkHighByte(odd)) oddCjk++;
    if (isIdeographRow(even)) evenIdeographs++;
    if (isIdeographRow(odd)) oddIdeographs++;
  }
  const pairs = (end - start) / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  if (!cjk) return null;
  // The low bytes of Chinese characters are anything: a run of one letter (xxxx) has both halves in those rows.
  if (oddCjk > pairs * 0.95 && oddIdeographs > pairs / 3 && evenZeros < pairs * 0.05 && evenCjk < pairs * 0.7) return 'utf-16le';
  if (evenCjk > pairs * 0.95 && evenIdeographs > pairs / 3 && oddZeros < pairs * 0.05 && oddCjk < pairs * 0.7) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM, judged in 128-byte blocks so a byte lost or added
 * early in the file (which puts the high bytes in the other position from
 * there on) does not hide it: most blocks must look like UTF-16 (either
 * order), and the byte order is the first such block's.
 */
function sniffUtf16(bytes: Uint8Array, cjk = false): TextEncoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  const BLOCK = 128;
  let utf16 = 0;
  let blocks = 0;
  let first: TextEncoding | null = null;
  for (let start = 0; start < n; start += BLOCK) {
    const block = blockUtf16(bytes, start, Math.min(n, start + BLOCK), cjk);
    blocks++;
    if (block) utf16++;
    first ??= block;
  }
  if (!first || utf16 * 10 < blocks * 7) return null;
  // The byte order is the one whose line break comes first in step (a lost byte puts the later ones out of step).
  for (let i = 0; i + 1 < n; i += 2) {
    if (bytes[i] === 0x0a && bytes[i + 1] === 0) return 'utf-16le';
    if (bytes[i] === 0 && bytes[i + 1] === 0x0a) return 'utf-16be';
  }
  return first;
}

function decode(bytes: Uint8Array, encoding: TextEncoding, fatal = false): string {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return decodeUtf16(bytes, encoding);
  return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
}

/**
 * UTF-16 read line by line when a byte was lost or added: every character
 * after it would otherwise be read from the wrong half. A line break is
 * 0A 00 (LE) or 00 0A (BE) at any offset (out of step it would need a
 * character of U+0A00–U+0AFF, which Chinese exports do not hold), so only
 * the line holding the damage is misread; the lines after it are in step again.
 */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  const [first, second] = encoding === 'utf-16le' ? [0x0a, 0x00] : [0x00, 0x0a];
  let outOfStep = false;
  for (let i = 1; i + 1 < bytes.length && !outOfStep; i += 2) outOfStep = bytes[i] === first && bytes[i + 1] === second;
  if (!outOfStep) return decoder.decode(bytes);
  let text = '';
  let start = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === first && bytes[i + 1] === second) {
      // The break is written as text: out of step, its two bytes would decode as another character.
      text += decoder.decode(bytes.subarray(start, i)) + '\n';
      start = i + 2;
      i++;
    }
  }
  return text + decoder.decode(bytes.subarray(start));
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
  const utf16 = sniffUtf16(bytes, true);
  if (utf16) return { text: decode(bytes, utf16), encoding: utf16 };
  try {
    return { text: withoutStrayNuls(decode(bytes, 'utf-8', true)), encoding: 'utf-8' };
  } catch {
    const cjk = sniffUtf16(bytes, true);
    if (cjk) return { text: decode(bytes, cjk), encoding: cjk };
    // Not all UTF-8: a GBK file, or a UTF-8 file with a stray byte, a cut last character or a few pasted GBK lines.
    // Those last stay UTF-8 (the bad bytes become U+FFFD, and a row made of them is rejected), so no good row is lost.
    const encoding: TextEncoding = mostlyUtf8(bytes) ? 'utf-8' : 'gb18030';
    return { text: withoutStrayNuls(decode(bytes, encoding)), encoding };
  }
}

/** How many lines with non-ASCII bytes are looked at to tell a mostly-UTF-8 file from a GBK one. */
const SAMPLE_LINES = 400;

/**
 * True when most of the sampled lines that hold non-ASCII bytes are valid
 * UTF-8 on their own: the file is UTF-8 with a few damaged lines. Lines end
 * at LF or CR (old Mac files have no LF), so a one-line reading of a CR-only
 * file never decides it. A GBK file's Chinese lines are almost never valid
 * UTF-8, so it stays GB18030.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let sampled = 0;
  let start = 0;
  while (start < bytes.length && sampled < SAMPLE_LINES) {
    let end = start;
    while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
    let ascii = true;
    for (let i = start; i < end && ascii; i++) ascii = bytes[i] < 0x80;
    if (!ascii) {
      sampled++;
      // A character cut by a stray line break leaves a few continuation bytes at the start and an open sequence at the end: not another encoding.
      let from = start;
      while (from < end && from < start + 3 && (bytes[from] & 0xc0) === 0x80) from++;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(from, end), { stream: true });
        valid++;
      } catch {
        // a line of another encoding, or a damaged one
      }
    }
    start = end + 1;
  }
  return sampled > 0 && valid * 2 >= sampled;
}

/**
 * A file that is no text at all (an image or archive named .csv): many NUL and
 * control bytes in its head, once UTF-16 (which has NULs) is ruled out. A NUL
 * between two other bytes is not counted: a line pasted in UTF-16 into a
 * UTF-8 file has one after every ASCII character, and that line alone is
 * rejected later, not the file.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bomOf(bytes) || sniffUtf16(bytes, true)) return false;
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0 && i > 0 && bytes[i - 1] !== 0 && bytes[i + 1] !== 0 && i + 1 < bytes.length) continue;
    // Tab, line feed, form feed and carriage return are text; ESC turns up in hostile text. A stray NUL or two is damage, not binary.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return control > Math.max(8, n * 0.02);
}

/**
 * The NUL that follows the line break of a line pasted in UTF-16 belongs to
 * that line, not to the start of the next one.
 */
export function withoutStrayNuls(text: string): string {
  return text.includes('\u0000') ? text.replace(/\r\u0000(?=\n)/g, '\r').replace(/([\r\n])\u0000/g, '$1') : text;
}
