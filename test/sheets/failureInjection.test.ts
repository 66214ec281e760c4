/**
 * Sheets fails part-way ("Service Spreadsheets failed while accessing
 * document"): an import and a report build are cut at every call they make,
 * one run per call. After the failure every tab holds what it held before the
 * server call that failed, or what it holds after it, whole (a report tab the
 * old or the new one, a data tab never half its rows); retrying the failed
 * call, as the sidebar and the menu do, ends in exactly the data of a run
 * that never failed. Source level, against the in-memory Spreadsheet service.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localTime } from '../../src/core/dates';
import type { Consultation, Order } from '../../src/core/types';
import { finishImport, importChunk } from '../../src/sheets/importServer';
import { buildAllReports } from '../../src/sheets/reportsMenu';
import type { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { agentDay, chunk, consultation, installFake, order, rejection } from './helpers';

beforeEach(() => {
  // The import log writes the time of day: one fixed clock, so runs compare.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-22T09:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

type Snapshot = Record<string, unknown[][]>;

/** Every tab's values by name. A tab with no values yet reads as no tab (the import finds it empty and fills it). */
function snapshot(fake: FakeSpreadsheetApp): Snapshot {
  const tabs: Snapshot = {};
  for (const sheet of fake.spreadsheet.sheets) {
    const grid = sheet.grid();
    if (grid.length > 0) tabs[sheet.getName()] = grid;
  }
  return tabs;
}

const DATA_TAB = /^(Data: |数据：)/;

/**
 * The tabs whose values are neither those of `before` nor those of `after` (a
 * missing tab counts as its own state). A data tab is judged row by row: its
 * replaced rows are written where they are and its new rows appended below,
 * each in its own write, so a failure between them leaves every row whole,
 * before or after, and the retry finishes the rest.
 */
function tabsInNeitherState(now: Snapshot, before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...Object.keys(now), ...Object.keys(before), ...Object.keys(after)]);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const rowsWhole = (name: string) => {
    const [n, b, a] = [now[name] ?? [], before[name] ?? [], after[name] ?? []];
    const width = Math.max(...[...n, ...b, ...a].map((r) => r.length), 0);
    const row = (grid: unknown[][], i: number) => Array.from({ length: width }, (_, c) => grid[i]?.[c] ?? '');
    return Array.from({ length: Math.max(n.length, b.length, a.length) }, (_, i) => i).every((i) => same(row(n, i), row(b, i)) || same(row(n, i), row(a, i)));
  };
  return [...names].filter((name) => !same(now[name], before[name]) && !same(now[name], after[name]) && !(DATA_TAB.test(name) && rowsWhole(name))).sort();
}

/** One server call as the client makes it: its answer, or the error that stopped it. */
type Step = () => unknown;

interface CleanRun {
  /** The state before each step, and after the last. */
  states: Snapshot[];
  answers: unknown[];
  calls: number;
}

function cleanRun(fake: FakeSpreadsheetApp, steps: Step[]): CleanRun {
  fake.failAtCall(null);
  const states = [snapshot(fake)];
  const answers = steps.map((step) => {
    const answer = step();
    states.push(snapshot(fake));
    return answer;
  });
  return { states, answers, calls: fake.callsSinceArmed };
}

/**
 * Runs the steps with call `n` failing: checks the state right after the
 * failure against the failed step's before and after, then retries that step
 * and goes on. Returns the answers and the final state.
 */
function interruptedRun(fake: FakeSpreadsheetApp, steps: Step[], n: number, clean: CleanRun) {
  fake.failAtCall(n);
  const answers: unknown[] = [];
  let failures = 0;
  steps.forEach((step, i) => {
    for (;;) {
      try {
        answers.push(step());
        return;
      } catch (error) {
        // The service's error, or the lock's "try again" when the lock call is the one that fails.
        expect((error as Error).message).toMatch(/Service Spreadsheets failed|Try again|稍后再试/);
        failures++;
        expect(failures, `call ${n} failed twice`).toBe(1);
        expect(tabsInNeitherState(snapshot(fake), clean.states[i], clean.states[i + 1]), `after a failure at call ${n} (step ${i + 1})`).toEqual([]);
      }
    }
  });
  return { answers, failures, final: snapshot(fake) };
}

function chats(count: number, agent: string, hourFrom: number): Consultation[] {
  return Array.from({ length: count }, (_, i) => consultation(`b${i}`, agent, hourFrom + (i % 10)));
}

