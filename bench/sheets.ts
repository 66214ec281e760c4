/**
 * `npm run bench:sheets`: a 20-agent shop's year in one spreadsheet, morning
 * by morning, through the BUILT bundle's server functions on the Spreadsheet
 * fake and its cost model (test/fakes/cost.ts). Each morning: the sidebar's
 * context, every table in chunks of 500 (importChunk, finishImport), then
 * *Build all reports* as its dialog makes it: one buildReportGroup call per
 * group of tabs. A build keeps the figures of the final days it computed, so
 * its cost depends on the builds before it: a supervisor builds every
 * morning, and so does BENCH_BUILDS=every (slow: every build decodes what it
 * reads). By default the build runs on each printed morning and the morning
 * before it, which leaves the printed build the figures a build the morning
 * before leaves; the morning-before build, with no figures kept, is what a
 * first build (or one after the settings or roster change) costs, printed apart.
 * Prints calls, cells read and written, grid cells and modelled Apps Script
 * seconds for days 1, 30, 90, 180, 240 and 365, beside the targets.
 */
import { CHUNK_SIZE, chunksOf } from '../src/ui/sidebar/chunks';
import { costDifference, FakeSpreadsheetApp, LIMITS, modelledSeconds, ZERO_COST, type Cost } from '../test/fakes/spreadsheet';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { morning, roster } from './sheetsShop';
import { t } from '../src/i18n';
import { buildAllAsDialog } from '../test/support/buildAll';

const DAYS = Number(process.env.BENCH_DAYS ?? 365);
// Day 240 too: the grid passes 10 M cells before day 365 while raw records are never rolled up.
const PRINTED = [1, 30, 90, 180, 240, 365].filter((d) => d <= DAYS);
const TARGET_CALL_SECONDS = 60;
const EVERY_MORNING = process.env.BENCH_BUILDS === 'every';
const builtOn = (day: number) => EVERY_MORNING || PRINTED.includes(day) || PRINTED.includes(day + 1);
/** The morning-before builds (few or no figures kept yet): day and worst call. */
const firstBuilds: { day: number; worstCall: number; seconds: number; keep: KeepCalls }[] = [];
/** The warm-up's calls of a build (keepReportDays until no day remains): how many, the costliest, all together (modelled s). */
interface KeepCalls {
  calls: number;
  worst: number;
  seconds: number;
}
const TARGET_KEEP_SECONDS = 40;
/** The warm-up calls of every build run. */
const keepsOfBuilds: KeepCalls[] = [];

interface Phase {
  cost: Cost;
  /** The most expensive single server call, in modelled seconds. */
  worstCall: number;
}

/** The built bundle (dist/), every file in one global scope as Apps Script loads it. */
function loadBundle(globals: object): Record<string, (...args: unknown[]) => string> {
  const require = createRequire(import.meta.url);
  const gas = require('gas-local') as { require(dir: string, globals?: object): Record<string, (...args: unknown[]) => string> };
  return gas.require(fileURLToPath(new URL('../dist', import.meta.url)), { Logger: { log() {} }, ...globals });
}

/** The bundle's clock: each morning at 09:00 of the day after the one imported (the import log's time, the days the roll-up counts from). */
let clock = Date.UTC(2026, 0, 1, 1);
class MorningDate extends Date {
  constructor(...args: ConstructorParameters<typeof Date> | []) {
    if (args.length === 0) super(clock);
    else super(...(args as ConstructorParameters<typeof Date>));
  }
  static override now() {
    return clock;
  }
}

const fake = new FakeSpreadsheetApp({ locale: 'zh_CN' });
const lib = loadBundle({ ...fake.globals(), Date: MorningDate });

/** One google.script.run call: counted as a server call, its cost added to the phase. */
function serverCall<T>(phase: Phase, call: () => T): T {
  const before = fake.cost();
  fake.serverCalls++;
  try {
    return call();
  } finally {
    const cost = costDifference(fake.cost(), before);
    phase.cost = add(phase.cost, cost);
    phase.worstCall = Math.max(phase.worstCall, modelledSeconds(cost));
  }
}

function add(a: Cost, b: Cost): Cost {
  return { calls: a.calls + b.calls, propertyCalls: a.propertyCalls + b.propertyCalls, cellsRead: a.cellsRead + b.cellsRead, cellsWritten: a.cellsWritten + b.cellsWritten, longTextChars: a.longTextChars + b.longTextChars, serverCalls: a.serverCalls + b.serverCalls };
}

const fresh = (): Phase => ({ cost: { ...ZERO_COST }, worstCall: 0 });

