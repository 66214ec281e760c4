/**
 * What `clasp push` would send, asked of clasp itself (it works offline): the
 * build's output and nothing else (no sources, no tests, no node_modules).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');

describe('clasp push', () => {
  it('would push exactly the built files from dist/', () => {
    const out = execFileSync(join(root, 'node_modules/.bin/clasp'), ['show-file-status', '--json'], { cwd: root, encoding: 'utf8' });
    const status = JSON.parse(out.slice(out.indexOf('{'))) as { filesToPush: string[] };
    const expected = ['dist/Code.js', 'dist/appsscript.json'];
    if (existsSync(join(root, 'dist/Sidebar.html'))) expected.push('dist/Sidebar.html');
    expect(status.filesToPush.sort()).toEqual(expected.sort());
  });

  it('pushes a V8 manifest with only the two minimal scopes', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'dist/appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Shanghai');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    expect(manifest.addOns).toBeUndefined();
  });
});
