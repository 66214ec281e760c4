/**
 * Sheets fails part-way ("Service Spreadsheets failed while accessing
 * document"): an import and a report build are cut at every call they make,
 * one run per call. After the failure every tab holds what it held before the
 * server call that failed, or what it holds after it, whole (a report tab the
 * old or the new one, a data tab never half its rows); retrying the failed
 * call, as the sidebar and the menu do, ends in exactly the data of a run
 * that never failed. Source level, against the in-memory Spreadsheet service.
 */
import { describe, expect, it } from 'vitest';
import { localTime } from '../../src/core/dates';
import type { Consultation, Order } from '../../src/core/types';
import { finishImport, importChunk } from '../../src/sheets/importServer';
import { buildReportGroup, keepReportDays } from '../../src/sheets/reportsMenu';
import { buildAllAsDialog } from '../support/buildAll';
import { fixedClockEachTest } from '../support/fixedClock';
import { agentDay, chunk, consultation, installFake, order, rejection } from './helpers';
import { cleanRun, interruptedRun, snapshot, tabsInNeitherState, type CleanRun, type Snapshot, type Step } from './failureHarness';

// The import log writes the time of day: one fixed clock, so runs compare.
fixedClockEachTest();

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
    buildAllAsDialog({ buildReportGroup, keepReportDays });
    // A new day arrives: the next build replaces every report tab.
    importChunk(JSON.stringify(chunk({ importId: 'c2', kind: 'consultations', file: 'c2.csv', consultations: chats(6, 'Alice', 9).map((c) => ({ ...c, start: c.start + 86_400_000 })) })));
    expect(fake.ui.alerts).toEqual([]);
    return fake;
  }

  // As the dialog makes it: one server call per group; a failed call throws and the later groups are not called.
  const build: Step = () => buildAllAsDialog({ buildReportGroup, keepReportDays });

  /** The build that never fails, made once. */
  let cleanOnce: CleanRun | null = null;
  function theCleanRun(): CleanRun {
    if (cleanOnce) return cleanOnce;
    const probe = world();
    cleanOnce = cleanRun(probe, [build]);
    expect(probe.ui.alerts).toEqual([]);
    return cleanOnce;
  }

  /** Every call is cut in one of these parts, each its own test so no single test holds the whole sweep. */
  const PARTS = 8;

  it.each(Array.from({ length: PARTS }, (_, part) => [part + 1]))('part %i of the calls: each report tab the old one or the new one, and a second build gives the clean result', (part) => {
    const clean = theCleanRun();
    const size = Math.ceil(clean.calls / PARTS);
    for (let n = (part - 1) * size + 1; n <= Math.min(part * size, clean.calls); n++) {
      const fake = world();
      fake.failAtCall(n);
      try {
        buildAllAsDialog({ buildReportGroup, keepReportDays });
      } catch {
        // The failed group's call throws, as google.script.run hands the dialog its failure (or the alert showing one fails).
      }
      expect(tabsInNeitherState(snapshot(fake), clean.states[0], clean.states[1]), `after a failure at call ${n}`).toEqual([]);
      fake.ui.alerts.length = 0;
      buildAllAsDialog({ buildReportGroup, keepReportDays });
      expect(fake.ui.alerts, `retry after call ${n}`).toEqual([]);
      // The Daily's capacity line counts the grid, which a failed call may leave larger (a bare tab it had just inserted).
      const capacity = (s: Snapshot) => JSON.parse(JSON.stringify(s).replace(/Spreadsheet: [\d,]+ of the [^"]*/g, 'Spreadsheet: …')) as Snapshot;
      expect(capacity(snapshot(fake)), `after a failure at call ${n} and a second build`).toEqual(capacity(clean.states[1]));
    }
  });
});
