/** The two list tabs: unattributed paid orders (SPEC §6.4) and rejected import rows. */
import type { Claim, Order, Rejection } from '../core/types';
import type { CsvTable, SpecValue, TabSpec } from './types';
import { dayOf, formatLocalTime, monthOf } from '../core/dates';
import { groupBy } from '../core/groupBy';
import { t, type MessageKey } from '../i18n';
import type { ReportData } from './data';
import { addIntro, addTitle, COLOURS, emptyTab, printScaleFor, setWidths, tableBlock, tabWidthPx, titledTable, widenToFit, type Column } from './layout';
import { pageBreaksFor, type KeepTogether } from './pageBreaks';
import type { UnattributedDayTotal, UnattributedListing } from './unattributedPick';
import { csvMoney, moneyText } from './format';

const byPaidTime = (a: Order, b: Order) => (a.paidAt ?? 0) - (b.paidAt ?? 0) || (a.orderId < b.orderId ? -1 : 1);

/**
 * The paid orders without an agent ID in their remark (claimed or still open)
 * paid in `month` (the payroll month: what the supervisor still can claim for
 * pay; every one when null), by day of payment, likely agent and time.
 */
export function unattributedOrders(data: ReportData, month: string | null): Order[] {
  const likely = (o: Order) => data.likelyAgent.get(o.orderId)?.agent ?? '\uffff';
  const inMonth = (o: Order) => month === null || (o.paidAt !== null && monthOf(dayOf(o.paidAt)) === month);
  return data.result.unattributed.filter(inMonth).sort((a, b) => {
    const day = dayOf(a.paidAt ?? 0).localeCompare(dayOf(b.paidAt ?? 0));
    return day || (likely(a) < likely(b) ? -1 : likely(a) > likely(b) ? 1 : 0) || byPaidTime(a, b);
  });
}

/**
 * Where the claims live in the Unattributed tab itself (Sheets), the claims on
 * orders the tab does not list (orders of other months), kept as order ID and
 * agent ID below the list: a claim typed for an earlier month survives the
 * rebuild and counts again when that month's payroll is built. None where the
 * claims live elsewhere (the CLI's --claims file).
 */
export function carriedClaims(data: ReportData, listed: readonly Order[]): Claim[] {
  if (!data.input.claimsInTab) return [];
  const ids = new Set(listed.map((o) => o.orderId));
  const seen = new Set<string>();
  return (data.input.claims ?? []).filter((c) => !ids.has(c.orderId) && !seen.has(c.orderId) && seen.add(c.orderId));
}

/** Empty rows under a list that leaves orders out, for claims typed by order ID. */
const CLAIM_ROWS = 10;

const paidAtText = (o: Order) => (o.paidAt == null ? '' : formatLocalTime(o.paidAt));

export function unattributedCsv(data: ReportData, orders: Order[], carried: readonly Claim[]): CsvTable {
  const lang = data.input.language;
  return {
    fileName: 'unattributed.csv',
    header: ['col.orderId', 'col.buyer', 'col.paidAt', 'col.amount', 'col.sellerRemark', 'col.likelyAgent', 'col.claimedBy'].map((k) => t(lang, k as MessageKey)),
    rows: [
      ...orders.map((o) => [o.orderId, o.buyer, paidAtText(o), csvMoney(o.amount), o.remark, data.likelyAgent.get(o.orderId)?.agent ?? '', data.claims.claimedBy.get(o.orderId) ?? '']),
      ...carried.map((c) => [c.orderId, '', '', '', '', '', c.agentId]),
    ],
  };
}

/**
 * The orders picked for the tab (unattributedPick.ts), grouped by day of
 * payment and likely agent, each group headed by its count and amount (of
 * the whole group, and how many are listed when not all are), so the
 * supervisor can confirm an agent's orders together; then the month's
 * totals by day, which count every order, listed or not.
 */
