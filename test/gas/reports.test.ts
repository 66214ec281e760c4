/** The report menu items of the BUILT bundle: stored data in, generated tabs out, under the lock. */
import { describe, expect, it } from 'vitest';
import { localTime } from '../../src/core/dates';
import type { Consultation, Order } from '../../src/core/types';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { agentDay, chunk, rejection } from '../sheets/helpers';
import { loadBundle } from '../support/bundle';
import { buildAllAsDialog } from '../support/buildAll';

function seeded(locale = 'en_US') {
  const fake = new FakeSpreadsheetApp({ locale });
  const lib = loadBundle(fake.globals());
  const consultations: Consultation[] = [];
  const orders: Order[] = [];
  for (let i = 0; i < 40; i++) {
    const agent = i % 2 ? 'Alice' : 'Bob';
    consultations.push({ buyer: `b${i}`, agent, start: localTime(2026, 11, 21, 9, i), firstResponseSec: 10 + (i % 15), buyerMessages: 4, agentMessages: 5, category: 'presale' });
    if (i % 3 === 0) {
      orders.push({
        orderId: `o${i}`,
        buyer: `b${i}`,
        created: localTime(2026, 11, 21, 12, i),
        paidAt: localTime(2026, 11, 21, 12, i + 1),
        amount: 100 + i,
        items: 1,
        status: '交易成功',
        refunded: false,
        couponUsed: false,
        remark: i % 2 ? '101' : '',
        flag: '',
      });
    }
  }
  lib.importChunk(JSON.stringify(chunk({ importId: 'c', kind: 'consultations', file: 'c.csv', consultations })));
  lib.importChunk(JSON.stringify(chunk({ importId: 'o', kind: 'orders', file: 'o.csv', orders, rejected: [rejection(7)] })));
  lib.importChunk(JSON.stringify(chunk({ importId: 'd', agentDays: [agentDay('2026-11-20', 'Alice')] })));
  return { fake, lib };
}

