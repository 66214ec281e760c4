/**
 * One row of a shop-level page (生意参谋's 业绩询单 / 咨询接待 / 客单价, the shop
 * overview, a workbook's 店铺日度关键数据) → ShopDay. These pages put the shop's
 * own row (本店) beside its peers' (同行均值, 同行优秀): the peer rows are the
 * industry benchmark the supervisor is asked to collect (SPEC §1.1), so they
 * are kept as such, never skipped.
 */
import type { IsoDate, ShopDay, ShopFigure, ShopRowKind } from '../core/types';
import { normalizeHeader } from './normalize';
import { RowProblem, type RowReader } from './cells';
import type { ReportSource } from './agentDay';

type Reading = 'count' | 'amount' | 'rate' | 'seconds';

const SHOP_FIGURE_READING: Record<ShopFigure, Reading> = {
  visitors: 'count', pageViews: 'count', shopSales: 'amount', shopPaidBuyers: 'count', shopPlacedBuyers: 'count',
  shopConversion: 'rate', consultations: 'count', receptions: 'count', unanswered: 'count', inquiries: 'count',
  sameDayInquiries: 'count', sameDayPaid: 'count', sameDaySales: 'amount', paid: 'count', sales: 'amount', salesBuyers: 'count',
  items: 'count', inquiryConversion: 'rate', sameDayConversion: 'rate', aov: 'amount', itemsPerBuyer: 'amount',
  responseRate: 'rate', responseRate3min: 'rate', firstResponseSec: 'seconds', avgResponseSec: 'seconds', avgSessionSec: 'seconds',
  slowResponses: 'count', longReceptions: 'count', buyerMessages: 'count', agentMessages: 'count', qaRatio: 'amount',
};
export const SHOP_FIGURES = Object.keys(SHOP_FIGURE_READING) as ShopFigure[];

const PEER_TOP = /^(同行|行业).*(优秀|top|最佳|领先)|^(peer|industry)(top|best|excellent)$/;
const PEER = /^同行|^行业|^(peer|peers|industry)(average|avg|median|benchmark)?$/;
const OWN_SHOP = /^(本店|本店铺|全店|我的店铺|本店数据)$/;

/** A labelled row of a shop page: the shop's own (本店) or a peer benchmark; null for a plain dated row. */
export function shopRowKindOf(row: string[]): ShopRowKind | null {
  for (const cell of row) {
    if (cell.length > 24) continue;
    const label = normalizeHeader(cell);
    if (PEER_TOP.test(label)) return 'peer_top';
    if (PEER.test(label)) return 'peer_average';
    if (OWN_SHOP.test(label)) return 'shop';
  }
  return null;
}

export function shopDayFromRow(r: RowReader, tableDate: IsoDate | null, from: ReportSource, row: ShopRowKind): ShopDay {
  const date = r.date('date') ?? tableDate;
  if (date === null) throw new RowProblem(r.header('date'), 'import.reject.required', { column: r.header('date') });
  const figures: ShopDay['figures'] = {};
  for (const figure of SHOP_FIGURES) {
    if (!r.has(figure)) continue;
    const reading = SHOP_FIGURE_READING[figure];
    const value = reading === 'count' ? r.count(figure) : reading === 'rate' ? r.rate(figure) : reading === 'seconds' ? r.seconds(figure) : r.amount(figure);
    if (value !== null) figures[figure] = value;
  }
  const shop = r.has('shop') && row === 'shop' ? r.text('shop') : '';
  return { date, shop: OWN_SHOP.test(normalizeHeader(shop)) ? '' : shop, row, source: from.source, report: from.report, figures };
}