describe.each(['en_US', 'zh_CN'])('an import cut at any call (%s)', (locale) => {
  /** The world before the import: an earlier day's orders and chats already stored. */
  function world() {
    // In Chinese too: a failed locale read must not create a tab under its English name.
    const fake = installFake({ locale });
    importChunk(JSON.stringify(chunk({ importId: 'earlier', kind: 'orders', file: 'old.csv', orders: [order('o1'), order('o2', 'b2')], rejected: [rejection(4)] })));
    finishImport('earlier');
    importChunk(JSON.stringify(chunk({ importId: 'earlier-c', kind: 'consultations', file: 'old-chats.csv', consultations: chats(3, 'Alice', 8) })));
    finishImport('earlier-c');
    return fake;
  }

  /** What the sidebar sends: a two-chunk chat file (a new agent, a rejection), an order file replacing o1, an agent-day file. */
  const steps: Step[] = [
    () => importChunk(JSON.stringify(chunk({ importId: 'c', chunkIndex: 0, chunkCount: 2, kind: 'consultations', file: 'chats.csv', rowsRead: 8, consultations: [...chats(3, 'Alice', 8), ...chats(3, 'Carol', 12)], rejected: [rejection(9, 'start missing')] }))),
    () => importChunk(JSON.stringify(chunk({ importId: 'c', chunkIndex: 1, chunkCount: 2, kind: 'consultations', file: 'chats.csv', rowsRead: 12, consultations: chats(4, 'Dan', 15), rejected: [rejection(12, 'agent missing')] }))),
    () => finishImport('c'),
    () => importChunk(JSON.stringify(chunk({ importId: 'o', kind: 'orders', file: 'orders.csv', rowsRead: 3, orders: [order('o1', 'b9'), order('o3', 'b3')], rejected: [rejection(3)] }))),
    () => finishImport('o'),
    () => importChunk(JSON.stringify(chunk({ importId: 'd', kind: 'agent_day', file: 'day.csv', rowsRead: 2, agentDays: [agentDay('2026-11-21', 'Alice'), agentDay('2026-11-21', 'Erin')] }))),
    () => finishImport('d'),
  ];

  it('leaves every tab before or after the failed call, and a retry stores exactly what a clean run stores', () => {
    const clean = cleanRun(world(), steps);
    expect(clean.calls).toBeGreaterThan(50);
    for (let n = 1; n <= clean.calls; n++) {
      const run = interruptedRun(world(), steps, n, clean);
      // A call whose failure the code absorbs (the locale read falls back to a default) fails no step.
      expect(run.failures, `call ${n}`).toBeLessThanOrEqual(1);
      expect(run.final, `final tabs after a failure at call ${n}`).toEqual(clean.states.at(-1));
      // The summaries too: counts of added and replaced rows as if nothing failed. A chunk stored
      // before its answer was lost is answered on retry as a repeat, with the same total so far.
      const answers = run.answers.map((answer, i) => {
        const receipt = JSON.parse(answer as string) as { repeated?: boolean; storedSoFar?: number };
        const cleanReceipt = JSON.parse(clean.answers[i] as string) as { storedSoFar?: number };
        return receipt.repeated && receipt.storedSoFar === cleanReceipt.storedSoFar ? clean.answers[i] : answer;
      });
      expect(answers, `answers after a failure at call ${n}`).toEqual(clean.answers);
    }
  });
});

describe('a report build cut at any call', () => {
  function world() {
    const fake = installFake();
    const orders: Order[] = [];
    const consultations: Consultation[] = [];
    for (let i = 0; i < 12; i++) {
      consultations.push({ buyer: `b${i}`, agent: i % 2 ? 'Alice' : 'Bob', start: localTime(2026, 11, 20, 9, i), firstResponseSec: 12, buyerMessages: 4, agentMessages: 5, category: 'presale' });
      if (i % 3 === 0) orders.push({ ...order(`o${i}`, `b${i}`, i % 2 ? '101' : ''), created: localTime(2026, 11, 20, 12, i), paidAt: localTime(2026, 11, 20, 12, i + 1) });
    }
    importChunk(JSON.stringify(chunk({ importId: 'c', kind: 'consultations', file: 'c.csv', consultations })));
    importChunk(JSON.stringify(chunk({ importId: 'o', kind: 'orders', file: 'o.csv', orders })));
    buildAllReports();
    // A new day arrives: the next build replaces every report tab.
    importChunk(JSON.stringify(chunk({ importId: 'c2', kind: 'consultations', file: 'c2.csv', consultations: chats(6, 'Alice', 9).map((c) => ({ ...c, start: c.start + 86_400_000 })) })));
    expect(fake.ui.alerts).toEqual([]);
    return fake;
  }

  const build: Step = () => buildAllReports();

  it('leaves each report tab the old one or the new one, and a second build gives the clean result', () => {
    const probe = world();
    const clean = cleanRun(probe, [build]);
    expect(probe.ui.alerts).toEqual([]);
    for (let n = 1; n <= clean.calls; n++) {
      const fake = world();
      fake.failAtCall(n);
      let thrown: unknown = null;
      try {
        buildAllReports();
      } catch (error) {
        // A failure while showing the failure itself (the alert) ends the run too.
        thrown = error;
      }
      expect(tabsInNeitherState(snapshot(fake), clean.states[0], clean.states[1]), `after a failure at call ${n}`).toEqual([]);
      fake.ui.alerts.length = 0;
      buildAllReports();
      expect(fake.ui.alerts, `retry after call ${n}`).toEqual([]);
      expect(snapshot(fake), `after a failure at call ${n} and a second build`).toEqual(clean.states[1]);
    }
  });
});
