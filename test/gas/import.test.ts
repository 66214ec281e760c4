/**
 * The import server functions of the BUILT bundle, called with JSON strings
 * exactly as the sidebar's google.script.run does.
 */
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { agentDay, chunk, consultation, order, rejection } from '../sheets/helpers';
import { loadBundle } from '../support/bundle';

function world(locale = 'en_US') {
  const fake = new FakeSpreadsheetApp({ locale });
  return { fake, lib: loadBundle(fake.globals()) };
}

describe('import through the built bundle', () => {
  it('gives the sidebar its context as JSON', () => {
    const { lib } = world('zh_CN');
    const context = JSON.parse(lib.getSidebarContext());
    expect(context).toEqual({ language: 'zh', timeZone: 'Asia/Shanghai', rosterNames: [] });
  });

  it('stores chunks, replaces on re-import, and logs the table at finishImport', () => {
    const { fake, lib } = world();
    const days = [agentDay('2026-11-21', 'Alice'), agentDay('2026-11-21', 'Bob')];
    const first = JSON.parse(lib.importChunk(JSON.stringify(chunk({ importId: 'a', rowsRead: 3, agentDays: days, rejected: [rejection(4)] }))));
    expect(first).toEqual({ importId: 'a', chunkIndex: 0, added: 2, replaced: 0, rejected: 1, repeated: false, storedSoFar: 2 });
    const summary = JSON.parse(lib.finishImport('a'));
    expect(summary).toMatchObject({ file: 'agent_day.csv', kind: 'agent_day', rowsRead: 3, added: 2, replaced: 0, rejected: 1, newAgents: ['Alice', 'Bob'] });

    const again = JSON.parse(lib.importChunk(JSON.stringify(chunk({ importId: 'b', rowsRead: 3, agentDays: days }))));
    expect(again).toMatchObject({ added: 0, replaced: 2 });
    expect(JSON.parse(lib.finishImport('b')).newAgents).toEqual([]);

    expect(fake.spreadsheet.raw('Data: agent-day')!.getLastRow()).toBe(3);
    expect(fake.spreadsheet.raw('Import log')!.getLastRow()).toBe(3);
    expect(fake.spreadsheet.raw('Data: import errors')!.getLastRow()).toBe(2);
    expect(JSON.parse(lib.getSidebarContext()).rosterNames).toEqual(['Alice', 'Bob']);
    expect(fake.lock.log.filter((l) => l === 'waitLock(30000)')).toHaveLength(4);
    expect(fake.lock.held).toBe(false);

    expect(lib.showImportErrors()).toBe('Data: import errors');
    expect(fake.spreadsheet.getActiveSheet()!.getName()).toBe('Data: import errors');
  });

  it('stores a chunk sent twice once (a retry after a lost answer) and logs its table once', () => {
    const { fake, lib } = world();
    const sent = JSON.stringify(chunk({ importId: 'twice', rowsRead: 2, agentDays: [agentDay('2026-11-21', 'Alice'), agentDay('2026-11-21', 'Bob')] }));
    expect(JSON.parse(lib.importChunk(sent))).toMatchObject({ added: 2, replaced: 0, repeated: false });
    expect(JSON.parse(lib.importChunk(sent))).toMatchObject({ added: 0, replaced: 0, repeated: true, storedSoFar: 2 });
    const summary = lib.finishImport('twice');
    expect(lib.finishImport('twice')).toBe(summary);
    expect(JSON.parse(summary)).toMatchObject({ added: 2, replaced: 0 });
    expect(fake.spreadsheet.raw('Data: agent-day')!.getLastRow()).toBe(3);
    expect(fake.spreadsheet.raw('Import log')!.getLastRow()).toBe(2);
  });

  it('says in each summary how many grid cells the spreadsheet holds of the 10 M Sheets allows, and how many more days fit', () => {
    const { fake, lib } = world();
    lib.importChunk(JSON.stringify(chunk({ importId: 'g', agentDays: [agentDay('2026-11-21', 'Alice')] })));
    const summary = JSON.parse(lib.finishImport('g'));
    expect(summary.grid.used).toBe(fake.gridCells());
    expect(summary.grid.limit).toBe(10_000_000);
    // The first sheet (1000 × 26) and the tabs the import made, each fitted to what it holds.
    expect(summary.grid.used).toBeLessThan(26_000 + 5_000);
    // One day stored in the agent-day tab's 2 × 56 cells: the rest of the limit holds that many more such days.
    const perDay = fake.spreadsheet.raw('Data: agent-day')!.maxRows * fake.spreadsheet.raw('Data: agent-day')!.maxColumns;
    expect(summary.grid.daysLeft).toBe(Math.floor((10_000_000 - fake.gridCells()) / perDay));
  });

  it('has no errors tab to show before any rejection', () => {
    expect(world().lib.showImportErrors()).toBe('');
  });

  it('stores consultations and orders with their times as wall-clock text', () => {
    const { fake, lib } = world();
    lib.importChunk(JSON.stringify(chunk({ kind: 'consultations', file: 'c.csv', consultations: [consultation('b1', 'Alice', 9)] })));
    lib.importChunk(JSON.stringify(chunk({ importId: 'o', kind: 'orders', file: 'o.csv', orders: [order('0042', 'b1', '=1+1')] })));
    const c = fake.spreadsheet.raw('Data: consultations')!.grid();
    expect(c[1].slice(0, 3)).toEqual(['b1', 'Alice', '2026-11-21 09:05:07']);
    const o = fake.spreadsheet.raw('Data: orders')!;
    expect(o.grid()[1].slice(0, 4)).toEqual(['0042', 'b1', '2026-11-21 10:00:00', '2026-11-21 10:03:00']);
    expect(o.grid()[1][9]).toBe('=1+1');
    expect(o.formulas.size).toBe(0);
  });

  it('answers a malformed chunk with an error the sidebar can show', () => {
    const { lib } = world();
    expect(() => lib.importChunk('not json')).toThrow(/could not be read/);
  });

  it('opens the sidebar from Sidebar.html with a translated title', () => {
    const { fake, lib } = world('zh_CN');
    lib.showImportSidebar();
    expect(fake.htmlOutputs.map((h) => h.file)).toEqual(['Sidebar']);
    expect(fake.ui.sidebars.map((s) => s.title)).toEqual(['客服日报：导入文件']);
  });

  it('opens the Settings tab, creating it from the defaults the first time', () => {
    const { fake, lib } = world();
    lib.openSettings();
    const settings = fake.spreadsheet.raw('Settings')!;
    expect(settings.grid()[0].slice(0, 3)).toEqual(['setting', 'value', 'amount']);
    expect(fake.spreadsheet.active).toBe(settings);
    lib.openSettings();
    expect(fake.spreadsheet.sheets.filter((s) => s.getName() === 'Settings')).toHaveLength(1);
  });
});
