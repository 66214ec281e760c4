/**
 * The owner's comparison on the daily sheet (issue 8): the shop against its
 * customer service, from the shop-level pages (生意参谋) of the day. Shop sales,
 * CS sales and their share, silent sales (paid with no chat: shop − CS), the
 * consultation rate (咨询 ÷ 访客), and the platform's own 询单转化率 beside the
 * team's; the peer rows (同行均值 / 同行优秀) are the industry benchmark.
 */
import type { Counts, IsoDate, Ratios } from '../core/types';
import type { NumberFormat, SpecValue, TabSpec } from './types';
import { ratio } from '../core/metrics';
import { t, type MessageKey } from '../i18n';
import type { ReportData } from './data';
import { COLOURS, tableBlock } from './layout';
import type { ShopFigureSet } from '../core/shopDays';

interface ShopLine {
  label: MessageKey;
  value: number | null;
  format: NumberFormat;
}

/** The platform's 询单转化率 as it states it, else from its own counts. */
const platformConversion = (f: ShopFigureSet) => f.inquiryConversion ?? ratio(f.paid, f.inquiries);

export function shopLines(data: ReportData, date: IsoDate, team: Counts, teamRatios: Ratios): ShopLine[] {
  const totals = data.shopByDate.get(date);
  if (!totals) return [];
  const shop = totals.shop;
  const csSales = team.sales ?? shop.sales ?? null;
  const shopSales = shop.shopSales ?? null;
  const lines: ShopLine[] = [];
  const add = (label: MessageKey, value: number | null | undefined, format: NumberFormat) => {
    if (value != null) lines.push({ label, value, format });
  };
  add('shop.sales', shopSales, 'money');
  add('shop.csSales', csSales, 'money');
  add('shop.csShare', ratio(csSales, shopSales), 'percent');
  add('shop.silentSales', shopSales != null && csSales != null ? Math.max(0, shopSales - csSales) : null, 'money');
  add('shop.visitors', shop.visitors, 'integer');
  add('shop.consultationRate', ratio(shop.consultations ?? team.consultations, shop.visitors), 'percent');
  add('shop.platformConversion', platformConversion(shop), 'percent');
  if (lines.length > 0) add('shop.teamConversion', teamRatios.inquiryConversion, 'percent');
  add('shop.peerAverageConversion', platformConversion(totals.peerAverage), 'percent');
  add('shop.peerTopConversion', platformConversion(totals.peerTop), 'percent');
  return lines;
}

/** True when the day has peer rows: they replace the benchmark setting on the team block. */
export function hasPeerBenchmark(data: ReportData, date: IsoDate): boolean {
  const totals = data.shopByDate.get(date);
  return totals !== undefined && (platformConversion(totals.peerAverage) !== null || platformConversion(totals.peerTop) !== null);
}

/** Writes the block at `startRow` (nothing when the day has no shop data); returns the next free row. */
export function shopBlock(data: ReportData, lines: ShopLine[], tab: TabSpec, startRow: number): number {
  if (lines.length === 0) return startRow;
  const lang = data.input.language;
  const rows: SpecValue[][] = lines.map((l) => [t(lang, l.label), l.value]);
  const cellStyles = lines.map((l, i) => ({ row: i + 1, col: 1, style: { format: l.format, italic: l.label.startsWith('shop.peer') } }));
  tab.blocks.push({ row: startRow, col: 0, values: [[t(lang, 'shop.title')]], style: { bold: true } });
  tab.blocks.push(tableBlock(startRow + 1, 0, [{ header: t(lang, 'daily.metric') }, { header: t(lang, 'daily.today') }], rows, cellStyles));
  tab.blocks.push({ row: startRow + 2 + rows.length, col: 0, values: [[t(lang, 'shop.note')]], style: { italic: true, color: COLOURS.muted } });
  return startRow + rows.length + 4;
}
