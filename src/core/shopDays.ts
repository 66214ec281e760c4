/**
 * Shop-level figures per day (生意参谋 pages), merged like agent-day exports:
 * several pages of one day (业绩询单, 咨询接待, 客单价, the overview) each state
 * part of it, so each figure comes from the narrowest page that states it.
 * Several shops of one spreadsheet add up; their rates cannot, so a rate is
 * kept only where one shop states it.
 */
import type { IsoDate, ShopDay, ShopFigure, ShopFigures, ShopRowKind } from './types';
import { groupBy } from './groupBy';

export type ShopFigureSet = Partial<ShopFigures>;

export interface ShopDayTotals {
  shop: ShopFigureSet;
  peerAverage: ShopFigureSet;
  peerTop: ShopFigureSet;
}

const RATES = new Set<ShopFigure>([
  'shopConversion', 'inquiryConversion', 'sameDayConversion', 'responseRate', 'responseRate3min', 'aov', 'itemsPerBuyer',
  'firstResponseSec', 'avgResponseSec', 'avgSessionSec', 'qaRatio',
]);

/** One shop's (or its peers') figures of one day from all the pages that state them. */
function mergePages(pages: readonly ShopDay[]): ShopFigureSet {
  const narrowestFirst = [...pages].sort(
    (a, b) => Object.keys(a.figures).length - Object.keys(b.figures).length || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0),
  );
  const merged: ShopFigureSet = {};
  for (const page of narrowestFirst) {
    for (const [figure, value] of Object.entries(page.figures) as [ShopFigure, number][]) if (!(figure in merged)) merged[figure] = value;
  }
  return merged;
}

function addShops(shops: readonly ShopFigureSet[]): ShopFigureSet {
  if (shops.length === 1) return shops[0];
  const total: ShopFigureSet = {};
  for (const shop of shops) {
    for (const [figure, value] of Object.entries(shop) as [ShopFigure, number][]) {
      if (!RATES.has(figure)) total[figure] = (total[figure] ?? 0) + value;
    }
  }
  return total;
}

const ROW_KEYS: Record<ShopRowKind, keyof ShopDayTotals> = { shop: 'shop', peer_average: 'peerAverage', peer_top: 'peerTop' };

export function shopTotalsByDate(rows: readonly ShopDay[]): Map<IsoDate, ShopDayTotals> {
  const byDate = new Map<IsoDate, ShopDayTotals>();
  for (const [date, ofDate] of groupBy(rows, (r) => r.date)) {
    const totals: ShopDayTotals = { shop: {}, peerAverage: {}, peerTop: {} };
    for (const [row, ofRow] of groupBy(ofDate, (r) => r.row)) {
      const shops = [...groupBy(ofRow, (r) => r.shop).values()].map(mergePages);
      totals[ROW_KEYS[row]] = addShops(shops);
    }
    byDate.set(date, totals);
  }
  return byDate;
}
