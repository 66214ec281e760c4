/**
 * What the sidebar shows after an import: one line per table, and the
 * combined total over all of them with the link to the import-errors tab,
 * which appears once and only when rows were rejected.
 */
import { t } from '../../i18n';
import type { ImportSummary } from '../../sheets/importApi';
import { el } from './dom';
import { kindLabel, tableTitle, type ViewContext } from './view';

/** One table's result after import. */
export function renderSummary(ctx: ViewContext, summary: ImportSummary, sheet: string | null): HTMLElement {
  const lang = ctx.lang;
  return el(
    'section',
    { className: 'summary-card', 'data-import': summary.importId },
    el('h3', { text: t(lang, 'sidebar.summary.title', { file: tableTitle(ctx, summary.file, sheet), kind: kindLabel(lang, summary.kind) }) }),
    el('p', {
      className: 'summary-counts',
      text: t(lang, 'sidebar.summary.counts', { read: summary.rowsRead, added: summary.added, replaced: summary.replaced, rejected: summary.rejected, skipped: summary.skipped }),
    }),
    // A roster or events file names agents on purpose: "new agents" is about exports only.
    summary.kind === 'roster' || summary.kind === 'events'
      ? null
      : el('p', {
          className: 'summary-agents',
          text: summary.newAgents.length ? t(lang, 'sidebar.summary.newAgents', { names: summary.newAgents.join(', ') }) : t(lang, 'sidebar.summary.noNewAgents'),
        }),
    summary.conflicts > 0 ? el('p', { className: 'summary-conflicts', text: t(lang, 'sidebar.summary.conflicts', { conflicts: summary.conflicts }) }) : null,
  );
}

/** The sum over every table imported, with the errors link only when something was rejected or a key read with different values. */
export function renderTotal(ctx: ViewContext, summaries: readonly ImportSummary[], openErrors: () => void): HTMLElement {
  const lang = ctx.lang;
  const sum = (pick: (s: ImportSummary) => number) => summaries.reduce((n, s) => n + pick(s), 0);
  const totals = { read: sum((s) => s.rowsRead), added: sum((s) => s.added), replaced: sum((s) => s.replaced), rejected: sum((s) => s.rejected), skipped: sum((s) => s.skipped) };
  const title = summaries.length === 1 ? t(lang, 'sidebar.total.title.one') : t(lang, 'sidebar.total.title', { tables: summaries.length });
  const card = el('section', { className: 'summary-total', id: 'summary-total' }, el('h3', { text: title }), el('p', { className: 'total-counts', text: t(lang, 'sidebar.total.counts', totals) }));
  const tab = summaries.find((s) => s.errorsTab)?.errorsTab ?? '';
  const link = (className: string, text: string) => {
    const button = el('button', { type: 'button', className: `${className} link`, text });
    button.addEventListener('click', openErrors);
    card.appendChild(button);
  };
  if (totals.rejected > 0) link('summary-errors', t(lang, 'sidebar.total.errors', { tab, rejected: totals.rejected }));
  else card.appendChild(el('p', { className: 'note total-no-errors', text: t(lang, 'sidebar.total.noErrors') }));
  const conflicts = sum((s) => s.conflicts);
  if (conflicts > 0) link('summary-conflicts', t(lang, 'sidebar.total.conflicts', { tab, conflicts }));
  return card;
}
