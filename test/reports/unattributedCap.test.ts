/**
 * A month with more unattributed paid orders than the tab lists: the tab
 * keeps the claimed orders, the report day's orders with a likely agent and
 * then the largest; says how many it leaves out; and its totals by day count
 * every order, as unattributed.csv (the whole month) does. Writing it costs
 * the same cells whatever the month's order count.
 */
import { describe, expect, test } from 'vitest';
import { buildReports } from '../../src/reports';
import { UNATTRIBUTED_LISTED_MAX } from '../../src/reports/unattributedPick';
import { DEFAULT_COLUMN_PX, wrappedLines } from '../../src/reports/layout';
import type { Language } from '../../src/i18n';
import { t } from '../../src/i18n';
import type { SpecValue, TabSpec } from '../../src/reports/types';
import { writeTab } from '../../src/sheets/tabWriter';
import { readClaimsFromTab } from '../../src/sheets/claimsTab';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { TEST_NOW } from '../support/now';
import { AGENTS, REPORT_DAY, shop } from '../support/unattributedShop';

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`;

function run(perDay: number, language: Language = 'en') {
  const reports = buildReports(shop(perDay, language), { now: TEST_NOW, date: REPORT_DAY });
  const tab = reports.tabs.find((x) => x.key === 'unattributed')!;
  const csv = reports.csvs.find((c) => c.fileName === 'unattributed.csv')!;
  return { reports, tab, csv };
}

const cellsOf = (tab: TabSpec): SpecValue[][] => {
  const grid: SpecValue[][] = [];
  for (const b of tab.blocks) b.values.forEach((row, r) => row.forEach((v, c) => ((grid[b.row + r] ??= [])[b.col + c] = v)));
  return grid;
};

describe('the Unattributed tab over its cap', () => {
  const { reports, tab, csv } = run(100);
  const all = csv.rows.map((row) => row.map(String)).map(([orderId, , paidAt, amount, , likelyAgent, claimedBy]) => ({ orderId, day: paidAt.slice(0, 10), amount: Number(amount), likelyAgent, claimedBy }));
  const grid = cellsOf(tab);
  const listedIds = new Set(grid.flatMap((row) => (typeof row?.[0] === 'string' && /^n\d\d-\d{4}$/.test(row[0]) ? [String(row[0])] : [])));
  const listed = all.filter((o) => listedIds.has(o.orderId));
  const left = all.filter((o) => !listedIds.has(o.orderId));

  test('unattributed.csv and the console keep the whole month', () => {
    expect(all).toHaveLength(3000);
    expect(reports.summary.some((line) => line.includes(': 2995 ('))).toBe(true);
  });

  test('lists the cap: the claimed orders, every credited order of the report day, then the largest credited ones', () => {
    expect(listedIds.size).toBe(UNATTRIBUTED_LISTED_MAX);
    const claimed = all.filter((o) => o.claimedBy !== '');
    expect(claimed).toHaveLength(5);
    for (const o of claimed) expect(listedIds.has(o.orderId)).toBe(true);
    const today = all.filter((o) => o.day === REPORT_DAY && o.likelyAgent !== '');
    expect(today).toHaveLength(50);
    for (const o of today) expect(listedIds.has(o.orderId)).toBe(true);
    // Silent orders have nobody to claim them: none listed while orders with a likely agent are left.
    expect(listed.every((o) => o.likelyAgent !== '')).toBe(true);
    const smallestListed = Math.min(...listed.filter((o) => o.day !== REPORT_DAY && o.claimedBy === '').map((o) => o.amount));
    const largestLeft = Math.max(...left.filter((o) => o.likelyAgent !== '').map((o) => o.amount));
    expect(smallestListed).toBeGreaterThanOrEqual(largestLeft);
  });

  test('says how many orders are not listed and that any order can still be claimed by its ID', () => {
    const amount = left.reduce((s, o) => s + o.amount, 0).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const line = t('en', 'unattributed.notListed', { count: 2000, total: 3000, amount, silent: 1500, day: REPORT_DAY });
    expect(grid[2][0]).toBe(line);
    expect(line).toContain('2000 of the month\'s 3000 orders');
    expect(line).toContain('Any order can still be claimed');
    // The header follows it, and stays in the frozen rows.
    expect(grid[3][0]).toBe('Order ID');
    expect(tab.frozenRows).toBe(4);
  });

  test('the totals by day equal the whole list, listed or not', () => {
    const header = grid.findIndex((row) => row?.[0] === 'Paid on');
    expect(header).toBeGreaterThan(3 + UNATTRIBUTED_LISTED_MAX);
    const rows = grid.slice(header + 1, header + 32);
    for (let d = 1; d <= 30; d++) {
      const ofDay = all.filter((o) => o.day === day(d));
      const inTab = listed.filter((o) => o.day === day(d));
      const amount = ofDay.reduce((s, o) => s + o.amount, 0);
      const row = rows[d - 1];
      expect(row[0]).toBe(day(d));
      expect(row.slice(1, 6)).toEqual([ofDay.length, expect.closeTo(amount, 6), ofDay.filter((o) => o.claimedBy !== '').length, ofDay.filter((o) => o.likelyAgent !== '').length, inTab.length]);
    }
    expect(grid[header].slice(0, 6)).toEqual(['Paid on', 'Orders', 'Amount', 'Claimed', 'With a likely agent', 'Listed above']);
    expect(rows[30][0]).toBe('Total');
    expect(rows[30].slice(1, 6)).toEqual([3000, expect.closeTo(all.reduce((s, o) => s + o.amount, 0), 6), 5, 1500, UNATTRIBUTED_LISTED_MAX]);
  });

  test.each(['en', 'zh'] as Language[])('the totals by day take the list\'s column widths, every header on one line (%s)', (lang) => {
    const { tab: ofLang } = run(100, lang);
    const header = cellsOf(ofLang).findIndex((row) => row?.[0] === t(lang, 'col.paidOn'));
    const list = ofLang.blocks.find((b) => b.values[0][0] === t(lang, 'col.orderId'))!;
    expect(header).toBeGreaterThan(list.row + list.values.length);
    const headers = [t(lang, 'col.paidOn'), t(lang, 'col.orderCount'), t(lang, 'col.amount'), t(lang, 'col.claimedCount'), t(lang, 'col.withLikelyAgent'), t(lang, 'col.listedCount')];
    expect(headers.map((h, col) => wrappedLines(h, ofLang.columnWidths[col] ?? DEFAULT_COLUMN_PX, true))).toEqual(headers.map(() => 1));
    // One line: the header row keeps its default height.
    expect(ofLang.rowHeights?.[header]).toBeUndefined();
    // The list's set widths stand (its Amount column, left at the default, may grow by the few pixels "Claimed" needs).
    expect(Object.entries(ofLang.columnWidths).filter(([col]) => col !== '3')).toEqual(Object.entries({ 0: 160, 1: 110, 2: 140, 4: 200, 5: 130, 6: 100 }));
    expect(ofLang.columnWidths[3]).toBeLessThanOrEqual(DEFAULT_COLUMN_PX + 4);
  });

  test('a group heading counts its whole group and how many of it are listed', () => {
    const headings = grid.map((row) => row?.[0]).filter((v): v is string => typeof v === 'string' && v.startsWith('2026-11-01 · agent0'));
    const group = all.filter((o) => o.day === '2026-11-01' && o.likelyAgent === 'agent0');
    const inTab = group.filter((o) => listedIds.has(o.orderId));
    expect(inTab.length).toBeLessThan(group.length);
    expect(headings).toEqual([expect.stringMatching(new RegExp(`orders: ${group.length}, amount .*; listed: ${inTab.length}$`))]);
  });

  test('in Chinese too', () => {
    const zh = cellsOf(run(100, 'zh').tab);
    expect(zh[2][0]).toMatch(/^本月 3000 笔中有 2000 笔（[\d,.]+）未列出，其中 1500 笔为静默下单/);
    expect(zh.some((row) => row?.[0] === '付款日期')).toBe(true);
  });

  test('a month under the cap lists every order and has no not-listed line', () => {
    const small = run(20);
    const smallGrid = cellsOf(small.tab);
    const ids = smallGrid.filter((row) => typeof row?.[0] === 'string' && /^n\d\d-\d{4}$/.test(row[0]));
    expect(ids).toHaveLength(small.csv.rows.length);
    expect(smallGrid[2][0]).toBe('Order ID');
  });

  test('an order not listed is claimed by typing its ID and the agent ID on an empty row under the list', () => {
    const silent = left.find((o) => o.likelyAgent === '')!;
    const fake = new FakeSpreadsheetApp();
    writeTab(fake.ss, tab);
    const sheet = fake.spreadsheet.raw('Unattributed')!;
    const list = tab.blocks.find((b) => b.values[0][0] === 'Order ID')!;
    const empty = list.values.findIndex((r) => r.every((v) => v === '' || v === null));
    expect(empty).toBe(list.values.length - 10);
    sheet.getRange(list.row + empty + 1, 1).setValue(silent.orderId);
    sheet.getRange(list.row + empty + 1, 7).setValue('105');
    const claims = readClaimsFromTab(fake.ss);
    expect(claims).toContainEqual({ orderId: silent.orderId, agentId: '105' });
    // The five claimed orders and the new one: the totals by day under the list read as no claim.
    expect(claims).toHaveLength(6);
    // The next build lists it among the claimed, beside its agent ID.
    const again = buildReports({ ...shop(100), claims }, { now: TEST_NOW, date: REPORT_DAY });
    const row = cellsOf(again.tabs.find((x) => x.key === 'unattributed')!).find((r) => r?.[0] === silent.orderId);
    expect(row?.[6]).toBe('105');
  });

  test('writing the tab costs cells bounded whatever the month holds', () => {
    const written = (perDay: number) => {
      const fake = new FakeSpreadsheetApp();
      writeTab(fake.ss, run(perDay).tab);
      return fake.cellsWritten;
    };
    // Listed orders, a group heading per day and likely agent, the totals by day and the lines around them; each row 7 values and at most 11 styled cells.
    const bound = (UNATTRIBUTED_LISTED_MAX + 31 * (AGENTS.length + 1) + 50) * 7 * 3;
    const counts = [40, 80, 160].map(written);
    for (const cells of counts) expect(cells).toBeLessThan(bound);
    // 1 200, 2 400 and 4 800 orders: the same cost, within what the group headings vary.
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThan(0.05 * Math.min(...counts));
  });
});
