/**
 * The no-Node install (issue 13): `npm run package` makes a zip a supervisor
 * pastes into Extensions → Apps Script. What is in it must work alone: Code.gs
 * loaded by itself in gas-local (the way the script editor runs it) has the
 * menu and the custom functions, and the manifest asks for exactly two scopes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { unpastable } from '../support/unpastable';

const require = createRequire(import.meta.url);
const gas = require('gas-local') as { require(dir: string, globals?: object, options?: object): Record<string, any> };
const ROOT = join(__dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('the release package', () => {
  let zip: JSZip;
  beforeAll(async () => {
    // dist/ is built by `npm test`'s pretest; the package script only zips it.
    execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs')], { cwd: ROOT, stdio: 'pipe' });
    zip = await JSZip.loadAsync(readFileSync(join(ROOT, 'release', `cs-daily-${version}.zip`)));
  });

  it('holds the two script files, the manifest and the guide, named as the editor names them', () => {
    expect(Object.keys(zip.files).sort()).toEqual(['Code.gs', 'INSTALL.md', 'Sidebar.html', 'appsscript.json']);
  });

  it('every file in it survives a paste: no control character, noncharacter or invalid UTF-8', async () => {
    for (const name of Object.keys(zip.files)) {
      const bytes = await zip.file(name)!.async('uint8array');
      expect(bytes.length, name).toBeGreaterThan(100);
      expect(unpastable(bytes), name).toEqual([]);
    }
  });

  it('Code.gs alone gives the menu and the custom functions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-package-'));
    writeFileSync(join(dir, 'Code.gs'), await zip.file('Code.gs')!.async('nodebuffer'));
    const added: string[][] = [];
    const menu = { addItem: (label: string, fn: string) => (added.push([label, fn]), menu), addSeparator: () => menu, addToUi: () => undefined };
    const ui = { createAddonMenu: () => menu, createMenu: () => menu };
    const lib = gas.require(dir, { Logger: { log() {} }, SpreadsheetApp: { getUi: () => ui, getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => 'zh_CN' }) } }, { filter: (f: string) => f.endsWith('.gs') });
    lib.onOpen({ authMode: 'FULL' });
    expect(added.length).toBeGreaterThan(3);
    // Every menu item names a function the file defines at top level (else: "Script function not found").
    for (const [, fn] of added) expect(typeof lib[fn], fn).toBe('function');
    expect(lib.INQUIRY_CONVERSION(36, 96)).toBeCloseTo(0.375, 9);
    expect(lib.WORKLOAD_BAND(70)).toBeTypeOf('string');
    expect(lib.AGENTS_NEEDED(250, 60)).toBe(5);
  });

  it('the sidebar page is the built one, with the import UI inlined', async () => {
    const html = await zip.file('Sidebar.html')!.async('string');
    expect(html).toBe(readFileSync(join(ROOT, 'dist/Sidebar.html'), 'utf8'));
    expect(html).toMatch(/<script>[\s\S]{1000,}<\/script>/);
  });

  it('the manifest asks for this spreadsheet and its UI only, and the guide explains both scopes in both languages', async () => {
    const manifest = JSON.parse(await zip.file('appsscript.json')!.async('string'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    const guide = await zip.file('INSTALL.md')!.async('string');
    for (const text of ['Extensions → Apps Script', '扩展程序 → Apps 脚本', 'spreadsheets.currentonly', 'script.container.ui', 'Sidebar', 'appsscript.json']) {
      expect(guide).toContain(text);
    }
  });
});
