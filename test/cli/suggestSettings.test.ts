/**
 * `--suggest-settings` (issue 18): settings fitted to the shop from its own
 * final days, written as a proposal (suggested-settings.csv) and never
 * applied. Every expected value is worked out by hand from the fixture.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli } from '../../src/cli/main';
import { workloadBands } from '../../src/core/suggestSettings';
import { quantile } from '../../src/core/quantile';
import { rulesFromTable } from '../../src/core/settings';

const CHITU = join(__dirname, '../fixtures/chitu');

describe('workloadBands', () => {
  test('SPEC §3 at 100 a day, scaled otherwise, always ascending', () => {
    expect(workloadBands(100)).toEqual([60, 80, 100, 120]);
    expect(workloadBands(37)).toEqual([22, 30, 37, 44]);
    expect(workloadBands(1)).toEqual([1, 2, 3, 4]);
  });
});

describe('quantile', () => {
  test('linear between order statistics (PERCENTILE.INC)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 10, 30, 32, 40], 0.9)).toBeCloseTo(36.8, 9);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('--suggest-settings on the 赤兔 fixture workbooks', () => {
  test('proposals from the final day only, each with its source; the reports keep their defaults', async () => {
    const out = mkdtempSync(join(tmpdir(), 'csdaily-suggest-'));
    const lines: string[] = [];
    const files = ['2026-05-01', '2026-05-02'].map((d) => join(CHITU, `daily_database_${d}_fixture.xlsx`));
    expect(await runCli(['--out', out, '--lang', 'en', '--now', '2026-05-20', '--suggest-settings', ...files], (l) => lines.push(l), (l) => lines.push(l))).toBe(0);
    const rows = Papa.parse<string[]>(readFileSync(join(out, 'suggested-settings.csv'), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['setting', 'value', 'amount', 'note']);
    const by = new Map(rows.slice(1).map((r) => [r[0], r]));
    // 2026-05-02 is provisional (ben's 询单 延迟统计): only 2026-05-01 counts. Team 23 paid of 113 inquiries.
    expect(by.get('conversion_target')!.slice(1, 3)).toEqual(['20.35%', '']);
    expect(by.get('conversion_target')![3]).toBe('median daily team conversion 20.35% (May 1, 2026; days: 1); only 1 of the 30 days with final figures a fit needs: a rough guide');
    // Agent-days 1, 10, 30, 32, 40: median 30, half 15; 90th percentile 32 + 0.6 × 8 = 36.8 → 37.
    expect(by.get('min_inquiries_per_day')![1]).toBe('15');
    expect(by.get('inquiries_per_agent')![1]).toBe('37');
    // SPEC §3's bands scaled to 37 a day: 60 % 22.2, 80 % 29.6, 100 % 37, 120 % 44.4.
    expect(by.get('workload_thresholds')![1]).toBe('22;30;37;44');
    // Agents' conversion 0, 0.125, 0.2, 0.25, 0.3: 25th 0.125, median 0.2, 75th 0.25.
    expect(by.get('scorecard_score')!.slice(1, 3)).toEqual(['inquiry_conversion', '>=25.00%:100; >=20.00%:80; >=12.50%:60; else:50']);
    // First response of the agent-days 12.5, 20, 8, 60, 15: 75th percentile = 20.
    expect(by.get('first_response_target_sec')![1]).toBe('20');
    expect(lines.some((l) => l.startsWith('Suggested setting (not applied): conversion_target,20.35%'))).toBe(true);
    // Nothing applied: the owner's message still has no target.
    expect(readFileSync(join(out, 'summary.txt'), 'utf8')).not.toContain('target');
  });

  test('in Chinese: the sources in Chinese with the dates and numbers as a Chinese reader writes them; the file reads back as rules', async () => {
    const out = mkdtempSync(join(tmpdir(), 'csdaily-suggest-zh-'));
    const lines: string[] = [];
    const files = ['2026-05-01', '2026-05-02'].map((d) => join(CHITU, `daily_database_${d}_fixture.xlsx`));
    expect(await runCli(['--out', out, '--lang', 'zh', '--now', '2026-05-20', '--suggest-settings', ...files], (l) => lines.push(l), (l) => lines.push(l))).toBe(0);
    const text = readFileSync(join(out, 'suggested-settings.csv'), 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['设置项', '值', '数额', '说明']);
    const by = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(by.get('conversion_target')![3]).toBe('2026-05-01（1 天）每日团队转化率中位数 20.35%；已确定的数据仅 1 天（不足 30 天），仅供参考');
    expect(by.get('min_inquiries_per_day')![3]).toBe('2026-05-01 每人每日询单中位数 30 的一半（5 个人日）；已确定的数据仅 1 天（不足 30 天），仅供参考');
    expect(by.get('inquiries_per_agent')![3]).toContain('第 90 百分位 36.8（中位数 30，5 个人日）');
    expect(by.get('scorecard_score')![2]).toBe('>=25.00%:100; >=20.00%:80; >=12.50%:60; 其他:50');
    expect(by.get('first_response_target_sec')![3]).toContain('首次响应第 75 百分位 20 秒');
    expect(lines.some((l) => l.startsWith('建议设置（未应用）： conversion_target,20.35% · 2026-05-01'))).toBe(true);
    // The file is a rules CSV: read back with its Chinese header, every row is a setting the reader knows.
    const { rules, problems } = rulesFromTable(rows, 'zh');
    expect(problems).toEqual([]);
    expect(rules.conversionTarget).toBeCloseTo(0.2035, 9);
    expect(rules.minInquiriesPerDay).toBe(15);
    expect(rules.scorecard.kpis.find((k) => k.kpi === 'inquiry_conversion')!.scoring).toEqual({ kind: 'tiers', direction: 'higher', tiers: [{ threshold: 0.25, points: 100 }, { threshold: 0.2, points: 80 }, { threshold: 0.125, points: 60 }], otherwise: 50 });
  });
});
