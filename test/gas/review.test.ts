/**
 * The chats-to-review tab through the BUILT bundle: *Build all reports* on the
 * Spreadsheet fake writes what the core computes from the same records, in
 * the spreadsheet's language, with a trimmed grid, frozen title and header,
 * and no read of its own.
 */
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { costDifference } from '../fakes/cost';
import { chunk } from '../sheets/helpers';
import { loadBundle } from '../support/bundle';
import { DAY, reviewShop } from '../support/reviewShop';
import { buildAllAsDialog } from '../support/buildAll';

function seeded(locale: string) {
  const fake = new FakeSpreadsheetApp({ locale });
  const lib = loadBundle(fake.globals());
  const shop = reviewShop();
  lib.importChunk(JSON.stringify(chunk({ importId: 'c', kind: 'consultations', file: 'chats.csv', consultations: shop.consultations })));
  lib.importChunk(JSON.stringify(chunk({ importId: 'o', kind: 'orders', file: 'orders.csv', orders: shop.orders })));
  lib.importChunk(JSON.stringify(chunk({ importId: 'd', agentDays: shop.agentDays })));
  return { fake, lib };
}

const valuesOf = (fake: FakeSpreadsheetApp, name: string): unknown[][] => {
  const tab = fake.spreadsheet.raw(name)!;
  return tab.getRange(1, 1, tab.getLastRow(), tab.getLastColumn()).getValues();
};

describe('the Chats to review tab (built bundle)', () => {
  it('lists the flagged agents\' chats by the ranking rule, and the export\'s counts for an agent without chats', () => {
    const { fake, lib } = seeded('en_US');
    buildAllAsDialog(lib);
    expect(fake.ui.alerts).toEqual([]);
    const values = valuesOf(fake, 'Chats to review');
    expect(String(values[0][0])).toBe(`Chats to review ${DAY}: unconverted inquiries of the flagged agents`);
    expect(values[2]).toEqual(['Agent', '#', 'Buyer', 'First message', 'First response (s)', 'Buyer messages', 'Ordered, not paid', 'Paid before', 'Why']);
    const rows = values.slice(3).map((r) => [r[0], r[1], r[2], r[8]]);
    expect(rows).toEqual([
      ['A · below team conversion: review chats · 11 unconverted of 12 inquiries; 6 more not listed', '', '', ''],
      ['A', 1, 'silent', 'no reply; buyer messages: 2'],
      ['A', 2, 'orderer', 'ordered 100.00, not paid; buyer messages: 4'],
      ['A', 3, 'waiter', 'first reply after 50 s (target 20 s); buyer messages: 6'],
      ['A', 4, 'regular', 'paid 500.00 before; buyer messages: 1'],
      ['A', 5, 'chatty', 'buyer messages: 13'],
      ['C · below team conversion: review chats; low response rate · chats not imported; the export counts slow responses: 4, unanswered: 8', '', '', ''],
    ]);
    // B converted every inquiry and is not flagged for review: no row.
    expect(values.some((r) => r[0] === 'B')).toBe(false);
    const sheet = fake.spreadsheet.raw('Chats to review')!;
    expect(sheet.protections.map((p) => p.warningOnly)).toEqual([true]);
    // Title, hint and header stay on screen and print on every page; the grid holds the table and nothing more.
    expect(sheet.getFrozenRows()).toBe(3);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([sheet.getLastRow(), sheet.getLastColumn()]);
    expect(sheet.getRange(5, 4).getNumberFormats()).toEqual([['yyyy-mm-dd hh:mm:ss']]);
  });

  it('is a call of its own in Build all reports: the Daily\'s group reads less than Build daily report, which writes both, the review no more', () => {
    const { fake, lib } = seeded('en_US');
    // Once first, so the builds below find the same tabs to read (the claims typed into Unattributed among them).
    buildAllAsDialog(lib);
    fake.ui.promptAnswers = [''];
    const before = fake.cost();
    lib.buildDailyReport();
    const both = costDifference(fake.cost(), before).cellsRead;
    const groups: Record<string, number> = {};
    buildAllAsDialog(lib, (name, call) => {
      const start = fake.cost();
      const answer = call();
      groups[name] = costDifference(fake.cost(), start).cellsRead;
      return answer;
    });
    expect(fake.spreadsheet.raw('Chats to review')).toBeDefined();
    expect(groups.daily).toBeLessThan(both);
    expect(groups.review).toBeLessThanOrEqual(both);
  });

  it('follows the day Build daily report asks for', () => {
    const { fake, lib } = seeded('en_US');
    fake.ui.promptAnswers = ['2026-11-19'];
    lib.buildDailyReport();
    expect(valuesOf(fake, 'Chats to review')).toEqual([['Chats to review 2026-11-19: unconverted inquiries of the flagged agents'], ['No agent is flagged for review on 2026-11-19.']]);
    fake.ui.promptAnswers = [DAY];
    lib.buildDailyReport();
    expect(valuesOf(fake, 'Chats to review')[4].slice(0, 3)).toEqual(['A', 1, 'silent']);
  });

  it('is 待复盘会话 in a Chinese spreadsheet', () => {
    const { fake, lib } = seeded('zh_CN');
    buildAllAsDialog(lib);
    const values = valuesOf(fake, '待复盘会话');
    expect(values[2][8]).toBe('复盘原因');
    expect(values[3][0]).toBe('A · 低于团队转化：查看聊天记录 · 12 个询单中 11 个未转化，另有 6 个未列出');
    expect(values[4].slice(0, 3)).toEqual(['A', 1, 'silent']);
    expect(values.at(-1)![0]).toBe('C · 低于团队转化：查看聊天记录；回复率低 · 未导入聊天记录：报表统计慢响应 4 人，未回复 8 人');
  });
});
