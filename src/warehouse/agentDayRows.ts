/**
 * A row of agentDaySql's result → the AgentDay the reports read, the same
 * object the TypeScript engine makes (sales rounded to the cent as it rounds).
 * Both edges use it: the CLI's DuckDB store and the add-on's BigQuery reader.
 */
import type { AgentDay } from '../core/types';
import { dayOf, MS_PER_DAY } from '../core/dates';
import { emptyCounts } from '../core/metrics';
import { roundMoney } from '../core/engineDays';

/** The columns of agentDaySql, in order. */
export const AGENT_DAY_COLUMNS = [
  'day', 'agent', 'consultations', 'receptions', 'excluded', 'inquiries', 'placed', 'paid', 'sales', 'items', 'coupon_buyers',
  'buyer_messages', 'agent_messages', 'first_response_total_sec', 'first_response_samples',
] as const;

export type AgentDayRow = Record<(typeof AGENT_DAY_COLUMNS)[number], unknown>;

/** Counts come back as BIGINT (bigint), numbers or, from BigQuery's REST API, strings. */
function figure(value: unknown, column: string): number {
  const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`agent-day row: ${column} is not a number (${String(value)})`);
  return n;
}

export function agentDayOfRow(row: AgentDayRow): AgentDay {
  const n = (column: (typeof AGENT_DAY_COLUMNS)[number]) => figure(row[column], column);
  return {
    date: dayOf(n('day') * MS_PER_DAY),
    agent: String(row.agent),
    ...emptyCounts(),
    consultations: n('consultations'),
    receptions: n('receptions'),
    excluded: n('excluded'),
    inquiries: n('inquiries'),
    placed: n('placed'),
    paid: n('paid'),
    sales: roundMoney(n('sales')),
    items: n('items'),
    couponBuyers: n('coupon_buyers'),
    buyerMessages: n('buyer_messages'),
    agentMessages: n('agent_messages'),
    firstResponseTotalSec: n('first_response_total_sec'),
    firstResponseSamples: n('first_response_samples'),
  };
}

/** A row given as an array in AGENT_DAY_COLUMNS order (DuckDB's getRows, BigQuery's `f[].v`). */
export function agentDayOfCells(cells: readonly unknown[]): AgentDay {
  const row = {} as AgentDayRow;
  AGENT_DAY_COLUMNS.forEach((column, i) => (row[column] = cells[i]));
  return agentDayOfRow(row);
}
