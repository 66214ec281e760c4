/**
 * Judgements a real shop can trust, end to end through the CLI with default
 * settings: the two public 赤兔 workbooks (2026-05-01, 2026-05-02; when
 * ../shared is beside the checkout) plus test/fixtures/chitu's
 * daily_database_2026-05-03_fixture.xlsx, the same shop's next day as 赤兔
 * shows the latest day (询单 延迟统计), with james (3 chats, that day only)
 * and fanny (1 buyer, 未回复 1, 0 s response). Every expected figure is
 * worked out from the sheets.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli } from '../../src/cli/main';
import { readTables } from '../../src/import';

const ROOT = join(__dirname, '../..');
const REAL = join(ROOT, '../shared/real-exports/chitu-workbooks');
const FIRST = join(REAL, 'daily_database_2026-05-01_nonempty.xlsx');
const SECOND = join(REAL, 'daily_database_2026-05-02.xlsx');
const LATER = join(ROOT, 'test/fixtures/chitu/daily_database_2026-05-03_fixture.xlsx');
const ALL = [FIRST, SECOND, LATER];

type Row = Record<string, string>;

interface Run {
  code: number;
  out: string[];
  dir: string;
  csv: (name: string) => Row[];
  text: (name: string) => string;
}

async function run(files: string[], args: string[] = []): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-real-shop-'));
  const out: string[] = [];
  const code = await runCli(['--out', dir, '--lang', 'en', ...args, ...files], (l) => out.push(l), (l) => out.push(l));
  const text = (name: string) => readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, '');
  const csv = (name: string): Row[] => {
    const rows = Papa.parse<string[]>(text(name), { skipEmptyLines: true }).data;
    return rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));
  };
  return { code, out, dir, csv, text };
}

/** Everyone on duty in the data, with an agent ID and the same base pay, so pay is compared like for like. */
function roster(dir: string): string {
  const path = join(dir, 'roster.csv');
  const names = ['winnie', 'liz', 'melissa', 'dianna', 'bob', 'james', 'fanny'];
  writeFileSync(path, ['agent,agent_id,shift,base_pay,active', ...names.map((n, i) => `${n},${201 + i},day,3000,yes`)].join('\n'));
  return path;
}

const by = (rows: Row[], agent: string) => {
  const row = rows.find((r) => r.Agent === agent);
  expect(row, agent).toBeDefined();
  return row!;
};

