/**
 * The body of a roster or pay-events card: the days (events), the counts,
 * what the import will do to the tab, the columns read, and either the
 * first rejected rows or, for a roster with duplicate names, IDs or
 * accounts, the refusal naming every row involved.
 */
import { t } from '../../i18n';
import { el } from './dom';
import type { SupervisorTable } from './supervisor';
import { countsLine, datesLine, rejectionsList, type ViewContext } from './viewLines';

export function supervisorDetails(ctx: ViewContext, table: SupervisorTable): HTMLElement[] {
  const lang = ctx.lang;
  const out: (HTMLElement | null)[] = [datesLine(ctx, table.days)];
  if (table.kind === 'roster' && table.duplicates.length) {
    out.push(
      el(
        'div',
        { className: 'refused', id: 'roster-refused' },
        el('p', { className: 'error', text: t(lang, 'sidebar.roster.refused', { tab: t(lang, 'tab.roster') }) }),
        el('ul', {}, ...table.duplicates.map((d) => el('li', { text: t(lang, 'sidebar.rejection.row', { row: d.row, column: d.column, reason: d.reason }) }))),
      ),
    );
    return out.filter((n): n is HTMLElement => n !== null);
  }
  out.push(countsLine(ctx, table.counts));
  out.push(rejectionsList(ctx, table.rejected));
  out.push(el('p', { className: 'note merge-note', text: t(lang, table.kind === 'roster' ? 'sidebar.roster.merge' : 'sidebar.events.merge', { tab: t(lang, table.kind === 'roster' ? 'tab.roster' : 'tab.events') }) }));
  out.push(el('p', { className: 'note', text: t(lang, 'sidebar.supervisor.columns', { headers: Object.values(table.mapping).join(', ') }) }));
  if (table.unmapped.length) out.push(el('p', { className: 'note unmapped', text: t(lang, 'sidebar.unmapped', { headers: table.unmapped.join(', ') }) }));
  return out.filter((n): n is HTMLElement => n !== null);
}
