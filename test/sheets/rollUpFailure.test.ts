/**
 * The roll-up cut at every call it makes (the failure-injection harness of
 * failureInjection.test.ts): right after the failure, each day's raw rows or
 * its roll-up are whole, never neither; calling again, as the next import
 * does, ends in exactly the spreadsheet of a run that never failed.
 */
import { describe, expect, it } from 'vitest';
import { finishImport, importChunk, rollUpOldDays } from '../../src/sheets/importServer';
import { importSupervisorTable } from '../../src/sheets/supervisorImport';
import { ensureSettingsTab } from '../../src/sheets/storage';
import { readDayIndex } from '../../src/sheets/dayIndex';
import { rollupShop, rollupShopDays } from '../support/rollupShop';
import { importDays, importRoster, setSetting } from '../support/rollupSheets';
import { cleanRun, interruptedRun, tabsInNeitherState, type CleanRun, type Invariant, type Snapshot, type Step } from './failureHarness';
import { fixedClockEachTest } from '../support/fixedClock';
import { installFake } from './helpers';

fixedClockEachTest();

const ROLLUP = 'Data: rolled-up days';
const RAW = ['Data: consultations', 'Data: orders'];
const INDEX = 'CS Daily: day index';
const DAYS = rollupShopDays().slice(0, 6);

/** Six days stored raw (two agents' chats); then the retention is set to 3, so the first three are due. */
function world() {
  const fake = installFake();
  ensureSettingsTab(SpreadsheetApp.getActiveSpreadsheet());
  setSetting(fake, 'retention_days', 0);
  const full = rollupShop();
  const shop = { ...full, consultations: full.consultations.filter((c) => c.agent === 'Nami' || c.agent === 'Zoro') };
  importRoster({ importChunk, finishImport, importSupervisorTable }, shop);
  importDays({ importChunk, finishImport, importSupervisorTable }, shop, DAYS);
  setSetting(fake, 'retention_days', 3);
  return fake;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The day being rolled up has its roll-up whole (the tab as after the step) or
 * its raw rows whole (both raw tabs as before it); every other tab but the
 * day index (a cache the next call rebuilds) is as before or after the step.
 */
const rawOrRollUp: Invariant = (now: Snapshot, before: Snapshot, after: Snapshot) => {
  const problems: string[] = [];
  const rolled = same(now[ROLLUP], after[ROLLUP]);
  if (!rolled && !same(now[ROLLUP], before[ROLLUP])) problems.push(`${ROLLUP}: half written`);
  if (!rolled) for (const tab of RAW) if (!same(now[tab], before[tab])) problems.push(`${tab}: raw rows gone before the roll-up was stored`);
  const others = (s: Snapshot) => Object.fromEntries(Object.entries(s).filter(([name]) => name !== INDEX && !RAW.includes(name)));
  problems.push(...tabsInNeitherState(others(now), others(before), others(after)));
  return problems;
};

const step: Step = () => rollUpOldDays();
const STEPS = [step, step, step, step];

/** The run that never fails, made once: its states, answers, call count and final day index. */
let cleanOnce: { clean: CleanRun; cleanIndex: unknown[] } | null = null;
function theCleanRun() {
  if (cleanOnce) return cleanOnce;
  const clean = cleanRun(world(), STEPS);
  const cleanIndex = [...readDayIndex(SpreadsheetApp.getActiveSpreadsheet()).days].map(([day, e]) => [day, [...e.runs]]);
  cleanOnce = { clean, cleanIndex };
  return cleanOnce;
}

/** Every call is cut in one of these parts, each its own test so no single test holds the whole sweep. */
const PARTS = 4;

describe('a roll-up cut at any call', () => {
  it('a clean run rolls up the three due days, one a call, in well over a hundred spreadsheet calls', () => {
    const { clean } = theCleanRun();
    const outcomes = clean.answers.map((a) => JSON.parse(a as string) as { day: string; status: string } | null);
    expect(outcomes.map((o) => o?.day ?? null)).toEqual([...DAYS.slice(0, 3), null]);
    expect(clean.calls).toBeGreaterThan(100);
  });

  it.each(Array.from({ length: PARTS }, (_, part) => [part + 1]))('part %i of the calls: every day raw or rolled up, and calling again ends as a run that never failed', (part) => {
    const { clean, cleanIndex } = theCleanRun();
    const final = (s: Snapshot) => Object.fromEntries(Object.entries(s).filter(([name]) => name !== INDEX));
    const size = Math.ceil(clean.calls / PARTS);
    for (let n = (part - 1) * size + 1; n <= Math.min(part * size, clean.calls); n++) {
      const run = interruptedRun(world(), STEPS, n, clean, rawOrRollUp);
      expect(run.failures, `call ${n}`).toBeLessThanOrEqual(1);
      expect(final(run.final), `final tabs after a failure at call ${n}`).toEqual(final(clean.states.at(-1)!));
      // The index may be laid out anew after a rebuild; it must say the same.
      const index = [...readDayIndex(SpreadsheetApp.getActiveSpreadsheet()).days].map(([day, e]) => [day, [...e.runs]]).sort();
      expect(index, `day index after a failure at call ${n}`).toEqual([...cleanIndex].sort());
      // A call that failed after its day was done is answered by its retry with the next day: the days answered come in order.
      const answered = run.answers.map((a) => (JSON.parse(a as string) as { day: string } | null)?.day).filter((d): d is string => d != null);
      expect(answered.every((d, i) => DAYS.slice(0, 3).includes(d) && (i === 0 || d > answered[i - 1])), `call ${n}: ${answered.join(', ')}`).toBe(true);
    }
  });
});
