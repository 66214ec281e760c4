/**
 * Time is an input: the pure core (core/, import/, reports/) never reads the
 * clock. The edges pass `now` in (the CLI: the machine's clock or --now; Sheets:
 * the clock at the menu call), so a report depends on its data and that moment only.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');
const PURE = ['src/core', 'src/import', 'src/reports'];

/** Each way JavaScript hands out the current time, and the helper the core once had for it. */
const CLOCK_READS: { name: string; pattern: RegExp }[] = [
  { name: 'new Date() without arguments', pattern: /\bnew\s+Date\s*(\(\s*\)|(?![\s(]))/ },
  { name: 'Date() called as a function', pattern: /(?<![\w$.]|new\s+)Date\s*\(/ },
  { name: 'Date.now', pattern: /\bDate\s*\.\s*now\b/ },
  { name: 'performance.now', pattern: /\bperformance\s*\.\s*now\b/ },
  { name: 'process.hrtime', pattern: /\bhrtime\b/ },
  { name: 'todayIso', pattern: /\btodayIso\b/ },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

function clockReads(source: string): string[] {
  const found: string[] = [];
  source.split('\n').forEach((line, i) => {
    for (const { name, pattern } of CLOCK_READS) if (pattern.test(line)) found.push(`line ${i + 1}: ${name}: ${line.trim()}`);
  });
  return found;
}

describe('no clock under src/core, src/import, src/reports', () => {
  test('the scan finds every way of reading the clock, and passes dates built from values', () => {
    for (const line of ['const d = new Date();', 'const d = new Date;', 'const s = Date();', 'const t = Date.now();', 'performance.now()', 'process.hrtime.bigint()', 'today = todayIso()']) {
      expect(clockReads(line), line).toHaveLength(1);
    }
    for (const line of ['new Date(time).toISOString()', 'Date.UTC(2026, 10, 1)', 'Date.parse(text)', 'new Date(Date.UTC(y, m, 0))', 'const updated = isDate(x);', 'function toDate(x) {}']) {
      expect(clockReads(line), line).toEqual([]);
    }
  });

  test('no source file of the pure core reads the clock', () => {
    const files = PURE.flatMap((dir) => sourceFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(50);
    const findings = files.flatMap((file) => clockReads(readFileSync(file, 'utf8')).map((f) => `${relative(ROOT, file)} ${f}`));
    expect(findings).toEqual([]);
  });
});
