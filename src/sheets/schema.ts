/**
 * The layout of every tab the add-on stores data in: one table definition per
 * record kind, plus the roster, events, import errors and the import log.
 */
import type { Agent, Consultation, ConsultationCategory, ExportedAgentDay, ExportFigure, Order, PayEvent, Rejection, ShopDay, ShopRowKind } from '../core/types';
import { FIGURE_READING } from '../import/agentDay';
import { SHOP_FIGURES } from '../import/shopDay';
import { parseAccounts } from '../core/accounts';
import { KEY_FIELDS } from '../import/ingest';
import { col, Reader, type Column, type TableDef } from './columns';

export { encodeCell, keyOfRecord, keyOfRow, type Column, type RowCells, type TableDef } from './columns';

/** A data tab's key columns: the ingest core's key fields, each under its column name. */
const keyColumnsOf = (fields: readonly string[]) => fields.map(snakeCase);

function snakeCase(name: string): string {
  return name.replace(/[A-Z0-9]+/g, (m) => `_${m.toLowerCase()}`);
}
/** A record's figures as one number column each (`firstResponseSec` → `first_response_sec`). */
function figureColumns<F extends string>(figures: readonly F[]) {
  return figures.map((figure) => [figure, snakeCase(figure)] as const);
}

/** The figures a stored row holds: the columns with a number (a blank cell is a figure the report did not state). */
function readFigures<F extends string>(r: Reader, columns: readonly (readonly [F, string])[]): Partial<Record<F, number>> {
  const figures: Partial<Record<F, number>> = {};
  for (const [figure, name] of columns) {
    const value = r.number(name);
    if (value !== null) figures[figure] = value;
  }
  return figures;
}

const FIGURE_COLUMNS = figureColumns(Object.keys(FIGURE_READING) as ExportFigure[]);

/**
 * One row per report and agent-day, holding only what that report stated:
 * re-importing a report replaces its own row (the key includes the source),
 * and the reports of a day are merged figure by figure when reports are built.
 */
export const AGENT_DAY_TABLE: TableDef<ExportedAgentDay> = {
  tab: 'tab.agentDay',
  columns: [
    col('date', 'text', (r) => r.date),
    col('shop', 'text', (r) => r.shop),
    col('agent', 'text', (r) => r.agent),
    col('source', 'text', (r) => r.source),
    col('report', 'text', (r) => r.report),
    ...FIGURE_COLUMNS.map(([figure, name]) => col<ExportedAgentDay>(name, 'number', (r) => r.figures[figure])),
    col('provisional', 'text', (r) => r.provisional.join(' ')),
  ],
  keyColumns: keyColumnsOf(KEY_FIELDS.agentDays),
  decode(row, tz) {
    const r = new Reader(row, tz);
    const figures = readFigures(r, FIGURE_COLUMNS);
    const known = new Set<string>(Object.keys(FIGURE_READING));
    const provisional = r.text('provisional').split(/\s+/).filter((f): f is ExportFigure => known.has(f));
    return r.result({
      date: r.date('date'),
      shop: r.text('shop'),
      agent: r.text('agent', true),
      source: r.text('source'),
      report: r.text('report'),
      figures,
      provisional,
    });
  },
};

const SHOP_FIGURE_COLUMNS = figureColumns(SHOP_FIGURES);
const SHOP_ROWS: ShopRowKind[] = ['shop', 'peer_average', 'peer_top'];

/** One row per page, shop (or peer benchmark) and day; re-importing a page replaces its own row. */
export const SHOP_DAY_TABLE: TableDef<ShopDay> = {
  tab: 'tab.shopDay',
  columns: [
    col('date', 'text', (r) => r.date),
    col('shop', 'text', (r) => r.shop),
    col('row', 'text', (r) => r.row),
    col('source', 'text', (r) => r.source),
    col('report', 'text', (r) => r.report),
    ...SHOP_FIGURE_COLUMNS.map(([figure, name]) => col<ShopDay>(name, 'number', (r) => r.figures[figure])),
  ],
  keyColumns: keyColumnsOf(KEY_FIELDS.shopDays),
  decode(cells, tz) {
    const r = new Reader(cells, tz);
    const figures = readFigures(r, SHOP_FIGURE_COLUMNS);
    const row = (r.text('row') || 'shop') as ShopRowKind;
    if (!SHOP_ROWS.includes(row)) r.fail('row', `"${row}" is not one of ${SHOP_ROWS.join(', ')}`);
    return r.result({ date: r.date('date'), shop: r.text('shop'), row, source: r.text('source'), report: r.text('report'), figures });
  },
};

