/**
 * A build keeps the engine's figures of the final days it computed (the
 * hidden computed-days tab) and the next build reads those instead of the
 * days' chats: the BUILT bundle on the Spreadsheet fake. Every build here is
 * compared, tab for tab, with a build that reads every row and keeps nothing,
 * after each change that must make a kept day be computed again: a re-import
 * of one day's chats, a setting, the roster, a hand-damaged computed tab.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { loadBundle } from '../support/bundle';
import { importTables } from '../support/sheetsImport';
import { buildAllAsDialog } from '../support/buildAll';
import { setSetting } from '../support/rollupSheets';
import { morning, roster, type ShopSize } from '../../bench/sheetsShop';
import type { Agent } from '../../src/core/types';
import { defaultRules, type Rules } from '../../src/core/rules';
import { SETTINGS } from '../../src/core/settingDeclarations';
import { ENGINE_SETTINGS } from '../../src/reports/computedDays';
import { readRules } from '../../src/sheets/storage';

afterEach(() => vi.unstubAllGlobals());


const READ_EVERYTHING = 'CS_DAILY_REPORTS_READ_EVERYTHING';
const KEEP_CELLS = 'CS_DAILY_KEEP_CELLS_PER_CALL';
const SMALL: ShopSize = { chats: 300, orders: 100, buyers: 1_500 };
const COMPUTED = 'CS Daily: computed days';
const CHATS = 'Data: consultations';
const ORDERS = 'Data: orders';
/** Tabs a whole read and a day read leave differently by design: the data, the kept figures, the index. */
const NOT_REPORTS = [CHATS, ORDERS, 'Data: agent-day', 'Data: shop-day', COMPUTED, 'CS Daily: day index'];

type Lib = Record<string, (...args: unknown[]) => string>;


function importRoster(lib: Lib, agents: Agent[]): void {
  lib.importSupervisorTable(JSON.stringify({ importId: `roster-${Math.random()}`, file: 'roster.csv', sheet: null, kind: 'roster', rowsRead: agents.length, agents, events: [], rejected: [], skipped: 0 }));
}

function shop(days: number): { fake: FakeSpreadsheetApp; lib: Lib } {
  const fake = new FakeSpreadsheetApp({ locale: 'en_US' });
  const lib = loadBundle(fake.globals()) as Lib;
  importRoster(lib, roster());
  for (let day = 0; day < days; day++) importTables(lib, morning(day, SMALL), `imp-${day}`);
  return { fake, lib };
}

function values(fake: FakeSpreadsheetApp, name: string): unknown[][] {
  const sheet = fake.spreadsheet.raw(name);
  return sheet && sheet.getLastRow() > 0 ? sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues() : [];
}

function reportTabs(fake: FakeSpreadsheetApp): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const sheet of fake.spreadsheet.sheets) if (!NOT_REPORTS.includes(sheet.getName())) out[sheet.getName()] = values(fake, sheet.getName());
  return out;
}

type CellsByGroup = Record<string, number>;

/** A build by day: its tabs and the chat and order cells it read, by step of the dialog (the warm-up's calls together, each group's). */
function buildByDay(fake: FakeSpreadsheetApp, lib: Lib): { tabs: Record<string, unknown[][]>; chatCells: CellsByGroup; orderCells: CellsByGroup } {
  fake.documentProperties.deleteProperty(READ_EVERYTHING);
  fake.cellsByTab.clear();
  const [chatCells, orderCells]: CellsByGroup[] = [{}, {}];
  const read = (tab: string) => fake.cellsByTab.get(tab)?.read ?? 0;
  buildAllAsDialog(lib, (step, call) => {
    const before = [read(CHATS), read(ORDERS)];
    const answer = call();
    chatCells[step] = (chatCells[step] ?? 0) + read(CHATS) - before[0];
    orderCells[step] = (orderCells[step] ?? 0) + read(ORDERS) - before[1];
    return answer;
  });
  expect(fake.ui.alerts.splice(0)).toEqual([]);
  return { tabs: reportTabs(fake), chatCells, orderCells };
}

function buildWhole(fake: FakeSpreadsheetApp, lib: Lib): Record<string, unknown[][]> {
  fake.documentProperties.setProperty(READ_EVERYTHING, 'true');
  buildAllAsDialog(lib);
  expect(fake.ui.alerts.splice(0)).toEqual([]);
  return reportTabs(fake);
}

