/**
 * Time is an input: the same files give the same reports for the same --now,
 * whatever the machine's clock says. The samples hold 2026-11-01 … 2026-11-16
 * (the last two days thin, so provisional).
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { parseNow } from '../../src/cli/clock';
import { localTime } from '../../src/core/dates';

const ROOT = join(__dirname, '../..');
const sample = (name: string) => join(ROOT, 'samples', name);

async function reportAsOf(now: string, lang = 'en') {
  const out = mkdtempSync(join(tmpdir(), 'csdaily-now-'));
  const lines: string[] = [];
  const errors: string[] = [];
  const args = ['--out', out, '--lang', lang, '--now', now, '--roster', sample('roster.csv'), '--rules', sample('rules.csv'), sample('consultations.csv'), sample('orders.csv')];
  const code = await runCli(args, (l) => lines.push(l), (l) => errors.push(l));
  return { code, lines, errors, summary: readFileSync(join(out, 'summary.txt'), 'utf8'), daily: readFileSync(join(out, 'daily.csv'), 'utf8') };
}

describe('--now before, inside and after the data', () => {
  test('after the data: the latest final day (2026-11-14; the 15th and 16th are provisional), and no note about the clock', async () => {
    const run = await reportAsOf('2026-12-01');
    expect(run.code).toBe(0);
    expect(run.lines).toContain('Daily 2026-11-14: 379 inquiries, 138 paid, conversion 36.41%, sales 29,589.00');
    expect(run.lines.some((l) => l.startsWith('Payroll 2026-11:'))).toBe(true);
    expect(run.lines.some((l) => l.includes('before every date of the data'))).toBe(false);
    expect(run.summary.split('\n')[0]).toBe('CS daily report 2026-11-14 (final figures)');
  });

  test('inside the data (morning of 2026-11-10): days after its tomorrow are implausible, so the report day is the 9th, the last whose window closed by the 11th', async () => {
    const run = await reportAsOf('2026-11-10T09:00');
    expect(run.code).toBe(0);
    expect(run.lines.some((l) => l.startsWith('Daily 2026-11-09:'))).toBe(true);
    expect(run.summary.split('\n')[0]).toBe('CS daily report 2026-11-09 (final figures)');
    expect(run.daily).toContain('2026-11-09');
    expect(run.daily).not.toContain('2026-11-14');
  });

  test('before the data: the clock is taken to be wrong, the data reported as it is, and the console says so (en and zh)', async () => {
    const run = await reportAsOf('2026-10-01');
    expect(run.code).toBe(0);
    expect(run.lines).toContain(
      "Note: today is 2026-10-01 by the clock (or --now), before every date of the data (from 2026-11-01); the dates are taken as they are. Check the computer's date.",
    );
    expect(run.lines).toContain('Daily 2026-11-14: 379 inquiries, 138 paid, conversion 36.41%, sales 29,589.00');
    const zh = await reportAsOf('2026-10-01', 'zh');
    expect(zh.lines.some((l) => l.startsWith('注意：按时钟（或 --now）今天是 2026-10-01'))).toBe(true);
  });

  test('the same --now gives the same reports', async () => {
    const [a, b] = [await reportAsOf('2026-11-10T09:00'), await reportAsOf('2026-11-10T09:00')];
    expect(a.lines.filter((l) => !l.startsWith('Wrote'))).toEqual(b.lines.filter((l) => !l.startsWith('Wrote')));
    expect(a.daily).toBe(b.daily);
  });
});

describe('parseNow', () => {
  test('a day, a day and time (T or space), seconds optional', () => {
    expect(parseNow('2026-11-10')).toBe(localTime(2026, 11, 10));
    expect(parseNow('2026-11-10T09:30')).toBe(localTime(2026, 11, 10, 9, 30));
    expect(parseNow('2026-11-10 09:30:15')).toBe(localTime(2026, 11, 10, 9, 30, 15));
  });
  test('anything else is refused', () => {
    for (const bad of ['2026-13-01', '2026-02-30', '2026-11-10T24:00', '2026-11-10T09:60', 'tomorrow', '']) expect(parseNow(bad), bad).toBeNull();
  });
  test('a bad --now exits 64 with a sentence naming it', async () => {
    const errors: string[] = [];
    const code = await runCli(['--out', mkdtempSync(join(tmpdir(), 'csdaily-now-')), '--lang', 'en', '--now', 'yesterday', sample('orders.csv')], () => {}, (l) => errors.push(l));
    expect(code).toBe(64);
    expect(errors[0]).toBe('--now: "yesterday" is not valid (YYYY-MM-DD, YYYY-MM-DDTHH:mm).');
  });
});
