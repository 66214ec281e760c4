import { isIsoDate } from '../core/dates';
import { t } from '../i18n';
import { spreadsheetLanguage, spreadsheetTimeZone } from '../sheets/locale';
import { readText } from '../sheets/cells';
import { readShiftLookup } from '../sheets/notebookTabs';
import { type CellArg, CellError, checkArity, isBlank, mapCells } from './cells';

const NAME = 'SHIFT_ON';

/**
 * The shift an agent works on a day: the Schedule tab (排班表), else the rotation in Settings, else the roster's shift.
 * Takes single values or ranges of the same size; blank cells give blank results.
 *
 * @param {string|Array<Array<string>>} agent The agent's name (客服), or a range of names.
 * @param {Date|Array<Array<Date>>} date The day (日期), or a range of days.
 * @return Day or Night (白班 / 夜班) for each cell.
 * @example =SHIFT_ON("阿杰", DATE(2026,11,9))
 * @example =SHIFT_ON(A2:A31, B2:B31)
 * @customfunction
 */
export function SHIFT_ON(agent: CellArg, date: CellArg) {
  checkArity(NAME, 'agent, date', arguments.length, 2, 2);
  const lang = spreadsheetLanguage();
  const tz = spreadsheetTimeZone();
  // Read once per call however many cells: the tabs are small, and one call fills a column.
  const shiftOn = readShiftLookup(SpreadsheetApp.getActiveSpreadsheet());
  return mapCells(NAME, lang, [{ name: 'agent', value: agent }, { name: 'date', value: date }], ([who, when]) => {
    if (isBlank(who) || isBlank(when)) return '';
    const day = readText(when, tz).slice(0, 10);
    if (!isIsoDate(day)) throw new CellError(t(lang, 'fn.shiftOn.notDate', { value: String(when) }));
    const found = shiftOn(String(who).trim(), day);
    if (!found) throw new CellError(t(lang, 'fn.shiftOn.none', { agent: String(who).trim() }));
    return t(lang, `shift.${found.shift}`);
  });
}