/** A build by day, then one reading every row: the same tabs, cell for cell (the Daily's grid line aside: the kept tab grows the grid). */
function expectSameAsWhole(fake: FakeSpreadsheetApp, lib: Lib): { chatCells: CellsByGroup; orderCells: CellsByGroup; tabs: Record<string, unknown[][]> } {
  const days = buildByDay(fake, lib);
  const whole = buildWhole(fake, lib);
  // The whole read ran after the day read and saw its tabs' grid: build by day once more with that grid.
  const again = buildByDay(fake, lib);
  expect(Object.keys(again.tabs).sort()).toEqual(Object.keys(whole).sort());
  for (const name of Object.keys(whole)) expect({ name, values: again.tabs[name] }).toEqual({ name, values: whole[name] });
  return { chatCells: days.chatCells, orderCells: days.orderCells, tabs: whole };
}

/** Another valid value of each setting the engine does not read (the first row of a list setting). */
const OTHER_VALUES: Record<string, string | number> = {
  retention_days: 400,
  conversion_denominator: 'consultations',
  unattributed_pool_rate: 0.05,
  min_inquiries_per_day: 3,
  min_inquiries_floor: 2,
  monthly_sales_target: 500_000,
  daily_sales_target: 20_000,
  conversion_target: 0.4,
  first_response_target_sec: 30,
  industry_conversion: 0.35,
  low_response_rate: 0.8,
  flag_min_inquiries: 5,
  workload_thresholds: '50;70;90;110',
  inquiries_per_agent: 80,
  commission_rate: 0.02,
  commission_basis: 'credited_sales',
  conversion_bonus: 0.4,
  response_bonus: 25,
  reward_per_item: 'typo_found',
  fine_schedule: 4,
  payroll_view: 'base_plus_bonus',
  night_allowance: 50,
  rotation_agents: '客服1;客服4',
  rotation_start: '2026-01-05',
  rotation_period: 'fortnight',
  rotation_pattern: 'night;day',
  coaching_window_days: 5,
  coaching_min_inquiries: 20,
  coaching_margin: 0.1,
  scorecard: 'on',
  scorecard_kpi: 'order_rate',
  scorecard_score: 'order_rate',
  scorecard_grade: '>=95:A',
  scorecard_base_pay: 3000,
  scorecard_pay: 'score',
  scorecard_missing: 'zero',
  scorecard_min_weight: '50%',
  scorecard_min_sample: 'consultations',
  scorecard_sales_target: 100_000,
  scorecard_working_days: 22,
};
/** Maps as lists, so two settings compare by their contents. */
const plain = (value: unknown): unknown => (value instanceof Map ? [...value] : value);

const computedDays = (fake: FakeSpreadsheetApp) => values(fake, COMPUTED).filter((r) => r[1] === 'day').map((r) => String(r[0]));

