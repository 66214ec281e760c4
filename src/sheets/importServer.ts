/**
 * The server half of the import sidebar: what google.script.run calls. Each
 * takes and returns JSON strings (see importApi.ts), and every write runs
 * under the document lock. A table's import spans several chunk calls; what
 * they added up so far, and which chunks are stored, lives in document
 * properties until finishImport logs it. Both calls may arrive twice (the
 * sidebar retries when an answer is lost): a stored chunk is not stored
 * again, a finished table is not logged again.
 */
import type { Consultation, ExportedAgentDay, Order, Rejection, ShopDay } from '../core/types';
import { t, type Language } from '../i18n';
import type { RecordKind } from '../import/types';
import type { ChunkReceipt, ImportChunk, ImportSummary, SidebarContext } from './importApi';
import { isStored, withChunk, type ChunkRanges } from './chunkLedger';
import { withDocumentLock } from './lock';
import { AGENT_DAY_TABLE, CONSULTATION_TABLE, ERRORS_TABLE as ERRORS, ORDER_TABLE, ROSTER_TABLE, SHOP_DAY_TABLE } from './schema';
import { readText } from './cells';
import { nextLogRow, planUnknownAgents, writeLogLine } from './storage';
import { planRejections } from './errorStore';
import { planDayUpsert } from './dayStore';
import { readDayIndex, writeDayIndex, type DayIndex } from './dayIndex';
import { gridCapacity } from './capacity';
import { rollUpStep } from './rollUpStep';
import { findTab, readTable, sheetLanguage, sheetTimeZone } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const KINDS: RecordKind[] = ['agent_day', 'consultations', 'orders', 'shop_day'];
const STATE_PREFIX = 'csdaily.import.';
/** Document properties hold 9 KB a value: the new-agent list is capped well under it, in names and in characters. */
const MAX_NEW_AGENTS = 200;
const MAX_NEW_AGENT_CHARS = 3_000;
const NAME_SHOWN = 60;

/** The new agents as the import state keeps them: each name at most NAME_SHOWN characters, the list within MAX_NEW_AGENT_CHARS. */
function capAgents(names: readonly string[]): string[] {
  const out: string[] = [];
  let chars = 0;
  for (const name of names.slice(0, MAX_NEW_AGENTS)) {
    const shown = name.length > NAME_SHOWN ? `${name.slice(0, NAME_SHOWN - 1)}…` : name;
    if (chars + shown.length > MAX_NEW_AGENT_CHARS) break;
    out.push(shown);
    chars += shown.length;
  }
  return out;
}

/** The running totals of one table's import between chunks: its summary-to-be, plus when it started. */
interface ImportState extends Omit<ImportSummary, 'importId' | 'errorsTab'> {
  /** ms since epoch of the first chunk, to clear imports whose sidebar closed before finishImport. */
  startedAt: number;
  sheet: string | null;
  /** Chunk indices stored so far (see chunkLedger.ts). */
  stored: ChunkRanges;
  /** Set by finishImport: a repeated finishImport answers again without logging twice. */
  finished?: boolean;
  /**
   * The counts of the chunk being stored, saved before its first write: a
   * retry after a failure part-way writes the chunk again (its rows are keyed,
   * so the data ends the same) but reports what the first try found, not its
   * own rows as replaced.
   */
  pending?: { chunkIndex: number; added: number; replaced: number; newAgents: string[] };
  /** The import-log row and time of finishImport's line, saved before it is written, so a retry rewrites that line. */
  log?: { row: number; time: string };
}

/** The running totals of a table whose first chunk has not arrived yet. */
function freshState(file: string, sheet: string | null, kind: RecordKind): ImportState {
  return { startedAt: Date.now(), file, sheet, kind, rowsRead: 0, added: 0, replaced: 0, rejected: 0, skipped: 0, conflicts: 0, newAgents: [], stored: [] };
}

function documentProperties(): GoogleAppsScript.Properties.Properties | null {
  if (typeof PropertiesService === 'undefined') return null;
  return PropertiesService.getDocumentProperties();
}

