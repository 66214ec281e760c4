/**
 * The report menu items: read the stored data once, read the rules from the
 * Settings tab, compute every report (src/reports), write the chosen tabs
 * (build, then swap), all under the document lock. Problems reach the user as
 * toasts and dialogs, never as a half-written tab.
 */
import { buildReports, type ReportChoice, type ReportInput, type ReportRequest } from '../reports';
import { isIsoDate } from '../core/dates';
import type { PeriodKind } from '../core/periods';
import type { LocalTime } from '../core/types';
import type { TabKey } from '../reports/types';
import { t, type Language, type MessageKey } from '../i18n';
import { withDocumentLock } from './lock';
import { loadWorkbookData, readRules } from './storage';
import { writeTab } from './tabWriter';
import { sheetLanguage, sheetTimeZone } from './tabs';
import { readLocalTime } from './cells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function alert_(title: string, body: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, body, ui.ButtonSet.OK);
}

/** Builds the reports and writes the tabs whose key is listed (all when null). Returns the names written and the owner's message. */
/**
 * @param adjust turns the workbook's data into the input of the reports (the BigQuery flavour adds the agent-days
 * BigQuery computed); none = the workbook's data as it is
 */
export function writeReports(
  ss: Spreadsheet,
  keys: TabKey[] | null,
  request: ReportRequest,
  adjust?: (input: ReportInput) => ReportInput,
): { written: string[]; ownerMessage: string[] } {
  const lang = sheetLanguage(ss);
  return withDocumentLock(lang, () => {
    ss.toast(t(lang, 'sheets.progress.reading'), t(lang, 'menu.title'), 30);
    const data = loadWorkbookData(ss);
    const { rules, problems } = readRules(ss);
    if (problems.length > 0) {
      const text = problems
        .slice(0, 3)
        .map((p) => `${p.setting}: ${p.reason}`)
        .join('; ');
      ss.toast(t(lang, 'sheets.settingsProblems', { problems: text }), t(lang, 'menu.title'), 10);
    }
    const stored: ReportInput = { language: lang, rules, ...data };
    const input = adjust ? adjust(stored) : stored;
    if (input.agentDays.length === 0 && input.consultations.length === 0 && input.orders.length === 0) {
      alert_(t(lang, 'menu.title'), t(lang, 'sheets.noData'));
      return { written: [], ownerMessage: [] };
    }
    ss.toast(t(lang, 'sheets.progress.computing'), t(lang, 'menu.title'), 30);
    const run = buildReports(input, request);
    const tabs = run.tabs.filter((tab) => keys === null || keys.includes(tab.key));
    const written: string[] = [];
    for (const spec of tabs) {
      ss.toast(t(lang, 'sheets.progress.writing', { tab: spec.name }), t(lang, 'menu.title'), 30);
      writeTab(ss, spec);
      written.push(spec.name);
    }
    if (written.length > 0) ss.toast(t(lang, 'sheets.reportWritten', { tab: written.join(', ') }), t(lang, 'menu.title'));
    return { written, ownerMessage: tabs.some((tab) => tab.key === 'daily') ? run.ownerMessage : [] };
  });
}

/**
 * Asks one question of the supervisor; blank keeps the default. Returns null
 * when cancelled or when the answer is refused (the refusal is shown).
 */
function ask_(lang: Language, question: MessageKey, parse: (answer: string) => ReportChoice | null): ReportChoice | null {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(t(lang, 'menu.title'), t(lang, question), ui.ButtonSet.OK_CANCEL);
  if (response.getSelectedButton() !== ui.Button.OK) return null;
  const answer = response.getResponseText().trim();
  if (answer === '') return {};
  const request = parse(answer);
  if (request === null) alert_(t(lang, 'menu.title'), t(lang, 'sheets.prompt.refused', { answer }));
  return request;
}

const parseDate = (answer: string): ReportChoice | null => (isIsoDate(answer) ? { date: answer } : null);
const parseMonth = (answer: string): ReportChoice | null => (/^\d{4}-(0[1-9]|1[0-2])$/.test(answer) ? { month: answer } : null);
/** `week`, `month 2026-11`, `day 2026-11-15`, `周`, `月 2026-11`… */
function parsePeriod(answer: string): ReportChoice | null {
  const [word, when] = answer.split(/\s+/);
  const kinds: Record<string, PeriodKind> = { day: 'day', week: 'week', month: 'month', 日: 'day', 天: 'day', 周: 'week', 月: 'month' };
  const period = kinds[word.toLowerCase()];
  if (!period) return null;
  if (!when) return { period };
  if (period === 'month' && parseMonth(when)) return { period, month: when };
  return isIsoDate(when) ? { period, date: when } : null;
}

/** The clock at the menu call, as wall-clock time in the spreadsheet's time zone: the one moment the reports are made as of. */
function menuNow_(ss: Spreadsheet): LocalTime {
  return readLocalTime(new Date(), sheetTimeZone(ss))!; // a Date always reads as a time
}

function run_(keys: TabKey[] | null, choice: ReportChoice | null = {}): void {
  if (choice === null) return;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = sheetLanguage(ss);
  try {
    const { ownerMessage } = writeReports(ss, keys, { ...choice, now: menuNow_(ss) });
    if (ownerMessage.length > 0) showOwnerMessage_(lang, ownerMessage);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    alert_(t(lang, 'menu.title'), t(lang, 'sheets.reportFailed', { reason }));
  }
}

const escapeHtml_ = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The owner's message in a small dialog, selected and ready to copy into a chat (names from files are escaped, never markup). */
function showOwnerMessage_(lang: Language, lines: string[]): void {
  const text = escapeHtml_(lines.join('\n'));
  const html =
    `<div style="font:13px sans-serif"><p>${escapeHtml_(t(lang, 'sheets.owner.hint'))}</p>` +
    `<textarea id="m" readonly style="width:100%;height:${40 + 20 * lines.length}px;font:13px sans-serif">${text}</textarea>` +
    `<script>var m=document.getElementById('m');m.focus();m.select();</script></div>`;
  const output = HtmlService.createHtmlOutput(html).setWidth(520).setHeight(120 + 20 * lines.length);
  SpreadsheetApp.getUi().showModelessDialog(output, t(lang, 'sheets.owner.title'));
}

const menuLanguage_ = () => sheetLanguage(SpreadsheetApp.getActiveSpreadsheet());

/** Asks for the date (blank = the latest day whose figures are final), then writes the daily tab. */
export function buildDailyReport() {
  run_(['daily'], ask_(menuLanguage_(), 'sheets.prompt.date', parseDate));
}
/** Asks for the period (day, week or month, optionally with a date), then writes the ranking tab. */
export function buildRanking() {
  run_(['ranking'], ask_(menuLanguage_(), 'sheets.prompt.period', parsePeriod));
}
/** Asks for the month (blank = the month of the latest data), then writes the payroll and unattributed tabs. */
export function buildPayroll() {
  run_(['payroll', 'scorecard', 'unattributed'], ask_(menuLanguage_(), 'sheets.prompt.month', parseMonth));
}
/** Every tab with the defaults: latest date, its day, its month. */
export function buildAllReports() {
  run_(null);
}
