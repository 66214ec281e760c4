/**
 * *Generate schedule* (生成排班表): writes the rotation of Settings into the
 * Schedule tab for this month and the next, one row per agent and day, over
 * what the tab holds: rows the supervisor typed over the rotation (or added)
 * stay as typed; every other row takes the rule's shift. One read, one write,
 * under the document lock.
 */
import { generateSchedule, monthSpan, rotationRuleOf, type ScheduleEntry } from '../core/schedule';
import { addDays, dayOf } from '../core/dates';
import { t, type Language } from '../i18n';
import { readSchedule } from '../import/notebooks';
import { readLocalTime, readText } from './cells';
import { withDocumentLock } from './lock';
import { ensureLogTab, logHeader, SCHEDULE_TAB } from './notebookTabs';
import { readRules } from './storage';
import { readTable, sheetLanguage, sheetTimeZone, writeBlock } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const shiftWord = (shift: string | null, lang: Language) => (shift == null ? '' : lang === 'zh' ? (shift === 'night' ? '夜班' : '白班') : shift);

/** Writes the schedule of the month of `today` and the next; returns the rows written, or null without a rotation. */
export function writeSchedule(ss: Spreadsheet, today: string): { rows: number; exceptions: number } | null {
  const lang = sheetLanguage(ss);
  const rule = rotationRuleOf(readRules(ss).rules);
  if (!rule) return null;
  const { sheet } = ensureLogTab(ss, SCHEDULE_TAB);
  const tz = sheetTimeZone(ss);
  const table = readTable(sheet);
  const typed: ScheduleEntry[] =
    table.rows.length === 0 ? [] : readSchedule({ name: sheet.getName(), rows: [table.headerText, ...table.rows.map((r) => r.map((v) => readText(v, tz)))] }, lang).entries;
  const first = monthSpan(today).first;
  const last = monthSpan(addDays(monthSpan(today).last, 1)).last;
  const entries = generateSchedule(rule, first, last, typed);
  const rows = entries.map((e) => [e.date, e.agent, shiftWord(e.shift, lang), shiftWord(e.rotation, lang), e.note]);
  // Rows left over from a longer tab are blanked in the same write.
  const blank = Math.max(0, table.rows.length - rows.length);
  writeBlock(sheet, 1, 1, [logHeader(SCHEDULE_TAB, lang), ...rows, ...Array.from({ length: blank }, () => ['', '', '', '', ''])]);
  return { rows: rows.length, exceptions: entries.filter((e) => e.rotation == null || e.shift !== e.rotation).length };
}

/** The menu item. */
export function generateScheduleTab() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = sheetLanguage(ss);
  const today = dayOf(readLocalTime(new Date(), sheetTimeZone(ss))!);
  const written = withDocumentLock(lang, () => writeSchedule(ss, today));
  const ui = SpreadsheetApp.getUi();
  if (!written) {
    ui.alert(t(lang, 'menu.title'), t(lang, 'logs.schedule.noRule'), ui.ButtonSet.OK);
    return;
  }
  ss.toast(t(lang, 'logs.schedule.written', { rows: written.rows, exceptions: written.exceptions }), t(lang, 'menu.title'));
}
