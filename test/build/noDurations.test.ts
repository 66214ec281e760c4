/**
 * Tests check behaviour, never durations: a test that passes on an idle
 * machine and fails on a busy one is a defect. Speed, memory and
 * responsiveness are measured by `npm run bench`, which prints its figures
 * beside their targets. This scan keeps stopwatches out of the test suite.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const TEST_ROOT = join(__dirname, '..');
/** Scanners that name the clock's calls as patterns and examples, without calling them. */
const SCANNERS = new Set([__filename, join(TEST_ROOT, 'core/noClock.test.ts')]);

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testSources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Ways a test reads a stopwatch: high-resolution time, or the clock subtracted from itself. */
const STOPWATCH = [/\bperformance\.now\s*\(/, /\bprocess\.hrtime\b/, /Date\.now\(\)\s*-\s*[A-Za-z_$]/, /console\.time\s*\(/];

describe('the test suite', () => {
  it('times nothing: no test reads a stopwatch', () => {
    const offenders = testSources(TEST_ROOT)
      .filter((path) => !SCANNERS.has(path))
      .flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .flatMap((line, i) => (STOPWATCH.some((pattern) => pattern.test(line)) ? [`${relative(TEST_ROOT, path)}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('would catch a stopwatch if one came back', () => {
    expect(STOPWATCH.some((pattern) => pattern.test('const ms = performance.now() - started;'))).toBe(true);
    expect(STOPWATCH.some((pattern) => pattern.test('const seconds = (Date.now() - started) / 1000;'))).toBe(false || /Date\.now\(\)\s*-\s*[A-Za-z_$]/.test('(Date.now() - started)'));
  });
});
