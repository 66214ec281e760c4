/**
 * `npm run report -- --rules R.csv` with a scorecard in R (issue 12): the
 * fixture shop's scorecard.csv and payroll.csv against a computation by hand
 * from expected.json (SPEC §6a's figures), the raw orders file (shop AOV),
 * the roster's own columns and the events' manual scores.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli } from '../../src/cli/main';
import { FIXTURES, fixtureExpected, fixtureOrders } from '../support/fixtures';
import { readEvents, readRoster } from '../../src/import/roster';

const readCsv = (path: string) => {
  const rows = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data as string[][];
  return { header: rows[0], rows: rows.slice(1) };
};
const run = (args: string[]) => runCli(args, () => {}, () => {});

const dir = mkdtempSync(join(tmpdir(), 'csdaily-scorecard-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text, 'utf8');
  return join(dir, name);
};

/** Conversion in tiers, AOV against the shop on a line, inquiries as a team percentile, a supervisor's score. */
const RULES = file(
  'R.csv',
  [
    'setting,value,amount',
    'scorecard,on,',
    'scorecard_kpi,inquiry_conversion,40%',
    'scorecard_score,inquiry_conversion,>=45%:100; >=35%:80; else:50',
    'scorecard_kpi,aov_ratio,30%',
    'scorecard_score,aov_ratio,linear 0.9:0; 1.1:100',
    'scorecard_kpi,inquiries,10%',
    'scorecard_score,inquiries,percentile',
    'scorecard_kpi,manual:attitude,20%',
    'scorecard_base_pay,1000,',
  ].join('\n'),
);
/** 小丸子 has her own base; 美美 is not assessed (a trainee). */
const ROSTER = file(
  'roster.csv',
  [
    'agent,agent_id,shift,base_pay,active,performance_pay,assessed',
    '小丸子,101,day,3000,yes,1500,',
    '乔巴,102,day,3000,yes,,yes',
    '小明,103,day,3000,yes,,',
    '小红,104,day,3000,yes,,',
    '阿杰,105,night,3300,yes,,',
    '美美,106,night,3300,yes,,no',
  ].join('\n'),
);
/** Attitude scores typed by the supervisor; 小红 has none (excluded, the other weights rescaled). */
const EVENTS = file('events.csv', ['date,agent,kind,reason,amount', '2026-11-30,小丸子,score,attitude,90', '2026-11-30,乔巴,score,attitude,70', '2026-11-30,小明,评分,attitude,100', '2026-11-30,阿杰,score,attitude,85'].join('\n'));

const AGENTS = ['小丸子', '乔巴', '小明', '小红', '阿杰'];

/** The card computed by hand from expected.json and the raw orders. */
function byHand() {
  const stats = fixtureExpected().stats;
  const month = new Map<string, { inquiries: number; paid: number; sales: number }>();
  for (const [key, s] of Object.entries(stats)) {
    const [date, agent] = key.split('|');
    // Records run to 2026-11-16: the next-day windows of the 15th and 16th are still open, and pay and grades judge final days only.
    if (date >= '2026-11-15') continue;
    const m = month.get(agent) ?? { inquiries: 0, paid: 0, sales: 0 };
    month.set(agent, { inquiries: m.inquiries + s.inquiries, paid: m.paid + s.paid, sales: m.sales + s.sales });
  }
  // Shop AOV: every paid order of November ÷ its buyers counted per payment day.
  const paid = fixtureOrders().filter((o) => o.paidAt != null && new Date(o.paidAt).toISOString().startsWith('2026-11'));
  const buyerDays = new Set(paid.map((o) => `${new Date(o.paidAt!).toISOString().slice(0, 10)}|${o.buyer}`));
  const shopAov = paid.reduce((s, o) => s + o.amount, 0) / buyerDays.size;
  const attitude: Record<string, number> = { 小丸子: 90, 乔巴: 70, 小明: 100, 阿杰: 85 };
  const inquiries = AGENTS.map((a) => month.get(a)!.inquiries);
  return Object.fromEntries(
    AGENTS.map((agent) => {
      const m = month.get(agent)!;
      const conversion = m.paid / m.inquiries;
      const ratio = m.sales / m.paid / shopAov;
      const points = [
        conversion >= 0.45 ? 100 : conversion >= 0.35 ? 80 : 50,
        Math.min(100, Math.max(0, ((ratio - 0.9) / 0.2) * 100)),
        (100 * inquiries.filter((n) => m.inquiries > n).length) / (AGENTS.length - 1),
        attitude[agent] ?? null,
      ];
      const weights = [0.4, 0.3, 0.1, 0.2];
      const counted = weights.filter((_w, i) => points[i] != null);
      const score = points.reduce<number>((s, p, i) => s + (p ?? 0) * weights[i], 0) / counted.reduce((s, w) => s + w, 0);
      const [grade, coefficient] = score >= 90 ? ['A', 1.2] : score >= 80 ? ['B', 1] : score >= 70 ? ['C', 0.8] : ['D', 0.5];
      const base = agent === '小丸子' ? 1500 : 1000;
      return [agent, { figures: [conversion, ratio, m.inquiries, attitude[agent] ?? null], points, score, grade, coefficient, pay: Math.round(base * (coefficient as number) * 100) / 100 }];
    }),
  );
}

