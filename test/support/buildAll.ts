/**
 * *Build all reports* as its dialog makes it (src/ui/buildAllDialog.ts): one
 * buildReportGroup call per group in order, the first with no day and no clock,
 * every later one with the day and clock the first answered; it stops when
 * there is no data. A failing call throws, as google.script.run hands it to
 * the dialog's failure handler, and the groups after it are not run.
 */
import { GROUP_ORDER, type GroupResult, type ReportGroup } from '../../src/reports/reportGroups';

export type GroupCall = (group: string, date: string | null, now: number | null) => string;

/** @param around wraps each server call (the bench counts each as one execution) */
export function buildAllAsDialog(buildReportGroup: GroupCall, around: (group: ReportGroup, call: () => string) => string = (_, call) => call()): GroupResult[] {
  const results: GroupResult[] = [];
  let fixed: { date: string | null; now: number | null } = { date: null, now: null };
  for (const group of GROUP_ORDER) {
    const result = JSON.parse(around(group, () => buildReportGroup(group, fixed.date, fixed.now))) as GroupResult;
    results.push(result);
    if (result.noData) break;
    if (results.length === 1) fixed = { date: result.date, now: result.now };
  }
  return results;
}
