/**
 * The supervisor's own tables in the sidebar: a roster or a pay-events file
 * (SPEC §7), read by the same readers the CLI uses (src/import/roster.ts)
 * from the rows the sidebar already has, so a roster kept in a workbook
 * reads as well as a CSV one.
 */
import type { Agent, PayEvent, Rejection } from '../../core/types';
import { findHeader } from '../../import/detect';
import { readEvents, readRoster } from '../../import/roster';
import type { Language } from '../../i18n';
import type { SupervisorImport, SupervisorKind } from '../../sheets/importApi';
import type { TableCounts } from './glance';
import type { RawTable } from '../../import/tables';

export interface SupervisorTable {
  kind: SupervisorKind;
  /** 1-based row of the header. */
  headerRow: number;
  /** field → the file's header text. */
  mapping: Record<string, string>;
  /** Headers no field claimed. */
  unmapped: string[];
  counts: TableCounts;
  agents: Agent[];
  events: PayEvent[];
  rejected: Rejection[];
  /** Roster rows sharing a name, ID or account: any refuses the roster whole. */
  duplicates: Rejection[];
  /** First and last event day (events only). */
  days: { first: string; last: string } | null;
}

/** The table read as a roster or as pay events; null when its header is not one. */
export function readSupervisorTable(raw: RawTable, kind: SupervisorKind, lang: Language): SupervisorTable | null {
  const match = findHeader(raw.rows, [kind]);
  if (!match) return null;
  const source = { name: raw.file, rows: raw.rows };
  const inSheet = (r: Rejection): Rejection => ({ ...r, sheet: raw.sheet });
  const roster = kind === 'roster' ? readRoster(source, lang) : null;
  const payEvents = kind === 'events' ? readEvents(source, lang) : null;
  const read = { agents: roster?.agents ?? [], duplicates: roster?.duplicates ?? [], rejected: roster?.rejected ?? payEvents?.rejected ?? [] };
  const events = payEvents?.events ?? [];
  // A refused roster's agents are empty; its rows still count as read, to import, rejected or skipped.
  const toImport = kind === 'roster' ? (read.duplicates.length ? countRosterRows(raw, match.index, read.rejected.length) : read.agents.length) : events.length;
  const readRows = Math.max(0, raw.rows.length - 1);
  const counts: TableCounts = { read: readRows, toImport, rejected: read.rejected.length, skipped: Math.max(0, readRows - toImport - read.rejected.length) };
  const dates = events.map((e) => e.date).sort();
  return {
    kind,
    headerRow: match.index + 1,
    mapping: match.mapping,
    unmapped: [...match.unmapped, ...match.unused],
    counts,
    agents: read.agents,
    events,
    rejected: read.rejected.map(inSheet),
    duplicates: read.duplicates.map(inSheet),
    days: dates.length ? { first: dates[0], last: dates[dates.length - 1] } : null,
  };
}

/** Rows of a refused roster that read as agents (non-blank, not rejected). */
function countRosterRows(raw: RawTable, headerIndex: number, rejected: number): number {
  const nonBlank = raw.rows.slice(headerIndex + 1).filter((row) => row.some((c) => c.trim() !== '')).length;
  return nonBlank - rejected;
}

/** The one call's payload for the server (the upload adds the import id). */
export function supervisorPayload(table: SupervisorTable, file: string, sheet: string | null): Omit<SupervisorImport, 'importId'> {
  return { file, sheet, kind: table.kind, rowsRead: table.counts.read, agents: table.agents, events: table.events, rejected: table.rejected, skipped: table.counts.skipped };
}
