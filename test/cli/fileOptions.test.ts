/**
 * Every option naming a file to read: missing or not a file → one sentence
 * naming the option and the file, exit 2, nothing written, no stack trace.
 */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { FILE_OPTIONS, STORE_OPTIONS } from '../../src/cli/fileOptions';
import { t } from '../../src/i18n';

const ROOT = join(__dirname, '../..');
const ORDERS = join(ROOT, 'samples/orders.csv');

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('file options', () => {
  test('every option the usage line shows with a FILE value is checked (en and zh usage agree)', () => {
    const shown = (lang: 'en' | 'zh', word: string) => [...t(lang, 'cli.usage').matchAll(new RegExp(`\\[(--[a-z-]+) ${word}[^\\]]*\\]`, 'g'))].map((m) => m[1]).sort();
    const checked = [...Object.keys(FILE_OPTIONS), ...Object.keys(STORE_OPTIONS)].sort();
    expect(shown('en', 'FILE')).toEqual(checked);
    expect(shown('zh', '文件')).toEqual(checked);
  });

  for (const option of Object.keys(FILE_OPTIONS)) {
    test(`${option}: a missing file and a folder each stop the run with one sentence, exit 2, nothing written (en, zh)`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'csdaily-fileopt-'));
      const out = join(dir, 'out');
      const missing = join(dir, 'no-such.csv');
      const run = await cli(['--out', out, '--lang', 'en', option, missing, ORDERS]);
      expect(run.code).toBe(2);
      expect(run.err).toEqual([`Cannot read the ${option} file ${missing}: there is no such file; nothing was written.`]);
      expect(run.out).toEqual([]);
      expect(existsSync(out)).toBe(false);

      const folder = await cli(['--out', out, '--lang', 'zh', option, dir, ORDERS]);
      expect(folder.code).toBe(2);
      expect(folder.err).toEqual([`无法读取 ${option} 文件 ${dir}：这是一个文件夹而不是文件；未写入任何文件。`]);
      expect(existsSync(out)).toBe(false);
    });
  }

  test('--store: a missing store is made, but a folder in its place or a missing folder stop the run before anything is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-fileopt-'));
    const out = join(dir, 'out');
    const folder = await cli(['--out', out, '--lang', 'en', '--store', dir, ORDERS]);
    expect(folder.code).toBe(2);
    expect(folder.err).toEqual([`Cannot open or make the --store file ${dir}: it is a folder, not a file; nothing was written.`]);
    expect(folder.out).toEqual([]);
    const nowhere = join(dir, 'no-such-folder', 'shop.duckdb');
    const missing = await cli(['--out', out, '--lang', 'zh', '--store', nowhere, ORDERS]);
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual([`无法打开或创建 --store 文件 ${nowhere}：要创建它的文件夹不存在；未写入任何文件。`]);
    expect(existsSync(out)).toBe(false);
  });

  test('a missing data file is named with the same reason in words, not a system error text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-fileopt-'));
    const run = await cli(['--out', join(dir, 'out'), '--lang', 'en', join(dir, 'gone.csv')]);
    expect(run.code).toBe(2);
    expect(run.out[0]).toBe(`Cannot read ${join(dir, 'gone.csv')}: there is no such file`);
  });

  test('as a process: exit status 2 and the one sentence on stderr, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-fileopt-'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--out', join(dir, 'out'), '--lang', 'en', '--roster', 'roster.csv', ORDERS], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('Cannot read the --roster file roster.csv: there is no such file; nothing was written.');
    expect(run.stdout).toBe('');
  });
});
