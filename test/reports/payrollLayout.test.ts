/**
 * The Payroll tab as a supervisor reads it (issue 10.6): headers over their
 * figures, no column repeating Total, audit lines in plain words with
 * percentages, fines positive and "deducted" in table and audit alike, a
 * legend for each colour, a team total, and payroll.csv's Note. The shop is
 * test/reports/layoutShop.ts: A's remark carries 160 555.50 of sales, B has
 * three fines (10, 30, then a dismissal review), C is under the minimum.
 */
import { describe, expect, test } from 'vitest';
import { buildReports, type ReportInput } from '../../src/reports';
import type { Block, TabSpec } from '../../src/reports/types';
import { blockStyleAt } from '../../src/xlsx/styles';
import { layoutShop, paidOrder } from './layoutShop';
import { TEST_NOW } from '../support/now';

function payrollOf(input: ReportInput) {
  const run = buildReports(input, { now: TEST_NOW, date: '2026-11-03' });
  return { tab: run.tabs.find((t) => t.key === 'payroll')!, csv: run.csvs.find((c) => c.fileName === 'payroll.csv')! };
}

const blockStartingWith = (tab: TabSpec, first: string): Block => tab.blocks.find((b) => b.values[0]?.[0] === first && b.values.length > 1)!;
/** The pay table is the first block headed Agent; the audit the second. */
const payTable = (tab: TabSpec, agentHeader = 'Agent') => tab.blocks.filter((b) => b.values[0]?.[0] === agentHeader)[0];
const auditTable = (tab: TabSpec, agentHeader = 'Agent') => tab.blocks.filter((b) => b.values[0]?.[0] === agentHeader)[1];
const rowOf = (block: Block, agent: string) => block.values.find((r) => r[0] === agent)!;

