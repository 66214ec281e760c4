/** The Settings menu item: the Settings tab, created from the default rules when missing, then shown. */
import { t } from '../i18n';
import { withDocumentLock } from './lock';
import { ensureSettingsTab, readRules } from './storage';
import { sheetLanguage } from './tabs';

export function openSettings() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = sheetLanguage(ss);
  const { sheet, created } = withDocumentLock(lang, () => ensureSettingsTab(ss));
  ss.setActiveSheet(sheet);
  if (created) {
    ss.toast(t(lang, 'sheets.settingsCreated'), t(lang, 'menu.title'));
    return;
  }
  const { problems } = readRules(ss);
  if (problems.length > 0) {
    const text = problems
      .slice(0, 5)
      .map((p) => t(lang, 'sheets.badRow', { row: p.row, tab: sheet.getName(), reason: `${p.setting}: ${p.reason}` }))
      .join('; ');
    ss.toast(t(lang, 'sheets.settingsProblems', { problems: text }), t(lang, 'menu.title'), 10);
  }
}