function importMorning(day: number): Phase {
  const phase = fresh();
  serverCall(phase, () => lib.getSidebarContext());
  morning(day).forEach((table, t) => {
    const importId = `imp-${day}-${t}`;
    for (const chunk of chunksOf(table, importId, CHUNK_SIZE)) serverCall(phase, () => lib.importChunk(JSON.stringify(chunk)));
    serverCall(phase, () => lib.finishImport(importId));
  });
  return phase;
}

/** Cells of the costliest build so far, by tab (where its modelled seconds go). */
const costliest: { build: { day: number; seconds: number; byTab: [string, { read: number; written: number }][]; byCall: [string, number, [string, number][]][] } | null } = { build: null };

/** Cells each printed build read of the roll-up's two tabs, by day (they grow with the rolled-up days unless read by day). */
const ROLL_UP_TABS = [t('zh', 'tab.rollUp'), t('zh', 'tab.rollUpBoundary')];
const rollUpReads = new Map<number, number[]>();

function build(day: number): Phase & { keep: KeepCalls } {
  const phase = fresh();
  fake.cellsByTab.clear();
  // As the dialog makes it: one server call per group of tabs, the later ones given the first's day.
  const byCall: [string, number, [string, number][]][] = [];
  const keep: KeepCalls = { calls: 0, worst: 0, seconds: 0 };
  buildAllAsDialog(lib, (group, call) => {
    const before = phase.cost;
    const tabsBefore = new Map([...fake.cellsByTab].map(([tab, c]) => [tab, c.read]));
    const answer = serverCall(phase, call);
    const tabsRead = [...fake.cellsByTab].map(([tab, c]): [string, number] => [tab, c.read - (tabsBefore.get(tab) ?? 0)]).filter(([, read]) => read > 0);
    const seconds = modelledSeconds(costDifference(phase.cost, before));
    byCall.push([group, seconds, tabsRead]);
    if (group === 'keep') keep.calls++, (keep.worst = Math.max(keep.worst, seconds)), (keep.seconds += seconds);
    return answer;
  });
  rollUpReads.set(day, ROLL_UP_TABS.map((tab) => fake.cellsByTab.get(tab)?.read ?? 0));
  const seconds = modelledSeconds(phase.cost);
  const steady = EVERY_MORNING || PRINTED.includes(day);
  if (steady && (!costliest.build || seconds > costliest.build.seconds)) costliest.build = { day, seconds, byTab: [...fake.cellsByTab].map(([tab, c]) => [tab, { ...c }]), byCall };
  const alerts = fake.ui.alerts.splice(0);
  if (alerts.length > 0) throw new Error(`Build all reports: ${alerts.map((a) => a.join(' ')).join(' | ')}`);
  keepsOfBuilds.push(keep);
  return { ...phase, keep };
}

interface Row {
  day: number;
  imp: Phase;
  build: Phase | null;
  grid: number;
}

const rows: Row[] = [];
let failure: string | null = null;
const started = Date.now();
serverCall(fresh(), () => lib.importSupervisorTable(JSON.stringify({ importId: 'roster', file: 'roster.csv', sheet: null, kind: 'roster', rowsRead: 20, agents: roster(), events: [], rejected: [], skipped: 0 })));
for (let day = 1; day <= DAYS; day++) {
  try {
    clock = Date.UTC(2026, 0, day, 1);
    const imp = importMorning(day - 1);
    const built = builtOn(day) ? build(day) : null;
    if (PRINTED.includes(day)) rows.push({ day, imp, build: built, grid: fake.gridCells() });
    else if (built && !EVERY_MORNING) firstBuilds.push({ day, worstCall: built.worstCall, seconds: modelledSeconds(built.cost), keep: built.keep });
  } catch (error) {
    failure = `day ${day}: ${(error as Error).message}`;
    break;
  }
  if (day % 30 === 0) process.stderr.write(`  day ${day}: ${fake.gridCells().toLocaleString('en')} grid cells, ${Math.round((Date.now() - started) / 1000)} s\n`);
}

