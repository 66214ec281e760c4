/**
 * The stored data of the latest days, read at the cost of those days: the
 * day index (dayIndex.ts) says from which row each data tab holds them, and
 * only the tail of each tab from there is read, one getValues per tab. A tab
 * the index does not cover (an older spreadsheet) is read whole, as a report
 * run reads it. Rows are decoded by the tab's schema; rows that do not decode
 * are left to the report run, which lists them in the import-errors tab.
 */
import type { Agent, Consultation, ExportedAgentDay, IsoDate, Order, ShopDay } from '../core/types';
import { RECORD_DAY, type RecordOf, type StoredKind } from '../import/ingest';
import { highWater, readDayIndex, runsOf, type DayIndex } from './dayIndex';
import { AGENT_DAY_TABLE, CONSULTATION_TABLE, ORDER_TABLE, ROSTER_TABLE, SHOP_DAY_TABLE, type TableDef } from './schema';
import { rowCells } from './storage';
import { findTab, sheetTimeZone, type Table } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RecentData {
  roster: Agent[];
  agentDays: ExportedAgentDay[];
  shopDays: ShopDay[];
  consultations: Consultation[];
  orders: Order[];
  /** The first day read when older days were left unread (its figures may lack the days before it); null when everything was read. */
  cutDay: IsoDate | null;
}

/**
 * The records of the latest `days` days with data (every record when the
 * spreadsheet holds no more, or has no day index).
 */
export function readRecentData(ss: Spreadsheet, days: number): RecentData {
  const index = readDayIndex(ss);
  const stored = [...index.days.keys()].sort();
  const window = stored.slice(-days);
  const cutDay = stored.length > days ? window[0] : null;
  const tz = sheetTimeZone(ss);
  const read = <K extends StoredKind>(def: TableDef<RecordOf<K>>, kind: K): RecordOf<K>[] => {
    const records = readTail(ss, def, startRow(index, def.tab, window), tz);
    const dayOf = RECORD_DAY[kind] as (r: RecordOf<K>) => IsoDate;
    return cutDay === null ? records : records.filter((r) => dayOf(r) >= cutDay);
  };
  return {
    roster: readTail(ss, ROSTER_TABLE, 2, tz),
    agentDays: read(AGENT_DAY_TABLE, 'agentDays'),
    shopDays: read(SHOP_DAY_TABLE, 'shopDays'),
    consultations: read(CONSULTATION_TABLE, 'consultations'),
    orders: read(ORDER_TABLE, 'orders'),
    cutDay,
  };
}

/** The first row of the tab holding one of `window`'s days, or the first row past the index (rows it does not cover yet); 2 without an index. */
function startRow(index: DayIndex, tab: string, window: readonly IsoDate[]): number {
  if (index.days.size === 0) return 2;
  let first = highWater(index, tab) + 1;
  for (const day of window) for (const [a] of runsOf(index, tab, day)) first = Math.min(first, a);
  return Math.max(2, first);
}

/** The tab's header and its rows from `start` down, decoded. */
function readTail<T>(ss: Spreadsheet, def: TableDef<T>, start: number, tz: string): T[] {
  const sheet = findTab(ss, def.tab);
  if (!sheet) return [];
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow < 1 || lastCol < 1) return [];
  // A whole tab is one read; a tail is its header row and the tail.
  const whole = start <= 2 ? sheet.getRange(1, 1, lastRow, lastCol).getValues() : null;
  const headerRow = whole ? whole[0] : sheet.getRange(1, 1, 1, lastCol).getValues()[0];
  const headerText = headerRow.map((h) => String(h ?? '').trim().replace(/^'/, ''));
  const table: Table = { header: headerText.map((h) => h.toLowerCase()), headerText, rows: [] };
  if (start > lastRow) return [];
  table.rows = whole ? whole.slice(1) : sheet.getRange(start, 1, lastRow - start + 1, lastCol).getValues();
  start = Math.max(start, 2);
  const out: T[] = [];
  table.rows.forEach((row, i) => {
    if (row.every((v) => v === '' || v === null)) return;
    const decoded = def.decode(rowCells(table, row, start - 2 + i), tz);
    if (decoded.ok) out.push(decoded.value);
  });
  return out;
}
