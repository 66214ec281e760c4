/**
 * Header mapping: which field a header text stands for, per record kind and
 * platform. When two texts are "the same" (case, spaces, brackets, full-width
 * forms, arrows) is normalizeHeader's rule, re-exported here.
 */
import { normalizeHeader } from './normalizeHeader';
import { SYNONYMS, type SynonymKind } from './synonyms';
import { PLATFORM_AGENT_DAY_SYNONYMS, platformOfHeaders } from './platformSynonyms';

export { normalizeHeader };

type Index = Map<string, string>;
const INDEXES = new Map<SynonymKind, Index>();

/** normalised header → field, for one kind (first listed field wins a clash). */
function indexOf(kind: SynonymKind): Index {
  let index = INDEXES.get(kind);
  if (!index) {
    index = new Map();
    const fields = SYNONYMS[kind] as Record<string, string[]>;
    for (const [field, names] of Object.entries(fields)) {
      for (const name of names) if (!index.has(normalizeHeader(name))) index.set(normalizeHeader(name), field);
    }
    INDEXES.set(kind, index);
  }
  return index;
}

/** The field a header text stands for in a kind, or null. */
export function fieldOfHeader(kind: SynonymKind, header: string): string | null {
  return indexOf(kind).get(normalizeHeader(header)) ?? null;
}

/**
 * Map a row of header cells to fields: field → header text. A field claimed
 * twice keeps its first column; the others are reported as unmapped.
 */
export function mapHeaders(kind: SynonymKind, cells: string[]): { mapping: Record<string, string>; unmapped: string[] } {
  const mapping: Record<string, string> = {};
  const unmapped: string[] = [];
  for (const cell of cells) {
    const text = cell.trim();
    if (!text) continue;
    const field = fieldOfHeader(kind, text);
    if (field && !(field in mapping)) mapping[field] = text;
    else unmapped.push(text);
  }
  if (kind === 'agent_day') {
    preferAccountColumn(cells, mapping, unmapped);
    preferPlatformColumns(cells, mapping, unmapped);
  }
  return { mapping, unmapped };
}

/**
 * 赤兔's 遵时率 has both 客服 (a person's name) and 旺旺 (the account the other
 * reports are keyed by): the account column is the agent, whatever its place.
 */
function preferAccountColumn(cells: string[], mapping: Record<string, string>, unmapped: string[]): void {
  const names = (SYNONYMS.agent_day.agent as readonly string[]).map(normalizeHeader);
  const rank = (c: string) => names.indexOf(normalizeHeader(c));
  const candidates = cells.map((c) => c.trim()).filter((c) => rank(c) >= 0);
  if (candidates.length < 2 || mapping.agent === undefined) return;
  const best = candidates.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  if (best === mapping.agent) return;
  unmapped.splice(unmapped.indexOf(best), 1, mapping.agent);
  mapping.agent = best;
}

/**
 * Where a 拼多多, 京东 or 抖店 page has two columns for one field (咨询人数 and
 * 需要人工回复的咨询人数), the platform's own preference wins over column order.
 */
function preferPlatformColumns(cells: string[], mapping: Record<string, string>, unmapped: string[]): void {
  const platform = platformOfHeaders(cells);
  if (platform === null || platform === 'taobao') return;
  const present = new Map(cells.map((c) => [normalizeHeader(c), c.trim()] as const));
  for (const [field, names] of Object.entries(PLATFORM_AGENT_DAY_SYNONYMS[platform])) {
    const preferred = (names ?? []).map((n) => present.get(normalizeHeader(n))).find((c) => c !== undefined);
    const current = mapping[field];
    if (preferred === undefined || current === undefined || preferred === current || fieldOfHeader('agent_day', preferred) !== field) continue;
    mapping[field] = preferred;
    unmapped.splice(unmapped.indexOf(preferred), 1, current);
  }
}

/** Column index of a header text in the header row (trimmed, then normalised match), or -1. */
export function columnOf(headerCells: string[], header: string): number {
  const exact = headerCells.findIndex((c) => c.trim() === header.trim());
  if (exact >= 0) return exact;
  const wanted = normalizeHeader(header);
  return headerCells.findIndex((c) => normalizeHeader(c) === wanted);
}
