/**
 * The server half of importing the supervisor's own tables from the sidebar:
 * a roster merges into the roster tab by agent name, pay events merge into
 * the events tab (see docs/decisions.md, "Roster and events from the
 * sidebar"). Each table comes whole in one call, under the document lock; a
 * call repeated after a lost answer returns the first answer and logs once.
 */
import type { Agent, PayEvent, Rejection } from '../core/types';
import { t, type Language } from '../i18n';
import { rosterClashes } from '../import/ingest';
import type { ImportSummary, SupervisorImport } from './importApi';
import { readText } from './cells';
import { nowText } from './importServer';
import { withDocumentLock } from './lock';
import { ERRORS_TABLE, EVENTS_TABLE, ROSTER_TABLE, type RowCells, type TableDef } from './schema';
import { appendLogLine, upsertRecords, type UpsertResult } from './storage';
import { storeRejections } from './errorStore';
import { findTab, sheetLanguage, sheetTimeZone } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Same prefix as the chunked imports' state, so their day-old cleanup clears these too. */
const STATE_PREFIX = 'csdaily.import.';

/** An event is the same event when its day, agent, kind and reason are: re-importing a file updates amounts, never doubles a fine. */
export const EVENTS_BY_KEY: TableDef<PayEvent> = { ...EVENTS_TABLE, keyColumns: ['date', 'agent', 'kind', 'reason'] };

/** The ingest core's rule, kept under this name for the server's own check (the sidebar refuses such a roster first). */
export { rosterClashes };

/**
 * Rows of the file replace those agents' rows (by name, or by agent ID when
 * the file renames an agent); agents the file leaves out stay; an agent an
 * import added as unknown loses that note once the file names it.
 */
export function mergeRoster(ss: Spreadsheet, agents: readonly Agent[]): UpsertResult {
  const tz = sheetTimeZone(ss);
  const names = new Set(agents.map((a) => a.name));
  const ids = new Set(agents.map((a) => a.id.trim()).filter((id) => id !== ''));
  const renamed = (row: RowCells) => {
    const id = readText(row.cell('agent_id'), tz).trim();
    return id !== '' && ids.has(id) && !names.has(readText(row.cell('agent'), tz));
  };
  return upsertRecords(ss, ROSTER_TABLE, agents.map((a) => ({ ...a, unknown: false })), ids.size ? renamed : undefined);
}

function parseImport(json: string, lang: Language): SupervisorImport {
  let value: Partial<SupervisorImport> | null = null;
  try {
    value = JSON.parse(json) as Partial<SupervisorImport>;
  } catch {
    throw new Error(t(lang, 'sheets.badChunk', { reason: 'not JSON' }));
  }
  const ok = value && typeof value === 'object' && typeof value.importId === 'string' && value.importId !== '' && typeof value.file === 'string';
  if (!ok || (value!.kind !== 'roster' && value!.kind !== 'events')) throw new Error(t(lang, 'sheets.badChunk', { reason: 'not a roster or events table' }));
  const v = value!;
  const list = <T>(x: unknown): T[] => (Array.isArray(x) ? (x as T[]) : []);
  return {
    importId: v.importId!,
    file: v.file!,
    sheet: typeof v.sheet === 'string' ? v.sheet : null,
    kind: v.kind!,
    rowsRead: Number(v.rowsRead ?? 0),
    agents: list<Agent>(v.agents).filter((a) => a && typeof a.name === 'string' && a.name.trim() !== '' && typeof a.id === 'string'),
    events: list<PayEvent>(v.events).filter((e) => e && typeof e.date === 'string' && typeof e.agent === 'string' && e.agent.trim() !== ''),
    rejected: list<Rejection>(v.rejected),
    skipped: Number(v.skipped ?? 0),
  };
}

function answered(importId: string): string | null {
  if (typeof PropertiesService === 'undefined') return null;
  const text = PropertiesService.getDocumentProperties().getProperty(STATE_PREFIX + importId);
  if (!text) return null;
  try {
    return JSON.stringify((JSON.parse(text) as { summary: ImportSummary }).summary);
  } catch {
    return null;
  }
}

function remember(summary: ImportSummary): void {
  if (typeof PropertiesService === 'undefined') return;
  PropertiesService.getDocumentProperties().setProperty(STATE_PREFIX + summary.importId, JSON.stringify({ startedAt: Date.now(), summary }));
}

/** Imports one roster or pay-events table (JSON of a SupervisorImport); returns an ImportSummary as JSON. */
export function importSupervisorTable(json: string): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = sheetLanguage(ss);
  const table = parseImport(json, lang);
  return withDocumentLock(lang, () => {
    const before = answered(table.importId);
    if (before) return before;
    if (table.kind === 'roster') {
      const clashes = rosterClashes(table.agents);
      // Refused before anything is written: the roster tab stays as it was.
      if (clashes.length) throw new Error(t(lang, 'sidebar.roster.refused.server', { values: clashes.slice(0, 5).join(', ') }));
    }
    const stored = table.kind === 'roster' ? mergeRoster(ss, table.agents) : upsertRecords(ss, EVENTS_BY_KEY, table.events);
    storeRejections(ss, table.rejected, { file: table.file, sheet: table.sheet });
    const summary: ImportSummary = {
      importId: table.importId,
      file: table.file,
      kind: table.kind,
      rowsRead: table.rowsRead,
      added: stored.added,
      replaced: stored.replaced,
      rejected: table.rejected.length,
      skipped: table.skipped,
      conflicts: 0,
      newAgents: [],
      errorsTab: findTab(ss, ERRORS_TABLE.tab)?.getName() ?? t(lang, ERRORS_TABLE.tab),
    };
    appendLogLine(ss, {
      file: table.file,
      sheet: table.sheet,
      kind: table.kind,
      time: nowText(sheetTimeZone(ss)),
      rowsRead: table.rowsRead,
      accepted: stored.added + stored.replaced,
      added: stored.added,
      replaced: stored.replaced,
      rejected: summary.rejected,
      skipped: summary.skipped,
      newAgents: [],
    });
    remember(summary);
    return JSON.stringify(summary);
  });
}
