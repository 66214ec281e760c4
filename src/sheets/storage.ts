/**
 * Imported data in the spreadsheet (SPEC §5 import contract): one data tab per
 * record kind, keyed so that re-importing the same rows replaces them; a
 * roster that grows with the agents imports find; an import-errors tab; an
 * import log. Each tab is read with one getValues and written with one
 * setValues, however many rows it holds.
 */
import { defaultRules, type Rules } from '../core/rules';
import { loadRollUp } from './rollUpRead';
import { readClaimsFromTab } from './claimsTab';
import { loadLogs } from './notebookTabs';
import { rulesFromTable, settingsTable, type SettingsProblem } from '../core/settings';
import type { Agent, Consultation, ExportedAgentDay, Rejection } from '../core/types';
import { unknownAgents } from '../import/ingest';
import { t, type MessageKey } from '../i18n';
import type { ReportInput } from '../reports';
import { readText, safeCell, textCell, type CellValue } from './cells';
import {
  AGENT_DAY_TABLE,
  SHOP_DAY_TABLE,
  CONSULTATION_TABLE,
  encodeCell,
  ERRORS_TABLE,
  EVENTS_TABLE,
  keyOfRecord,
  keyOfRow,
  LOG_COLUMNS,
  ORDER_TABLE,
  ROSTER_TABLE,
  type LogLine,
  type RowCells,
  type TableDef,
} from './schema';
import { ensureTab, findTab, insertDataTab, readTable, sheetLanguage, sheetTimeZone, writeBlock, type Table } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface UpsertResult {
  added: number;
  replaced: number;
}

/** What a write will do, read and counted before any of it is written; `apply` writes it (one block). */
export interface UpsertPlan extends UpsertResult {
  apply(): void;
}

const NOTHING: UpsertPlan = { added: 0, replaced: 0, apply: () => undefined };

export function header<T>(def: TableDef<T>): string[] {
  return def.columns.map((c) => c.name);
}

export function rowCells(table: Table, row: unknown[], index: number): RowCells {
  return {
    row: index + 2,
    cell: (name: string) => {
      const c = table.header.indexOf(name);
      return c < 0 ? '' : row[c];
    },
  };
}

/**
 * Merges records into their tab: a record whose key is already there replaces
 * that row (only our columns; a column the supervisor added keeps its cell),
 * the others are appended. Rows `drop` picks are removed first. One read, one write.
 */
export function upsertRecords<T>(ss: Spreadsheet, def: TableDef<T>, records: T[], drop?: (row: RowCells) => boolean): UpsertResult {
  const plan = planUpsert(ss, def, records, drop);
  plan.apply();
  return { added: plan.added, replaced: plan.replaced };
}

/**
 * upsertRecords in two steps: the read and the counts now, the write when
 * `apply` is called. A missing tab is created by the write, its header in the
 * same block as its rows.
 */
export function planUpsert<T>(ss: Spreadsheet, def: TableDef<T>, records: T[], drop?: (row: RowCells) => boolean): UpsertPlan {
  if (records.length === 0 && !drop) return NOTHING;
  const tz = sheetTimeZone(ss);
  const existing = findTab(ss, def.tab);
  const table: Table = existing ? readTable(existing) : { header: [], headerText: [], rows: [] };
  const head = table.header.length ? [...table.header] : header(def);
  const headerText = table.header.length ? [...table.headerText] : header(def);
  const headerChanged = table.header.length === 0 || header(def).some((name) => !head.includes(name));
  for (const name of header(def)) {
    if (head.includes(name)) continue;
    head.push(name);
    headerText.push(name);
  }
  const width = head.length;
  const stored: unknown[][] = table.rows.map((r) => {
    const copy = r.slice(0, width);
    while (copy.length < width) copy.push('');
    return copy;
  });
  const rows = drop ? stored.filter((r, i) => !drop(rowCells(table, r, i))) : stored;
  const dropped = stored.length - rows.length;
  if (records.length === 0 && dropped === 0) return NOTHING;
  const index = new Map<string, number>();
  rows.forEach((r, i) => index.set(keyOfRow(def, rowCells({ header: head, headerText, rows }, r, i), tz), i));
  const columnIndex = def.columns.map((c) => head.indexOf(c.name));
  let added = 0;
  let replaced = 0;
  // Only the rows from the first changed one down are written back (a re-import of recent days touches the tail).
  let firstChanged = rows.length;
  for (const record of records) {
    const key = keyOfRecord(def, record);
    let at = index.get(key);
    if (at === undefined) {
      at = rows.length;
      rows.push(new Array(width).fill(''));
      index.set(key, at);
      added++;
    } else {
      replaced++;
    }
    firstChanged = Math.min(firstChanged, at);
    const target = rows[at];
    def.columns.forEach((c, i) => {
      target[columnIndex[i]] = encodeCell(c.type, c.get(record));
    });
  }
  const from = headerChanged || dropped > 0 ? 0 : firstChanged;
  // Cells read back are what Sheets holds; re-written as read, they stay the same.
  const body: CellValue[][] = rows.slice(from).map((r) => r.map((v) => rewrite(v, tz)));
  // Rows that moved up leave blank rows behind, in the same write.
  for (let i = 0; i < dropped; i++) body.push(new Array(width).fill(''));
  const apply = () => {
    const sheet = existing ?? insertDataTab(ss, def.tab, width);
    // A tab left blank by a failure right after its creation is frozen as a new one would be.
    if (existing && table.header.length === 0) existing.setFrozenRows(1);
    if (headerChanged) writeBlock(sheet, 1, 1, [headerText.map((h) => textCell(h)), ...body]);
    else writeBlock(sheet, from + 2, 1, body);
  };
  return { added, replaced, apply };
}