export function unattributedTab(data: ReportData, orders: Order[], month: string | null, listing: UnattributedListing, carried: readonly Claim[]): TabSpec {
  const lang = data.input.language;
  const tab = emptyTab('unattributed', t(lang, 'tab.unattributed'));
  const columns: Column[] = [
    { header: t(lang, 'col.orderId'), format: 'text', widthPx: 160 },
    { header: t(lang, 'col.buyer'), format: 'text', widthPx: 110 },
    { header: t(lang, 'col.paidAt'), format: 'datetime', widthPx: 140 },
    { header: t(lang, 'col.amount'), format: 'money' },
    { header: t(lang, 'col.sellerRemark'), format: 'text', widthPx: 200 },
    { header: t(lang, 'col.likelyAgent'), format: 'text', widthPx: 130 },
    { header: t(lang, 'col.claimedBy'), format: 'text', widthPx: 100 },
  ];
  const claimed = orders.filter((o) => data.claims.claimedBy.has(o.orderId));
  const open = orders.filter((o) => !data.claims.claimedBy.has(o.orderId));
  const sum = (list: readonly Order[]) => list.reduce((s, o) => s + o.amount, 0);
  const counts = { open: open.length, openAmount: moneyText(sum(open)), claimed: claimed.length };
  addTitle(tab, 0, month === null ? t(lang, 'unattributed.titleOpen', counts) : t(lang, 'unattributed.titleMonth', { ...counts, month }), columns.length);
  // The hint wraps inside the table's width, so the printed page is not widened to fit one long line.
  setWidths(tab, columns);
  addIntro(tab, 1, t(lang, 'unattributed.hint'), columns.length);
  let header = 2;
  const { notListed, reportDay } = listing;
  if (notListed.orders > 0) {
    const params = { count: notListed.orders, total: orders.length, amount: moneyText(notListed.amount), silent: notListed.silent, day: reportDay ?? '' };
    addIntro(tab, header++, t(lang, reportDay ? 'unattributed.notListed' : 'unattributed.notListedAnyDay', params), columns.length);
  }
  const groupKey = (o: Order) => `${dayOf(o.paidAt ?? 0)}\u0000${data.likelyAgent.get(o.orderId)?.agent ?? ''}`;
  const whole = groupBy(orders, groupKey);
  const rows: SpecValue[][] = [];
  const cellStyles: NonNullable<TabSpec['blocks'][number]['cellStyles']> = [];
  for (const [key, group] of groupBy(listing.listed, groupKey)) {
    const [date, agent] = key.split('\u0000');
    const all = whole.get(key) ?? group;
    const params = { date, agent: agent || t(lang, 'unattributed.silent'), count: all.length, amount: moneyText(sum(all)), listed: group.length };
    rows.push([t(lang, all.length > group.length ? 'unattributed.groupPart' : 'unattributed.group', params), null, null, null, null, null, null]);
    cellStyles.push({ row: rows.length, col: 0, style: { bold: true, background: COLOURS.note } });
    for (const o of group) rows.push([o.orderId, o.buyer, paidAtText(o), o.amount, o.remark, agent, data.claims.claimedBy.get(o.orderId) ?? '']);
  }
  if (carried.length > 0) {
    rows.push([t(lang, 'unattributed.carried', { count: carried.length }), null, null, null, null, null, null]);
    cellStyles.push({ row: rows.length, col: 0, style: { bold: true, background: COLOURS.note } });
    for (const c of carried) rows.push([c.orderId, '', '', null, '', '', c.agentId]);
  }
  // Rows to type claims of orders not listed into (order ID and agent ID), in the list's formats.
  if (notListed.orders > 0) for (let i = 0; i < CLAIM_ROWS; i++) rows.push(['', '', '', null, '', '', '']);
  tab.blocks.push(tableBlock(header, 0, columns, rows, cellStyles));
  tab.frozenRows = header + 1;
  setWidths(tab, columns);
  const totals = dayTotals(tab, header + rows.length + 2, listing.days, lang);
  // Printed, the totals start a page of their own when they would otherwise straddle one (their header parted from their rows).
  if (totals) tab.pageBreaks = pageBreaksFor(tab, [totals], printScaleFor(tabWidthPx(tab)), tab.frozenRows);
  return tab;
}

/**
 * The month's totals by day of payment under the list, with a total row. Each
 * column sits under a list column its header fits on one line, in either
 * language: Claimed, the shortest header, under the narrow Amount column, the
 * long "with a likely agent" under the seller remark; so the totals take the
 * list's widths as they are. Returns the rows the block takes (title to note).
 */
function dayTotals(tab: TabSpec, row: number, days: readonly UnattributedDayTotal[], lang: ReportData['input']['language']): KeepTogether | null {
  if (days.length === 0) return null;
  const columns: Column[] = [
    { header: t(lang, 'col.paidOn'), format: 'date' },
    { header: t(lang, 'col.orderCount'), format: 'integer' },
    { header: t(lang, 'col.amount'), format: 'money' },
    { header: t(lang, 'col.claimedCount'), format: 'integer' },
    { header: t(lang, 'col.withLikelyAgent'), format: 'integer' },
    { header: t(lang, 'col.listedCount'), format: 'integer' },
  ];
  const total = (f: (d: UnattributedDayTotal) => number) => days.reduce((s, d) => s + f(d), 0);
  const rows: SpecValue[][] = [
    ...days.map((d) => [d.day, d.orders, d.amount, d.claimed, d.withLikelyAgent, d.listed]),
    [t(lang, 'unattributed.days.total'), total((d) => d.orders), total((d) => d.amount), total((d) => d.claimed), total((d) => d.withLikelyAgent), total((d) => d.listed)],
  ];
  const totalRow = rows.length;
  const cellStyles = columns.map((_, col) => ({ row: totalRow, col, style: { bold: true } }));
  widenToFit(tab, 0, columns, rows);
  const next = titledTable(tab, row, { title: t(lang, 'unattributed.days.title'), columns, rows, note: t(lang, 'unattributed.days.note'), cellStyles });
  return { first: row, last: next - 2 };
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
