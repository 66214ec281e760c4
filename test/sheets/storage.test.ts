/** The import contract in the spreadsheet (SPEC §5), against the in-memory SpreadsheetApp. */
import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { finishImport, getSidebarContext, importChunk } from '../../src/sheets/importServer';
import { loadWorkbookData, readRules } from '../../src/sheets/storage';
import { agentDay, chunk, consultation, installFake, order, rejection } from './helpers';
import { AGENT_DAY_TABLE } from '../../src/sheets/schema';

/** A1 column letters of a 1-based column number (1 → A, 27 → AA). */
const columnLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

afterEach(() => vi.unstubAllGlobals());

const send = (c: Parameters<typeof chunk>[0]) => JSON.parse(importChunk(JSON.stringify(chunk(c))));

describe('storing imports', () => {
  it('importing the same chunk twice adds nothing the second time and replaces every row', () => {
    const fake = installFake();
    const rows = [agentDay('2026-11-21', 'Alice'), agentDay('2026-11-21', 'Bob'), agentDay('2026-11-22', 'Alice')];
    const first = send({ agentDays: rows, rowsRead: 3 });
    const second = send({ importId: 'imp-2', agentDays: rows, rowsRead: 3 });
    expect(first).toMatchObject({ added: 3, replaced: 0, rejected: 0 });
    expect(second).toMatchObject({ added: 0, replaced: 3 });
    expect(fake.spreadsheet.raw('Data: agent-day')!.getLastRow()).toBe(4);
  });

  it('a re-import carries the new figures into the replaced row', () => {
    installFake();
    send({ agentDays: [agentDay('2026-11-21', 'Alice', null)] });
    send({ agentDays: [agentDay('2026-11-21', 'Alice', 77)] });
    const { agentDays } = loadWorkbookData(SpreadsheetApp.getActiveSpreadsheet());
    expect(agentDays).toHaveLength(1);
    expect(agentDays[0].figures.inquiries).toBe(77);
  });

  it('writes a replaced row where it is and new rows below, touching no other row', () => {
    const fake = installFake();
    const days = Array.from({ length: 5 }, (_, i) => agentDay(`2026-11-2${i}`, 'Alice'));
    send({ agentDays: days });
    fake.writes.length = 0;
    send({ agentDays: [days[3], agentDay('2026-11-25', 'Alice')] });
    // Row 5 (the fourth day) replaced in place, row 7 appended; row 6 untouched. As wide as the table (the schema's columns).
    const lastColumn = columnLetter(AGENT_DAY_TABLE.columns.length);
    expect(fake.writes.filter((w) => w.startsWith('Data: agent-day')).sort()).toEqual([`Data: agent-day!A5:${lastColumn}5`, `Data: agent-day!A7:${lastColumn}7`]);
  });

  it('keeps a column the supervisor added when it replaces a row', () => {
    const fake = installFake();
    send({ kind: 'orders', orders: [order('o1')] });
    const sheet = fake.ss.getSheetByName('Data: orders')!;
    sheet.insertColumnsAfter(11, 1);
    sheet.getRange(1, 12, 2, 1).setValues([['Checked by'], ['Wang']]);
    send({ kind: 'orders', orders: [order('o1', 'b2')] });
    const grid = fake.spreadsheet.raw('Data: orders')!.grid();
    expect(grid[0][11]).toBe('Checked by');
    expect([grid[1][1], grid[1][11]]).toEqual(['b2', 'Wang']);
  });

  it('keys consultations by buyer + agent + start and orders by order id', () => {
    installFake();
    const c = [consultation('b1', 'Alice', 9), consultation('b1', 'Alice', 10), consultation('b1', 'Bob', 9)];
    expect(send({ kind: 'consultations', consultations: c })).toMatchObject({ added: 3, replaced: 0 });
    expect(send({ kind: 'consultations', consultations: [c[1]] })).toMatchObject({ added: 0, replaced: 1 });
    expect(send({ kind: 'orders', orders: [order('0012'), order('0013')] })).toMatchObject({ added: 2 });
    expect(send({ kind: 'orders', orders: [order('0012', 'b9')] })).toMatchObject({ added: 0, replaced: 1 });
    const data = loadWorkbookData(SpreadsheetApp.getActiveSpreadsheet());
    expect(data.consultations).toHaveLength(3);
    expect(data.orders.map((o) => [o.orderId, o.buyer])).toEqual([
      ['0012', 'b9'],
      ['0013', 'b1'],
    ]);
  });

  it('reads back exactly what it stored: wall-clock times, leading-zero ids, nulls and booleans', () => {
    installFake();
    const o = order('0012345678901234567', 'b1', '工号:101');
    const c = consultation('b1', 'Alice', 23);
    const d = agentDay('2026-11-21', 'Alice');
    send({ kind: 'orders', orders: [{ ...o, paidAt: null }] });
    send({ kind: 'consultations', consultations: [c] });
    send({ agentDays: [d] });
    const data = loadWorkbookData(SpreadsheetApp.getActiveSpreadsheet());
    expect(data.orders[0]).toEqual({ ...o, paidAt: null });
    expect(data.consultations[0]).toEqual(c);
    expect(data.agentDays[0]).toEqual(d);
    expect(data.rejections).toEqual([]);
  });

  it('stores text that looks like a formula as text, never as a formula', () => {
    const fake = installFake();
    const evil = ['=HYPERLINK("http://x","y")', '+86 138', '-abc', '@me'];
    send({ kind: 'orders', orders: evil.map((remark, i) => order(`o${i}`, evil[i], remark)) });
    const sheet = fake.spreadsheet.raw('Data: orders')!;
    expect([...sheet.formulas.values()]).toEqual([]);
    const data = loadWorkbookData(SpreadsheetApp.getActiveSpreadsheet());
    expect(data.orders.map((o) => o.remark)).toEqual(evil);
    expect(data.orders.map((o) => o.buyer)).toEqual(evil);
  });

  it('adds agents the roster does not know, flagged unknown, once', () => {
    const fake = installFake();
    send({ agentDays: [agentDay('2026-11-21', 'Alice'), agentDay('2026-11-21', 'Bob')] });
    send({ kind: 'consultations', consultations: [consultation('b1', 'Bob', 9), consultation('b2', 'Carol', 9)] });
    const roster = fake.spreadsheet.raw('Roster')!.grid();
    expect(roster[0]).toEqual(['agent', 'agent_id', 'shift', 'base_pay', 'active', 'note', 'accounts', 'performance_pay', 'assessed']);
    expect(roster.slice(1).map((r) => [r[0], r[5]])).toEqual([
      ['Alice', 'unknown'],
      ['Bob', 'unknown'],
      ['Carol', 'unknown'],
    ]);
    const { roster: agents } = loadWorkbookData(SpreadsheetApp.getActiveSpreadsheet());
    expect(agents.every((a) => a.unknown && a.active)).toBe(true);
    expect(JSON.parse(getSidebarContext()).rosterNames).toEqual(['Alice', 'Bob', 'Carol']);
  });

  it('writes rejected rows to the import-errors tab, replacing them on re-import', () => {
    const fake = installFake();
    send({ kind: 'orders', file: 'orders.csv', rejected: [rejection(5), rejection(9)] });
    send({ kind: 'orders', file: 'orders.csv', chunkIndex: 1, rejected: [rejection(5, 'amount is negative')] });
    const grid = fake.spreadsheet.raw('Data: import errors')!.grid();
    expect(grid[0]).toEqual(['file', 'sheet', 'row', 'column', 'reason', 'raw']);
    expect(grid.slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ['orders.csv', 5, 'amount', 'amount is negative'],
      ['orders.csv', 9, 'amount', 'amount is not a number'],
    ]);
    expect(fake.spreadsheet.raw('Data: import errors')!.formulas.size).toBe(0);
    expect(loadWorkbookData(SpreadsheetApp.getActiveSpreadsheet()).rejections[0].raw).toEqual(['A1', 'x,y', '=1+1']);
  });

  it("forgets a file's earlier rejections when the file is imported again", () => {
    const fake = installFake();
    send({ kind: 'orders', file: 'orders.csv', rejected: [rejection(5), rejection(9)] });
    send({ kind: 'orders', file: 'other.csv', rejected: [{ ...rejection(2), file: 'other.csv' }] });
    send({ kind: 'orders', file: 'orders.csv', rejected: [rejection(9)] });
    const grid = fake.spreadsheet.raw('Data: import errors')!.grid();
    // The re-imported file's line takes a row its earlier lines left; the tab keeps no blank rows.
    expect(grid.slice(1).map((r) => [r[0], r[2]]).sort()).toEqual([
      ['orders.csv', 9],
      ['other.csv', 2],
    ]);
    send({ kind: 'orders', file: 'orders.csv', orders: [order('o1')] });
    expect(fake.spreadsheet.raw('Data: import errors')!.grid().slice(1).map((r) => r[0])).toEqual(['other.csv']);
  });

  it('rejects records without their key fields instead of storing them', () => {
    installFake();
    const receipt = send({ agentDays: [agentDay('', 'Alice'), agentDay('2026-11-21', 'Bob')] });
    expect(receipt).toMatchObject({ added: 1, rejected: 1 });
  });

  it('logs one line per table at finishImport, summing its chunks', () => {
    const fake = installFake();
    send({ importId: 'x', chunkIndex: 0, chunkCount: 2, rowsRead: 4, agentDays: [agentDay('2026-11-21', 'A'), agentDay('2026-11-21', 'B')] });
    send({ importId: 'x', chunkIndex: 1, chunkCount: 2, rowsRead: 4, agentDays: [agentDay('2026-11-21', 'B')], rejected: [rejection(4)], skipped: [{ row: 1, why: 'title', text: 't' }] });
    const summary = JSON.parse(finishImport('x'));
    expect(summary).toMatchObject({ importId: 'x', file: 'agent_day.csv', rowsRead: 4, added: 2, replaced: 1, rejected: 1, skipped: 1, newAgents: ['A', 'B'], errorsTab: 'Data: import errors' });
    const log = fake.spreadsheet.raw('Import log')!.grid();
    expect(log[0]).toEqual(['file', 'sheet', 'kind', 'time', 'rows_read', 'accepted', 'added', 'replaced', 'rejected', 'skipped', 'new_agents']);
    expect(log[1].slice(4)).toEqual([4, 3, 2, 1, 1, 1, 'A, B']);
    expect(String(log[1][3])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect([...fake.documentProperties.store.keys()]).toEqual(['csdaily.import.x']);
    expect(fake.spreadsheet.toasts).toHaveLength(1);
  });

  it('stores a chunk that arrives twice once, and says the second time that it was a repeat', () => {
    const fake = installFake();
    const first = chunk({ importId: 'r', chunkIndex: 0, chunkCount: 2, rowsRead: 3, agentDays: [agentDay('2026-11-21', 'A'), agentDay('2026-11-21', 'B')], rejected: [rejection(4)] });
    const second = chunk({ importId: 'r', chunkIndex: 1, chunkCount: 2, rowsRead: 3, agentDays: [agentDay('2026-11-22', 'A')] });
    expect(JSON.parse(importChunk(JSON.stringify(first)))).toMatchObject({ added: 2, replaced: 0, rejected: 1, repeated: false, storedSoFar: 2 });
    // The answer was lost: the sidebar retries chunk 0, then resumes with chunk 1, then retries chunk 1.
    expect(JSON.parse(importChunk(JSON.stringify(first)))).toEqual({ importId: 'r', chunkIndex: 0, added: 0, replaced: 0, rejected: 0, repeated: true, storedSoFar: 2 });
    expect(JSON.parse(importChunk(JSON.stringify(second)))).toMatchObject({ added: 1, replaced: 0, repeated: false, storedSoFar: 3 });
    expect(JSON.parse(importChunk(JSON.stringify(second)))).toMatchObject({ added: 0, replaced: 0, repeated: true, storedSoFar: 3 });

    expect(fake.spreadsheet.raw('Data: agent-day')!.getLastRow()).toBe(4);
    expect(fake.spreadsheet.raw('Data: import errors')!.getLastRow()).toBe(2);
    const summary = JSON.parse(finishImport('r'));
    expect(summary).toMatchObject({ added: 3, replaced: 0, rejected: 1 });
    // finishImport retried after a lost answer: the same summary, one log line, one toast.
    expect(JSON.parse(finishImport('r'))).toEqual(summary);
    expect(fake.spreadsheet.raw('Import log')!.getLastRow()).toBe(2);
    expect(fake.spreadsheet.toasts).toHaveLength(1);
  });

  it('a new import of the same rows still replaces them: only the same chunk of the same import is a repeat', () => {
    const fake = installFake();
    const days = [agentDay('2026-11-21', 'A')];
    send({ importId: 'first', agentDays: days });
    expect(send({ importId: 'second', agentDays: days })).toMatchObject({ added: 0, replaced: 1, repeated: false });
    expect(fake.spreadsheet.raw('Data: agent-day')!.getLastRow()).toBe(2);
  });

  it('forgets imports that were never finished after a day', () => {
    const fake = installFake();
    fake.documentProperties.setProperty('csdaily.import.old', JSON.stringify({ startedAt: Date.now() - 25 * 3_600_000 }));
    fake.documentProperties.setProperty('csdaily.import.recent', JSON.stringify({ startedAt: Date.now() - 3_600_000 }));
    fake.documentProperties.setProperty('other', 'kept');
    send({ importId: 'new', agentDays: [agentDay('2026-11-21', 'A')] });
    expect([...fake.documentProperties.store.keys()].sort()).toEqual(['csdaily.import.new', 'csdaily.import.recent', 'other']);
  });

  it('writes under the document lock, waiting 30 s, and releases it', () => {
    const fake = installFake();
    send({ agentDays: [agentDay('2026-11-21', 'A')] });
    expect(fake.lock.log).toEqual(['waitLock(30000)', 'releaseLock']);
    fake.lock.busy = true;
    expect(() => send({ agentDays: [agentDay('2026-11-21', 'A')] })).toThrow(/Another import/);
  });

  it('refuses a chunk that is not what the sidebar sends, with a readable message', () => {
    installFake();
    expect(() => importChunk('{')).toThrow(/could not be read/);
    expect(() => importChunk(JSON.stringify({ importId: 'a', file: 'f', kind: 'nope' }))).toThrow(/unknown kind/);
  });

  it('names its tabs in Chinese in a Chinese spreadsheet', () => {
    const fake = installFake({ locale: 'zh_CN' });
    send({ agentDays: [agentDay('2026-11-21', '小王')] });
    expect(fake.spreadsheet.raw('数据：客服日')).toBeDefined();
    expect(fake.spreadsheet.raw('客服名单')).toBeDefined();
  });

  it('makes as many Spreadsheet calls for 10 000 rows as for 10', () => {
    const run = (n: number) => {
      const fake = installFake();
      const days = Array.from({ length: n }, (_, i) => agentDay('2026-11-21', `agent${i}`));
      const orders = Array.from({ length: n }, (_, i) => order(`o${i}`));
      send({ agentDays: days.slice(0, n / 2), rejected: [rejection(1)] });
      send({ kind: 'orders', orders });
      fake.resetCalls();
      send({ importId: 'z', agentDays: days, rejected: [rejection(1), rejection(2)] });
      send({ importId: 'z', chunkIndex: 1, kind: 'orders', orders });
      finishImport('z');
      loadWorkbookData(SpreadsheetApp.getActiveSpreadsheet());
      // Growing the grid past its first 1000 rows is one call per write, whatever the row count.
      const { insertRowsAfter = 0, ...calls } = fake.calls;
      expect(insertRowsAfter).toBeLessThanOrEqual(calls.setValues);
      return calls;
    };
    const small = run(10);
    expect(run(10_000)).toEqual(small);
    // The data, errors, roster and log writes, the day index once per chunk (one that only replaces rows too: its days' versions move),
    // the errors index (a bucket and its head) for the chunk with errors, and one header each for the four log tabs made on first use.
    expect(small.setValues).toBeLessThanOrEqual(16);
    if (process.env.SHOW_CALLS) console.log(JSON.stringify(small));
  });
});

describe('the settings tab', () => {
  it('is created with the default rules on first use and read back without problems', () => {
    const fake = installFake();
    const { rules, problems } = readRules(SpreadsheetApp.getActiveSpreadsheet());
    expect(problems).toEqual([]);
    expect(rules.conversionBonus).toEqual([
      { threshold: 0.45, amount: 200 },
      { threshold: 0.55, amount: 400 },
    ]);
    expect(fake.spreadsheet.raw('Settings')!.grid()[0].slice(0, 3)).toEqual(['setting', 'value', 'amount']);
  });
});
