/**
 * An error the CLI did not foresee ends the run with one sentence in the run's
 * language and exit 1; the stack only with CS_DAILY_DEBUG=1.
 */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLanguage, unexpectedErrorLines } from '../../src/cli/unexpected';

const ROOT = join(__dirname, '../..');
const SAMPLES = ['consultations.csv', 'orders.csv'].map((f) => join(ROOT, 'samples', f));

/** The CLI in its own process, with report.xlsx taken by a folder so writing it fails. */
function runWithBlockedReport(lang: 'en' | 'zh', debug: boolean) {
  const out = join(mkdtempSync(join(tmpdir(), 'csdaily-unexpected-')), 'out');
  mkdirSync(join(out, 'report.xlsx'), { recursive: true });
  const env = { ...process.env, LANG: 'en_US.UTF-8', CS_DAILY_DEBUG: debug ? '1' : '' };
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--out', out, '--lang', lang, '--now', '2026-11-15T09:00', ...SAMPLES], { cwd: ROOT, env, encoding: 'utf8' });
  return { code: run.status, errLines: run.stderr.split('\n').filter(Boolean) };
}

describe('an unexpected error', () => {
  test('prints one sentence naming it, in the --lang language, no stack, exit 1', () => {
    const zh = runWithBlockedReport('zh', false);
    expect(zh.code).toBe(1);
    expect(zh.errLines).toHaveLength(1);
    expect(zh.errLines[0]).toMatch(/^客服日报因意外错误停止：EISDIR.*CS_DAILY_DEBUG=1/);
    expect(zh.errLines[0]).not.toMatch(/\bat \S+ \(/);
  });

  test('CS_DAILY_DEBUG=1 adds the stack after the sentence', () => {
    const en = runWithBlockedReport('en', true);
    expect(en.code).toBe(1);
    expect(en.errLines[0]).toMatch(/^CS Daily stopped on an unexpected error: EISDIR/);
    expect(en.errLines.slice(1).some((line) => /^\s+at /.test(line))).toBe(true);
  });

  test('the message is made terminal-safe and cut to its first line', () => {
    const lines = unexpectedErrorLines(new Error('bad \u001b[2J name\nsecond line'), 'en', false);
    expect(lines).toEqual([expect.stringContaining('bad \uFFFD[2J name.')]);
    expect(lines[0]).not.toContain('second line');
  });

  test('the language is --lang when the arguments parse, else the locale', () => {
    expect(runLanguage(['--out', 'x', '--lang', 'zh', 'a.csv'], 'en_US.UTF-8')).toBe('zh');
    expect(runLanguage(['--no-such-option'], 'zh_CN.UTF-8')).toBe('zh');
    expect(runLanguage(['--no-such-option'], 'C')).toBe('en');
  });
});
