/**
 * The night shift's figures of the ranking's period (SPEC §1.5: day and night
 * shifts rotate), under the ranking: per agent who worked a night by the
 * schedule, the nights, inquiries, paid, conversion and sales of those nights,
 * then the night shift as a whole beside the day shift.
 */
import type { AgentDay } from '../core/types';
import type { SpecValue, TabSpec } from './types';
import type { Period } from '../core/periods';
import { inPeriod } from '../core/periods';
import { deriveRatios, sumCounts } from '../core/metrics';
import { groupBy } from '../core/groupBy';
import { t } from '../i18n';
import type { ReportData } from './data';
import { titledTable, widenToFit, type Column } from './layout';

const nextFreeRow = (tab: TabSpec) => tab.blocks.reduce((end, b) => Math.max(end, b.row + b.values.length), 0);

/** The period's agent-days worked on the night shift, by the schedule. */
export function nightDays(data: ReportData, period: Period): AgentDay[] {
  return data.agentDays.filter((d) => inPeriod(d.date, period) && data.shiftOn(d.agent, d.date)?.shift === 'night');
}

export function appendNightShift(tab: TabSpec, data: ReportData, period: Period): void {
  const { language: lang, rules } = data.input;
  const nights = nightDays(data, period);
  if (nights.length === 0) return;
  const columns: Column[] = [
    { header: t(lang, 'col.agent'), format: 'text' },
    { header: t(lang, 'night.col.nights'), format: 'integer' },
    { header: t(lang, 'col.inquiries'), format: 'integer' },
    { header: t(lang, 'col.paid'), format: 'integer' },
    { header: t(lang, 'col.inquiryConversion'), format: 'percent' },
    { header: t(lang, 'col.sales'), format: 'money' },
  ];
  const line = (label: string, days: readonly AgentDay[]): SpecValue[] => {
    const counts = sumCounts(days);
    return [label, new Set(days.map((d) => `${d.agent}|${d.date}`)).size, counts.inquiries, counts.paid, deriveRatios(counts, rules.conversionDenominator).inquiryConversion, counts.sales];
  };
  const rows = [...groupBy(nights, (d) => d.agent)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([agent, days]) => line(agent, days));
  const nightKeys = new Set(nights.map((d) => `${d.agent}|${d.date}`));
  const dayShift = data.agentDays.filter((d) => inPeriod(d.date, period) && !nightKeys.has(`${d.agent}|${d.date}`));
  rows.push(line(t(lang, 'night.total'), nights), line(t(lang, 'night.dayTotal'), dayShift));
  const bold = columns.flatMap((_c, col) => [rows.length - 1, rows.length].map((row) => ({ row, col, style: { bold: true } })));
  widenToFit(tab, 1, columns, rows);
  titledTable(tab, nextFreeRow(tab) + 1, { title: t(lang, 'night.title', { period: period.label }), columns, rows, note: t(lang, 'night.note'), cellStyles: bold, col: 1 });
}
