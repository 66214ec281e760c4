/**
 * The offline import: files → one ReportInput, through the same import core
 * as the sidebar. Records are keyed as the spreadsheet's data tabs are, so a
 * file given twice (or two overlapping exports) replaces rather than doubles.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Agent, Language, Rejection } from '../core/types';
import type { Rules } from '../core/rules';
import { rulesFromTable } from '../core/settings';
import { decodeBytes, importFile, parseDelimited, readClaims, readEvents, readRoster, type FileImport, type ImportResult } from '../import';
import type { ReportInput } from '../reports';
import { MAX_STORED_TEXT, storedForms, unknownAgents, type TextCut } from '../import/ingest';
import { mergeRun, type MergedRun, type RunTables } from '../import/mergeRun';
import { t, type MessageKey } from '../i18n';
import type { CliOptions } from './args';
import { runCountLines, runCounts, type RunCounts } from './runCounts';
import { fileProblem, fileProblemText } from './fileOptions';
import { readCoaching, readHandovers, readProblems, readSchedule } from '../import/notebooks';

export interface LoadedInput {
  input: ReportInput;
  /** Lines for the console: what each file gave, refusals, problems. */
  log: string[];
  /** Records accepted over all files (0 = nothing could be imported). */
  accepted: number;
  /** Rows read, stored, replaced, rejected and skipped over the run. */
  counts?: RunCounts;
  /** How input.rejections is made: the settings files' (rules, roster, claims, events) first, the duplicate-key lines last. */
  settingsRejections?: number;
  conflicts?: number;
  /** The names of the data files read this run (a file without rejections too). */
  filesRead?: string[];
}