const CATEGORIES: ConsultationCategory[] = ['presale', 'after_sales', 'freebie'];

export const CONSULTATION_TABLE: TableDef<Consultation> = {
  tab: 'tab.consultations',
  columns: [
    col('buyer', 'text', (r) => r.buyer),
    col('agent', 'text', (r) => r.agent),
    col('start', 'time', (r) => r.start),
    col('first_response_sec', 'number', (r) => r.firstResponseSec),
    col('buyer_messages', 'number', (r) => r.buyerMessages),
    col('agent_messages', 'number', (r) => r.agentMessages),
    col('category', 'text', (r) => r.category),
  ],
  keyColumns: keyColumnsOf(KEY_FIELDS.consultations),
  decode(row, tz) {
    const r = new Reader(row, tz);
    const category = (r.text('category') || 'presale') as ConsultationCategory;
    if (!CATEGORIES.includes(category)) r.fail('category', `"${category}" is not one of ${CATEGORIES.join(', ')}`);
    const value: Consultation = {
      buyer: r.text('buyer', true),
      agent: r.text('agent', true),
      start: r.time('start', true) ?? 0,
      firstResponseSec: r.number('first_response_sec'),
      buyerMessages: r.number('buyer_messages') ?? 0,
      agentMessages: r.number('agent_messages') ?? 0,
      category,
    };
    return r.result(value);
  },
};

export const ORDER_TABLE: TableDef<Order> = {
  tab: 'tab.orders',
  columns: [
    col('order_id', 'text', (r) => r.orderId),
    col('buyer', 'text', (r) => r.buyer),
    col('created', 'time', (r) => r.created),
    col('paid_at', 'time', (r) => r.paidAt),
    col('amount', 'number', (r) => r.amount),
    col('items', 'number', (r) => r.items),
    col('status', 'text', (r) => r.status),
    col('refunded', 'bool', (r) => r.refunded),
    col('coupon_used', 'bool', (r) => r.couponUsed),
    col('remark', 'text', (r) => r.remark),
    col('flag', 'text', (r) => r.flag),
  ],
  keyColumns: keyColumnsOf(KEY_FIELDS.orders),
  decode(row, tz) {
    const r = new Reader(row, tz);
    const value: Order = {
      orderId: r.text('order_id', true),
      buyer: r.text('buyer'),
      created: r.time('created', true) ?? 0,
      paidAt: r.time('paid_at', false),
      amount: r.number('amount') ?? 0,
      items: r.number('items') ?? 0,
      status: r.text('status'),
      refunded: r.bool('refunded', false),
      couponUsed: r.bool('coupon_used', false),
      remark: r.text('remark'),
      flag: r.text('flag'),
    };
    return r.result(value);
  },
};

/** The note that marks an agent an import found and the supervisor has not confirmed. */
export const UNKNOWN_AGENT_NOTE = 'unknown';

const SHIFTS: Record<string, Agent['shift']> = { day: 'day', night: 'night', 白班: 'day', 夜班: 'night', 早班: 'day', 晚班: 'night' };

