/** What the sidebar calls provisional in a table just read. */
import type { TableState } from './tables';

/** Cells of the table's records that are not final yet (延迟统计, a blank 询单). */
export function provisionalCells(table: TableState): number {
  return table.result?.agentDays.reduce((n, d) => n + (d.provisional?.length ?? 0), 0) ?? 0;
}