describe('report menu items', () => {
  it('build every report tab from the stored data, protected warning-only', () => {
    const { fake, lib } = seeded();
    buildAllAsDialog(lib);
    expect(fake.ui.alerts).toEqual([]);
    const names = fake.spreadsheet.sheets.map((s) => s.getName());
    for (const tab of ['Daily', 'Ranking', 'Payroll', 'Scorecard', 'Unattributed', 'Import errors']) {
      expect(names).toContain(tab);
      expect(fake.spreadsheet.raw(tab)!.protections.map((p) => p.warningOnly)).toEqual([true]);
    }
    expect(fake.spreadsheet.raw('Daily')!.getLastRow()).toBeGreaterThan(3);
    expect(fake.spreadsheet.raw('Events')).toBeDefined();
    expect(fake.spreadsheet.raw('Settings')).toBeDefined();
    const toasts = fake.spreadsheet.toasts.map((t) => t.message);
    for (const written of ['Daily, Import errors written', 'Chats to review written', 'Payroll, Scorecard written', 'Unattributed written']) expect(toasts).toContain(written);
  });

  it('write the figures computed by hand into the Daily tab, in percent and money formats', () => {
    // 40 chats on 2026-11-21, odd ones Alice's; every third chat's buyer pays 100 + i.
    const { fake, lib } = seeded();
    fake.ui.promptAnswers = ['2026-11-21'];
    lib.buildDailyReport();
    const daily = fake.spreadsheet.raw('Daily')!;
    const values = daily.getRange(1, 1, daily.getLastRow(), daily.getLastColumn()).getValues();
    const header = values.findIndex((row) => row[0] === 'Agent');
    const alice = values.findIndex((row, i) => i > header && row[0] === 'Alice');
    // The conversion and sales part (the agent's ID and shift are in the service part below it).
    expect(values[header].slice(0, 10)).toEqual(['Agent', 'Consultations', 'Excluded', 'Inquiries', 'Placed', 'Paid', 'Order rate', 'Payment rate', 'Inquiry conversion', 'Sales']);
    expect(values[alice].slice(1, 10)).toEqual([20, 0, 20, 7, 7, 0.35, 1, 0.35, 847]);
    const formats = daily.getRange(alice + 1, 1, 1, 10).getNumberFormats()[0];
    expect([formats[8], formats[9]]).toEqual(['0.00%', '#,##0.00']);
    expect(daily.getFrozenRows()).toBe(1);
    expect(daily.getCharts()).toHaveLength(1);
  });

  it('leave no stale rows when a smaller report replaces a larger one', () => {
    const { fake, lib } = seeded();
    fake.ui.promptAnswers = ['2026-11-21'];
    lib.buildDailyReport();
    const before = fake.spreadsheet.raw('Daily')!.getLastRow();
    fake.ui.promptAnswers = ['2026-11-20'];
    lib.buildDailyReport();
    const daily = fake.spreadsheet.raw('Daily')!;
    const text = daily.getRange(1, 1, daily.getLastRow(), daily.getLastColumn()).getValues().flat().join('|');
    expect(daily.getLastRow()).toBeLessThan(before);
    expect(text).toContain('2026-11-20');
    expect(text).not.toContain('Bob');
  });

  it('rebuild a tab in place, once per name', () => {
    const { fake, lib } = seeded();
    lib.buildDailyReport();
    lib.buildDailyReport();
    const names = fake.spreadsheet.sheets.map((s) => s.getName());
    expect(names.filter((n) => n === 'Daily')).toHaveLength(1);
    expect(names.some((n) => n.includes('~building'))).toBe(false);
    expect(names).not.toContain('Ranking');
  });

  it('say so, and keep the previous tab, when writing fails', () => {
    const { fake, lib } = seeded();
    lib.buildDailyReport();
    const before = fake.spreadsheet.raw('Daily');
    fake.failOn = 'setValues';
    lib.buildDailyReport();
    expect(fake.spreadsheet.raw('Daily')).toBe(before);
    expect(fake.ui.alerts.at(-1)!.join(' ')).toContain('previous tab is unchanged');
    expect(fake.lock.held).toBe(false);
  });

  it('tell the user to import first when there is no data', () => {
    const fake = new FakeSpreadsheetApp({ locale: 'zh_CN' });
    const lib = loadBundle(fake.globals());
    fake.ui.promptAnswers = [''];
    lib.buildDailyReport();
    expect(fake.ui.alerts.at(-1)!.join(' ')).toContain('导入文件');
    // Build all reports: the first group answers that there is none, and the dialog says so in its words.
    expect(buildAllAsDialog(lib)).toMatchObject([{ noData: true, written: [] }]);
    lib.buildAllReports();
    expect(fake.ui.dialogs.at(-1)!.html.getContent()).toContain('导入文件');
  });

  it('ask for the daily date; blank takes the latest final day, a date is used, Cancel writes nothing', () => {
    const { fake, lib } = seeded();
    // 2026-11-21's chats end that day: its next-day attribution window is still open, so it is provisional.
    fake.ui.promptAnswers = ['2026-11-21'];
    lib.buildDailyReport();
    expect(String(fake.spreadsheet.raw('Daily')!.getRange(1, 1).getValue())).toBe('Daily report 2026-11-21 (provisional)');
    fake.ui.promptAnswers = [''];
    lib.buildDailyReport();
    expect(String(fake.spreadsheet.raw('Daily')!.getRange(1, 1).getValue())).toBe('Daily report 2026-11-20');
    fake.ui.promptAnswers = [null];
    fake.resetCalls();
    lib.buildRanking();
    expect(fake.spreadsheet.raw('Ranking')).toBeUndefined();
    expect(fake.calls.setValues ?? 0).toBe(0);
  });

  it('refuse an answer it cannot read, and change nothing', () => {
    const { fake, lib } = seeded();
    fake.ui.promptAnswers = ['next tuesday'];
    lib.buildPayroll();
    expect(fake.ui.alerts.at(-1)!.join(' ')).toContain('next tuesday');
    expect(fake.spreadsheet.raw('Payroll')).toBeUndefined();
  });

  it('rank a week or a month when asked', () => {
    const { fake, lib } = seeded();
    fake.ui.promptAnswers = ['week 2026-11-21'];
    lib.buildRanking();
    expect(String(fake.spreadsheet.raw('Ranking')!.getRange(1, 1).getValue())).toContain('2026-W47');
    fake.ui.promptAnswers = ['month 2026-11'];
    lib.buildRanking();
    expect(String(fake.spreadsheet.raw('Ranking')!.getRange(1, 1).getValue())).toContain('2026-11');
  });

  it('make as many Spreadsheet calls for 20 000 stored agent-days as for 1 000', () => {
    const callsFor = (days: number) => {
      const fake = new FakeSpreadsheetApp({ locale: 'en_US' });
      const lib = loadBundle(fake.globals());
      const agents = Array.from({ length: 100 }, (_, i) => `agent${i}`);
      const rows = [];
      for (let d = 0; d < days; d++) {
        const date = new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        for (const agent of agents) rows.push(agentDay(date, agent));
      }
      lib.importChunk(JSON.stringify(chunk({ importId: `d${days}`, agentDays: rows })));
      // Each group's server call on its own.
      const calls: Record<string, Record<string, number>> = {};
      buildAllAsDialog(lib, (group, call) => {
        fake.resetCalls();
        const answer = call();
        const { insertRowsAfter: _, ...counted } = fake.calls;
        calls[group] = { ...counted };
        return answer;
      });
      expect(fake.ui.alerts).toEqual([]);
      return { calls, rows: rows.length };
    };
    const small = callsFor(10);
    const large = callsFor(200);
    expect([small.rows, large.rows]).toEqual([1_000, 20_000]);
    expect(large.calls).toEqual(small.calls);
    if (process.env.SHOW_CALLS) console.log(JSON.stringify(large.calls));
    // A read per tab a call reads: the side tabs, the data tabs by stretch, and once an earlier group wrote them the Unattributed tab's claims and the computed days.
    for (const [group, calls] of Object.entries(large.calls)) expect({ group, getValues: calls.getValues <= 14 }).toEqual({ group, getValues: true });
  });
});

