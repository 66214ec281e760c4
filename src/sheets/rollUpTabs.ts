/**
 * How a roll-up (core/rollup.ts) is laid out in the spreadsheet. The roll-up
 * tab holds, per rolled-up day and in one block, its agent-day rows (the
 * engine's figures), its sums of orders, and last a `day` row that marks the
 * day as stored. The hidden boundary tab holds the anchors the raw days after
 * the rolled-up ones are computed with, and the first raw day they serve.
 */
import { ROLLED_FIGURES, agentDayOf, type Anchor, type RollUp, type RolledAgentDay, type RolledSale, type RolledSaleKind } from '../core/rollup';
import type { IsoDate } from '../core/types';
import { readLocalTime, readNumber, readText, textCell, timeCell, type CellValue } from './cells';
import type { Table } from './tabs';

export const ROLLUP_TAB = 'tab.rollUp' as const;
export const BOUNDARY_TAB = 'tab.rollUpBoundary' as const;

const snake = (name: string) => name.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
export const ROLLUP_HEADER = ['day', 'kind', 'date', 'agent', ...ROLLED_FIGURES.map(snake), 'unattributed_orders', 'amount', 'orders', 'buyers', 'order_ids'];
export const BOUNDARY_HEADER = ['first_raw_day', 'agent', 'buyer', 'opened'];

const SALE_KINDS: readonly RolledSaleKind[] = ['attributed', 'claimed', 'unattributed', 'credited', 'shop_paid'];
const column = (name: string) => ROLLUP_HEADER.indexOf(name);

function row(cells: Record<string, CellValue>): CellValue[] {
  return ROLLUP_HEADER.map((name) => cells[name] ?? '');
}

/** One day's roll-up as the rows written in one block: agent-days, sums, then the day's mark. */
export function rollUpRows(day: IsoDate, rollUp: RollUp): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const d of rollUp.agentDays) {
    const figures: Record<string, CellValue> = {};
    for (const f of ROLLED_FIGURES) figures[snake(f)] = d[f] ?? 0;
    rows.push(row({ day: textCell(day), kind: 'agent_day', date: textCell(d.date), agent: textCell(d.agent), ...figures, unattributed_orders: d.unattributedOrders }));
  }
  for (const s of rollUp.sales) {
    rows.push(row({ day: textCell(s.day), kind: s.kind, date: textCell(s.date), agent: textCell(s.agent), amount: s.amount, orders: s.orders, buyers: s.buyers, order_ids: s.orderIds.length ? textCell(JSON.stringify(s.orderIds)) : '' }));
  }
  rows.push(row({ day: textCell(day), kind: 'day' }));
  return rows;
}

/** The roll-up the rows hold (rows of any order; a row that does not read is left out, and so fails the equality check). */
export function rollUpOfRows(rows: readonly unknown[][], tz: string, header: readonly string[] = ROLLUP_HEADER): RollUp {
  const at = (name: string) => header.indexOf(name);
  const text = (r: readonly unknown[], name: string) => (at(name) < 0 ? '' : readText(r[at(name)], tz));
  const num = (r: readonly unknown[], name: string) => (at(name) < 0 ? 0 : readNumber(r[at(name)]) ?? 0);
  const out: RollUp = { days: [], agentDays: [], sales: [], anchors: [] };
  for (const r of rows) {
    const kind = text(r, 'kind');
    const day = text(r, 'day');
    if (!day) continue;
    if (kind === 'day') out.days.push(day);
    else if (kind === 'agent_day') {
      const figures: Partial<Record<(typeof ROLLED_FIGURES)[number], number>> = {};
      for (const f of ROLLED_FIGURES) figures[f] = num(r, snake(f));
      out.agentDays.push({ ...agentDayOf(text(r, 'date'), text(r, 'agent'), figures), unattributedOrders: num(r, 'unattributed_orders') } as RolledAgentDay);
    } else if ((SALE_KINDS as readonly string[]).includes(kind)) {
      const ids = text(r, 'order_ids');
      let orderIds: string[] = [];
      try {
        orderIds = ids ? (JSON.parse(ids) as string[]) : [];
      } catch {
        orderIds = [];
      }
      const sale: RolledSale = { kind: kind as RolledSaleKind, day, date: text(r, 'date'), agent: text(r, 'agent'), amount: num(r, 'amount'), orders: num(r, 'orders'), buyers: num(r, 'buyers'), orderIds };
      out.sales.push(sale);
    }
  }
  return out;
}

/** The roll-up tab's rows as read with readTable. */
export function rollUpOfTable(table: Table, tz: string): RollUp {
  return rollUpOfRows(table.rows, tz, table.header);
}

/** The boundary as written: the first raw day it serves, then one anchor a row. */
export function boundaryRows(firstRawDay: IsoDate, anchors: readonly Anchor[]): CellValue[][] {
  return [[textCell(firstRawDay), '', '', ''], ...anchors.map((a) => [textCell(firstRawDay), textCell(a.agent), textCell(a.buyer), timeCell(a.opened)])];
}

/** The boundary read back: its first raw day (null when none is stored) and anchors. */
export function boundaryOfTable(table: Table, tz: string): { firstRawDay: IsoDate | null; anchors: Anchor[] } {
  const [dayCol, agentCol, buyerCol, openedCol] = BOUNDARY_HEADER.map((h) => table.header.indexOf(h));
  if (dayCol < 0 || table.rows.length === 0) return { firstRawDay: null, anchors: [] };
  const firstRawDay = readText(table.rows[0][dayCol], tz) || null;
  const anchors: Anchor[] = [];
  for (const r of table.rows.slice(1)) {
    const opened = readLocalTime(r[openedCol], tz);
    const agent = readText(r[agentCol], tz);
    if (opened === null || !agent) continue;
    anchors.push({ agent, buyer: readText(r[buyerCol], tz), opened });
  }
  return { firstRawDay, anchors };
}

export const KIND_COLUMN = column('kind');
export const DAY_COLUMN = column('day');
