/** Opens the import sidebar (dist/Sidebar.html, built from src/ui/sidebar). */
import { t } from '../i18n';
import { spreadsheetLanguage } from '../sheets/locale';

export function showImportSidebar() {
  // Sidebars have a fixed width (300 px): setWidth would be ignored.
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t(spreadsheetLanguage(), 'sheets.sidebarTitle'));
  SpreadsheetApp.getUi().showSidebar(html);
}