describe("the owner's message after a build", () => {
  it('opens in a dialog, selected for copying, with names from files escaped', () => {
    const fake = new FakeSpreadsheetApp({ locale: 'en_US' });
    const lib = loadBundle(fake.globals());
    lib.importChunk(JSON.stringify(chunk({ importId: 'o', agentDays: [agentDay('2026-11-20', '<img src=x onerror=alert(1)>')] })));
    // Build daily report shows it in its own dialog (Build all reports at the end of its dialog: test/ui/buildAllDialog.test.ts).
    fake.ui.promptAnswers = [''];
    lib.buildDailyReport();
    expect(fake.ui.dialogs).toHaveLength(1);
    const { html, title } = fake.ui.dialogs[0];
    expect(title).toBe("Today's message for the owner");
    const content = html.getContent();
    expect(content).toContain('CS daily report 2026-11-20 (final figures)');
    expect(content).not.toContain('<img');
    expect(content).toContain('&#60;img src=x onerror=alert(1)&#62;');
    // The same text heads the Daily tab.
    expect(String(fake.spreadsheet.raw('Daily')!.getRange(2, 1).getValue())).toMatch(/^CS daily report 2026-11-20 \(final figures\)\n/);
  });
});

describe('claims typed into the Unattributed tab', () => {
  it('are read back on the next build: the order leaves the open list and counts in the agent commission', () => {
    const { fake, lib } = seeded();
    fake.ui.promptAnswers = ['2026-11'];
    lib.buildPayroll();
    const tab = fake.spreadsheet.raw('Unattributed')!;
    const values = tab.getRange(1, 1, tab.getLastRow(), tab.getLastColumn()).getValues();
    const header = values.findIndex((r: unknown[]) => r.includes('Claimed by'));
    const idCol = values[header].indexOf('Order ID');
    const claimCol = values[header].indexOf('Claimed by');
    // An order with no ID at all in its remark (the odd ones carry 101, which Alice's ID will soon claim by itself).
    const orderRow = values.findIndex((r: unknown[], i: number) => i > header && /^o\d+$/.test(String(r[idCol])) && r[values[header].indexOf('Seller remark')] === '');
    const orderId = String(values[orderRow][idCol]);
    const openBefore = String(values[0][0]);
    // The roster gives Alice her ID, and the supervisor types it beside the order.
    const roster = fake.spreadsheet.raw('Roster')!;
    const rosterRows = roster.getRange(1, 1, roster.getLastRow(), roster.getLastColumn()).getValues();
    roster.getRange(rosterRows.findIndex((r: unknown[]) => r[0] === 'Alice') + 1, rosterRows[0].indexOf('agent_id') + 1).setValue('101');
    tab.getRange(orderRow + 1, claimCol + 1).setValue('101');
    fake.ui.promptAnswers = ['2026-11'];
    lib.buildPayroll();
    const after = fake.spreadsheet.raw('Unattributed')!;
    const rows = after.getRange(1, 1, after.getLastRow(), after.getLastColumn()).getValues();
    expect(String(rows.find((r: unknown[]) => r[idCol] === orderId)![claimCol])).toBe('101');
    expect(String(rows[0][0])).not.toBe(openBefore);
    expect(String(rows[0][0])).toMatch(/, 1 claimed$/);
    const payroll = fake.spreadsheet.raw('Payroll')!;
    const text = payroll.getRange(1, 1, payroll.getLastRow(), payroll.getLastColumn()).getValues().flat().join('|');
    expect(text).toContain('claimed, confirmed by the supervisor');
  });
});