// Without document properties (tests outside a document) the state lives for this run only.
const memoryState = new Map<string, string>();

function loadState(importId: string): ImportState | null {
  const props = documentProperties();
  const text = props ? props.getProperty(STATE_PREFIX + importId) : memoryState.get(importId) ?? null;
  if (!text) return null;
  const state = JSON.parse(text) as ImportState;
  return { ...state, stored: Array.isArray(state.stored) ? state.stored : [], conflicts: state.conflicts ?? 0 };
}

function saveState(importId: string, state: ImportState): void {
  const text = JSON.stringify(state);
  const props = documentProperties();
  if (props) props.setProperty(STATE_PREFIX + importId, text);
  else memoryState.set(importId, text);
}

const STALE_MS = 24 * 3_600_000;

/** Forgets imports that never finished (the sidebar was closed): document properties hold 500 KB in all. */
function dropStaleStates(now: number): void {
  const props = documentProperties();
  if (!props) return;
  for (const [key, text] of Object.entries(props.getProperties())) {
    if (!key.startsWith(STATE_PREFIX)) continue;
    try {
      if (now - (JSON.parse(text) as ImportState).startedAt < STALE_MS) continue;
    } catch {
      // Unreadable state is as good as stale.
    }
    props.deleteProperty(key);
  }
}

function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The chunk as sent, or an error the sidebar can show. */
function parseChunk(json: string, lang: Language): ImportChunk {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new Error(t(lang, 'sheets.badChunk', { reason: 'not JSON' }));
  }
  const c = value as Partial<ImportChunk> | null;
  const problem =
    !c || typeof c !== 'object'
      ? 'not an object'
      : typeof c.importId !== 'string' || c.importId === ''
        ? 'importId missing'
        : typeof c.file !== 'string'
          ? 'file missing'
          : !KINDS.includes(c.kind as RecordKind)
            ? `unknown kind "${String(c.kind)}"`
            : null;
  if (problem) throw new Error(t(lang, 'sheets.badChunk', { reason: problem }));
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  const chunkIndex = Number(c!.chunkIndex ?? 0);
  if (!Number.isInteger(chunkIndex) || chunkIndex < 0) throw new Error(t(lang, 'sheets.badChunk', { reason: 'chunkIndex invalid' }));
  return {
    importId: c!.importId!,
    chunkId: `${c!.importId!}#${chunkIndex}`,
    file: c!.file!,
    sheet: typeof c!.sheet === 'string' ? c!.sheet : null,
    kind: c!.kind as RecordKind,
    encoding: c!.encoding ?? 'utf-8',
    chunkIndex,
    chunkCount: Number(c!.chunkCount ?? 1),
    rowsRead: Number(c!.rowsRead ?? 0),
    agentDays: list<ExportedAgentDay>(c!.agentDays),
    shopDays: list<ShopDay>(c!.shopDays),
    consultations: list<Consultation>(c!.consultations),
    orders: list<Order>(c!.orders),
    rejected: list<Rejection>(c!.rejected),
    skipped: list(c!.skipped),
    conflicts: list<unknown>(c!.conflicts).filter(isConflictLine),
  };
}

const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/** A duplicate-key line as the ingest core makes it: stored only when it names its file, row and reason. */
function isConflictLine(v: unknown): v is Rejection {
  const r = v as Partial<Rejection> | null;
  return !!r && typeof r === 'object' && typeof r.file === 'string' && typeof r.row === 'number' && isText(r.reason) && Array.isArray(r.raw ?? []);
}
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** Keeps the records whose key fields are there; the others become rejections (never silently dropped). */
function keyed<T>(records: T[], check: (r: T) => string | null, chunk: ImportChunk, lang: Language, out: Rejection[]): T[] {
  return records.filter((r, i) => {
    const reason = r && typeof r === 'object' ? check(r) : 'not an object';
    if (reason === null) return true;
    out.push({
      file: chunk.file,
      sheet: chunk.sheet,
      row: 0,
      column: '',
      reason: t(lang, 'sheets.invalidRecord', { kind: chunk.kind, reason: `${reason} (#${i + 1} of chunk ${chunk.chunkIndex + 1})` }),
      raw: [JSON.stringify(r)],
    });
    return false;
  });
}

