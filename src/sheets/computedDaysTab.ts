/**
 * The hidden tab of computed days (reports/computedDays.ts). Each day is one
 * block of rows: an `agent_day` row per agent-day (its figures as JSON), its
 * credits (per agent) and its payments as JSON lists in as many `credits` and
 * `payments` rows as the cell limit needs, and last a `day` row holding the
 * day's key and its latest record time, which marks the block whole. A day
 * whose lists do not fit a cell (a hostile ID of 50 000 characters) is not
 * kept. A block with no `payments` row keeps no payments. Rows that
 * end in no `day` row (a write cut short) are not read, and the next write
 * rewrites the tab. The tab keeps the days of the last KEEP_DAYS before the
 * latest one; a day whose key no longer holds is dropped at the next rewrite.
 */
import { ROLLED_FIGURES, agentDayOf } from '../core/rollup';
import { addDays } from '../core/dates';
import type { IsoDate } from '../core/types';
import type { ComputedCredit, ComputedDay } from '../reports/computedDays';
import { readText, textCell, type CellValue } from './cells';
import { findTab, fitGrid, insertDataTab, readTable, sheetTimeZone, writeBlock } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const COMPUTED_DAYS_TAB = 'tab.computedDays' as const;
const HEADER = ['day', 'kind', 'key', 'agent', 'figures', 'list'];
/** Days kept before the latest stored one: the payroll month, the ranking's previous month and the look-backs fit. */
export const KEEP_DAYS = 100;
/** The most characters of JSON a list cell holds, under the 50 000 of a cell. */
const LIST_CHARS = 45_000;

export interface StoredComputedDay {
  key: string;
  day: ComputedDay;
}

export interface ComputedDaysRead {
  days: Map<IsoDate, StoredComputedDay>;
  /** Rows that make no whole block: the next write rewrites the tab. */
  broken: boolean;
}

type Credit = [orderId: string, opened: number, paid: 0 | 1];
type StoredPayment = [orderId: string, buyer: string, paidAt: number, amount: number, refunded: 0 | 1];

/** `items` as JSON lists of at most LIST_CHARS characters each; null when one item alone is longer. */
export function jsonLists(items: readonly unknown[]): string[] | null {
  const lists: string[] = [];
  let part: string[] = [];
  let chars = 2;
  for (const item of items) {
    const text = JSON.stringify(item);
    if (text.length + 2 > LIST_CHARS) return null;
    if (chars + text.length + 1 > LIST_CHARS) {
      lists.push(`[${part.join(',')}]`);
      [part, chars] = [[], 2];
    }
    part.push(text);
    chars += text.length + 1;
  }
  if (part.length > 0 || lists.length === 0) lists.push(`[${part.join(',')}]`);
  return lists;
}

/** The day's block of rows; null when a list does not fit a cell. */
function blockRows(stored: StoredComputedDay): CellValue[][] | null {
  const { day, agentDays, credits, payments } = stored.day;
  const rows: CellValue[][] = [];
  for (const d of agentDays) {
    const figures: Record<string, number> = {};
    for (const f of ROLLED_FIGURES) if (d[f]) figures[f] = d[f] as number;
    rows.push([textCell(day), 'agent_day', '', textCell(d.agent), textCell(JSON.stringify(figures)), '']);
  }
  const byAgent = new Map<string, Credit[]>();
  for (const c of credits) {
    const list = byAgent.get(c.agent) ?? [];
    list.push([c.orderId, c.opened, c.inquiryPaid ? 1 : 0]);
    byAgent.set(c.agent, list);
  }
  for (const [agent, list] of byAgent) {
    const lists = jsonLists(list);
    if (lists === null) return null;
    for (const text of lists) rows.push([textCell(day), 'credits', '', textCell(agent), '', textCell(text)]);
  }
  if (payments !== null) {
    const lists = jsonLists(payments.map((p): StoredPayment => [p.orderId, p.buyer, p.paidAt, p.amount, p.refunded ? 1 : 0]));
    if (lists === null) return null;
    for (const text of lists) rows.push([textCell(day), 'payments', '', '', '', textCell(text)]);
  }
  rows.push([textCell(day), 'day', textCell(stored.key), '', textCell(JSON.stringify({ latestRecord: stored.day.latestRecord })), '']);
  return rows;
}

const rowsOf = (days: readonly StoredComputedDay[]): CellValue[][] => days.flatMap((d) => blockRows(d) ?? []);

