/** The Daily tab's "where you stand on pay this month" block (issue 10.4), from core/payStanding. */
import type { IsoDate } from '../core/types';
import type { SpecValue, TabSpec } from './types';
import { payStanding } from '../core/payStanding';
import { finalOnly } from '../core/finalDays';
import { t } from '../i18n';
import type { ReportData } from './data';
import { titledTable, type Column } from './layout';
import { percentText } from './format';
import { fitTableWidths } from './columnFit';

export function payStandingBlock(data: ReportData, date: IsoDate, tab: TabSpec, row: number): number {
  const { language: lang, rules } = data.input;
  const standing = payStanding(finalOnly(data.agentDays, data.finality.provisional), date, rules);
  if (standing.length === 0 || (rules.conversionBonus.length === 0 && rules.responseBonus.length === 0)) return row;
  const columns: Column[] = [
    { header: t(lang, 'col.agent'), format: 'text' },
    { header: t(lang, 'standing.conversion'), format: 'percent' },
    { header: t(lang, 'standing.conversionBonus'), format: 'money' },
    { header: t(lang, 'standing.firstResponse'), format: 'decimal1' },
    { header: t(lang, 'standing.responseBonus'), format: 'money' },
    // The two "to the next tier" texts go last, on one line that runs over the empty cells to its right.
    { header: t(lang, 'standing.next'), format: 'text' },
  ];
  const rows: SpecValue[][] = standing.map((s) => [
    s.agent,
    s.conversion,
    s.conversionBonus,
    s.firstResponseSec,
    s.responseBonus,
    [
      s.inquiriesMissing > 0
        ? t(lang, 'standing.needInquiries', { inquiries: s.inquiriesMissing })
        : s.nextConversion
          ? t(lang, 'standing.needPaid', { paid: s.nextConversion.paidMissing, threshold: percentText(s.nextConversion.threshold, 0) })
          : t(lang, 'standing.top'),
      s.firstResponseSec == null ? '' : s.nextResponse ? t(lang, 'standing.needSeconds', { seconds: s.nextResponse.secondsToCut, maxSec: s.nextResponse.maxSec }) : t(lang, 'standing.top'),
    ]
      .filter(Boolean)
      .join(lang === 'zh' ? '；' : '; '),
  ]);
  // Under the agent table's columns: each widened, if need be, so no header word breaks inside (titledTable sizes the rows).
  fitTableWidths(columns.slice(0, -1), rows.map((r) => r.slice(0, -1)), { maxHeaderLines: 4 }).forEach((px, i) => {
    tab.columnWidths[i] = Math.max(tab.columnWidths[i] ?? 0, px);
  });
  return titledTable(tab, row, { title: t(lang, 'standing.title', { month: date.slice(0, 7), date }), columns, rows, note: t(lang, 'standing.note') });
}
