/**
 * Which kind of table this is, where its header row is, and which column
 * holds which field (SPEC §5). Rows above the header are title lines; the
 * table's day comes from them or from the file name.
 */
import { t } from '../i18n';
import type { IsoDate, Language } from '../core/types';
import { dateFromText } from './datetime';
import { columnOf, fieldOfHeader, mapHeaders, normalizeHeader } from './normalize';
import { KNOWN_UNUSED, SYNONYMS, type SynonymKind } from './synonyms';
import { firstFilledCell } from './shape';
import { perPersonVerdict } from './perPerson';
import type { RawTable } from './tables';
import type { RecordKind } from './types';

/** How far down a header may sit below title lines. */
export const HEADER_SEARCH_ROWS = 20;

export interface Detection {
  kind: RecordKind;
  /** 1-based row of the header. */
  headerRow: number;
  /** field → header text */
  mapping: Record<string, string>;
  /** Headers CS Daily does not recognise. */
  unmappedHeaders: string[];
  /** Headers it knows and does not use (storage ids, 客服字数, a second column of a field already mapped). */
  unusedHeaders: string[];
  /** The day from a title line or the file name; null when none or a range of several days. */
  date: IsoDate | null;
  /** The header read as the agent's name although no synonym names it: the rows of one date differ, so they are people. */
  guessedAgentColumn?: string;
  /** Why every data row is rejected: the rows are people and no column names them (never read as one shop row). */
  refusal?: string;
}

export type DetectionOutcome =
  | { ok: true; detection: Detection }
  | { ok: false; reason: string; headersSeen: string[]; expected: string[] };

/** Fields a header must map before a row counts as the header of that kind. */
export const REQUIRED: Record<SynonymKind, string[]> = {
  agent_day: ['agent'],
  shop_day: ['date'],
  consultations: ['buyer', 'agent', 'start'],
  orders: ['orderId', 'buyer', 'created'],
  roster: ['agent'],
  events: ['date', 'agent', 'kind'],
  claims: ['orderId', 'agentId'],
  schedule: ['date', 'agent', 'shift'],
  problems: ['date', 'agent', 'what'],
  handovers: ['date', 'agent', 'what'],
  coaching: ['date', 'agent', 'problem', 'measure'],
};

/**
 * Specific kinds first: a consultations header also satisfies the loose
 * agent-day minimum, and a page with an agent column is about agents, so
 * shop-level pages are only what has a date and shop figures but no agent.
 */
const KIND_ORDER: RecordKind[] = ['orders', 'consultations', 'agent_day', 'shop_day'];

function meetsMinimum(kind: SynonymKind, mapping: Record<string, string>): boolean {
  if (!REQUIRED[kind].every((f) => f in mapping)) return false;
  // Agent-day needs a figure besides who and when; the roster needs something besides the name.
  if (kind === 'agent_day') return Object.keys(mapping).some((f) => f !== 'agent' && f !== 'date' && f !== 'shop');
  if (kind === 'shop_day') return Object.keys(mapping).some((f) => f !== 'date' && f !== 'shop');
  if (kind === 'roster') return Object.keys(mapping).length >= 2;
  return true;
}

/** Apply a user's corrections (field → header text; '' removes the field) to a detected mapping. */
function applyOverride(cells: string[], detected: Record<string, string>, override: Record<string, string> = {}): Record<string, string> {
  const mapping = { ...detected };
  for (const [field, header] of Object.entries(override)) {
    if (!header) {
      delete mapping[field];
      continue;
    }
    const col = columnOf(cells, header);
    if (col < 0) continue;
    const text = cells[col].trim();
    for (const [other, h] of Object.entries(mapping)) if (h === text) delete mapping[other];
    mapping[field] = text;
  }
  return mapping;
}

export interface HeaderMatch {
  kind: SynonymKind;
  /** 0-based index into rows. */
  index: number;
  mapping: Record<string, string>;
  unmapped: string[];
  unused: string[];
}

const KNOWN_UNUSED_SET = new Set(KNOWN_UNUSED.map(normalizeHeader));

/** The first row (of the first HEADER_SEARCH_ROWS) that is a header of one of the kinds. */
export function findHeader(rows: string[][], kinds: SynonymKind[], override?: Record<string, string>): HeaderMatch | null {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const cells = rows[i];
    for (const kind of kinds) {
      const mapping = applyOverride(cells, mapHeaders(kind, cells).mapping, override);
      if (!meetsMinimum(kind, mapping)) continue;
      const claimed = new Set(Object.values(mapping));
      const rest = cells.map((c) => c.trim()).filter((c) => c && !claimed.has(c));
      const known = (c: string) => KNOWN_UNUSED_SET.has(normalizeHeader(c)) || fieldOfHeader(kind, c) !== null;
      return { kind, index: i, mapping, unmapped: rest.filter((c) => !known(c)), unused: rest.filter(known) };
    }
  }
  return null;
}

