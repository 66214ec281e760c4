/**
 * The committed corpus is what scripts/make-corpus.mjs writes today: a case
 * edited in the script without regenerating (or a file edited by hand) fails
 * here, so the script always shows how each file was built.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR, CORPUS_FILES } from './manifest';

describe('scripts/make-corpus.mjs', () => {
  it('regenerates the committed files and manifest byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-corpus-gen-'));
    try {
      execFileSync(process.execPath, [join(CORPUS_DIR, '../../scripts/make-corpus.mjs'), dir], { stdio: 'pipe' });
      const made = readdirSync(join(dir, 'files')).sort();
      expect(made).toEqual(readdirSync(CORPUS_FILES).sort());
      for (const name of made) expect(readFileSync(join(dir, 'files', name)).equals(readFileSync(join(CORPUS_FILES, name))), name).toBe(true);
      expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
