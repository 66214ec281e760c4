/**
 * The Ranking tab as a supervisor reads it (issue 10.5): the period's dates in
 * the title, the rank in its own centred column, the gap to the team in
 * percentage points while ranking.csv keeps the fraction, and the reason on
 * every unranked row. The shop is test/reports/layoutShop.ts.
 */
import { describe, expect, test } from 'vitest';
import { buildReports } from '../../src/reports';
import type { Block, TabSpec } from '../../src/reports/types';
import { blockStyleAt } from '../../src/xlsx/styles';
import { layoutShop } from './layoutShop';
import { TEST_NOW } from '../support/now';

function rankingOf(language: 'en' | 'zh', period: 'day' | 'week') {
  const run = buildReports(layoutShop(language), { now: TEST_NOW, date: '2026-11-03', period });
  return { tab: run.tabs.find((t) => t.key === 'ranking')!, csv: run.csvs.find((c) => c.fileName === 'ranking.csv')! };
}

/** The block whose first row is the table header, and a column's index by its header. */
function table(tab: TabSpec, firstHeader: string): { block: Block; col: (header: string) => number; row: (agent: string) => (string | number | boolean | null)[] } {
  const block = tab.blocks.find((b) => b.values[0]?.[0] === firstHeader)!;
  const col = (header: string) => block.values[0].indexOf(header);
  return { block, col, row: (agent) => block.values.find((r) => r[col(block.values[0][1] as string)] === agent)! };
}

describe('ranking tab', () => {
  test("a week's title carries its dates; a day's is the day itself", () => {
    expect(rankingOf('en', 'week').tab.blocks[0].values[0][0]).toBe('Agent ranking 2026-W45 (2026-11-02 – 2026-11-08)');
    expect(rankingOf('zh', 'week').tab.blocks[0].values[0][0]).toBe('客服排名 2026-W45（2026-11-02 至 2026-11-08）');
    expect(rankingOf('en', 'day').tab.blocks[0].values[0][0]).toBe('Agent ranking 2026-11-03');
  });

  test('the rank has its own centred column, the name the next one', () => {
    const { tab } = rankingOf('en', 'week');
    const { block, col } = table(tab, 'Rank');
    expect([col('Rank'), col('Agent')]).toEqual([0, 1]);
    expect(block.values.slice(1).map((r) => [r[0], r[1]])).toEqual([[1, 'A'], [2, 'B'], [null, 'C'], [null, 'D']]);
    const style = blockStyleAt(block);
    expect(style(0, 0).align).toBe('center');
    expect(style(1, 0).align).toBe('center');
  });

  test('gap to team in percentage points in the tab, a fraction in ranking.csv', () => {
    // Week: team 54 paid of 111 inquiries (D has none); A 30 / 60 = 0.5 → 0.5 − 54/111 = +1.35 points.
    const { tab, csv } = rankingOf('en', 'week');
    const { block, col, row } = table(tab, 'Rank');
    const gap = col('Gap to team (pp)');
    expect(gap).toBeGreaterThan(0);
    expect(row('A')[gap]).toBeCloseTo((0.5 - 54 / 111) * 100, 10);
    expect(blockStyleAt(block)(1, gap).format).toBe('points');
    const csvGap = csv.header.indexOf('Gap to team');
    expect(csv.rows.find((r) => r[1] === 'A')![csvGap]).toBe((0.5 - 54 / 111).toFixed(4));
  });

  test('each unranked row says why: inquiries under the minimum, or no inquiry figures yet', () => {
    // Minimum 10 a day × 2 days with data = 20; C has 5 + 6 = 11; D only consultations.
    const en = table(rankingOf('en', 'week').tab, 'Rank');
    expect(en.row('C')[en.col('Note')]).toBe('not ranked: 11 inquiries < 20');
    expect(en.row('D')[en.col('Note')]).toBe('not ranked: no inquiry figures yet');
    expect(en.row('A')[en.col('Note')]).toBe('');
    const zh = table(rankingOf('zh', 'week').tab, '排名');
    expect(zh.row('C')[zh.col('备注')]).toBe('未排名：询单 11 < 20');
    expect(zh.row('D')[zh.col('备注')]).toBe('未排名：暂无询单数据');
  });

  test('grey only on unranked rows, and the legend says what grey means', () => {
    const { tab } = rankingOf('en', 'week');
    const { block } = table(tab, 'Rank');
    expect((block.cellStyles ?? []).filter((c) => c.style.background)).toEqual([]);
    const greyRows = new Set((block.cellStyles ?? []).filter((c) => c.style.color === '#6C757D').map((c) => block.values[c.row][1]));
    expect([...greyRows].sort()).toEqual(['C', 'D']);
    const text = tab.blocks.flatMap((b) => b.values.flat()).join('\n');
    expect(text).toContain('Agents not ranked follow in grey, the reason in Note.');
  });

  test('number headers are right-aligned over their right-aligned figures', () => {
    const { block, col } = table(rankingOf('en', 'week').tab, 'Rank');
    const style = blockStyleAt(block);
    for (const header of ['Inquiries', 'Inquiry conversion', 'Sales', 'Gap to team (pp)']) {
      expect([header, style(0, col(header)).align, style(1, col(header)).align]).toEqual([header, 'right', 'right']);
    }
    expect(style(0, col('Agent')).align).toBeUndefined();
  });
});