describe.skipIf(!existsSync(REAL))('the public 赤兔 workbooks and the provisional day after them, default settings', () => {
  it('2026-05-03 is provisional: the default day is 2026-05-02, and the day itself shows its final figures only', async () => {
    const latest = await run(ALL);
    expect(latest.code).toBe(0);
    expect(latest.text('summary.txt')).toMatch(/^CS daily report 2026-05-02 \(final figures\)/);
    const later = await run(ALL, ['--date', '2026-05-03']);
    const daily = later.csv('daily.csv');
    // 询单 not counted yet: blank, never 0; 销售额 ÷ 销售人数 is final: winnie 12 000 ÷ 1.
    expect([by(daily, 'winnie').Inquiries, by(daily, 'winnie').Paid, by(daily, 'winnie').AOV]).toEqual(['', '', '12000.00']);
    for (const row of daily) expect(row['Flag keys']).toContain('provisional');
    // fanny answered nobody: 赤兔's 0 s is no figure.
    expect(by(daily, 'fanny')['First response (s)']).toBe('');
    const summary = later.text('summary.txt');
    expect(summary).toContain('Inquiry conversion —');
    expect(summary).not.toMatch(/(^|\D)0 inquir|(^|\D)0 paid/);
    expect(later.out.some((l) => /^Daily 2026-05-03: — inquiries, — paid/.test(l))).toBe(true);
    // Inquiries not counted yet are not "under the minimum".
    expect(later.out).toContain('Ranking 2026-05-03: 0 ranked, 0 under the minimum, 5 without inquiries counted yet');
  });

  it('no agent without final sales data is graded or paid above one with it; james (provisional data only) is graded above no one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-real-roster-'));
    const r = await run(ALL, ['--roster', roster(dir)]);
    const card = r.csv('scorecard.csv');
    const pay = r.csv('payroll.csv');
    const withFinalSales = ['winnie', 'liz', 'melissa', 'dianna', 'bob'];
    for (const agent of ['james', 'fanny']) {
      expect([by(card, agent)['Weighted score'], by(card, agent).Grade], agent).toEqual(['', '']);
      const total = Number(by(pay, agent).Total);
      for (const other of withFinalSales) expect(total, `${agent} vs ${other}`).toBeLessThanOrEqual(Number(by(pay, other).Total));
      expect(by(pay, agent)['Response bonus']).toBe('0.00');
    }
    // The graded agents have final 询单 and 销售额 on both public days.
    const graded = card.filter((row) => row.Grade !== '').map((row) => row.Agent).sort();
    expect(graded.every((a) => withFinalSales.includes(a))).toBe(true);
    // The Scorecard tab says why each of the others has no grade, and never counts an unknown as 0.
    const tabs = await readTables({ name: 'report.xlsx', bytes: new Uint8Array(readFileSync(join(r.dir, 'report.xlsx'))) }, {});
    const rows = tabs.find((tab) => tab.sheet === 'Scorecard')!.rows;
    const note = (agent: string) => rows.find((row) => row[0] === agent)!.at(-1);
    expect(rows[1].join(' ')).toContain('Final figures through 2026-05-02; 2026-05-03 not final yet, left out of pay and grades');
    expect([note('james'), note('fanny')]).toEqual(['not scored: no final figures this month', 'not scored: no final figures this month']);
    expect([note('winnie'), note('melissa')]).toEqual(['not scored: inquiries 15 < 20', 'not scored: inquiries 17 < 20']);
    // scorecard.csv carries the same reasons.
    expect(['james', 'winnie'].map((agent) => by(card, agent).Note)).toEqual(['not scored: no final figures this month', 'not scored: inquiries 15 < 20']);
  });

  it('an agent who answered nobody earns no response bonus and no response points (bob, 2026-05-01: 咨询 1, 未回复 1, 0 s)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-real-bob-'));
    const r = await run([FIRST], ['--roster', roster(dir)]);
    expect(by(r.csv('daily.csv'), 'bob')['First response (s)']).toBe('');
    expect(by(r.csv('payroll.csv'), 'bob')['Response bonus']).toBe('0.00');
    const bob = by(r.csv('scorecard.csv'), 'bob');
    expect([bob['Average response (s) figure'], bob['Average response (s) points'], bob['Response rate points']]).toEqual(['', '', '']);
  });

  it('the day ranking of 2026-05-01 ranks winnie, liz and dianna (15–32 inquiries); bob (1) is under the minimum', async () => {
    const r = await run(ALL, ['--date', '2026-05-01']);
    const ranking = r.csv('ranking.csv');
    expect(ranking.filter((row) => row.Rank !== '').map((row) => [row.Agent, row.Inquiries])).toEqual([
      ['winnie', '15'],
      ['liz', '16'],
      ['dianna', '32'],
    ]);
    expect(by(ranking, 'bob').Rank).toBe('');
  });

  it('2026-05-02 ranks every agent with 15–40+ inquiries (melissa 17, bob 41, liz 19)', async () => {
    const r = await run(ALL, ['--date', '2026-05-02']);
    expect(r.csv('ranking.csv').filter((row) => row.Rank !== '').map((row) => row.Agent).sort()).toEqual(['bob', 'liz', 'melissa']);
  });

  it('AOV is 销售额 ÷ 销售人数 as 赤兔 states them, not ÷ the paid count', async () => {
    const first = (await run(ALL, ['--date', '2026-05-01'])).csv('daily.csv');
    expect(by(first, 'winnie').AOV).toBe('16511.00'); // 33 022 ÷ 2
    const second = (await run(ALL, ['--date', '2026-05-02'])).csv('daily.csv');
    expect(by(second, 'melissa').AOV).toBe('67009.00'); // 201 027 ÷ 3
    // bob: 6 paid (0.1463 × 41) but 销售人数 5: 200 964.04 ÷ 5.
    expect([by(second, 'bob').Paid, by(second, 'bob').AOV]).toEqual(['6', '40192.81']);
  });

  it('summary.txt (the owner\'s message) has no default target, no data-quality line, no 0 for an unknown count, in both languages', async () => {
    for (const lang of ['en', 'zh']) {
      const dir = mkdtempSync(join(tmpdir(), 'csdaily-real-summary-'));
      expect(await runCli(['--out', dir, '--lang', lang, ...ALL], () => {}, () => {})).toBe(0);
      const summary = readFileSync(join(dir, 'summary.txt'), 'utf8');
      expect(summary).not.toMatch(/target|目标/i);
      expect(summary).not.toMatch(/data quality|数据质量|above shop sales|高于店铺/i);
      // Comparisons against days never imported are "—"; the previous day (2026-05-01) was imported.
      expect(summary).toMatch(lang === 'en' ? /vs same day last week —/ : /较上周同日 —/);
      expect(summary).not.toMatch(/▲ ?12\.99|same day last week 0|上周同日 0/);
    }
  });

  it('--suggest-settings proposes a conversion target at the shop\'s own rate: the median of its daily conversion', async () => {
    const r = await run(ALL, ['--suggest-settings']);
    const target = r.csv('suggested-settings.csv').find((row) => row.setting === 'conversion_target')!;
    // Final days only: 2026-05-01 3 paid of 64 inquiries (4.69 %), 2026-05-02 10 of 77 (12.99 %); median 8.84 %.
    expect(target.value).toBe('8.84%');
    expect(target.note).toContain('May 1 … May 2, 2026');
    expect(r.text('summary.txt')).not.toMatch(/target/i);
  });
});
