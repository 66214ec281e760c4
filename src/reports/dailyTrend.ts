/**
 * The Daily's 14-day trend: team conversion and inquiries of the days that
 * have data, as a small table and a line chart beside it (with the target
 * as a flat line when the supervisor set one).
 */
import type { IsoDate } from '../core/types';
import type { SpecValue, TabSpec } from './types';
import { deriveRatios, sumCounts } from '../core/metrics';
import { addDays } from '../core/dates';
import { t } from '../i18n';
import { agentDaysOn, type ReportData } from './data';
import { DEFAULT_COLUMN_PX, fitRowHeights, tableBlock, type Column } from './layout';
import { fitTableWidths } from './columnFit';

/** The chart's height: about the team block's beside it. */
const CHART_PX = 260;

/** Team conversion and inquiries of the last 14 days that have data, and a line chart of them beside that table. */
export function trendBlock(data: ReportData, date: IsoDate, tab: TabSpec, row: number, col: number): number {
  const lang = data.input.language;
  const { conversionDenominator: denominator, conversionTarget: target } = data.input.rules;
  const rows: SpecValue[][] = [];
  for (let i = 13; i >= 0; i--) {
    const d = addDays(date, -i);
    const days = agentDaysOn(data, d);
    // A day without data is no point of the trend: listed, it would show a blank rate beside the target.
    if (days.length === 0) continue;
    const counts = sumCounts(days);
    const values: SpecValue[] = [d, deriveRatios(counts, denominator).inquiryConversion, counts.inquiries];
    // The target as a column of its own draws it as a flat line beside the conversion.
    if (target != null) values.push(target);
    rows.push(values);
  }
  const columns: Column[] = [
    { header: t(lang, 'col.date'), format: 'date' },
    { header: t(lang, 'col.inquiryConversion'), format: 'percent' },
    { header: t(lang, 'col.inquiries'), format: 'integer' },
    ...(target != null ? [{ header: t(lang, 'daily.conversionTarget'), format: 'percent' as const }] : []),
  ];
  // The table's header on the block's first row, level with the team block's beside it; the chart's title names it.
  const top = row;
  // The table's columns are the agent table's: widened where a date or figure needs it, its headers wrapped.
  fitTableWidths(columns, rows, { maxHeaderLines: 3 }).forEach((px, i) => {
    tab.columnWidths[col + i] = Math.max(tab.columnWidths[col + i] ?? 0, px);
  });
  tab.blocks.push(tableBlock(top, col, columns, rows));
  fitRowHeights(tab, top, columns, rows, col);
  const series = (name: string, at: number, axis: 'left' | 'right', format: 'percent' | 'integer') => ({ name, col: col + at, firstRow: top + 1, lastRow: top + rows.length, axis, format });
  // The chart fills the columns right of the table, up to the tab's last.
  const chartCol = col + columns.length;
  const lastCol = Math.max(chartCol, ...Object.keys(tab.columnWidths).map(Number));
  let chartPx = 0;
  for (let c = chartCol; c <= lastCol; c++) chartPx += tab.columnWidths[c] ?? DEFAULT_COLUMN_PX;
  tab.charts.push({
    kind: 'line',
    title: t(lang, 'daily.trendTitle'),
    axisTitles: { bottom: t(lang, 'col.date'), left: t(lang, 'col.inquiryConversion'), right: t(lang, 'col.inquiries') },
    // Beside the trend's own table, on the page the table prints on.
    anchor: { row, col: chartCol },
    widthPx: Math.min(560, chartPx - 8),
    heightPx: CHART_PX,
    categories: { col, firstRow: top + 1, lastRow: top + rows.length },
    series: [
      series(t(lang, 'col.inquiryConversion'), 1, 'left', 'percent'),
      ...(target != null ? [series(t(lang, 'daily.conversionTarget'), 3, 'left', 'percent')] : []),
      series(t(lang, 'col.inquiries'), 2, 'right', 'integer'),
    ],
  });
  // What follows starts under the chart or under the table, whichever ends lower.
  return Math.max(top + rows.length + 1, row + Math.ceil(CHART_PX / 20) + 1);
}

