/** Menu handlers whose features later work fills in; each says so in a dialog. */
import { showNotYet_ } from './menu';

export function showImportSidebar() {
  showNotYet_('menu.import');
}
export function buildDailyReport() {
  showNotYet_('menu.daily');
}
export function buildRanking() {
  showNotYet_('menu.ranking');
}
export function buildPayroll() {
  showNotYet_('menu.payroll');
}
export function buildAllReports() {
  showNotYet_('menu.all');
}
export function openSettings() {
  showNotYet_('menu.settings');
}
