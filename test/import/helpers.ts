/** Small builders for the import tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { SourceFile } from '../../src/import';

export const FIXTURES = join(__dirname, '../fixtures');

export function fixture(name: string): SourceFile {
  return { name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) };
}

/** A file of UTF-8 text (no BOM). */
export function textFile(name: string, text: string): SourceFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

/** A file of text in another encoding, made with iconv-lite (with a BOM when asked). */
export function encodedFile(name: string, text: string, encoding: 'gbk' | 'gb18030' | 'utf16le' | 'utf16be', bom = false): SourceFile {
  const body = iconv.encode(text, encoding);
  const mark = !bom ? [] : encoding === 'utf16le' ? [0xff, 0xfe] : encoding === 'utf16be' ? [0xfe, 0xff] : [];
  return { name, bytes: new Uint8Array([...mark, ...body]) };
}