/** A cell read from Sheets, fit to be written back unchanged (text stays text). */
export function rewrite(value: unknown, tz: string): CellValue {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') return value as Date;
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Encoded cells already carry their apostrophe; text read back has lost it.
  if (text.startsWith("'")) return text;
  return encodeCell('text', readText(text, tz)) as CellValue;
}

/**
 * Appends the agents the ingest core finds unknown (SPEC §7: added and
 * flagged, never dropped). Returns their names.
 */
export function addUnknownAgents(ss: Spreadsheet, agentDays: readonly ExportedAgentDay[], consultations: readonly Consultation[]): string[] {
  const plan = planUnknownAgents(ss, agentDays, consultations);
  plan.apply();
  return plan.fresh;
}

/** The roster values the add-on writes for an agent it found: shown in the spreadsheet's language. */
const ROSTER_WORDS = new Set(['yes', 'day', 'unknown']);

/** addUnknownAgents in two steps: the names now (one read of the roster), the write when `apply` is called. */
export function planUnknownAgents(ss: Spreadsheet, agentDays: readonly ExportedAgentDay[], consultations: readonly Consultation[]): { fresh: string[]; apply(): void } {
  if (agentDays.length === 0 && consultations.length === 0) return { fresh: [], apply: () => undefined };
  const existing = findTab(ss, ROSTER_TABLE.tab);
  const table: Table = existing ? readTable(existing) : { header: [], headerText: [], rows: [] };
  const tz = sheetTimeZone(ss);
  const roster: Agent[] = [];
  table.rows.forEach((row, i) => {
    const decoded = ROSTER_TABLE.decode(rowCells(table, row, i), tz);
    // A row that does not read still holds its name: the agent is known.
    if (decoded.ok) roster.push(decoded.value);
    else if (table.header.includes('agent')) roster.push({ name: readText(row[table.header.indexOf('agent')], tz), id: '', shift: 'day', basePay: 0, active: true });
  });
  const fresh = unknownAgents(roster, agentDays, consultations);
  if (fresh.length === 0) return { fresh: [], apply: () => undefined };
  const head = table.header.length ? table.header : header(ROSTER_TABLE);
  const lang = sheetLanguage(ss);
  const rows = fresh.map((name) => {
    const agent: Agent = { name, id: '', shift: 'day', basePay: 0, active: true, unknown: true };
    return head.map((h) => {
      const c = ROSTER_TABLE.columns.find((col) => col.name === h);
      if (!c) return '';
      if (h === 'base_pay') return '';
      // The words the supervisor reads and may retype, in the spreadsheet's language (the roster reads 是, 白班 and 未知 too).
      const value = c.get(agent);
      return typeof value === 'string' && ROSTER_WORDS.has(value) ? textCell(t(lang, `roster.word.${value}` as MessageKey)) : encodeCell(c.type, value);
    });
  });
  const apply = () => {
    // A new roster gets its header in the same write as its first agents.
    if (table.header.length === 0) writeBlock(existing ?? insertDataTab(ss, ROSTER_TABLE.tab, head.length), 1, 1, [head.map((h) => textCell(h)), ...rows]);
    else writeBlock(existing!, Math.max(existing!.getLastRow(), 1) + 1, 1, rows);
  };
  return { fresh, apply };
}

