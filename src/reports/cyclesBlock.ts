/** Purchase and repurchase cycles of the ranking's period (issue 10.8), under the ranking: per agent, then the team. */
import type { SpecValue, TabSpec } from './types';
import type { Period } from '../core/periods';
import { cyclesOf } from '../core/cycles';
import { t } from '../i18n';
import { buyerPayments, type ReportData } from './data';
import { titledTable, widenToFit, type Column } from './layout';

/** The first row under everything the tab holds so far. */
const nextFreeRow = (tab: TabSpec) => tab.blocks.reduce((end, b) => Math.max(end, b.row + b.values.length), 0);

export function appendCycles(tab: TabSpec, data: ReportData, period: Period): void {
  const lang = data.input.language;
  const cycles = cyclesOf(data.result, buyerPayments(data), period);
  if (cycles.every((c) => c.purchaseHours.count === 0 && c.repurchaseDays.count === 0)) return;
  const row = nextFreeRow(tab) + 1;
  const columns: Column[] = [
    { header: t(lang, 'col.agent'), format: 'text' },
    { header: t(lang, 'cycles.purchaseMedian'), format: 'decimal1' },
    { header: t(lang, 'cycles.purchaseMean'), format: 'decimal1' },
    { header: t(lang, 'cycles.purchaseCount'), format: 'integer' },
    { header: t(lang, 'cycles.repurchaseMedian'), format: 'decimal1' },
    { header: t(lang, 'cycles.repurchaseMean'), format: 'decimal1' },
    { header: t(lang, 'cycles.repurchaseCount'), format: 'integer' },
  ];
  const rows: SpecValue[][] = cycles.map((c) => [
    c.agent ?? t(lang, 'daily.teamTotal'), c.purchaseHours.median, c.purchaseHours.mean, c.purchaseHours.count,
    c.repurchaseDays.median, c.repurchaseDays.mean, c.repurchaseDays.count,
  ]);
  const total = Array.from({ length: columns.length }, (_, col) => ({ row: rows.length, col, style: { bold: true } }));
  // Under the ranking's Agent column, so the names and the total line up with its agents.
  widenToFit(tab, 1, columns, rows);
  titledTable(tab, row, { title: t(lang, 'cycles.title', { period: period.label }), columns, rows, note: t(lang, 'cycles.note'), cellStyles: total, col: 1 });
}
