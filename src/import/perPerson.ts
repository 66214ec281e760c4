/**
 * A table whose header reads as a shop-level page may hold people: a
 * per-agent export whose name column is spelled in a way the synonyms do not
 * know. Rows of one date and shop that differ in their figures cannot all be
 * the shop's own figures, and a table carrying per-person-only figures (days
 * worked, peak concurrent chats …) with several rows of one date is never a
 * shop page. Such a table is read as agent-days when one column can be
 * guessed as the names, or refused whole; never collapsed into one shop row.
 */
import { dateFromText } from './datetime';
import { columnOf, fieldOfHeader, normalizeHeader } from './normalize';
import { skipReason } from './shape';
import { shopRowKindOf } from './shopDay';
import { KNOWN_UNUSED, SYNONYMS } from './synonyms';

export type PerPersonVerdict =
  /** Rows of one date and shop agree, or there is one row per date: a shop page. */
  | { kind: 'shop' }
  /** People, with `column` (a header cell) holding their names; `rows` (1-based, as shown) share a date. */
  | { kind: 'agents'; column: string; rows: number[] }
  /** People, and no column names them: every data row is refused. */
  | { kind: 'refuse'; rows: number[] };

const SHOP_FIELDS = new Set(Object.keys(SYNONYMS.shop_day));
/** Agent-day figures no shop page states: a column of one of these says the rows are people. */
const PER_PERSON_FIELDS = new Set(
  Object.keys(SYNONYMS.agent_day).filter((f) => !SHOP_FIELDS.has(f) && !['date', 'agent', 'shop'].includes(f)),
);
const KNOWN_UNUSED_SET = new Set(KNOWN_UNUSED.map(normalizeHeader));
/** Header words of a column naming people, preferred when several columns could be the names. */
const NAME_HINT = /客服|旺旺|账号|账户|昵称|姓名|名字|花名|员工|人员|成员|坐席|agent|staff|name|member|employee|user|nick/i;
/** A cell that is a figure (count, amount, rate, duration), not a name. */
const FIGURE = /^[-+]?[\d.,\s%]+$|^\d+(\.\d+)?\s*(秒|分|分钟|时|小时|s|min|h)$|^\d+分\d+秒$/i;

interface DataRow {
  index: number;
  cells: string[];
  group: string;
}

/**
 * Whether a table detected as shop-day is really per person.
 * @param rows the raw table; `headerIndex` the 0-based header row; `mapping` the shop-day mapping found (field → header).
 * @param rowNumber the row number a spreadsheet program shows for a 0-based index.
 */
export function perPersonVerdict(rows: string[][], headerIndex: number, mapping: Record<string, string>, rowNumber: (i: number) => number): PerPersonVerdict {
  const header = rows[headerIndex] ?? [];
  const col = (field: string) => (field in mapping ? columnOf(header, mapping[field]) : -1);
  const dateCol = col('date');
  const shopCol = col('shop');
  const figureCols = Object.keys(mapping)
    .filter((f) => f !== 'date' && f !== 'shop')
    .map(col)
    .filter((c) => c >= 0);
  const data = dataRows(rows, headerIndex, (cells) => {
    const day = dateCol >= 0 ? dateFromText(cells[dateCol] ?? '') ?? (cells[dateCol] ?? '').trim() : '';
    return `${day}\u0000${shopCol >= 0 ? (cells[shopCol] ?? '').trim() : ''}\u0000${shopRowKindOf(cells) ?? 'shop'}`;
  });
  const groups = new Map<string, DataRow[]>();
  for (const row of data) {
    const group = groups.get(row.group);
    if (group) group.push(row);
    else groups.set(row.group, [row]);
  }
  const shared = [...groups.values()].filter((g) => g.length > 1);
  if (shared.length === 0) return { kind: 'shop' };
  const perPersonColumn = header.some((c) => {
    const field = fieldOfHeader('agent_day', c);
    return field !== null && PER_PERSON_FIELDS.has(field) && fieldOfHeader('shop_day', c) === null;
  });
  const signature = (r: DataRow) => figureCols.map((c) => (r.cells[c] ?? '').trim()).join('\u0000');
  const differ = shared.some((g) => new Set(g.map(signature)).size > 1);
  if (!differ && !perPersonColumn) return { kind: 'shop' };
  const shown = shared.flat().map((r) => rowNumber(r.index)).sort((a, b) => a - b);
  const column = nameColumn(header, new Set(Object.values(mapping).map(normalizeHeader)), data, groups);
  return column === null ? { kind: 'refuse', rows: shown } : { kind: 'agents', column, rows: shown };
}

/** The rows after the header that are data (not blank, totals or repeated headers), with their date-and-shop group. */
function dataRows(rows: string[][], headerIndex: number, groupOf: (cells: string[]) => string): DataRow[] {
  const header = (rows[headerIndex] ?? []).map(normalizeHeader).join('\u0000');
  const out: DataRow[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i];
    if (cells.map(normalizeHeader).join('\u0000') === header || (shopRowKindOf(cells) === null && skipReason(cells, 'shop_day', -1) !== null)) continue;
    out.push({ index: i, cells, group: groupOf(cells) });
  }
  return out;
}

/**
 * The column holding the people's names: a header the shop-day mapping did
 * not claim and no synonym names as a figure, filled with text (not figures)
 * on every data row, and different on every row of one date and shop. A
 * header that reads as a name wins; else the leftmost such column. Null when none.
 */
function nameColumn(header: string[], claimed: Set<string>, data: DataRow[], groups: Map<string, DataRow[]>): string | null {
  const candidates: number[] = [];
  for (let c = 0; c < header.length; c++) {
    const text = header[c].trim();
    const key = normalizeHeader(text);
    if (text === '' || claimed.has(key) || KNOWN_UNUSED_SET.has(key)) continue;
    const field = fieldOfHeader('agent_day', text);
    if (field !== null && field !== 'agent') continue;
    if (!data.every((r) => isName(r.cells[c] ?? ''))) continue;
    if (![...groups.values()].every((g) => new Set(g.map((r) => (r.cells[c] ?? '').trim())).size === g.length)) continue;
    candidates.push(c);
  }
  const chosen = candidates.find((c) => NAME_HINT.test(header[c])) ?? candidates[0];
  return chosen === undefined ? null : header[chosen].trim();
}

function isName(cell: string): boolean {
  const text = cell.trim();
  return text !== '' && text.length <= 64 && !FIGURE.test(text) && dateFromText(text) === null;
}