describe('A build keeps the figures of the days it computed', () => {
  it('reads those days\' chats no more, and gives the tabs a whole read gives', () => {
    // A supervisor building every morning of February, against a first build on 2026-02-28.
    const { fake, lib } = shop(50);
    buildByDay(fake, lib);
    for (let day = 50; day < 59; day++) {
      importTables(lib, morning(day, SMALL), `imp-${day}`);
      buildByDay(fake, lib);
    }
    expect(computedDays(fake)).toContain('2026-02-05');
    const warm = expectSameAsWhole(fake, lib);
    const first = shop(59);
    const cold = buildByDay(first.fake, first.lib);
    // The month's kept days' chats are not read again: the warm-up computes the days the last import changed, not the month so far.
    expect(warm.chatCells.keep).toBeLessThan(cold.chatCells.keep / 3);
    // After the warm-up, warm or cold, the Daily's group reads the chats of its report day (its chats to review) and
    // nothing more; the later groups read none, finding every day they show kept.
    expect(warm.chatCells.daily).toBe(cold.chatCells.daily);
    expect(cold.chatCells.daily).toBeLessThan(cold.chatCells.keep / 3);
    // (The tab's header, 7 cells, is all they read of it.)
    for (const { chatCells } of [warm, cold]) for (const group of ['ranking', 'payroll', 'coaching']) expect({ group, cells: chatCells[group] }).toEqual({ group, cells: 7 });
    // A kept day's orders come from the kept tab, not its order rows: with the orders gone from the kept tab, every
    // group reads those days' order rows (the Payroll's the month's), and the tabs stay the same.
    const sheet = fake.spreadsheet.raw(COMPUTED)!;
    const kept = values(fake, COMPUTED).filter((r) => r[1] !== 'orders');
    sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).clearContent();
    sheet.getRange(1, 1, kept.length, kept[0].length).setValues(kept);
    const withoutOrders = expectSameAsWhole(fake, lib);
    for (const group of ['daily', 'ranking', 'payroll']) expect({ group, fewer: warm.orderCells[group] < withoutOrders.orderCells[group] / 4 }).toEqual({ group, fewer: true });
  }, 300_000);

  it('warms up in bounded calls: each reads its budget of chats and orders, the days kept are those one call keeps, and the groups read only the chats to review', () => {
    const budget = 30_000;
    const small = shop(45);
    const big = shop(45);
    small.fake.documentProperties.setProperty(KEEP_CELLS, String(budget));
    const steps: { step: string; kept: number; remaining: number; cells: number; chats: number }[] = [];
    const chats = () => small.fake.cellsByTab.get(CHATS)?.read ?? 0;
    const cells = () => chats() + (small.fake.cellsByTab.get('Data: orders')?.read ?? 0);
    small.fake.cellsByTab.clear();
    buildAllAsDialog(small.lib, (step, call) => {
      const [cellsBefore, chatsBefore] = [cells(), chats()];
      const answer = call();
      const kept = step === 'keep' ? (JSON.parse(answer) as { kept: number; remaining: number }) : { kept: 0, remaining: 0 };
      steps.push({ step, ...kept, cells: cells() - cellsBefore, chats: chats() - chatsBefore });
      return answer;
    });
    expect(small.fake.ui.alerts.splice(0)).toEqual([]);
    const keeps = steps.filter((s) => s.step === 'keep');
    expect(keeps.length).toBeGreaterThan(3);
    // Each call keeps days and leaves fewer, reading its budget at most (and the tabs' headers).
    for (const [i, k] of keeps.entries()) {
      expect(k.kept).toBeGreaterThan(0);
      expect(k.cells).toBeLessThanOrEqual(budget + 50);
      if (i > 0) expect(k.remaining).toBeLessThan(keeps[i - 1].remaining);
    }
    expect(keeps[keeps.length - 1].remaining).toBe(0);
    // The Daily's group reads its chats to review (a week of chats, far under the month the warm-up read); the others none.
    const group = (name: string) => steps.find((s) => s.step === name)!.chats;
    expect(group('daily')).toBeLessThan(keeps.reduce((n, k) => n + k.chats, 0) / 3);
    for (const name of ['ranking', 'payroll', 'coaching']) expect({ name, cells: group(name) }).toEqual({ name, cells: 7 });

    // One unbounded call keeps the same days, with the same keys and figures.
    const one: { kept: number; remaining: number }[] = [];
    buildAllAsDialog(big.lib, (step, call) => {
      const answer = call();
      if (step === 'keep') one.push(JSON.parse(answer));
      return answer;
    });
    expect(one).toMatchObject([{ remaining: 0 }]);
    expect(one[0].kept).toBe(keeps.reduce((n, k) => n + k.kept, 0));
    const blocks = (fake: FakeSpreadsheetApp) => values(fake, COMPUTED).slice(1).map((r) => JSON.stringify(r)).sort();
    expect(blocks(small.fake)).toEqual(blocks(big.fake));
    expectSameAsWhole(small.fake, small.lib);
  }, 300_000);

  it('computes a kept day again once a re-import changes its chats, a setting or the roster changes, or the kept tab is damaged', () => {
    const { fake, lib } = shop(40);
    buildByDay(fake, lib);
    const before = buildWhole(fake, lib);

    // A day of February re-exported: every chat of 2026-02-03 now handled by 客服1.
    const [chats] = morning(33, SMALL);
    importTables(lib, [{ ...chats, file: 'chats_again.csv', consultations: chats.consultations.map((c) => ({ ...c, agent: '客服1' })) }], 'again');
    const reimported = expectSameAsWhole(fake, lib);
    // The month's scorecard counts each agent's inquiries: 客服1's grow.
    expect(reimported.tabs['Scorecard']).not.toEqual(before['Scorecard']);

    // A setting the figures depend on: the repeat window.
    setSetting(fake, 'repeat_window_hours', 2);
    const resettled = expectSameAsWhole(fake, lib);
    expect(resettled.tabs['Ranking']).not.toEqual(reimported.tabs['Ranking']);

    // The roster: 客服2 leaves and their chats are nobody's on the roster.
    importRoster(lib, roster().map((a) => (a.name === '客服2' ? { ...a, active: false } : a)));
    expectSameAsWhole(fake, lib);

    // The kept tab damaged by hand: a block cut short and a figure cell made unreadable.
    const sheet = fake.spreadsheet.raw(COMPUTED)!;
    const rows = values(fake, COMPUTED);
    const mark = rows.findIndex((r) => r[1] === 'day');
    sheet.getRange(mark + 1, 2).setValue('');
    sheet.getRange(3, 5).setValue('{not json');
    expectSameAsWhole(fake, lib);
    expect(values(fake, COMPUTED).filter((r) => r[1] === 'day').length).toBeGreaterThanOrEqual(10);
  }, 300_000);

  it('keeps every kept day through a change of any setting but the engine\'s, and of the roster; computes them again when an engine setting changes', () => {
    const { fake, lib } = shop(40);
    buildByDay(fake, lib);
    const kept = computedDays(fake);
    expect(kept.length).toBeGreaterThanOrEqual(15);
    const engineRows = new Set<string>(SETTINGS.filter((s) => (ENGINE_SETTINGS as readonly string[]).includes(s.field)).map((s) => s.name));
    // Every other setting the Settings tab lists (its first row), set to another value…
    const rows = values(fake, 'Settings').slice(1).map((r) => String(r[0]));
    const others = [...new Set(rows)].filter((name) => !engineRows.has(name));
    expect(others.filter((name) => !(name in OTHER_VALUES))).toEqual([]);
    for (const name of others) setSetting(fake, name, OTHER_VALUES[name]);
    // …and taken: each setting's field (the scorecard's rows are one) is not its default any more.
    for (const [name, value] of Object.entries(fake.globals())) vi.stubGlobal(name, value);
    const { rules, problems } = readRules(fake.ss);
    vi.unstubAllGlobals();
    expect(problems).toEqual([]);
    const defaults = defaultRules();
    const fieldOf = new Map<string, string>(SETTINGS.map((s) => [s.name, s.field]));
    for (const name of others) {
      const field = (fieldOf.get(name) ?? 'scorecard') as keyof Rules;
      expect({ name, changed: JSON.stringify([rules[field]].map(plain)) !== JSON.stringify([defaults[field]].map(plain)) }).toEqual({ name, changed: true });
    }
    // The roster too: 客服2 leaves, 客服3 works nights under another ID.
    importRoster(lib, roster().map((a) => (a.name === '客服2' ? { ...a, active: false } : a.name === '客服3' ? { ...a, shift: 'night' as const, id: '2003' } : a)));

    // No day is computed again: the warm-up keeps none, the groups read the chats to review alone; the tabs are a whole read's.
    const keeps: number[] = [];
    buildAllAsDialog(lib, (step, call) => {
      const answer = call();
      if (step === 'keep') keeps.push((JSON.parse(answer) as { kept: number }).kept);
      return answer;
    });
    expect(keeps).toEqual([0]);
    expect(computedDays(fake)).toEqual(kept);
    const { chatCells } = expectSameAsWhole(fake, lib);
    for (const group of ['ranking', 'payroll', 'coaching']) expect({ group, cells: chatCells[group] }).toEqual({ group, cells: 7 });

    // Each engine setting changed computes the kept days again: every day the tab keeps then is of the new settings.
    const fingerprints = () => new Set(values(fake, COMPUTED).filter((r) => r[1] === 'day').map((r) => String(r[2]).split(':')[0]));
    for (const [name, value] of [['attribution_window', 'same_day'], ['excluded_categories', 'freebie'], ['repeat_window_hours', 12]] as const) {
      const [before] = [...fingerprints()];
      setSetting(fake, name, value);
      const again: number[] = [];
      buildAllAsDialog(lib, (step, call) => {
        const answer = call();
        if (step === 'keep') again.push((JSON.parse(answer) as { kept: number }).kept);
        return answer;
      });
      expect({ name, kept: again.reduce((n, k) => n + k, 0) > 0 }).toEqual({ name, kept: true });
      const after = fingerprints();
      expect({ name, after: after.size, before: after.has(before) }).toEqual({ name, after: 1, before: false });
      expectSameAsWhole(fake, lib);
    }
  }, 300_000);

  it('reads an index from before it held versions as every day changed', () => {
    const { fake, lib } = shop(20);
    buildByDay(fake, lib);
    // An index tab written before it had a version column.
    const index = fake.spreadsheet.raw('CS Daily: day index')!;
    const column = values(fake, 'CS Daily: day index')[0].indexOf('version') + 1;
    expect(column).toBeGreaterThan(1);
    index.getRange(1, column, index.getLastRow(), 1).clearContent();
    expectSameAsWhole(fake, lib);
    // The next import writes the version column's header back.
    importTables(lib, morning(20, SMALL), 'imp-20');
    expect(String(index.getRange(1, column).getValue())).toBe('version');
    expectSameAsWhole(fake, lib);
  }, 120_000);
});
