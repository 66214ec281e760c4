/**
 * Characters a person pasting a built file through an editor, the clipboard
 * and the Apps Script editor may lose or change: C0 controls other than tab,
 * LF and CR, DEL and C1 controls, line/paragraph separators, the BOM, the
 * noncharacters (U+FDD0–U+FDEF and every U+xFFFE/U+xFFFF) and bytes that are
 * not UTF-8 at all.
 */
export interface Unpastable {
  /** Offset in the decoded text (or the byte offset of invalid UTF-8). */
  at: number;
  codePoint: string;
}

const isUnpastable = (cp: number): boolean =>
  (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) ||
  (cp >= 0x7f && cp <= 0x9f) ||
  cp === 0x2028 ||
  cp === 0x2029 ||
  cp === 0xfeff ||
  (cp >= 0xfdd0 && cp <= 0xfdef) ||
  (cp & 0xfffe) === 0xfffe ||
  (cp >= 0xd800 && cp <= 0xdfff);

/** Every unpastable character of a file's bytes. */
export function unpastable(bytes: Uint8Array): Unpastable[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return [{ at: 0, codePoint: 'not UTF-8' }];
  }
  const found: Unpastable[] = [];
  let at = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isUnpastable(cp)) found.push({ at, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` });
    at += ch.length;
  }
  return found;
}
