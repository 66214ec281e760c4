/**
 * What the sidebar knows about one table of one chosen file, and how a user's
 * correction (kind, column mapping, date) turns into fresh records. The
 * detection and parsing themselves live in the import core; this only keeps
 * the user's choices and re-runs it.
 */
import { detectTable, recordsFromTable, type RawTable } from '../../import';
import { expectedHeaders, findHeader, HEADER_SEARCH_ROWS, headersSeen, REQUIRED } from '../../import/detect';
import { SYNONYMS } from '../../import/synonyms';
import type { SupervisorKind } from '../../sheets/importApi';
import { readSupervisorTable, type SupervisorTable } from './supervisor';
import type { ImportResult, RecordKind } from '../../import/types';
import { t, type Language } from '../../i18n';

export type { RawTable };
type Detected = ReturnType<typeof detectTable>;
export type Detection = Extract<Detected, { ok: true }>['detection'];
export type DetectionFailure = Extract<Detected, { ok: false }>;

export const RECORD_KINDS: readonly RecordKind[] = ['agent_day', 'shop_day', 'consultations', 'orders'];
export const SUPERVISOR_KINDS: readonly SupervisorKind[] = ['roster', 'events'];
/** Every kind the user can pick for a table. */
export type SidebarKind = RecordKind | SupervisorKind;

export interface TableState {
  /** Stable id for the DOM (files may share a name). */
  id: string;
  /** The file's name, size and content hash: the same file chosen again has the same key. */
  fileKey: string;
  raw: RawTable;
  /** The user's choices; null/'' = let the core decide. */
  kind: SidebarKind | null;
  mapping: Record<string, string> | null;
  date: string;
  include: boolean;
  /** The column mapping is folded away until the user opens it; re-rendering keeps it open. */
  showMapping: boolean;
  /** Optional fields the file lacks are folded away too, until the user asks for every field. */
  showAllFields: boolean;
  /** A roster or pay-events table (then detection and result are null). */
  supervisor: SupervisorTable | null;
  detection: Detection | null;
  failure: DetectionFailure | null;
  result: ImportResult | null;
}

export function isRecordKind(kind: string): kind is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(kind);
}

export function isSupervisorKind(kind: string): kind is SupervisorKind {
  return (SUPERVISOR_KINDS as readonly string[]).includes(kind);
}

/** Fields a header must have for the kind (marked required in the mapping). */
export function requiredFields(kind: RecordKind): readonly string[] {
  return REQUIRED[kind];
}

/** The SPEC fields of a kind, in the synonym table's order. */
export function fieldsOf(kind: RecordKind): string[] {
  return Object.keys(SYNONYMS[kind]);
}

const CJK = /[\u3400-\u9fff]/;

/** A field's label: its first Chinese header for zh, its first plain English one for en. */
export function fieldLabel(kind: RecordKind | SupervisorKind, field: string, lang: Language): string {
  const names: readonly string[] = (SYNONYMS[kind] as Record<string, readonly string[]>)[field] ?? [];
  const found = names.filter((name) => (lang === 'zh' ? CJK.test(name) : !CJK.test(name)));
  // A plain name (Date) reads better than a storage column's (date_time).
  return found.find((name) => /^[A-Z][^_]*$/.test(name)) ?? found[0] ?? field;
}

/** A fresh state for a table just read, analysed with no user choices. */
export function newTableState(id: string, raw: RawTable, lang: Language, fileKey: string = raw.file): TableState {
  const state = analyse(
    { id, fileKey, raw, kind: null, mapping: null, date: '', include: true, showMapping: false, showAllFields: false, supervisor: null, detection: null, failure: null, result: null },
    lang,
  );
  // A guessed agent column is shown open, so the user sees which column was taken.
  return state.detection?.guessedAgentColumn ? { ...state, showMapping: true } : state;
}

/** Re-runs detection and record building with the user's current choices. */
export function analyse(state: TableState, lang: Language): TableState {
  if (state.kind && isSupervisorKind(state.kind)) return asSupervisor(state, state.kind, lang);
  const opts: { kind?: RecordKind; mapping?: Record<string, string>; language: Language } = { language: lang };
  if (state.kind) opts.kind = state.kind;
  if (state.kind && state.mapping) opts.mapping = state.mapping;
  const detected = detectTable(state.raw, opts);
  if (!detected.ok) {
    // Not an export: the supervisor's own roster or events file, when its header says so.
    const own = state.kind ? null : findHeader(state.raw.rows, [...SUPERVISOR_KINDS]);
    if (own && isSupervisorKind(own.kind)) return asSupervisor(state, own.kind, lang);
    return { ...state, supervisor: null, detection: null, failure: detected, result: null, include: false };
  }
  const detection = detected.detection;
  const date = state.date || undefined;
  const result = recordsFromTable(state.raw, detection, { date, language: lang });
  return { ...state, supervisor: null, detection, failure: null, result, include: state.include && isRecordKind(detection.kind) };
}

function asSupervisor(state: TableState, kind: SupervisorKind, lang: Language): TableState {
  const supervisor = readSupervisorTable(state.raw, kind, lang);
  if (!supervisor) {
    const expected = expectedHeaders(kind, lang);
    const reason = `${t(lang, 'import.refuse.noHeader', { rows: HEADER_SEARCH_ROWS })} ${expected}`;
    const failure: DetectionFailure = { ok: false, reason, headersSeen: headersSeen(state.raw.rows), expected: [expected] };
    return { ...state, kind, supervisor: null, detection: null, failure, result: null, include: false };
  }
  // A refused roster cannot be ticked for import.
  const importableNow = !(supervisor.kind === 'roster' && supervisor.duplicates.length > 0);
  return { ...state, kind, supervisor, detection: null, failure: null, result: null, include: state.include && importableNow };
}

/** The header row's cells (what a mapping select offers). */
export function headerCells(state: TableState): string[] {
  if (!state.detection) return [];
  const row = state.raw.rows[state.detection.headerRow - 1] ?? [];
  return row.filter((cell) => cell.trim() !== '');
}

/** An agent-day table with no date column, no date in its title or name, and none picked. */
export function needsDate(state: TableState): boolean {
  const d = state.detection;
  if (!d || d.kind !== 'agent_day') return false;
  return !('date' in d.mapping) && !d.date && !state.date;
}

/** The records a result will store (of its kind). */
export function recordCount(result: ImportResult): number {
  return result.agentDays.length + result.shopDays.length + result.consultations.length + result.orders.length;
}

/** The tables the Import button will send. */
export function importable(states: readonly TableState[]): TableState[] {
  return states.filter((s) => s.include && (s.result !== null || isSendable(s.supervisor)) && !needsDate(s));
}

function isSendable(table: SupervisorTable | null): boolean {
  return table !== null && !(table.kind === 'roster' && table.duplicates.length > 0);
}
