/**
 * The schedule, the notebooks and the coaching of one run: their tabs, CSVs
 * and summary lines, each only when the run has something of it (a rotation
 * or schedule rows; problem or handover entries; coaching entries).
 */
import type { IsoDate } from '../core/types';
import type { CsvTable, TabSpec } from './types';
import type { CoachingEffect } from '../core/coaching';
import { weeklySummary } from '../core/notebooks';
import { t } from '../i18n';
import type { ReportData } from './data';
import { scheduleCsv, scheduleOfMonth, scheduleTab } from './scheduleTab';
import { handoversCsv, notebooksTab, problemsCsv } from './notebooksTab';
import { coachingCsv, coachingTab } from './coachingTab';

export function appendNotebooks(data: ReportData, date: IsoDate, coaching: readonly CoachingEffect[], out: { tabs: TabSpec[]; csvs: CsvTable[]; summary: string[] }): void {
  const { language: lang, problems = [], handovers = [], coaching: entries = [] } = data.input;
  if (data.rotation || (data.input.schedule ?? []).length > 0) {
    const schedule = scheduleOfMonth(data, date);
    out.tabs.push(scheduleTab(data, schedule, date));
    out.csvs.push(scheduleCsv(data, schedule));
    out.summary.push(t(lang, 'summary.schedule', { month: date.slice(0, 7), rows: schedule.length, nights: schedule.filter((e) => e.shift === 'night').length }));
  }
  if (problems.length + handovers.length > 0) {
    out.tabs.push(notebooksTab(data, date));
    out.csvs.push(problemsCsv(data, date), handoversCsv(data, date));
    const week = weeklySummary(problems, date);
    const open = handovers.filter((h) => h.status === 'open' && h.date <= date).length;
    out.summary.push(t(lang, 'summary.notebooks', { first: week.first, problems: week.team.total, rewarded: week.team.confirmed, handovers: open }));
  }
  if (entries.length === 0) return;
  out.tabs.push(coachingTab(data, coaching, date));
  out.csvs.push(coachingCsv(data, coaching));
  const count = (v: string) => coaching.filter((e) => e.verdict === v).length;
  out.summary.push(t(lang, 'summary.coaching', { entries: coaching.length, improved: count('improved'), same: count('no_change'), worse: count('worse'), none: coaching.filter((e) => !e.verdict).length }));
}
