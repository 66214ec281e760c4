/**
 * The offline import: files → one ReportInput, through the same import core
 * as the sidebar. Records are keyed as the spreadsheet's data tabs are, so a
 * file given twice (or two overlapping exports) replaces rather than doubles.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Agent, Consultation, ExportedAgentDay, Language, Order, Rejection } from '../core/types';
import type { Rules } from '../core/rules';
import { rulesFromTable } from '../core/settings';
import { formatLocalTime } from '../core/dates';
import { decodeBytes, importFile, parseDelimited, readEvents, readRoster, type FileImport } from '../import';
import type { ReportInput } from '../reports';
import { exportKey } from '../core/exportMerge';
import { t, type MessageKey } from '../i18n';
import type { CliOptions } from './args';

export interface LoadedInput {
  input: ReportInput;
  /** Lines for the console: what each file gave, refusals, problems. */
  log: string[];
  /** Records accepted over all files (0 = nothing could be imported). */
  accepted: number;
}

function source(path: string) {
  return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
}

/** Appends in place without spreading: `push(...items)` overflows the call stack past ~125 000 items. */
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

function keyed<T>(records: T[], key: (r: T) => string): T[] {
  const map = new Map<string, T>();
  for (const r of records) map.set(key(r), r);
  return [...map.values()];
}

function loadRules(path: string | null, lang: Language, log: string[], rejections: Rejection[]): Rules {
  if (!path) return rulesFromTable([]).rules;
  const file = source(path);
  const { rules, problems } = rulesFromTable(parseDelimited(decodeBytes(file.bytes).text));
  for (const p of problems) {
    log.push(t(lang, 'cli.settingProblem', { file: file.name, row: p.row, setting: p.setting, reason: p.reason }));
    rejections.push({ file: file.name, sheet: null, row: p.row, column: 'setting', reason: `${p.setting}: ${p.reason}`, raw: [] });
  }
  return rules;
}

function describe(result: FileImport, lang: Language, log: string[], rejections: Rejection[]): void {
  for (const table of result.tables) {
    log.push(
      t(lang, 'cli.table', {
        file: result.file,
        sheet: table.sheet ? ` [${table.sheet}]` : '',
        kind: t(lang, `cli.kind.${table.kind}` as MessageKey),
        encoding: table.encoding,
        accepted: table.agentDays.length + table.consultations.length + table.orders.length,
        rejected: table.rejected.length,
        skipped: table.skipped.length,
      }),
    );
    append(rejections, table.rejected);
  }
  for (const refused of result.refused) {
    // A workbook's other sheets (notes, charts) are listed as skipped when one of its sheets was a table (SPEC §5).
    if (refused.sheet !== null && result.tables.length > 0) {
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
  append(rejections, events.rejected);

  const agentDays: ExportedAgentDay[] = [];
  const consultations: Consultation[] = [];
  const orders: Order[] = [];
  for (const path of options.files) {
    let file;
    try {
      file = source(path);
    } catch (error) {
      log.push(t(lang, 'cli.error.unreadable', { file: path, error: (error as Error).message }));
      continue;
    }
    const result = await importFile(file, { language: lang });
    describe(result, lang, log, rejections);
    for (const table of result.tables) {
      append(agentDays, table.agentDays);
      append(consultations, table.consultations);
      append(orders, table.orders);
    }
  }
  const input: ReportInput = {
    language: lang,
    rules,
    roster,
    events: events.events,
    // One row per report and agent-day: the same report again replaces; other reports of the day merge field by field.
    agentDays: keyed(agentDays, (d) => `${exportKey(d)}\u0000${d.source}`),
    consultations: keyed(consultations, (c) => `${c.buyer}|${c.agent}|${formatLocalTime(c.start)}`),
    orders: keyed(orders, (o) => o.orderId),
    rejections,
  };
  addUnknownAgents(input, log);
  return { input, log, accepted: input.agentDays.length + input.consultations.length + input.orders.length };
}

/** Agents seen in the data but missing from the roster are added and flagged, never dropped (SPEC §7). */
function addUnknownAgents(input: ReportInput, log: string[]): void {
  const known = new Set(input.roster.map((a) => a.name));
  const seen = new Set([...input.agentDays.map((d) => d.agent), ...input.consultations.map((c) => c.agent)]);
  const unknown = [...seen].filter((name) => !known.has(name)).sort();
  if (unknown.length === 0) return;
  for (const name of unknown) input.roster.push({ name, id: '', shift: 'day', basePay: 0, active: true, unknown: true });
  log.push(t(input.language, 'cli.unknownAgents', { names: unknown.join(', ') }));
}
