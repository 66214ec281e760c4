/** The files a campaign changes: the samples, the damaged-export corpus and the committed 赤兔 fixture workbooks. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { detectFormat } from '../src/import/formats';
import { workbookParts } from '../src/import/xlsxWorkbook';

export type SeedSet = 'samples' | 'corpus' | 'fixture';

export interface Seed {
  set: SeedSet;
  name: string;
  bytes: Uint8Array;
  /** How it is changed: xlsx by its parts, binary (.xls) byte by byte, text by bytes, lines and cells. */
  format: 'xlsx' | 'binary' | 'text';
  /** Text with markup attributes (an HTML or XML page). */
  markup: boolean;
  /** A workbook's sheet part path → sheet name. */
  sheetNames?: Record<string, string>;
}

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const DIRS: Record<SeedSet, string> = { samples: 'samples', corpus: 'test/corpus/files', fixture: 'test/fixtures/chitu' };

export function loadSeeds(sets: readonly SeedSet[] = ['samples', 'corpus', 'fixture']): Seed[] {
  const seeds: Seed[] = [];
  for (const set of sets) {
    for (const name of readdirSync(join(ROOT, DIRS[set])).sort()) {
      const bytes = new Uint8Array(readFileSync(join(ROOT, DIRS[set], name)));
      const detected = detectFormat(bytes);
      const format = detected === 'xlsx' ? 'xlsx' : detected === 'xls' || detected === 'binary' ? 'binary' : 'text';
      let sheetNames: Record<string, string> | undefined;
      if (format === 'xlsx') {
        try {
          unzipSync(bytes);
          sheetNames = Object.fromEntries(workbookParts(bytes).sheets.flatMap((s) => (s.entry ? [[s.entry.name, s.name]] : [])));
        } catch {
          // a corpus zip that is no workbook, or whose parts cannot all be unpacked: changed byte by byte
        }
      }
      seeds.push({ set, name, bytes, format: format === 'xlsx' && !sheetNames ? 'binary' : format, markup: detected === 'xml' || detected === 'html', sheetNames });
    }
  }
  return seeds;
}
