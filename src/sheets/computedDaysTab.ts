/**
 * The hidden tab of computed days (reports/computedDays.ts). Each day is one
 * block of rows: an `agent_day` row per agent-day (its figures as JSON), its
 * credits (per agent) and its orders as JSON lists in as many `credits` and
 * `orders` rows as the cell limit needs, and last a `day` row holding the
 * day's key and its latest record time, which marks the block whole. A day
 * whose credits do not fit a cell (a hostile ID of 50 000 characters) is not
 * kept; one whose orders do not (a remark as long) keeps none, and a block
 * with no `orders` row keeps none: that day's orders are read. Rows that
 * end in no `day` row (a write cut short) are not read, and the next write
 * rewrites the tab. The tab keeps the days of the last KEEP_DAYS before the
 * latest one; a day whose key no longer holds is dropped at the next rewrite.
 */
import { ROLLED_FIGURES, agentDayOf } from '../core/rollup';
import { addDays } from '../core/dates';
import type { IsoDate, Order } from '../core/types';
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
type StoredOrder = [orderId: string, buyer: string, created: number, paidAt: number | null, amount: number, items: number, status: string, refunded: 0 | 1, couponUsed: 0 | 1, remark: string, flag: string];

const storedOrder = (o: Order): StoredOrder => [o.orderId, o.buyer, o.created, o.paidAt, o.amount, o.items, o.status, o.refunded ? 1 : 0, o.couponUsed ? 1 : 0, o.remark, o.flag];

function orderOf([orderId, buyer, created, paidAt, amount, items, status, refunded, couponUsed, remark, flag]: StoredOrder): Order {
  return {
    orderId: String(orderId),
    buyer: String(buyer),
    created: Number(created),
    paidAt: paidAt === null ? null : Number(paidAt),
    amount: Number(amount),
    items: Number(items),
    status: String(status),
    refunded: refunded === 1,
    couponUsed: couponUsed === 1,
    remark: String(remark),
    flag: String(flag),
  };
}

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
  const { day, agentDays, credits, orders } = stored.day;
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
  const orderLists = orders === null ? null : jsonLists(orders.map(storedOrder));
  for (const text of orderLists ?? []) rows.push([textCell(day), 'orders', '', '', '', textCell(text)]);
  rows.push([textCell(day), 'day', textCell(stored.key), '', textCell(JSON.stringify({ latestRecord: stored.day.latestRecord })), '']);
  return rows;
}

const rowsOf = (days: readonly StoredComputedDay[]): CellValue[][] => days.flatMap((d) => blockRows(d) ?? []);

/** A cell's JSON; `fallback` for an empty cell, undefined for text that is no JSON (a cell damaged by hand). */
function parseJson<T>(text: string, fallback: T): T | undefined {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return undefined;
  }
}

/** A list of tuples of `width` (what a kept list holds); anything else is a damaged cell. */
const listOf = <T extends unknown[]>(value: unknown, width: number): value is T[] => Array.isArray(value) && value.every((item) => Array.isArray(item) && item.length === width);

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
  const text = (r: unknown[], col: number) => readText(r[col], tz);
  /** The day of a whole block (its rows, then its `day` row); null when a cell of it does not read. */
  const blockOf = (day: IsoDate, mark: unknown[], block: unknown[][]): ComputedDay | null => {
    const latestRecord = parseJson<{ latestRecord?: unknown }>(text(mark, figuresCol), {})?.latestRecord;
    const computed: ComputedDay = { day, agentDays: [], credits: [], latestRecord: typeof latestRecord === 'number' ? latestRecord : null, orders: null };
    for (const r of block) {
      const agent = text(r, agentCol);
      const kind = text(r, kindCol);
      if (kind === 'agent_day') {
        const figures = parseJson<Record<string, number>>(text(r, figuresCol), {});
        if (figures === undefined) return null;
        computed.agentDays.push(agentDayOf(day, agent, figures));
      } else if (kind === 'orders') {
        const orders = parseJson<StoredOrder[]>(text(r, listCol), []);
        if (!listOf<StoredOrder>(orders, 11)) return null;
        (computed.orders ??= []).push(...orders.map(orderOf));
      } else {
        const credits = parseJson<Credit[]>(text(r, listCol), []);
        if (!listOf<Credit>(credits, 3)) return null;
        computed.credits.push(...credits.map(([orderId, opened, paid]): ComputedCredit => ({ orderId: String(orderId), agent, opened: Number(opened), inquiryPaid: paid === 1 })));
      }
    }
    return computed;
  };
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
    const computed = blockOf(day, row, block);
    if (computed === null) {
      out.broken = true;
      continue;
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
