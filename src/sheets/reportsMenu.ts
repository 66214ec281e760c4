/**
 * The report menu items: read the stored data once, read the rules from the
 * Settings tab, compute every report (src/reports), write the chosen tabs
 * (build, then swap), all under the document lock. Problems reach the user as
 * toasts and dialogs, never as a half-written tab.
 */
import { buildReports, type ReportInput } from '../reports';
import type { TabKey } from '../reports/types';
import { t } from '../i18n';
import { withDocumentLock } from './lock';
import { loadWorkbookData, readRules } from './storage';
import { writeTab } from './tabWriter';
import { sheetLanguage } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function alert_(title: string, body: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, body, ui.ButtonSet.OK);
}

/** Builds the reports and writes the tabs whose key is listed (all when null). Returns the names written. */
export function writeReports(ss: Spreadsheet, keys: TabKey[] | null): string[] {
  const lang = sheetLanguage(ss);
  return withDocumentLock(lang, () => {
    const data = loadWorkbookData(ss);
    const { rules, problems } = readRules(ss);
    if (problems.length > 0) {
      const text = problems
        .slice(0, 3)
        .map((p) => `${p.setting}: ${p.reason}`)
        .join('; ');
      ss.toast(t(lang, 'sheets.settingsProblems', { problems: text }), t(lang, 'menu.title'), 10);
    }
    if (data.agentDays.length === 0 && data.consultations.length === 0 && data.orders.length === 0) {
      alert_(t(lang, 'menu.title'), t(lang, 'sheets.noData'));
      return [];
    }
    const input: ReportInput = { language: lang, rules, ...data };
    const run = buildReports(input, {});
    const tabs = run.tabs.filter((tab) => keys === null || keys.includes(tab.key));
    const written: string[] = [];
    for (const spec of tabs) {
      writeTab(ss, spec);
      written.push(spec.name);
    }
    if (written.length > 0) ss.toast(t(lang, 'sheets.reportWritten', { tab: written.join(', ') }), t(lang, 'menu.title'));
    return written;
  });
}

function run_(keys: TabKey[] | null): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = sheetLanguage(ss);
  try {
    writeReports(ss, keys);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    alert_(t(lang, 'menu.title'), t(lang, 'sheets.reportFailed', { reason }));
  }
}

export function buildDailyReport() {
  run_(['daily']);
}
export function buildRanking() {
  run_(['ranking']);
}
export function buildPayroll() {
  run_(['payroll', 'unattributed']);
}
export function buildAllReports() {
  run_(null);
}
