#!/usr/bin/env node
/**
 * Writes test/corpus/: realistic exports, each damaged in one way issue 9
 * names, and manifest.json with what each must give (per table through the
 * import core, per run through the CLI). Run `node scripts/make-corpus.mjs`;
 * the output is committed so a failing case can be opened by hand
 * (`node scripts/make-corpus.mjs DIR` writes it elsewhere).
 *
 * Expectations are the CORRECT outcome a supervisor needs, written here by
 * hand beside the bytes that make them; they are never read back from the
 * code under test.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CASES as DAMAGE } from './corpus/damage.mjs';
import { CASES as CONTENT } from './corpus/content.mjs';
import { CASES as FORMATS } from './corpus/formats.mjs';
import { CASES as CELL_DAMAGE } from './corpus/cellDamage.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** test/corpus, or another directory (the test that checks the committed files are this script's output). */
const OUT = process.argv[2] ?? join(ROOT, 'test/corpus');
const tools = { iconv, ExcelJS, JSZip, fixture: (name) => readFileSync(join(ROOT, 'test/fixtures', name)) };

/** Every file's bytes, then its manifest entry without them. */
async function main() {
  rmSync(join(OUT, 'files'), { recursive: true, force: true });
  mkdirSync(join(OUT, 'files'), { recursive: true });
  const manifest = [];
  for (const make of [...DAMAGE, ...CONTENT, ...FORMATS, ...CELL_DAMAGE]) {
    const { bytes, ...entry } = await make(tools);
    if (manifest.some((e) => e.file === entry.file)) throw new Error(`two cases write ${entry.file}`);
    writeFileSync(join(OUT, 'files', entry.file), bytes);
    manifest.push(entry);
  }
  writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`${manifest.length} files in ${join(OUT, 'files')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