/** Brings the import-errors tab to the front (the sidebar's link in its summary). Returns '' when there is none. */
export function showImportErrors(): string {
  const ss = activeSpreadsheet();
  const tab = findTab(ss, ERRORS.tab);
  if (!tab) return '';
  ss.setActiveSheet(tab);
  return tab.getName();
}

/** What the sidebar needs on opening: language, time zone, the roster's names. */
export function getSidebarContext(): string {
  const ss = activeSpreadsheet();
  const tz = sheetTimeZone(ss);
  const roster = findTab(ss, ROSTER_TABLE.tab);
  let rosterNames: string[] = [];
  if (roster) {
    const table = readTable(roster);
    const c = table.header.indexOf('agent');
    if (c >= 0) rosterNames = table.rows.map((r) => readText(r[c], tz)).filter((n) => n !== '');
  }
  const context: SidebarContext = { language: sheetLanguage(ss), timeZone: tz, rosterNames };
  return JSON.stringify(context);
}

/** Stores one chunk of one imported table; returns a ChunkReceipt as JSON. */
export function importChunk(chunkJson: string): string {
  const ss = activeSpreadsheet();
  const lang = sheetLanguage(ss);
  const chunk = parseChunk(chunkJson, lang);
  return withDocumentLock(lang, () => {
    if (chunk.chunkIndex === 0) dropStaleStates(Date.now());
    const state = loadState(chunk.importId) ?? freshState(chunk.file, chunk.sheet, chunk.kind);
    if (isStored(state.stored, chunk.chunkIndex)) {
      const repeat: ChunkReceipt = { importId: chunk.importId, chunkIndex: chunk.chunkIndex, added: 0, replaced: 0, rejected: 0, repeated: true, storedSoFar: state.added + state.replaced };
      return JSON.stringify(repeat);
    }
    const rejected = [...chunk.rejected];
    const agentDays = keyed(chunk.agentDays, (r) => (!isText(r.date) ? 'date missing' : !isText(r.agent) ? 'agent missing' : null), chunk, lang, rejected);
    const consultations = keyed(
      chunk.consultations,
      (r) => (!isText(r.buyer) ? 'buyer missing' : !isText(r.agent) ? 'agent missing' : !isTime(r.start) ? 'start missing' : null),
      chunk,
      lang,
      rejected,
    );
    const orders = keyed(chunk.orders, (r) => (!isText(r.orderId) ? 'order id missing' : !isTime(r.created) ? 'created missing' : null), chunk, lang, rejected);

    // Every tab is read and every count made before the first write (see ImportState.pending).
    const index = readDayIndex(ss);
    const plans = [
      planDayUpsert(ss, AGENT_DAY_TABLE, 'agentDays', agentDays, index, chunk.chunkId),
      planDayUpsert(ss, SHOP_DAY_TABLE, 'shopDays', keyed(chunk.shopDays, (r) => (!isText(r.date) ? 'date missing' : null), chunk, lang, rejected), index, chunk.chunkId),
      planDayUpsert(ss, CONSULTATION_TABLE, 'consultations', consultations, index, chunk.chunkId),
      planDayUpsert(ss, ORDER_TABLE, 'orders', orders, index, chunk.chunkId),
    ];
    const errors = planRejections(ss, [...rejected, ...chunk.conflicts], chunk.chunkIndex === 0 ? { file: chunk.file, sheet: chunk.sheet } : null);
    const agents = planUnknownAgents(ss, agentDays, consultations);
    const retried = state.pending?.chunkIndex === chunk.chunkIndex ? state.pending : null;
    const pending = retried ?? {
      chunkIndex: chunk.chunkIndex,
      added: plans.reduce((n, p) => n + p.added, 0),
      replaced: plans.reduce((n, p) => n + p.replaced, 0),
      newAgents: capAgents(agents.fresh),
    };
    if (!retried) saveState(chunk.importId, { ...state, pending });
    for (const plan of [...plans, errors, agents]) plan.apply();
    // After the data: a failure before this line leaves rows the next import indexes (see dayIndex.ts).
    writeDayIndex(ss, index);
    const totals = { added: pending.added, replaced: pending.replaced };
    const newAgents = pending.newAgents;
    delete state.pending;

    state.rowsRead = Math.max(state.rowsRead, chunk.rowsRead);
    state.added += totals.added;
    state.replaced += totals.replaced;
    state.rejected += rejected.length;
    state.skipped += chunk.skipped.length;
    state.conflicts += chunk.conflicts.length;
    state.newAgents = capAgents([...new Set([...state.newAgents, ...newAgents])]);
    state.stored = withChunk(state.stored, chunk.chunkIndex);
    saveState(chunk.importId, state);

    const receipt: ChunkReceipt = {
      importId: chunk.importId,
      chunkIndex: chunk.chunkIndex,
      ...totals,
      rejected: rejected.length,
      repeated: false,
      storedSoFar: state.added + state.replaced,
    };
    return JSON.stringify(receipt);
  });
}