function parseJson<T>(text: string, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** Every whole block of the tab, by day (the last block of a day wins). */
export function readComputedDays(ss: Spreadsheet): ComputedDaysRead {
  const sheet = findTab(ss, COMPUTED_DAYS_TAB);
  const out: ComputedDaysRead = { days: new Map(), broken: false };
  if (!sheet) return out;
  const tz = sheetTimeZone(ss);
  const table = readTable(sheet);
  const at = (name: string) => table.header.indexOf(name);
  const [dayCol, kindCol, keyCol, agentCol, figuresCol, listCol] = HEADER.map(at);
  if (HEADER.some((name) => at(name) < 0)) return { ...out, broken: table.rows.length > 0 };
  let pending: unknown[][] = [];
  for (const row of table.rows) {
    if (readText(row[kindCol], tz) !== 'day') {
      pending.push(row);
      continue;
    }
    const day = readText(row[dayCol], tz);
    const block = pending.filter((r) => readText(r[dayCol], tz) === day);
    if (block.length < pending.length) out.broken = true;
    pending = [];
    const latestRecord = parseJson<{ latestRecord?: unknown }>(readText(row[figuresCol], tz), {}).latestRecord;
    const computed: ComputedDay = { day, agentDays: [], credits: [], latestRecord: typeof latestRecord === 'number' ? latestRecord : null, payments: null };
    for (const r of block) {
      const agent = readText(r[agentCol], tz);
      const kind = readText(r[kindCol], tz);
      if (kind === 'agent_day') {
        computed.agentDays.push(agentDayOf(day, agent, parseJson<Record<string, number>>(readText(r[figuresCol], tz), {})));
      } else if (kind === 'payments') {
        const payments = parseJson<StoredPayment[]>(readText(r[listCol], tz), []);
        (computed.payments ??= []).push(...payments.map(([orderId, buyer, paidAt, amount, refunded]) => ({ orderId: String(orderId), buyer: String(buyer), paidAt: Number(paidAt), amount: Number(amount), refunded: refunded === 1 })));
      } else {
        const credits = parseJson<Credit[]>(readText(r[listCol], tz), []);
        computed.credits.push(...credits.map(([orderId, opened, paid]): ComputedCredit => ({ orderId: String(orderId), agent, opened: Number(opened), inquiryPaid: paid === 1 })));
      }
    }
    out.days.set(day, { key: readText(row[keyCol], tz), day: computed });
  }
  if (pending.length > 0) out.broken = true;
  return out;
}

/**
 * Stores `fresh` beside the days of `kept` that still hold (their key is the
 * one given by `keyOf`) and are within KEEP_DAYS of `latest`: appended when
 * the tab holds nothing else, else the tab is rewritten with one call.
 */
export function storeComputedDays(ss: Spreadsheet, read: ComputedDaysRead, keyOf: (day: IsoDate) => string, fresh: readonly StoredComputedDay[], latest: IsoDate): void {
  const oldest = addDays(latest, -KEEP_DAYS);
  const freshDays = new Set(fresh.map((f) => f.day.day));
  const others = [...read.days.values()].filter((s) => !freshDays.has(s.day.day));
  const kept = others.filter((s) => s.day.day >= oldest && s.key === keyOf(s.day.day));
  // A day dropped or made again, or a block cut short: the tab is written anew; else the fresh days are appended.
  const rewrite = read.broken || kept.length < others.length || others.length < read.days.size;
  if (fresh.length === 0 && !rewrite) return;
  let sheet = findTab(ss, COMPUTED_DAYS_TAB);
  const head = HEADER.map((h) => textCell(h));
  const freshRows = rowsOf(fresh);
  if (!sheet) {
    sheet = insertDataTab(ss, COMPUTED_DAYS_TAB, HEADER.length);
    sheet.hideSheet();
    fitGrid(sheet, 1 + freshRows.length, HEADER.length);
    writeBlock(sheet, 1, 1, [head, ...freshRows]);
    return;
  }
  if (!rewrite) {
    writeBlock(sheet, sheet.getLastRow() + 1, 1, freshRows);
    return;
  }
  const rows = [head, ...rowsOf([...kept].sort((a, b) => (a.day.day < b.day.day ? -1 : 1))), ...freshRows];
  writeBlock(sheet, 1, 1, rows);
  // The rows below the rewritten ones go with the grid trimmed (left by a failure, they hold keys that no longer hold).
  fitGrid(sheet, rows.length, HEADER.length);
}
