/**
 * *Build all reports* as its dialog makes it (src/ui/buildAllDialog.ts): first
 * keepReportDays, called again while it keeps days and some remain (at most
 * MAX_KEEP_CALLS times), the first call with no clock and every later call
 * with the clock the first answered; then one buildReportGroup call per group
 * in order, the first with no day, every later one with the day the first
 * answered, all with that clock; it stops when there is no data. A failing
 * call throws, as google.script.run hands it to the dialog's failure handler,
 * and the calls after it are not made.
 */
import { GROUP_ORDER, MAX_KEEP_CALLS, type GroupResult, type KeepResult, type ReportGroup } from '../../src/reports/reportGroups';

export type GroupCall = (group: string, date: string | null, now: number | null) => string;
export type KeepCall = (date: string | null, now: number | null) => string;

/** The server functions the dialog calls, keepReportDays and buildReportGroup: the built bundle, or the sources' exports. */
export type DialogServer = Readonly<Record<string, unknown>>;

function serverFunction<F>(server: DialogServer, name: string): F {
  const fn = server[name];
  if (typeof fn !== 'function') throw new Error(`the dialog's server has no function ${name}`);
  return fn as F;
}

/** A call of the dialog: one of the warm-up's, or a group's. */
export type DialogStep = 'keep' | ReportGroup;

/** @param around wraps each server call (the bench counts each as one execution) */
export function buildAllAsDialog(server: DialogServer, around: (step: DialogStep, call: () => string) => string = (_, call) => call()): GroupResult[] {
  const keepReportDays = serverFunction<KeepCall>(server, 'keepReportDays');
  const buildReportGroup = serverFunction<GroupCall>(server, 'buildReportGroup');
  let now: number | null = null;
  for (let call = 0; call < MAX_KEEP_CALLS; call++) {
    const kept = JSON.parse(around('keep', () => keepReportDays(null, now))) as KeepResult;
    now = kept.now;
    if (kept.remaining === 0 || kept.kept === 0) break;
  }
  const results: GroupResult[] = [];
  let date: string | null = null;
  for (const group of GROUP_ORDER) {
    const result = JSON.parse(around(group, () => buildReportGroup(group, date, now))) as GroupResult;
    results.push(result);
    if (result.noData) break;
    if (results.length === 1) date = result.date;
  }
  return results;
}

