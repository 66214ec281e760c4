/**
 * Roster and pay-events files from the sidebar, against the in-memory
 * SpreadsheetApp: a roster merges by agent name (the file's agents replace
 * their rows, the others stay, an unknown agent loses its note once named),
 * a roster with a name, ID or account twice is refused with the tab
 * untouched, events merge by day, agent, kind and reason, and a call
 * repeated after a lost answer logs once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Agent, PayEvent } from '../../src/core/types';
import { importChunk, finishImport } from '../../src/sheets/importServer';
import type { SupervisorImport } from '../../src/sheets/importApi';
import { loadWorkbookData } from '../../src/sheets/storage';
import { importSupervisorTable } from '../../src/sheets/supervisorImport';
import { agentDay, chunk, installFake, rejection } from './helpers';

afterEach(() => vi.unstubAllGlobals());

const agent = (name: string, id: string, basePay = 3000, over: Partial<Agent> = {}): Agent => ({ name, id, shift: 'day', basePay, active: true, ...over });
const event = (date: string, name: string, reason: string, amount: number | null = null): PayEvent => ({ date, agent: name, kind: 'fine', reason, amount });

function table(over: Partial<SupervisorImport>): SupervisorImport {
  return { importId: 'r1', file: 'roster.csv', sheet: null, kind: 'roster', rowsRead: 0, agents: [], events: [], rejected: [], skipped: 0, ...over };
}

const send = (over: Partial<SupervisorImport>) => JSON.parse(importSupervisorTable(JSON.stringify(table(over))));
const roster = () => loadWorkbookData(SpreadsheetApp.getActiveSpreadsheet()).roster;

describe('roster from the sidebar', () => {
  it('replaces the agents the file names, keeps the others, and clears the unknown note of an agent it now names', () => {
    const fake = installFake();
    send({ importId: 'r1', agents: [agent('Alice', '101'), agent('Bob', '102')], rowsRead: 2 });
    // An import meets Carol and Dave, who are not on the roster: added, flagged unknown.
    importChunk(JSON.stringify(chunk({ importId: 'c1', agentDays: [agentDay('2026-11-21', 'Carol'), agentDay('2026-11-21', 'Dave')] })));
    finishImport('c1');
    expect(roster().filter((a) => a.unknown).map((a) => a.name)).toEqual(['Carol', 'Dave']);

    const summary = send({ importId: 'r2', agents: [agent('Alice', '101', 3500), agent('Carol', '103', 2800)], rowsRead: 3, rejected: [rejection(4)], skipped: 0 });
    expect(summary).toMatchObject({ kind: 'roster', rowsRead: 3, added: 0, replaced: 2, rejected: 1, skipped: 0, newAgents: [] });
    const after = roster();
    expect(after.map((a) => [a.name, a.id, a.basePay, a.unknown ?? false])).toEqual([
      ['Alice', '101', 3500, false],
      ['Bob', '102', 3000, false],
      ['Carol', '103', 2800, false],
      ['Dave', '', 0, true],
    ]);
    expect(fake.spreadsheet.raw('Data: import errors')!.getLastRow()).toBe(2);
  });

  it('a file that renames an agent (same ID) replaces the old name’s row', () => {
    installFake();
    send({ importId: 'r1', agents: [agent('Alice', '101'), agent('Bob', '102')] });
    send({ importId: 'r2', agents: [agent('Alicia', '101')] });
    expect(roster().map((a) => [a.name, a.id])).toEqual([
      ['Bob', '102'],
      ['Alicia', '101'],
    ]);
  });

  it('refuses a roster with an ID, a name or an account twice and leaves the tab as it was', () => {
    const fake = installFake();
    send({ importId: 'r1', agents: [agent('Alice', '101')] });
    const before = structuredClone(fake.spreadsheet.raw('Roster')!.values);
    for (const agents of [
      [agent('Bob', '102'), agent('Carol', '102')],
      [agent('Bob', '102'), agent('Bob', '103')],
      [agent('Bob', '102', 3000, { accounts: ['shop:b'] }), agent('Carol', '103', 3000, { accounts: ['shop:b'] })],
    ]) {
      expect(() => send({ importId: `dup-${agents[1].name}-${agents[1].id}`, agents })).toThrow(/Roster refused/);
    }
    expect(fake.spreadsheet.raw('Roster')!.values).toEqual(before);
    expect(fake.spreadsheet.raw('Import log')!.getLastRow()).toBe(2);
  });

  it('a repeated call (the answer was lost) answers the same and logs once', () => {
    const fake = installFake();
    const first = importSupervisorTable(JSON.stringify(table({ importId: 'same', agents: [agent('Alice', '101')] })));
    const again = importSupervisorTable(JSON.stringify(table({ importId: 'same', agents: [agent('Alice', '101')] })));
    expect(again).toBe(first);
    expect(fake.spreadsheet.raw('Import log')!.getLastRow()).toBe(2);
  });
});

describe('pay events from the sidebar', () => {
  it('adds events and replaces one with the same day, agent, kind and reason (a re-import never doubles a fine)', () => {
    installFake();
    const first = send({ importId: 'e1', kind: 'events', file: 'events.csv', agents: [], events: [event('2026-11-03', 'Alice', 'late'), event('2026-11-04', 'Bob', 'rude')], rowsRead: 2 });
    expect(first).toMatchObject({ kind: 'events', added: 2, replaced: 0 });
    const second = send({ importId: 'e2', kind: 'events', file: 'events.csv', events: [event('2026-11-03', 'Alice', 'late', 50), event('2026-11-05', 'Bob', 'late')], rowsRead: 2 });
    expect(second).toMatchObject({ added: 1, replaced: 1 });
    const events = loadWorkbookData(SpreadsheetApp.getActiveSpreadsheet()).events;
    expect(events.map((e) => [e.date, e.agent, e.reason, e.amount])).toEqual([
      ['2026-11-03', 'Alice', 'late', 50],
      ['2026-11-04', 'Bob', 'rude', null],
      ['2026-11-05', 'Bob', 'late', null],
    ]);
  });

  it('refuses a payload that is neither a roster nor events', () => {
    installFake();
    expect(() => importSupervisorTable(JSON.stringify({ ...table({}), kind: 'orders' }))).toThrow(/could not be read/);
  });
});