export const ROSTER_TABLE: TableDef<Agent> = {
  tab: 'tab.roster',
  columns: [
    col('agent', 'text', (r) => r.name),
    col('agent_id', 'text', (r) => r.id),
    col('shift', 'text', (r) => r.shift),
    col('base_pay', 'number', (r) => r.basePay),
    col('active', 'text', (r) => (r.active ? 'yes' : 'no')),
    col('note', 'text', (r) => (r.unknown ? UNKNOWN_AGENT_NOTE : '')),
    col('accounts', 'text', (r) => (r.accounts ?? []).join('; ')),
    col('performance_pay', 'number', (r) => r.performancePay ?? null),
    col('assessed', 'text', (r) => (r.assessed === false ? 'no' : 'yes')),
  ],
  keyColumns: ['agent'],
  decode(row, tz) {
    const r = new Reader(row, tz);
    const shiftText = r.text('shift').toLowerCase() || 'day';
    const shift = SHIFTS[shiftText];
    if (!shift) r.fail('shift', `"${shiftText}" is not day or night`);
    const note = r.text('note').toLowerCase();
    const agent: Agent = {
      name: r.text('agent', true),
      id: r.text('agent_id'),
      shift: shift ?? 'day',
      basePay: r.number('base_pay') ?? 0,
      active: r.bool('active', true),
    };
    if (note === UNKNOWN_AGENT_NOTE || note === '未知') agent.unknown = true;
    const accounts = parseAccounts(r.text('accounts'));
    if (accounts.length > 0) agent.accounts = accounts;
    const performancePay = r.number('performance_pay');
    if (performancePay != null) agent.performancePay = performancePay;
    if (!r.bool('assessed', true)) agent.assessed = false;
    return r.result(agent);
  },
};

const KINDS: Record<string, PayEvent['kind']> = { fine: 'fine', reward: 'reward', score: 'score', 罚款: 'fine', 奖励: 'reward', 评分: 'score' };

export const EVENTS_TABLE: TableDef<PayEvent> = {
  tab: 'tab.events',
  columns: [
    col('date', 'text', (r) => r.date),
    col('agent', 'text', (r) => r.agent),
    col('kind', 'text', (r) => r.kind),
    col('reason', 'text', (r) => r.reason),
    col('amount', 'number', (r) => r.amount),
  ],
  keyColumns: [],
  decode(row, tz) {
    const r = new Reader(row, tz);
    const kindText = r.text('kind', true).toLowerCase();
    const kind = KINDS[kindText];
    if (kindText && !kind) r.fail('kind', `"${kindText}" is not fine, reward or score`);
    const amount = r.number('amount');
    // A manual score without its score would be a KPI with no data, silently.
    if (kind === 'score' && amount == null) r.fail('amount', 'a score row needs the score in the amount column');
    return r.result<PayEvent>({ date: r.date('date'), agent: r.text('agent', true), kind: kind ?? 'fine', reason: r.text('reason'), amount });
  },
};

export const ERRORS_TABLE: TableDef<Rejection> = {
  tab: 'tab.importErrors',
  columns: [
    col('file', 'text', (r) => r.file),
    col('sheet', 'text', (r) => r.sheet ?? ''),
    col('row', 'number', (r) => r.row),
    col('column', 'text', (r) => r.column),
    col('reason', 'text', (r) => r.reason),
    // JSON keeps every raw cell, separators and all.
    col('raw', 'text', (r) => JSON.stringify(r.raw ?? [])),
  ],
  keyColumns: ['file', 'sheet', 'row', 'column'],
  decode(row, tz) {
    const r = new Reader(row, tz);
    const rawText = r.text('raw');
    let raw: string[] = [];
    try {
      const parsed: unknown = rawText ? JSON.parse(rawText) : [];
      raw = Array.isArray(parsed) ? parsed.map(String) : [rawText];
    } catch {
      raw = [rawText];
    }
    return r.result<Rejection>({
      file: r.text('file'),
      sheet: r.text('sheet') || null,
      row: r.number('row') ?? 0,
      column: r.text('column'),
      reason: r.text('reason'),
      raw,
    });
  },
};

/** One line of the import log. */
export interface LogLine {
  file: string;
  sheet: string | null;
  kind: string;
  time: string;
  rowsRead: number;
  accepted: number;
  added: number;
  replaced: number;
  rejected: number;
  skipped: number;
  newAgents: string[];
}

export const LOG_COLUMNS: Column<LogLine>[] = [
  col('file', 'text', (r) => r.file),
  col('sheet', 'text', (r) => r.sheet ?? ''),
  col('kind', 'text', (r) => r.kind),
  col('time', 'text', (r) => r.time),
  col('rows_read', 'number', (r) => r.rowsRead),
  col('accepted', 'number', (r) => r.accepted),
  col('added', 'number', (r) => r.added),
  col('replaced', 'number', (r) => r.replaced),
  col('rejected', 'number', (r) => r.rejected),
  col('skipped', 'number', (r) => r.skipped),
  col('new_agents', 'text', (r) => r.newAgents.join(', ')),
];
