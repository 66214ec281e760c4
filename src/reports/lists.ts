/** The two list tabs: unattributed paid orders (SPEC §6.4) and rejected import rows. */
import type { Order, Rejection } from '../core/types';
import type { CsvTable, TabSpec } from './types';
import { formatLocalTime } from '../core/dates';
import { t } from '../i18n';
import type { ReportData } from './data';
import { addTitle, emptyTab, setWidths, tableBlock, type Column } from './layout';
import { csvMoney, moneyText } from './format';

const byPaidTime = (a: Order, b: Order) => (a.paidAt ?? 0) - (b.paidAt ?? 0) || (a.orderId < b.orderId ? -1 : 1);

export function unattributedOrders(data: ReportData): Order[] {
  return [...data.result.unattributed].sort(byPaidTime);
}

export function unattributedCsv(data: ReportData, orders: Order[]): CsvTable {
  const lang = data.input.language;
  return {
    fileName: 'unattributed.csv',
    header: [t(lang, 'col.orderId'), t(lang, 'col.buyer'), t(lang, 'col.paidAt'), t(lang, 'col.amount'), t(lang, 'col.sellerRemark')],
    rows: orders.map((o) => [o.orderId, o.buyer, o.paidAt == null ? '' : formatLocalTime(o.paidAt), csvMoney(o.amount), o.remark]),
  };
}

export function unattributedTab(data: ReportData, orders: Order[]): TabSpec {
  const lang = data.input.language;
  const tab = emptyTab('unattributed', t(lang, 'tab.unattributed'));
  const columns: Column[] = [
    { header: t(lang, 'col.orderId'), format: 'text', widthPx: 110 },
    { header: t(lang, 'col.buyer'), format: 'text', widthPx: 110 },
    { header: t(lang, 'col.paidAt'), format: 'text', widthPx: 140 },
    { header: t(lang, 'col.amount'), format: 'money' },
    { header: t(lang, 'col.sellerRemark'), format: 'text', widthPx: 200 },
  ];
  const total = orders.reduce((s, o) => s + o.amount, 0);
  addTitle(tab, 0, t(lang, 'unattributed.title', { count: orders.length, amount: moneyText(total) }), columns.length);
  const rows = orders.map((o) => [o.orderId, o.buyer, o.paidAt == null ? '' : formatLocalTime(o.paidAt), o.amount, o.remark]);
  tab.blocks.push(tableBlock(2, 0, columns, rows));
  tab.frozenRows = 3;
  setWidths(tab, columns);
  return tab;
}

export function importErrorsCsv(data: ReportData, rejections: Rejection[]): CsvTable {
  const lang = data.input.language;
  return {
    fileName: 'import-errors.csv',
    header: [t(lang, 'col.file'), t(lang, 'col.row'), t(lang, 'col.column'), t(lang, 'col.reason')],
    rows: rejections.map((r) => [r.sheet ? `${r.file} [${r.sheet}]` : r.file, String(r.row), r.column, r.reason]),
  };
}

export function importErrorsTab(data: ReportData, rejections: Rejection[]): TabSpec {
  const lang = data.input.language;
  const tab = emptyTab('import_errors', t(lang, 'tab.import_errors'));
  const columns: Column[] = [
    { header: t(lang, 'col.file'), format: 'text', widthPx: 160 },
    { header: t(lang, 'col.sheet'), format: 'text' },
    { header: t(lang, 'col.row'), format: 'integer' },
    { header: t(lang, 'col.column'), format: 'text', widthPx: 120 },
    { header: t(lang, 'col.reason'), format: 'text', widthPx: 320 },
  ];
  addTitle(tab, 0, t(lang, 'importErrors.title', { count: rejections.length }), columns.length);
  tab.blocks.push(tableBlock(2, 0, columns, rejections.map((r) => [r.file, r.sheet ?? '', r.row, r.column, r.reason])));
  tab.frozenRows = 3;
  setWidths(tab, columns);
  return tab;
}