/** Appends one line to the import log. */
export function appendLogLine(ss: Spreadsheet, line: LogLine): void {
  writeLogLine(ss, line, nextLogRow(ss));
}

/** The row the next import-log line goes to. */
export function nextLogRow(ss: Spreadsheet): number {
  const sheet = findTab(ss, 'tab.importLog');
  return sheet ? Math.max(sheet.getLastRow(), 1) + 1 : 2;
}

/**
 * Writes one import-log line at `row` (from nextLogRow, kept by the caller
 * across retries): a finishImport retried after a failure rewrites its own
 * line rather than adding a second. A row since filled with another line (an
 * import that ran in between) is left alone: the line goes below the last.
 * A new log tab gets its header in the same write as its first line.
 */
export function writeLogLine(ss: Spreadsheet, line: LogLine, row: number): void {
  const cells = LOG_COLUMNS.map((c) => encodeCell(c.type, c.get(line)));
  const sheet = findTab(ss, 'tab.importLog');
  if (!sheet || sheet.getLastRow() === 0) {
    writeBlock(sheet ?? insertDataTab(ss, 'tab.importLog', cells.length), 1, 1, [LOG_COLUMNS.map((c) => textCell(c.name)), cells]);
    return;
  }
  const last = sheet.getLastRow();
  if (row > last) return writeBlock(sheet, row, 1, [cells]);
  const tz = sheetTimeZone(ss);
  const text = (v: unknown) => readText(typeof v === 'string' ? v.replace(/^'/, '') : v, tz);
  const there = sheet.getRange(row, 1, 1, cells.length).getValues()[0].map(text);
  if (there.join('\u0000') !== cells.map(text).join('\u0000')) writeBlock(sheet, last + 1, 1, [cells]);
}

/** Decodes every data row of a tab; rows that do not read become rejections naming the tab, row and column. */
export function readRecords<T>(ss: Spreadsheet, def: TableDef<T>, sheet: Sheet | null, rejections: Rejection[]): T[] {
  if (!sheet) return [];
  const tz = sheetTimeZone(ss);
  const table = readTable(sheet);
  const out: T[] = [];
  table.rows.forEach((row, i) => {
    const decoded = decodeRow(def, table, row, i + 2, () => sheet.getName(), tz);
    if (decoded === null) return;
    if (decoded.ok) out.push(decoded.value);
    else rejections.push(decoded.rejection);
  });
  return out;
}

/** One data row (sheet row `row`) decoded; a row that does not read is a rejection naming the tab, row and column; null for a blank row. */
export function decodeRow<T>(def: TableDef<T>, table: Table, cells: unknown[], row: number, tabName: () => string, tz: string): { ok: true; value: T } | { ok: false; rejection: Rejection } | null {
  if (cells.every((v) => v === '' || v === null)) return null;
  const decoded = def.decode(rowCells(table, cells, row - 2), tz);
  if (decoded.ok) return { ok: true, value: decoded.value };
  return { ok: false, rejection: { file: tabName(), sheet: null, row, column: decoded.column, reason: decoded.reason, raw: cells.map((v) => readText(v, tz)) } };
}

/** What the data tabs hold: the report input without the language and rules (those come from the spreadsheet and Settings). */
export type WorkbookData = Omit<ReportInput, 'language' | 'rules'>;

/** The four data tabs' records, and the rows of them that did not read (in the order consultations, orders, agent-days, shop-days); the rolled-up days' figures. */
export type DataRecords = Pick<WorkbookData, 'consultations' | 'orders' | 'agentDays' | 'shopDays' | 'rolledUp'> & { rejections: Rejection[] };

/** Everything but the data tabs: the supervisor's tabs, the claims and the stored import errors, each read once. */
export interface SideData {
  storedErrors: Rejection[];
  /** Rows of the events and roster tabs that did not read (listed before the data tabs'). */
  before: Rejection[];
  /** Rows of the log tabs that did not read (listed after the data tabs'). */
  after: Rejection[];
  data: Omit<WorkbookData, keyof DataRecords | 'rejections'>;
}

/**
 * The stored import errors, each key (file, sheet, row, column) once: a later
 * row with the key of an earlier one is a copy that a write cut between
 * moving the tab's last lines up and cutting the bottom rows left (the next
 * write of the tab removes it; errorStore.ts).
 */
export function readStoredErrors(ss: Spreadsheet): Rejection[] {
  const seen = new Set<string>();
  return readRecords(ss, ERRORS_TABLE, findTab(ss, ERRORS_TABLE.tab), []).filter((line) => {
    const key = keyOfRecord(ERRORS_TABLE, line);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The side data, creating the roster, events and settings tabs on first use. */
export function loadSideData(ss: Spreadsheet): SideData {
  const before: Rejection[] = [];
  const after: Rejection[] = [];
  const storedErrors = readStoredErrors(ss);
  const events = readRecords(ss, EVENTS_TABLE, ensureTab(ss, EVENTS_TABLE.tab, header(EVENTS_TABLE)), before);
  ensureSettingsTab(ss);
  const roster = readRecords(ss, ROSTER_TABLE, ensureTab(ss, ROSTER_TABLE.tab, header(ROSTER_TABLE)), before);
  return { storedErrors, before, after, data: { roster, events, claims: readClaimsFromTab(ss), claimsInTab: true, ...loadLogs(ss, after) } };
}

/** Every row of the four data tabs, and the roll-up tab whole. */
export function readAllRecords(ss: Spreadsheet): DataRecords {
  const rejections: Rejection[] = [];
  return {
    rolledUp: loadRollUp(ss),
    consultations: readRecords(ss, CONSULTATION_TABLE, findTab(ss, CONSULTATION_TABLE.tab), rejections),
    orders: readRecords(ss, ORDER_TABLE, findTab(ss, ORDER_TABLE.tab), rejections),
    agentDays: readRecords(ss, AGENT_DAY_TABLE, findTab(ss, AGENT_DAY_TABLE.tab), rejections),
    shopDays: readRecords(ss, SHOP_DAY_TABLE, findTab(ss, SHOP_DAY_TABLE.tab), rejections),
    rejections,
  };
}

/** The side data and the data tabs' records as the reports' input (without language and rules). */
export function assembleWorkbookData(side: SideData, records: DataRecords): WorkbookData {
  const { rejections, ...data } = records;
  return { ...side.data, ...data, rejections: [...side.storedErrors, ...side.before, ...rejections, ...side.after] };
}

/** Everything the reports need, each tab read once and whole. Creates the roster, events and settings tabs on first use. */
export function loadWorkbookData(ss: Spreadsheet): WorkbookData {
  return assembleWorkbookData(loadSideData(ss), readAllRecords(ss));
}

/** The Settings tab, written from the default rules when missing. Returns it and whether it was created. */
export function ensureSettingsTab(ss: Spreadsheet): { sheet: Sheet; created: boolean } {
  const existing = findTab(ss, 'settings.tab');
  if (existing) return { sheet: existing, created: false };
  const lang = sheetLanguage(ss);
  const table = settingsTable(defaultRules(), lang);
  const width = Math.max(...table.map((r) => r.length));
  const grid = table.map((r) => Array.from({ length: width }, (_, i) => safeCell(r[i] ?? '')));
  const sheet = ss.insertSheet(t(lang, 'settings.tab'));
  writeBlock(sheet, 1, 1, grid);
  sheet.setFrozenRows(1);
  return { sheet, created: true };
}

/** The rules as the Settings tab states them (defaults for what it leaves out), and its problems. `create`: write a missing Settings tab (else the defaults). */
export function readRules(ss: Spreadsheet, create = true): { rules: Rules; problems: SettingsProblem[] } {
  const sheet = create ? ensureSettingsTab(ss).sheet : findTab(ss, 'settings.tab');
  if (!sheet) return { rules: defaultRules(), problems: [] };
  const tz = sheetTimeZone(ss);
  const table = readTable(sheet);
  return rulesFromTable([table.headerText, ...table.rows.map((r) => r.map((v) => readText(v, tz)))], sheetLanguage(ss));
}

export const TAB_KEYS: Record<'agentDay' | 'consultations' | 'orders' | 'roster' | 'importErrors' | 'importLog', MessageKey> = {
  agentDay: AGENT_DAY_TABLE.tab,
  consultations: CONSULTATION_TABLE.tab,
  orders: ORDER_TABLE.tab,
  roster: ROSTER_TABLE.tab,
  importErrors: ERRORS_TABLE.tab,
  importLog: 'tab.importLog',
};
