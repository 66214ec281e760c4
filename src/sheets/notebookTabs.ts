/**
 * The supervisor's log tabs in the spreadsheet: Schedule (排班表), Problem log
 * (问题登记), Handover log (交接记录) and Coaching log (辅导记录). Each is
 * created on first use with its header in the spreadsheet's language and data
 * validation (a date column, drop-downs for the list columns), then read back
 * through the same readers as the CLI's CSV files, one getValues per tab.
 */
import type { Agent, Language, Rejection } from '../core/types';
import { rotationRuleOf, shiftResolver, type ShiftOn } from '../core/schedule';
import { rulesFromTable } from '../core/settings';
import { shiftOf } from '../import/tableRows';
import type { ReportInput } from '../reports';
import { t, type MessageKey } from '../i18n';
import { choicesOf, readCoaching, readHandovers, readProblems, readSchedule, type ChoiceList } from '../import/notebooks';
import type { RowsSource as SupervisorSource } from '../import/tableRows';
import { readText } from './cells';
import { ensureSize, findTab, insertBareTab, readTable, sheetLanguage, sheetTimeZone, writeBlock } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One column of a log tab: its header in each language (both in the import's synonyms) and what it accepts. */
interface LogColumn {
  en: string;
  zh: string;
  check?: 'date' | ChoiceList;
}

interface LogTab {
  key: MessageKey;
  columns: LogColumn[];
}

const DATE: LogColumn = { en: 'date', zh: '日期', check: 'date' };
const SHIFT: LogColumn = { en: 'shift', zh: '班次', check: 'shift' };
const AGENT: LogColumn = { en: 'agent', zh: '客服' };
const REFERENCE: LogColumn = { en: 'buyer/order', zh: '买家/订单' };
const URGENCY: LogColumn = { en: 'urgency', zh: '紧急程度', check: 'urgency' };
const DONE_BY: LogColumn = { en: 'done by', zh: '处理人' };

export const SCHEDULE_TAB: LogTab = {
  key: 'tab.scheduleLog',
  columns: [DATE, AGENT, SHIFT, { en: 'rotation', zh: '轮班', check: 'shift' }, { en: 'note', zh: '备注' }],
};
export const PROBLEMS_TAB: LogTab = {
  key: 'tab.problemLog',
  columns: [
    DATE, SHIFT, AGENT, REFERENCE, { en: 'kind', zh: '类型', check: 'kind' }, { en: 'what', zh: '内容' }, URGENCY,
    { en: 'status', zh: '状态', check: 'problemStatus' }, DONE_BY, { en: 'confirmed', zh: '主管确认', check: 'yesNo' },
  ],
};
export const HANDOVERS_TAB: LogTab = {
  key: 'tab.handoverLog',
  columns: [DATE, SHIFT, AGENT, REFERENCE, { en: 'what', zh: '内容' }, URGENCY, { en: 'status', zh: '状态', check: 'handoverStatus' }, DONE_BY],
};
export const COACHING_TAB: LogTab = {
  key: 'tab.coachingLog',
  columns: [DATE, AGENT, { en: 'problem', zh: '问题', check: 'problem' }, { en: 'detail', zh: '问题描述' }, { en: 'measure', zh: '措施' }, { en: 'status', zh: '状态', check: 'coachingStatus' }],
};

/** Rows a new log tab's grid holds (header included); Sheets' *Add rows* extends it. */
const LOG_ROWS = 500;

/** Data validation of each checked column, over every row of the grid under the header. */
function validate(sheet: Sheet, tab: LogTab, lang: Language): void {
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  tab.columns.forEach((column, i) => {
    if (!column.check) return;
    const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(false);
    const rule =
      column.check === 'date'
        ? builder.requireDate().setHelpText(t(lang, 'logs.help.date')).build()
        : builder.requireValueInList(choicesOf(column.check, lang), true).setHelpText(t(lang, 'logs.help.list', { values: choicesOf(column.check, lang).join(', ') })).build();
    sheet.getRange(2, i + 1, rows, 1).setDataValidation(rule);
  });
}

/** The log tab, created with its header and validation when missing. */
export function ensureLogTab(ss: Spreadsheet, tab: LogTab): { sheet: Sheet; created: boolean } {
  const existing = findTab(ss, tab.key);
  if (existing) return { sheet: existing, created: false };
  const lang = sheetLanguage(ss);
  const sheet = insertBareTab(ss, tab.key, tab.columns.length);
  // Rows to type into, under validation: a few hundred rows of a handful of columns cost little of the 10 M-cell grid.
  ensureSize(sheet, LOG_ROWS, tab.columns.length);
  writeBlock(sheet, 1, 1, [tab.columns.map((c) => c[lang])]);
  validate(sheet, tab, lang);
  return { sheet, created: true };
}

/** A log tab's cells as text rows (dates as `YYYY-MM-DD`), for the same readers as the CLI's files. */
function tabSource(ss: Spreadsheet, sheet: Sheet): SupervisorSource {
  const tz = sheetTimeZone(ss);
  const table = readTable(sheet);
  return { name: sheet.getName(), rows: [table.headerText, ...table.rows.map((r) => r.map((v) => readText(v, tz)))] };
}

/** Reads one log tab (created when missing); its bad rows become rejections naming the tab, row and column. */
function readLog<T>(ss: Spreadsheet, tab: LogTab, reader: (file: SupervisorSource, lang: Language) => { entries: T[]; rejected: Rejection[] }, rejections: Rejection[]): T[] {
  const { sheet, created } = ensureLogTab(ss, tab);
  if (created) return [];
  const table = tabSource(ss, sheet);
  // A header with no row under it is an empty log, not a table to refuse.
  if (table.rows.length < 2) return [];
  const result = reader(table, sheetLanguage(ss));
  rejections.push(...result.rejected);
  return result.entries;
}

/** The four logs, each tab read once (and created with its header and validation on first use). */
export function loadLogs(ss: Spreadsheet, rejections: Rejection[]): Pick<ReportInput, 'schedule' | 'problems' | 'handovers' | 'coaching'> {
  return {
    schedule: readLog(ss, SCHEDULE_TAB, (f, l) => readSchedule(f, l), rejections),
    problems: readLog(ss, PROBLEMS_TAB, readProblems, rejections),
    handovers: readLog(ss, HANDOVERS_TAB, readHandovers, rejections),
    coaching: readLog(ss, COACHING_TAB, readCoaching, rejections),
  };
}

/** The header of a log tab in a language (the schedule writer writes the tab whole). */
export const logHeader = (tab: LogTab, lang: Language): string[] => tab.columns.map((c) => c[lang]);

/**
 * Which shift an agent works on a day, read without writing anything (a
 * custom function may only read): the Schedule tab, the rotation in Settings,
 * the roster's shifts. A tab that does not exist yet counts as empty.
 */
export function readShiftLookup(ss: Spreadsheet): ShiftOn {
  const lang = sheetLanguage(ss);
  const rowsOf = (key: MessageKey) => {
    const sheet = findTab(ss, key);
    return sheet ? tabSource(ss, sheet) : null;
  };
  const settings = rowsOf('settings.tab');
  const rule = rotationRuleOf(rulesFromTable(settings?.rows ?? [], lang).rules);
  const schedule = rowsOf(SCHEDULE_TAB.key);
  const entries = schedule && schedule.rows.length > 1 ? readSchedule(schedule, lang).entries : [];
  const roster = rowsOf('tab.roster');
  const agents: Agent[] = [];
  if (roster && roster.rows.length > 1) {
    const head = roster.rows[0].map((h) => h.trim().toLowerCase());
    const [name, shift, note] = ['agent', 'shift', 'note'].map((c) => head.indexOf(c));
    for (const row of roster.rows.slice(1)) {
      const worked = shiftOf(row[shift] ?? '');
      if (name < 0 || !row[name] || !worked) continue;
      agents.push({ name: row[name].trim(), id: '', shift: worked, basePay: 0, active: true, ...(/^(unknown|未知)$/i.test(row[note] ?? '') ? { unknown: true } : {}) });
    }
  }
  return shiftResolver(entries, rule, agents);
}