describe('the CLI with a scorecard in --rules', () => {
  const common = ['--lang', 'en', '--date', '2026-11-14', '--roster', ROSTER, '--events', EVENTS, join(FIXTURES, 'consultations.csv'), join(FIXTURES, 'orders.csv')];
  beforeAll(async () => {
    expect(await run(['--out', join(dir, 'on'), '--rules', RULES, ...common])).toBe(0);
    expect(await run(['--out', join(dir, 'off'), ...common])).toBe(0);
  });

  test('scorecard.csv: the header of issue 12 and every agent as computed by hand', () => {
    const { header, rows } = readCsv(join(dir, 'on', 'scorecard.csv'));
    expect(header).toEqual([
      'Agent', 'Agent ID',
      'Inquiry conversion figure', 'Inquiry conversion points', 'AOV vs shop figure', 'AOV vs shop points',
      'Inquiries figure', 'Inquiries points', 'attitude figure', 'attitude points',
      'Weighted score', 'Grade', 'Coefficient', 'Month', 'Scorecard', 'Note',
    ]);
    const want = byHand();
    for (const agent of AGENTS) {
      const row = rows.find((r) => r[0] === agent)!;
      const w = want[agent];
      w.figures.forEach((f, i) => (f == null ? expect(row[2 + 2 * i], agent).toBe('') : expect(Number(row[2 + 2 * i]), `${agent} figure ${i}`).toBeCloseTo(f, 2)));
      w.points.forEach((p, i) => (p == null ? expect(row[3 + 2 * i], agent).toBe('') : expect(Number(row[3 + 2 * i]), `${agent} points ${i}`).toBeCloseTo(p, 2)));
      expect(row[10], agent).toBe(w.score.toFixed(2));
      expect(row.slice(11, 13), agent).toEqual([w.grade, w.coefficient.toFixed(2)]);
    }
    // The trainee is listed, with her figures, and no score.
    const 美美 = rows.find((r) => r[0] === '美美')!;
    expect(美美[3]).toBe('');
    expect(美美.slice(10, 13)).toEqual(['', '', '']);
    expect(美美[15]).toBe('not assessed (roster)');
    // The file says which month it covers and that the card is on; switched off, it says so on every row.
    const month = rows[0][13];
    expect(rows.every((r) => r[13] === month && r[14] === 'on: performance pay by grade')).toBe(true);
    const off = readCsv(join(dir, 'off', 'scorecard.csv'));
    expect(off.rows.every((r) => r[14] === 'off: grades for reference, no performance pay')).toBe(true);
  });

  test('payroll.csv: Performance pay after Response bonus, in the Total, nothing else changed', () => {
    const on = readCsv(join(dir, 'on', 'payroll.csv'));
    const off = readCsv(join(dir, 'off', 'payroll.csv'));
    expect(on.header.slice(0, 11)).toEqual(['Agent', 'Agent ID', 'Base pay', 'Commission', 'Conversion bonus', 'Response bonus', 'Performance pay', 'Night allowance', 'Rewards', 'Fines', 'Total']);
    expect(off.header).toEqual(on.header);
    const want = byHand();
    for (const row of on.rows) {
      const before = off.rows.find((r) => r[0] === row[0])!;
      const pay = row[0] === '美美' ? 0 : want[row[0]].pay;
      expect(row[6], row[0]).toBe(pay.toFixed(2));
      expect(before[6], row[0]).toBe('0.00');
      expect(Number(row[10]), row[0]).toBeCloseTo(Number(before[10]) + pay, 2);
      expect([...row.slice(0, 6), ...row.slice(7, 10)]).toEqual([...before.slice(0, 6), ...before.slice(7, 10)]);
    }
  });

  test('without a scorecard in the rules, scorecard.csv still lists the default card, unscored pay 0', () => {
    const { header } = readCsv(join(dir, 'off', 'scorecard.csv'));
    expect(header.slice(2, 4)).toEqual(['Inquiry conversion figure', 'Inquiry conversion points']);
  });
});

describe('the roster and events columns the scorecard reads', () => {
  const source = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
  test('绩效基数 and 考核 in a Chinese roster; blank = the card\'s base, assessed', () => {
    const { agents, rejected } = readRoster(source('花名册.csv', '客服,工号,底薪,绩效基数,考核\n小丸子,101,3000,1500,是\n实习生,109,2000,,否\n乔巴,102,3000,,\n'));
    expect(rejected).toEqual([]);
    expect(agents.map((a) => [a.name, a.performancePay, a.assessed])).toEqual([['小丸子', 1500, undefined], ['实习生', undefined, false], ['乔巴', undefined, undefined]]);
  });
  test('a score row without its score is rejected with its row and column, never read as no data', () => {
    const { events, rejected } = readEvents(source('events.csv', 'date,agent,kind,reason,amount\n2026-11-30,小丸子,score,attitude,\n2026-11-30,乔巴,打分,attitude,88\n'));
    expect(events).toEqual([{ date: '2026-11-30', agent: '乔巴', kind: 'score', reason: 'attitude', amount: 88 }]);
    expect(rejected.map((r) => [r.row, r.column, r.reason])).toEqual([[2, 'amount', 'a score row needs the score in the amount column']]);
  });
});
