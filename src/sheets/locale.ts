/**
 * The spreadsheet's language and time zone. Outside a spreadsheet (tests,
 * a plain script run) there is no SpreadsheetApp and English is the default.
 */
import { languageOfLocale, type Language } from '../i18n';

function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  if (typeof SpreadsheetApp === 'undefined') return null;
  try {
    return SpreadsheetApp.getActiveSpreadsheet();
  } catch {
    // Custom functions in some contexts cannot open the spreadsheet.
    return null;
  }
}

export function spreadsheetLanguage(): Language {
  const ss = activeSpreadsheet();
  if (!ss) return 'en';
  try {
    return languageOfLocale(ss.getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}

export function spreadsheetTimeZone(): string {
  const ss = activeSpreadsheet();
  try {
    return ss?.getSpreadsheetTimeZone() || 'Asia/Shanghai';
  } catch {
    return 'Asia/Shanghai';
  }
}
