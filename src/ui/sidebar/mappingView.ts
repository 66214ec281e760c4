/**
 * A card's column mapping: the fields the file has and the required ones
 * first, each with its full label (wrapped, never cut) and required ones
 * marked; the optional fields the file lacks folded behind "show all".
 * Known columns CS Daily does not use are listed apart from unrecognised ones.
 */
import { t } from '../../i18n';
import type { RecordKind } from '../../import/types';
import { el, select } from './dom';
import { analyse, fieldLabel, fieldsOf, headerCells, requiredFields, type TableState } from './tables';
import type { ViewContext } from './viewLines';

export function mappingSection(ctx: ViewContext, state: TableState, kind: RecordKind, update: (s: TableState) => void): HTMLElement {
  const detection = state.detection!;
  const headers = headerCells(state);
  const options: (readonly [string, string])[] = [['', t(ctx.lang, 'sidebar.mapping.none')], ...headers.map((h) => [h, h] as const)];
  const required = new Set(requiredFields(kind));
  const fields = fieldsOf(kind);
  const inUse = (field: string) => field in detection.mapping || required.has(field);
  const folded = fields.filter((f) => !inUse(f));
  const shown = state.showAllFields ? fields : fields.filter(inUse);

  const rows = shown.map((field) => {
    const node = select(options, detection.mapping[field] ?? '', { 'data-field': field, className: 'mapping-select' });
    node.addEventListener('change', () => {
      // A header feeds one field: taking it here frees it elsewhere.
      const next: Record<string, string> = { ...detection.mapping };
      for (const [other, header] of Object.entries(next)) if (header === node.value) delete next[other];
      if (node.value) next[field] = node.value;
      else delete next[field];
      // Every field spelled out ('' = none), so the core keeps no guess of its own.
      const mapping: Record<string, string> = {};
      for (const f of fields) mapping[f] = next[f] ?? '';
      update(analyse({ ...state, kind, mapping }, ctx.lang));
    });
    const label = el('span', { className: 'field-label', text: fieldLabel(kind, field, ctx.lang) });
    if (required.has(field)) label.appendChild(el('span', { className: 'required', text: t(ctx.lang, 'sidebar.mapping.required') }));
    return el('label', { className: 'row mapping-row', 'data-row-field': field }, label, node);
  });

  const toggle = folded.length
    ? el('button', {
        type: 'button',
        className: 'link fields-toggle',
        text: state.showAllFields ? t(ctx.lang, 'sidebar.mapping.showFewer') : t(ctx.lang, 'sidebar.mapping.showAll', { count: folded.length }),
      })
    : null;
  toggle?.addEventListener('click', () => update({ ...state, showAllFields: !state.showAllFields }));

  // A name column no synonym knows, taken because the rows of one day differ: said first, to be checked.
  const guessed = detection.guessedAgentColumn
    ? el('p', { className: 'note guessed-agent', text: t(ctx.lang, 'sidebar.guessedAgent', { column: detection.guessedAgentColumn }) })
    : null;
  const unmapped = detection.unmappedHeaders.length
    ? el('p', { className: 'note unmapped', text: t(ctx.lang, 'sidebar.unmapped', { headers: detection.unmappedHeaders.join(', ') }) })
    : null;
  // Known columns CS Daily does not use (storage ids, 客服字数) are named apart: they are not a problem to fix.
  const unused = detection.unusedHeaders.length
    ? el('p', { className: 'note unused', text: t(ctx.lang, 'sidebar.unused', { headers: detection.unusedHeaders.join(', ') }) })
    : null;
  const details = el('details', { className: 'mapping', open: state.showMapping }, el('summary', { text: t(ctx.lang, 'sidebar.mapping') }), guessed, ...rows, toggle, unmapped, unused);
  // Not through update(): a re-render would only repeat what the browser just did.
  details.addEventListener('toggle', () => {
    state.showMapping = details.open;
  });
  return details;
}
