/**
 * Unremarked orders made actionable (issue 10.7): each shows the agent the
 * engine credits it to, and a claim the supervisor confirms (`--claims`)
 * moves it into that agent's commission with its own audit line.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli } from '../../src/cli/main';

const SAMPLES = join(__dirname, '../../samples');
const base = ['--lang', 'en', '--date', '2026-11-14', '--roster', join(SAMPLES, 'roster.csv'), '--rules', join(SAMPLES, 'rules.csv'), join(SAMPLES, 'consultations.csv'), join(SAMPLES, 'orders.csv')];

function readCsv(path: string): Record<string, string>[] {
  const rows = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data as string[][];
  return rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));
}

async function run(extra: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'csdaily-claims-'));
  const lines: string[] = [];
  const code = await runCli(['--out', out, ...base, ...extra], (l) => lines.push(l), (l) => lines.push(l));
  return { code, out, lines };
}

describe('claims of unremarked orders', () => {
  test('unattributed.csv names the likely agent of every credited order and leaves silent orders blank', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(0);
    const rows = readCsv(join(out, 'unattributed.csv'));
    expect(Object.keys(rows[0]).slice(-2)).toEqual(['Likely agent', 'Claimed by']);
    expect(rows.find((r) => r['Order ID'] === '880010048')!['Likely agent']).toBe('小丸子');
    expect(rows.every((r) => r['Claimed by'] === '')).toBe(true);
  });

  test('--claims moves the claimed amount into the agent commission, with an audit line, and out of the open list', async () => {
    const before = await run([]);
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-claimfile-'));
    // 129.00 + 598.00 paid on 2026-11-01, both credited to 小丸子 (ID 101).
    const claims = join(dir, 'claims.csv');
    writeFileSync(claims, 'order_id,agent_id\n880010048,101\n880010045,101\n880010999,101\n880010062,999\n');
    const after = await run(['--claims', claims]);
    expect(after.code).toBe(0);
    const pay = (dirOut: string) => readCsv(join(dirOut, 'payroll.csv')).find((r) => r.Agent === '小丸子')!;
    const rules = readFileSync(join(SAMPLES, 'rules.csv'), 'utf8');
    const rate = Number(/commission_rate,([\d.]+)/.exec(rules)![1]);
    expect(Number(pay(after.out).Commission) - Number(pay(before.out).Commission)).toBeCloseTo(Math.round(727 * rate * 100) / 100, 2);
    const unattributed = readCsv(join(after.out, 'unattributed.csv'));
    expect(unattributed.filter((r) => r['Claimed by'] === '101').map((r) => r['Order ID']).sort()).toEqual(['880010045', '880010048']);
    const text = after.lines.join('\n');
    expect(text).toContain('Claimed by the supervisor: 2 orders');
    // A claim for an order that is not open, and one for an ID nobody has, are said, not applied.
    expect(text).toContain('claim of order 880010999: the order is not an unremarked paid order');
    expect(text).toContain('claim of order 880010062: no agent in the roster has agent ID "999"');
    const xlsx = readFileSync(join(after.out, 'report.xlsx'));
    expect(xlsx.length).toBeGreaterThan(0);
  });
});