describe('payroll tab', () => {
  const { tab, csv } = payrollOf(layoutShop('en'));
  const table = payTable(tab);
  const header = table.values[0];
  const col = (h: string) => header.indexOf(h);

  test('money headers are right-aligned over right-aligned money', () => {
    const style = blockStyleAt(table);
    for (const h of ['Base pay', 'Commission', 'Fines (deducted)', 'Total']) {
      expect([h, style(0, col(h)).align, style(1, col(h)).align, style(1, col(h)).format]).toEqual([h, 'right', 'right', 'money']);
    }
  });

  test('the direct view shows no column repeating Total; the other views show theirs without the total', () => {
    expect(header).not.toContain('Shown as');
    const rules = { ...layoutShop('en').rules, payrollView: 'base_plus_bonus' as const };
    const other = payTable(payrollOf({ ...layoutShop('en'), rules }).tab);
    const shownAs = other.values[0].indexOf('Shown as');
    // A: 3 000 base + 1 605.56 commission + 200 + 100 = 4 905.56, shown as base + bonus.
    expect(rowOf(other, 'A')[shownAs]).toBe('3,000.00 + 1,905.56 bonus');
  });

  test('fines are positive and deducted, in the table and in the audit', () => {
    expect(rowOf(table, 'B')[col('Fines (deducted)')]).toBe(40);
    expect(rowOf(table, 'B')[col('Total')]).toBe(3300 - 40);
    const audit = auditTable(tab);
    const fines = audit.values.filter((r) => r[0] === 'B' && r[1] === 'Fine (deducted)');
    expect(fines.map((r) => r[3])).toEqual([10, 30]);
    const style = blockStyleAt(audit);
    const fineRow = audit.values.indexOf(fines[0]);
    expect([style(fineRow, 3).color, style(1, 3).color]).toEqual(['#B02A37', undefined]);
    expect(blockStyleAt(table)(table.values.indexOf(rowOf(table, 'B')), col('Fines (deducted)')).color).toBe('#B02A37');
  });

  test('audit lines in plain words, percentages as percentages, no setting names', () => {
    const audit = auditTable(tab);
    const line = (agent: string, item: string) => audit.values.find((r) => r[0] === agent && r[1] === item)!.filter((v) => v !== null);
    expect(line('A', 'Commission')).toEqual(['A', 'Commission', 1605.56, '1.00% of attributed sales', '160,555.50 attributed sales']);
    expect(line('A', 'Conversion bonus')).toEqual(['A', 'Conversion bonus', 200, 'inquiry conversion of 45.00% or more', '50.00%: 30 paid of 60 inquiries']);
    expect(line('C', 'Conversion bonus')).toEqual(['C', 'Conversion bonus', 0, 'at least 20 inquiries in the month', '11 inquiries < 20']);
    expect(line('A', 'Base pay')).toEqual(['A', 'Base pay', 3000, 'monthly base pay in the roster', 'agent ID 101']);
    for (const language of ['en', 'zh'] as const) {
      const text = auditTable(payrollOf(layoutShop(language)).tab, language === 'en' ? 'Agent' : '客服').values.flat().join('\n');
      for (const raw of ['commission_rate', 'base_pay', 'C = ', 'fine_schedule', 'min_inquiries', '0.45', '0.01']) expect(text, `${language}: ${raw}`).not.toContain(raw);
    }
  });

  test('zh audit lines speak Chinese', () => {
    const audit = auditTable(payrollOf(layoutShop('zh')).tab, '客服');
    const line = (agent: string, item: string) => audit.values.find((r) => r[0] === agent && r[1] === item)!.filter((v) => v !== null);
    expect(line('A', '提成')).toEqual(['A', '提成', 1605.56, '备注业绩的 1.00%', '备注业绩 160,555.50']);
    expect(line('A', '底薪')).toEqual(['A', '底薪', 3000, '花名册中的月底薪', '工号 101']);
    expect(line('B', '罚款（扣除）')).toEqual(['B', '罚款（扣除）', 10, '罚款标准：本月第 1 次罚款', '2026-11-02 late']);
  });

  test('every colour has its legend: the pink name and the red fines', () => {
    expect(blockStyleAt(table)(table.values.indexOf(rowOf(table, 'B')), 0).background).toBe('#F8D7DA');
    const legend = tab.blocks.find((b) => b.row === 1)!.values[0][0] as string;
    expect(legend).toContain('Pink name: the fine schedule calls for a dismissal review (see Note)');
    expect(legend).toContain('Red figure: fines, deducted from Total');
  });

  test('a bold team total row sums each money column', () => {
    const total = rowOf(table, 'Team total');
    expect(total[col('Base pay')]).toBe(3000 + 3300 + 3000 + 3000);
    expect(total[col('Fines (deducted)')]).toBe(40);
    expect(total[col('Total')]).toBeCloseTo(4905.56 + 3260 + 3005 + 3000, 2);
    expect(blockStyleAt(table)(table.values.indexOf(total), col('Total')).bold).toBe(true);
  });

  test('payroll.csv keeps the SPEC §6 columns, Fines positive, and adds Note and the Month at the end', () => {
    expect(csv.header.slice(-4)).toEqual(['Fines', 'Total', 'Note', 'Month']);
    const b = csv.rows.find((r) => r[0] === 'B')!;
    expect([b[csv.header.indexOf('Fines')], b[csv.header.indexOf('Note')]]).toEqual(['40.00', 'dismissal review (2026-11-04 rude)']);
    expect(csv.rows.find((r) => r[0] === 'A')![csv.header.indexOf('Note')]).toBe('');
    expect(rowOf(table, 'B')[col('Note')]).toBe('dismissal review (2026-11-04 rude)');
  });

  test("a confirmed claim is noted on the agent's row and in payroll.csv", () => {
    const input = { ...layoutShop('en'), claims: [{ orderId: 'o3', agentId: '103' }] };
    input.orders = [...input.orders, paidOrder('o3', '2026-11-03 12:00:00', 300, '')];
    const { tab: claimedTab, csv: claimedCsv } = payrollOf(input);
    const c = claimedCsv.rows.find((r) => r[0] === 'C')!;
    // C's commission: 1 % of 500 remarked + 300 claimed = 8.00.
    expect([c[claimedCsv.header.indexOf('Commission')], c[claimedCsv.header.indexOf('Note')]]).toEqual(['8.00', 'claims confirmed — orders: 1, amount 300.00']);
    expect(rowOf(payTable(claimedTab), 'C').at(-1)).toBe('claims confirmed — orders: 1, amount 300.00');
  });

  test('an agent the roster does not vouch for is noted as unpaid', () => {
    const input = layoutShop('en');
    input.roster = input.roster.filter((a) => a.name !== 'C');
    const { csv: unpaid } = payrollOf(input);
    const c = unpaid.rows.find((r) => r[0] === 'C')!;
    expect([c[unpaid.header.indexOf('Total')], c[unpaid.header.indexOf('Note')]]).toEqual(['0.00', 'not paid: not in the roster (give an agent ID or base pay)']);
  });

  test("the audit keeps to the table's columns, so the page is no wider", () => {
    const audit = auditTable(tab);
    expect(Math.max(...audit.values.map((r) => r.length))).toBeLessThanOrEqual(header.length);
    expect(blockStartingWith(tab, 'Agent')).toBe(table);
  });
});