/** Closes one table's import: writes its log line, returns an ImportSummary as JSON. */
export function finishImport(importId: string): string {
  const ss = activeSpreadsheet();
  const lang = sheetLanguage(ss);
  return withDocumentLock(lang, () => {
    const state: ImportState = loadState(importId) ?? freshState('', null, 'agent_day');
    if (state.finished) return JSON.stringify(summaryOf(ss, lang, importId, state));
    // The line's row and time are kept before it is written: a retry rewrites the same line (see writeLogLine).
    const log = state.log ?? { row: nextLogRow(ss), time: nowText(sheetTimeZone(ss)) };
    if (!state.log) saveState(importId, { ...state, log });
    writeLogLine(ss, {
      file: state.file,
      sheet: state.sheet,
      kind: state.kind,
      time: log.time,
      rowsRead: state.rowsRead,
      accepted: state.added + state.replaced,
      added: state.added,
      replaced: state.replaced,
      rejected: state.rejected,
      skipped: state.skipped,
      newAgents: state.newAgents,
    }, log.row);
    // Kept (not dropped) so a repeated call gets the same answer; dropStaleStates clears it after a day.
    saveState(importId, { ...state, log, finished: true });
    // One day of the roll-up per table imported: a morning's few tables keep up with the one day a morning adds.
    const index = readDayIndex(ss);
    rollUpStep(ss, log.time, index);
    const summary = summaryOf(ss, lang, importId, state, index);
    ss.toast(t(lang, 'sheets.imported', { file: state.file, added: state.added, replaced: state.replaced, rejected: state.rejected }), t(lang, 'menu.title'));
    return JSON.stringify(summary);
  });
}

function summaryOf(ss: Spreadsheet, lang: Language, importId: string, state: ImportState, index?: DayIndex): ImportSummary {
  return {
    importId,
    file: state.file,
    kind: state.kind,
    rowsRead: state.rowsRead,
    added: state.added,
    replaced: state.replaced,
    rejected: state.rejected,
    skipped: state.skipped,
    conflicts: state.conflicts,
    newAgents: state.newAgents,
    errorsTab: findTab(ss, ERRORS.tab)?.getName() ?? t(lang, ERRORS.tab),
    grid: gridCapacity(ss, index),
  };
}

/** Now, as the import log writes it, in the spreadsheet's time zone. */
export function nowText(timeZone: string): string {
  const now = new Date();
  if (typeof Utilities !== 'undefined' && Utilities.formatDate) return Utilities.formatDate(now, timeZone, 'yyyy-MM-dd HH:mm:ss');
  return now.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Rolls up raw days past the retention (see rollUpStep), one day per call:
 * returns JSON `{ day, status, rawRemoved }`, or `null` when no day is due.
 */
export function rollUpOldDays(): string {
  const ss = activeSpreadsheet();
  const lang = sheetLanguage(ss);
  return withDocumentLock(lang, () => JSON.stringify(rollUpStep(ss, nowText(sheetTimeZone(ss)))));
}
