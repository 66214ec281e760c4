/**
 * What the sidebar knows about one table of one chosen file, and how a user's
 * correction (kind, column mapping, date) turns into fresh records. The
 * detection and parsing themselves live in the import core; this only keeps
 * the user's choices and re-runs it.
 */
import { detectTable, readTables, recordsFromTable } from '../../import';
import { SYNONYMS } from '../../import/synonyms';
import type { ImportResult, RecordKind } from '../../import/types';
import type { Language } from '../../i18n';

export type RawTable = Awaited<ReturnType<typeof readTables>>[number];
type Detected = ReturnType<typeof detectTable>;
export type Detection = Extract<Detected, { ok: true }>['detection'];
export type DetectionFailure = Extract<Detected, { ok: false }>;

export const RECORD_KINDS: readonly RecordKind[] = ['agent_day', 'shop_day', 'consultations', 'orders'];

export interface TableState {
  /** Stable id for the DOM (files may share a name). */
  id: string;
  /** The file's name, size and content hash: the same file chosen again has the same key. */
  fileKey: string;
  raw: RawTable;
  /** The user's choices; null/'' = let the core decide. */
  kind: RecordKind | null;
  mapping: Record<string, string> | null;
  date: string;
  include: boolean;
  /** The column mapping is folded away until the user opens it; re-rendering keeps it open. */
  showMapping: boolean;
  detection: Detection | null;
  failure: DetectionFailure | null;
  result: ImportResult | null;
}

export function isRecordKind(kind: string): kind is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(kind);
}

/** The SPEC fields of a kind, in the synonym table's order. */
export function fieldsOf(kind: RecordKind): string[] {
  return Object.keys(SYNONYMS[kind]);
}

const CJK = /[\u3400-\u9fff]/;

/** A field's label: its first Chinese header for zh, its first English one for en. */
export function fieldLabel(kind: RecordKind, field: string, lang: Language): string {
  const names: readonly string[] = (SYNONYMS[kind] as Record<string, readonly string[]>)[field] ?? [];
  const found = names.find((name) => (lang === 'zh' ? CJK.test(name) : !CJK.test(name)));
  return found ?? field;
}

/** A fresh state for a table just read, analysed with no user choices. */
export function newTableState(id: string, raw: RawTable, lang: Language, fileKey: string = raw.file): TableState {
  return analyse({ id, fileKey, raw, kind: null, mapping: null, date: '', include: true, showMapping: false, detection: null, failure: null, result: null }, lang);
}

/** Re-runs detection and record building with the user's current choices. */
export function analyse(state: TableState, lang: Language): TableState {
  const opts: { kind?: RecordKind; mapping?: Record<string, string>; language: Language } = { language: lang };
  if (state.kind) opts.kind = state.kind;
  if (state.kind && state.mapping) opts.mapping = state.mapping;
  const detected = detectTable(state.raw, opts);
  if (!detected.ok) return { ...state, detection: null, failure: detected, result: null, include: false };
  const detection = detected.detection;
  const date = state.date || undefined;
  const result = recordsFromTable(state.raw, detection, { date, language: lang });
  return { ...state, detection, failure: null, result, include: state.include && isRecordKind(detection.kind) };
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
  return states.filter((s) => s.include && s.result !== null && !needsDate(s));
}
