/**
 * What the sidebar offers once an import is done: the Build reports button
 * (the menu's Build all reports, run from here) and, when the server reports
 * it, how much of the spreadsheet's 10 million cells the data now fills.
 */
import { t, type Language } from '../../i18n';
import type { GridCapacity, ImportSummary } from '../../sheets/importApi';
import { el } from './dom';
import { serverCall } from './server';

export interface NextSteps {
  render(summaries: readonly ImportSummary[]): HTMLElement;
}

/** The latest capacity figure the server sent with a table's summary, if any. */
export function capacityOf(summaries: readonly ImportSummary[]): GridCapacity | null {
  for (let i = summaries.length - 1; i >= 0; i--) {
    const grid = summaries[i].grid;
    if (grid && grid.limit > 0) return grid;
  }
  return null;
}

export function capacityLine(lang: Language, grid: GridCapacity): string {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  const count = (n: number) => n.toLocaleString(locale);
  const percent = `${((grid.used / grid.limit) * 100).toFixed(1)}%`;
  const params = { used: count(grid.used), limit: count(grid.limit), percent };
  return grid.daysLeft == null ? t(lang, 'sidebar.grid.lineNoDays', params) : t(lang, 'sidebar.grid.line', { ...params, days: count(grid.daysLeft) });
}

export function nextSteps(lang: () => Language): NextSteps {
  return {
    render(summaries) {
      const l = lang();
      const status = el('p', { className: 'note build-status', role: 'status' });
      const build = el('button', { type: 'button', id: 'build-reports', className: 'action', text: t(l, 'sidebar.next.build') });
      build.addEventListener('click', () => {
        build.disabled = true;
        status.className = 'note build-status';
        status.textContent = t(l, 'sidebar.next.building');
        serverCall('buildAllReports')
          .then(() => {
            status.textContent = t(l, 'sidebar.next.built');
          })
          .catch((error: unknown) => {
            status.className = 'error build-status';
            status.textContent = `${t(l, 'sidebar.error.server')} ${t(l, 'sidebar.error.detail', { message: error instanceof Error ? error.message : String(error) })}`;
          })
          .finally(() => {
            build.disabled = false;
          });
      });
      const grid = capacityOf(summaries);
      return el(
        'div',
        { className: 'next-steps', id: 'next-steps' },
        el('p', { className: 'note', text: t(l, 'sidebar.next.hint') }),
        build,
        status,
        grid ? el('p', { className: 'note grid-capacity', id: 'grid-capacity', text: capacityLine(l, grid) }) : null,
      );
    },
  };
}