function source(path: string) {
  // A view of the file's buffer, not a copy: an 80 MB export need not be held twice.
  const buffer = readFileSync(path);
  return { name: basename(path), bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
}

/** Appends in place without spreading: `push(...items)` overflows the call stack past ~125 000 items. */
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

function loadRules(path: string | null, lang: Language, log: string[], rejections: Rejection[]): Rules {
  if (!path) return rulesFromTable([]).rules;
  const file = source(path);
  const { rules, problems } = rulesFromTable(parseDelimited(decodeBytes(file.bytes).text), lang);
  for (const p of problems) {
    log.push(t(lang, 'cli.settingProblem', { file: file.name, row: p.row, setting: p.setting, reason: p.reason }));
    rejections.push({ file: file.name, sheet: null, row: p.row, column: 'setting', reason: `${p.setting}: ${p.reason}`, raw: [] });
  }
  return rules;
}

function describe(result: FileImport, lang: Language, log: string[], rejections: Rejection[], verbose: boolean): void {
  for (const table of result.tables) {
    log.push(
      t(lang, 'cli.table', {
        file: result.file,
        sheet: table.sheet ? ` [${table.sheet}]` : '',
        kind: t(lang, `cli.kind.${table.kind}` as MessageKey),
        encoding: table.encoding,
        accepted: table.agentDays.length + table.shopDays.length + table.consultations.length + table.orders.length,
        rejected: table.rejected.length,
        skipped: table.skipped.length,
      }),
    );
    if (table.guessedAgentColumn) log.push(t(lang, 'cli.guessedAgent', { file: result.file, sheet: table.sheet ? ` [${table.sheet}]` : '', column: table.guessedAgentColumn }));
    append(rejections, table.rejected);
  }
  for (const refused of result.refused) {
    if (verbose && refused.detail) log.push(t(lang, 'cli.debug', { file: result.file, sheet: refused.sheet ? ` [${refused.sheet}]` : '', detail: refused.detail }));
    // A workbook's other sheets (notes, charts) are listed as skipped when one of its sheets was a table (SPEC §5); a damaged one is refused with its reason.
    if (refused.sheet !== null && result.tables.length > 0 && !refused.damaged) {
      log.push(t(lang, 'cli.skippedSheet', { file: result.file, sheet: refused.sheet }));
      continue;
    }
    const reason = refused.headersSeen.length
      ? t(lang, 'cli.refusedDetail', { reason: refused.reason, seen: refused.headersSeen.join(', '), expected: refused.expected.join(' | ') })
      : refused.reason;
    log.push(t(lang, 'cli.refused', { file: result.file, sheet: refused.sheet ? ` [${refused.sheet}]` : '', reason }));
    rejections.push({ file: result.file, sheet: refused.sheet, row: 1, column: '', reason, raw: refused.headersSeen });
  }
}

export async function loadInput(options: CliOptions): Promise<LoadedInput> {
  const lang = options.language;
  const log: string[] = [];
  const rejections: Rejection[] = [];
  const rules = loadRules(options.rules, lang, log, rejections);

  let roster: Agent[] = [];
  if (options.roster) {
    const read = readRoster(source(options.roster), lang);
    roster = read.agents;
    append(rejections, read.rejected);
  }
  const events = options.events ? readEvents(source(options.events), lang) : { events: [], rejected: [] };
  const claims = options.claims ? readClaims(source(options.claims), lang) : { claims: [], rejected: [] };
  append(rejections, claims.rejected);
  const logs = readLogs(options, lang, rejections);
  append(rejections, events.rejected);

  const run: RunTables = { agentDays: [], shopDays: [], consultations: [], orders: [] };
  const tables: ImportResult[] = [];
  const settingsRejections = rejections.length;
  const filesRead: string[] = [];
  for (const { path, date } of options.files) {
    let file;
    try {
      file = source(path);
    } catch {
      log.push(t(lang, 'cli.error.unreadable', { file: path, error: fileProblemText(fileProblem(path) ?? 'other', lang) }));
      continue;
    }
    filesRead.push(file.name);
    // A day given on the command line is the day of a file without a date column; a date column still wins row by row.
    const result = await importFile(file, { language: lang, date: date ?? undefined, fallbackDate: options.importDate ?? undefined });
    describe(result, lang, log, rejections, options.verbose);
    for (const table of result.tables) {
      // Records as every store keeps them (the spreadsheet's cells cap text): the CLI's run and the data tabs hold the same.
      const cut = (index: number, c: TextCut) =>
        log.push(t(lang, 'cli.storedTextCut', { file: table.file, row: table.recordRows?.[index] ?? 0, field: c.field, length: c.length, limit: MAX_STORED_TEXT }));
      const at = { rows: table.recordRows, file: table.file, sheet: table.sheet };
      run.agentDays.push({ records: storedForms('agentDays', table.agentDays, cut), ...at });
      run.shopDays.push({ records: storedForms('shopDays', table.shopDays, cut), ...at });
      run.consultations.push({ records: storedForms('consultations', table.consultations, cut), ...at });
      run.orders.push({ records: storedForms('orders', table.orders, cut), ...at });
      tables.push(table);
    }
  }
  // The same merge as every store's, the duplicate-key lines from the same core as the sidebar's.
  const merged = mergeRun(run, lang);
  append(rejections, merged.conflicts.map((c) => c.line));
  const input: ReportInput = {
    language: lang,
    rules,
    roster,
    events: events.events,
    claims: claims.claims,
    ...logs,
    ...merged.records,
    rejections,
  };
  addUnknownAgents(input, log);
  const accepted = input.agentDays.length + input.shopDays.length + input.consultations.length + input.orders.length;
  return withRunCounts({ input, log, accepted, settingsRejections, conflicts: merged.conflicts.length, filesRead }, tables, merged);
}

/** The supervisor's logs given on the command line; their bad rows join the import errors. */
function readLogs(options: CliOptions, lang: Language, rejections: Rejection[]): Pick<ReportInput, 'schedule' | 'problems' | 'handovers' | 'coaching'> {
  const read = <T>(path: string | null, reader: (file: { name: string; rows: string[][] }, lang: Language) => { entries: T[]; rejected: Rejection[] }): T[] => {
    if (!path) return [];
    const file = source(path);
    const result = reader({ name: file.name, rows: parseDelimited(decodeBytes(file.bytes).text) }, lang);
    append(rejections, result.rejected);
    return result.entries;
  };
  return {
    schedule: read(options.schedule, readSchedule),
    problems: read(options.problems, readProblems),
    handovers: read(options.handovers, readHandovers),
    coaching: read(options.coaching, readCoaching),
  };
}

/** The run's row counts and their summary lines (after the per-file lines). */
function withRunCounts(loaded: LoadedInput, tables: ImportResult[], merged: MergedRun): LoadedInput {
  const counts = runCounts(tables, loaded.accepted, { identical: merged.identical, conflicts: merged.conflicts.length });
  append(loaded.log, runCountLines(counts, loaded.input.language));
  return { ...loaded, counts };
}

/** Agents seen in the data but missing from the roster are added and flagged, never dropped (SPEC §7). */
export function addUnknownAgents(input: ReportInput, log: string[]): void {
  const unknown = unknownAgents(input.roster, input.agentDays, input.consultations);
  if (unknown.length === 0) return;
  for (const name of unknown) input.roster.push({ name, id: '', shift: 'day', basePay: 0, active: true, unknown: true });
  log.push(t(input.language, 'cli.unknownAgents', { names: unknown.join(', ') }));
}
