/** Small builders for the import tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { ImportResult, SourceFile } from '../../src/import';
import type { AgentDay } from '../../src/core/types';
import { mergeExports } from '../../src/core/exportMerge';

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

/** The agent-days a table's rows make once merged (what reports see): exports state figures, the merge derives the rest. */
export function merged(table: ImportResult): AgentDay[] {
  return mergeExports(table.agentDays).agentDays;
}
