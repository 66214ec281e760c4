/**
 * The hidden tab of computed days (reports/computedDays.ts). Each day is one
 * block of rows: an `agent_day` row per agent-day (its figures as JSON), its
 * credits as JSON in as many `credits` rows as the cell limit needs, and last
 * a `day` row holding the day's key and its latest record time, which marks
 * the block whole. Rows that
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
const HEADER = ['day', 'kind', 'key', 'agent', 'figures', 'credits'];
/** Days kept before the latest stored one: the payroll month, the ranking's previous month and the look-backs fit. */
export const KEEP_DAYS = 100;
/** Credits per `credits` row, well under the 50 000 characters of a cell. */
const CREDITS_PER_ROW = 500;

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

function blockRows(stored: StoredComputedDay): CellValue[][] {
  const { day, agentDays, credits } = stored.day;
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
    for (let i = 0; i < list.length; i += CREDITS_PER_ROW) {
      rows.push([textCell(day), 'credits', '', textCell(agent), '', textCell(JSON.stringify(list.slice(i, i + CREDITS_PER_ROW)))]);
    }
  }
  rows.push([textCell(day), 'day', textCell(stored.key), '', textCell(JSON.stringify({ latestRecord: stored.day.latestRecord })), '']);
  return rows;
}

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
  const [dayCol, kindCol, keyCol, agentCol, figuresCol, creditsCol] = HEADER.map(at);
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
    const computed: ComputedDay = { day, agentDays: [], credits: [], latestRecord: typeof latestRecord === 'number' ? latestRecord : null };
    for (const r of block) {
      const agent = readText(r[agentCol], tz);
      if (readText(r[kindCol], tz) === 'agent_day') {
        computed.agentDays.push(agentDayOf(day, agent, parseJson<Record<string, number>>(readText(r[figuresCol], tz), {})));
      } else {
        const credits = parseJson<Credit[]>(readText(r[creditsCol], tz), []);
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
  const freshRows = fresh.flatMap(blockRows);
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
  const rows = [head, ...[...kept].sort((a, b) => (a.day.day < b.day.day ? -1 : 1)).flatMap(blockRows), ...freshRows];
  writeBlock(sheet, 1, 1, rows);
  // The rows below the rewritten ones go with the grid trimmed (left by a failure, they hold keys that no longer hold).
  fitGrid(sheet, rows.length, HEADER.length);
}
