/**
 * The failure-injection harness: runs server calls against the Spreadsheet
 * fake with its n-th call failing, checks what must hold right after the
 * failure, retries the failed call as the sidebar and the menu do, and hands
 * back the answers and the final tabs to compare with a clean run.
 */
import { expect } from 'vitest';
import type { FakeSpreadsheetApp } from '../fakes/spreadsheet';

export type Snapshot = Record<string, unknown[][]>;

/** Every tab's values by name. A tab with no values yet reads as no tab (the import finds it empty and fills it). */
export function snapshot(fake: FakeSpreadsheetApp): Snapshot {
  const tabs: Snapshot = {};
  for (const sheet of fake.spreadsheet.sheets) {
    const grid = sheet.grid();
    if (grid.length > 0) tabs[sheet.getName()] = grid;
  }
  return tabs;
}

const DATA_TAB = /^(Data: |数据：)/;
/** The import errors' index: a cache written after the lines (bucket, then head), which the next write repairs or makes again. */
const CACHE_TAB = /^(CS Daily: import errors index|客服日报：导入错误索引)$/;

/**
 * The tabs whose values are neither those of `before` nor those of `after` (a
 * missing tab counts as its own state). A data tab is judged row by row: its
 * replaced rows are written where they are and its new rows appended below,
 * each in its own write, so a failure between them leaves every row whole,
 * before or after, and the retry finishes the rest.
 */
export function tabsInNeitherState(now: Snapshot, before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...Object.keys(now), ...Object.keys(before), ...Object.keys(after)]);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const rowsWhole = (name: string) => {
    const [n, b, a] = [now[name] ?? [], before[name] ?? [], after[name] ?? []];
    const width = Math.max(...[...n, ...b, ...a].map((r) => r.length), 0);
    const row = (grid: unknown[][], i: number) => Array.from({ length: width }, (_, c) => grid[i]?.[c] ?? '');
    return Array.from({ length: Math.max(n.length, b.length, a.length) }, (_, i) => i).every((i) => same(row(n, i), row(b, i)) || same(row(n, i), row(a, i)));
  };
  return [...names].filter((name) => !CACHE_TAB.test(name) && !same(now[name], before[name]) && !same(now[name], after[name]) && !(DATA_TAB.test(name) && rowsWhole(name))).sort();
}

/** One server call as the client makes it: its answer, or the error that stopped it. */
export type Step = () => unknown;

export interface CleanRun {
  /** The state before each step, and after the last. */
  states: Snapshot[];
  answers: unknown[];
  calls: number;
}

export function cleanRun(fake: FakeSpreadsheetApp, steps: Step[]): CleanRun {
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
/** What must hold right after a failure in step i: the tabs that break it (none = it holds). */
export type Invariant = (now: Snapshot, before: Snapshot, after: Snapshot) => string[];

export function interruptedRun(fake: FakeSpreadsheetApp, steps: Step[], n: number, clean: CleanRun, invariant: Invariant = tabsInNeitherState) {
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
        expect(invariant(snapshot(fake), clean.states[i], clean.states[i + 1]), `after a failure at call ${n} (step ${i + 1})`).toEqual([]);
      }
    }
  });
  return { answers, failures, final: snapshot(fake) };
}