const n = (x: number) => Math.round(x).toLocaleString('en');
const s = (x: number) => x.toFixed(1);
console.log(`\nCS Daily in one spreadsheet: a 20-agent shop (≈3 000 chats, ≈1 000 orders, 3 Chitu reports a day), chunks of ${CHUNK_SIZE}`);
console.log('Cost model: 7 ms a call, 100 µs a cell read or written, 1 µs a character of a text cell past its first 100, 62 ms a document-property call, 1 s a server call (sources: docs/decisions.md)\n');
console.log('| day | import: calls | cells read | cells written | modelled s (worst call) | build: calls | cells read | cells written | modelled s (worst call) | grid cells |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const b = r.build;
  console.log(
    `| ${r.day} | ${n(r.imp.cost.calls)} | ${n(r.imp.cost.cellsRead)} | ${n(r.imp.cost.cellsWritten)} | ${s(modelledSeconds(r.imp.cost))} (${s(r.imp.worstCall)}) | ` +
      (b ? `${n(b.cost.calls)} | ${n(b.cost.cellsRead)} | ${n(b.cost.cellsWritten)} | ${s(modelledSeconds(b.cost))} (${s(b.worstCall)}) | ` : '— | — | — | — | ') +
      `${n(r.grid)} (${((100 * r.grid) / LIMITS.gridCells).toFixed(1)} %) |`,
  );
}
if (failure) console.log(`\nStopped: ${failure}`);
console.log(`\nGrid at the end, by tab (rows × columns used / in the grid): ${fake.spreadsheet.sheets.map((sh) => `${sh.getName()} ${sh.getLastRow()}×${sh.getLastColumn()} / ${sh.maxRows}×${sh.maxColumns}`).join('; ')}`);

const worstBuild = costliest.build;
if (worstBuild) {
  const cells = ([, c]: [string, { read: number; written: number }]) => c.read + c.written;
  const top = worstBuild.byTab.sort((a, b) => cells(b) - cells(a)).slice(0, 6);
  console.log(`\nThe costliest build (day ${worstBuild.day}, ${s(worstBuild.seconds)} s), cells by tab: ${top.map(([tab, c]) => `${tab} ${n(c.read)} read / ${n(c.written)} written`).join('; ')}`);
  console.log(`Its server calls (modelled s): ${worstBuild.byCall.map(([group, sec]) => `${group} ${s(sec)}`).join('; ')}`);
  console.log(`(keep: the warm-up's calls, keepReportDays, computing the days the groups show that are not kept yet)`);
  for (const [group, , tabs] of worstBuild.byCall) {
    const top = tabs.sort((a, b) => b[1] - a[1]).slice(0, 4);
    console.log(`  ${group} read: ${top.map(([tab, read]) => `${tab} ${n(read)}`).join('; ')}`);
  }
}
if (firstBuilds.length > 0) {
  console.log(`\nThe morning-before builds, with no figures kept (a first build): ${firstBuilds.map((b) => `day ${b.day} ${s(b.seconds)} s (worst call ${s(b.worstCall)}; warm-up ${b.keep.calls} calls, ${s(b.keep.seconds)} s, worst ${s(b.keep.worst)})`).join('; ')}`);
}
console.log(`Cells each build read of ${ROLL_UP_TABS.join(' / ')}: ${[...rollUpReads].filter(([day]) => PRINTED.includes(day)).map(([day, [rolled, boundary]]) => `day ${day} ${n(rolled)} / ${n(boundary)}`).join('; ')}`);

const at = (day: number) => rows.find((r) => r.day === day);
const morningSeconds = (r: Row | undefined) => (r ? modelledSeconds(r.imp.cost) + (r.build ? modelledSeconds(r.build.cost) : 0) : NaN);
const worst = Math.max(...rows.flatMap((r) => [r.imp.worstCall, r.build?.worstCall ?? 0]));
const furthest = rows[rows.length - 1];
const ratio = morningSeconds(furthest) / morningSeconds(at(30));
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log('\nTargets:');
const reached = furthest?.day === 365 ? 'day 365' : `day ${furthest?.day} (day 365 not reached)`;
console.log(`- day-365 morning within 1.5× the day-30 morning: ${reached} ×${Number.isFinite(ratio) ? ratio.toFixed(2) : '—'} — ${furthest?.day === 365 ? verdict(ratio <= 1.5) : `${verdict(ratio <= 1.5)} so far`}`);
console.log(`- every server call under ${TARGET_CALL_SECONDS} modelled seconds: worst ${s(worst)} s — ${verdict(worst < TARGET_CALL_SECONDS)}${EVERY_MORNING ? '' : ' (building every morning)'}`);
const firstWorst = Math.max(0, ...firstBuilds.map((b) => b.worstCall));
if (firstBuilds.length > 0) console.log(`  a first build, with no figures kept: worst call ${s(firstWorst)} s — ${verdict(firstWorst < TARGET_CALL_SECONDS)}`);
const keepWorst = Math.max(0, ...keepsOfBuilds.map((k) => k.worst));
console.log(`- every warm-up call (keepReportDays) under ${TARGET_KEEP_SECONDS} modelled seconds: worst ${s(keepWorst)} s of ${keepsOfBuilds.reduce((n, k) => n + k.calls, 0)} calls — ${verdict(keepWorst < TARGET_KEEP_SECONDS)}`);
console.log(`- never over ${n(LIMITS.gridCells)} grid cells: ${failure ? failure : `${n(Math.max(...rows.map((r) => r.grid)))} at most`} — ${verdict(!failure)}`);