/** What a header of a kind must contain, in the user's words, for a refusal message. */
export function expectedHeaders(kind: SynonymKind, language: Language): string {
  const fields = SYNONYMS[kind] as Record<string, string[]>;
  const names = REQUIRED[kind].map((f) => {
    const all = fields[f];
    const zh = all.find((n) => /[\u4e00-\u9fff]/.test(n));
    const en = all.find((n) => !/[\u4e00-\u9fff]/.test(n));
    return [zh, en].filter(Boolean).join('/');
  });
  if (kind === 'agent_day') names.push(t(language, 'import.expected.metric'));
  return t(language, `import.expected.${kind}`, { columns: names.join(' + ') });
}

/** The non-empty cells of the widest of the first rows: what the user will recognise as the header. */
export function headersSeen(rows: string[][]): string[] {
  let best: string[] = [];
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const cells = row.map((c) => c.trim()).filter(Boolean);
    if (cells.length > best.length) best = cells;
  }
  return best;
}

const EXPORT_STAMP = /导出|生成|打印|下载|export|generated|printed|downloaded|created/i;

/** The day a table covers, from its title lines (first that names one) or else its file name. */
export function tableDate(titleRows: string[][], fileName: string): IsoDate | null {
  for (const row of titleRows) {
    const text = row.join(' ');
    // "导出时间：2026-11-22 08:00" says when the file was made, not which day it covers.
    if (EXPORT_STAMP.test(text)) continue;
    const date = dateFromText(text);
    if (date) return date;
  }
  return dateFromText(fileName.replace(/\.[a-z0-9]+$/i, ''));
}

/**
 * Find the header row, the kind and the column mapping of a raw table.
 * `opts.kind` forces the kind; `opts.mapping` corrects the detected mapping.
 */
export function detectTable(
  raw: RawTable,
  opts: { kind?: RecordKind; mapping?: Record<string, string>; language?: Language } = {},
): DetectionOutcome {
  const language = opts.language ?? 'en';
  const kinds = opts.kind ? [opts.kind] : KIND_ORDER;
  const expected = kinds.map((k) => expectedHeaders(k, language));
  if (raw.rows.every((row) => row.every((c) => c.trim() === ''))) {
    return { ok: false, reason: t(language, 'import.refuse.empty'), headersSeen: [], expected };
  }
  const found = findHeader(raw.rows, kinds, opts.mapping);
  const { match, guessedAgentColumn, refusal } = found ? peopleNotShop(raw, found, opts, language) : { match: null };
  if (!match) {
    return {
      ok: false,
      reason: t(language, 'import.refuse.noHeader', { rows: HEADER_SEARCH_ROWS }),
      headersSeen: headersSeen(raw.rows),
      expected,
    };
  }
  return {
    ok: true,
    detection: {
      kind: match.kind as RecordKind,
      headerRow: match.index + 1,
      mapping: match.mapping,
      unmappedHeaders: match.unmapped,
      unusedHeaders: match.unused,
      date: tableDate(raw.rows.slice(0, match.index), raw.file),
      ...(guessedAgentColumn ? { guessedAgentColumn } : {}),
      ...(refusal ? { refusal } : {}),
    },
  };
}

/**
 * A shop-day match whose rows are people (perPersonVerdict) becomes an
 * agent-day match on the guessed name column, or stays shop-day with a
 * refusal naming the file, the sheet and the rows. Other matches pass.
 */
function peopleNotShop(
  raw: RawTable,
  match: HeaderMatch,
  opts: { kind?: RecordKind; mapping?: Record<string, string> },
  language: Language,
): { match: HeaderMatch; guessedAgentColumn?: string; refusal?: string } {
  if (match.kind !== 'shop_day') return { match };
  const verdict = perPersonVerdict(raw.rows, match.index, match.mapping, (i) => raw.rowNumbers?.[i] ?? i + 1);
  if (verdict.kind === 'shop') return { match };
  if (verdict.kind === 'agents' && opts.kind !== 'shop_day') {
    const asAgents = findHeader(raw.rows, ['agent_day'], { ...opts.mapping, agent: verdict.column });
    if (asAgents && asAgents.index === match.index) return { match: asAgents, guessedAgentColumn: verdict.column };
  }
  const refusal = t(language, 'import.refuse.perPerson', {
    file: raw.file,
    sheet: raw.sheet ? ` [${raw.sheet}]` : '',
    rows: rowRanges(verdict.rows),
    names: expectedHeaders('agent_day', language),
  });
  return { match, refusal };
}

/** 3, 4, 5, 9 → "3–5, 9". */
function rowRanges(rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(j > i ? `${rows[i]}–${rows[j]}` : `${rows[i]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** True when a row repeats the header (exports that restart the header per block). */
export function isHeaderRepeat(row: string[], header: string[]): boolean {
  // Cheap test first: this runs on every data row, and data rows rarely share the header's first cell.
  const first = row[firstFilledCell(row)];
  const headerFirst = header[firstFilledCell(header)];
  if (first === undefined || headerFirst === undefined || normalizeHeader(first) !== normalizeHeader(headerFirst)) return false;
  const a = row.map(normalizeHeader).filter(Boolean);
  const b = header.map(normalizeHeader).filter(Boolean);
  return a.length > 0 && a.length === b.length && a.every((c, i) => c === b[i]);
}
