/**
 * The add-on menu and its handlers. Handler names are what Sheets calls, so
 * they are exported from main.ts as top-level functions.
 */
import { t, type MessageKey } from '../i18n';
import { spreadsheetLanguage } from '../sheets/locale';

/** Menu item label → the exported handler Sheets calls. */
export const MENU_ITEMS: readonly { label: MessageKey; handler: string }[] = [
  { label: 'menu.import', handler: 'showImportSidebar' },
  { label: 'menu.daily', handler: 'buildDailyReport' },
  { label: 'menu.ranking', handler: 'buildRanking' },
  { label: 'menu.payroll', handler: 'buildPayroll' },
  { label: 'menu.all', handler: 'buildAllReports' },
  { label: 'menu.schedule', handler: 'generateScheduleTab' },
  { label: 'menu.settings', handler: 'openSettings' },
  { label: 'menu.fitSettings', handler: 'fitSettingsToShop' },
  { label: 'menu.applyProposals', handler: 'applySettingsProposals' },
  { label: 'menu.help', handler: 'showHelp' },
];

/** Adds the CS Daily menu in the spreadsheet's language; `extraItems` follow the default items after a separator. */
export function addMenu(extraItems: readonly { label: MessageKey; handler: string }[] = []): void {
  const lang = spreadsheetLanguage();
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_ITEMS.forEach((item, i) => {
    // A separator before Settings keeps the "build" items together.
    if (item.handler === 'openSettings' && i > 0) menu.addSeparator();
    menu.addItem(t(lang, item.label), item.handler);
  });
  if (extraItems.length > 0) menu.addSeparator();
  extraItems.forEach((item) => menu.addItem(t(lang, item.label), item.handler));
  menu.addToUi();
}

/** Adds the CS Daily menu in the spreadsheet's language. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen) {
  addMenu();
}

/** Installing the add-on in an open spreadsheet: show the menu at once. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall) {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showHelp() {
  const lang = spreadsheetLanguage();
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(lang, 'dialog.help.title'), t(lang, 'dialog.help.body'), ui.ButtonSet.OK);
}
