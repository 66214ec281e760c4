/**
 * Renders one table's card (what was detected, a preview, the column mapping
 * the user can correct) and one table's summary after import. Pure DOM
 * building: every piece of file data goes in as text (see dom.ts).
 */
import { t, type Language, type MessageKey } from '../../i18n';
import type { RecordKind } from '../../import/types';
import type { ImportSummary } from '../../sheets/importApi';
import { el, select } from './dom';
import {
  RECORD_KINDS,
  analyse,
  fieldLabel,
  fieldsOf,
  headerCells,
  isRecordKind,
  needsDate,
  recordCount,
  type TableState,
} from './tables';

export interface ViewContext {
  lang: Language;
  roster: ReadonlySet<string>;
}

const PREVIEW_ROWS = 5;

export function kindLabel(lang: Language, kind: string): string {
  return isRecordKind(kind) ? t(lang, `sidebar.kind.${kind}` as MessageKey) : kind;
}

function tableTitle(ctx: ViewContext, file: string, sheet: string | null): string {
  return sheet ? `${file} — ${t(ctx.lang, 'sidebar.table.sheet', { sheet })}` : file;
}

function preview(state: TableState): HTMLElement {
  const headerIndex = state.detection ? state.detection.headerRow - 1 : -1;
  const head = headerIndex >= 0 ? state.raw.rows[headerIndex] ?? [] : [];
  const body = state.raw.rows.slice(headerIndex + 1, headerIndex + 1 + PREVIEW_ROWS);
  const table = el('table', { className: 'preview-table' });
  if (head.length) table.appendChild(el('thead', {}, el('tr', {}, ...head.map((cell) => el('th', { text: cell })))));
  table.appendChild(el('tbody', {}, ...body.map((row) => el('tr', {}, ...row.map((cell) => el('td', { text: cell }))))));
  return el('div', { className: 'preview' }, table);
}

/** `first – last` of ISO dates (they sort as text); '' for none. */
function dateRange(dates: readonly string[]): string {
  if (!dates.length) return '';
  const sorted = [...dates].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  return first === last ? first : `${first} – ${last}`;
}

function agentsNotInRoster(state: TableState, roster: ReadonlySet<string>): string[] {
  const r = state.result;
  if (!r || roster.size === 0) return [];
  const names = new Set<string>([...r.agentDays.map((a) => a.agent), ...r.consultations.map((c) => c.agent)]);
  return [...names].filter((name) => name !== '' && !roster.has(name));
}

function kindSelect(ctx: ViewContext, state: TableState, current: string, update: (s: TableState) => void): HTMLElement {
  const options: (readonly [string, string])[] = RECORD_KINDS.map((k) => [k, kindLabel(ctx.lang, k)] as const);
  // An unrecognised table has no kind yet: the user picks one to retry with.
  if (!current) options.unshift(['', '—']);
  const node = select(options, current, { className: 'kind-select', 'aria-label': t(ctx.lang, 'sidebar.kind') });
  node.addEventListener('change', () => {
    if (!isRecordKind(node.value)) return;
    const kind: RecordKind = node.value;
    update(analyse({ ...state, kind, mapping: null, include: true }, ctx.lang));
  });
  return el('label', { className: 'row' }, el('span', { text: t(ctx.lang, 'sidebar.kind') }), node);
}

function mappingSection(ctx: ViewContext, state: TableState, kind: RecordKind, update: (s: TableState) => void): HTMLElement {
  const detection = state.detection!;
  const headers = headerCells(state);
  const options: (readonly [string, string])[] = [['', t(ctx.lang, 'sidebar.mapping.none')], ...headers.map((h) => [h, h] as const)];
  const selects = fieldsOf(kind).map((field) => {
    const node = select(options, detection.mapping[field] ?? '', { 'data-field': field, className: 'mapping-select' });
    node.addEventListener('change', () => {
      // A header feeds one field: taking it here frees it elsewhere.
      const next: Record<string, string> = { ...detection.mapping };
      for (const [other, header] of Object.entries(next)) if (header === node.value) delete next[other];
      if (node.value) next[field] = node.value;
      else delete next[field];
      // Every field spelled out ('' = none), so the core keeps no guess of its own.
      const mapping: Record<string, string> = {};
      for (const f of fieldsOf(kind)) mapping[f] = next[f] ?? '';
      update(analyse({ ...state, kind, mapping }, ctx.lang));
    });
    return node;
  });
  const rows = selects.map((node, i) => el('label', { className: 'row' }, el('span', { text: fieldLabel(kind, fieldsOf(kind)[i], ctx.lang) }), node));
  const unmapped = detection.unmappedHeaders.length
    ? el('p', { className: 'note unmapped', text: t(ctx.lang, 'sidebar.unmapped', { headers: detection.unmappedHeaders.join(', ') }) })
    : null;
  // Known columns CS Daily does not use (storage ids, 客服字数) are named apart: they are not a problem to fix.
  const unused = detection.unusedHeaders.length
    ? el('p', { className: 'note unused', text: t(ctx.lang, 'sidebar.unused', { headers: detection.unusedHeaders.join(', ') }) })
    : null;
  const details = el('details', { className: 'mapping', open: state.showMapping }, el('summary', { text: t(ctx.lang, 'sidebar.mapping') }), ...rows, unmapped, unused);
  // Not through update(): a re-render would only repeat what the browser just did.
  details.addEventListener('toggle', () => {
    state.showMapping = details.open;
  });
  return details;
}

/** The card of one table: detection, counts, preview, mapping. */
export function renderTable(ctx: ViewContext, state: TableState, update: (s: TableState) => void): HTMLElement {
  const card = el('section', { className: 'table-card', 'data-table': state.id });
  card.appendChild(el('h3', { text: tableTitle(ctx, state.raw.file, state.raw.sheet) }));

  if (!state.detection || !state.result) {
    const failure = state.failure;
    card.appendChild(el('p', { className: 'error not-recognised', text: t(ctx.lang, 'sidebar.notRecognised', { reason: failure?.reason ?? '' }) }));
    if (failure?.headersSeen?.length) card.appendChild(el('p', { className: 'note', text: t(ctx.lang, 'sidebar.headersSeen', { headers: failure.headersSeen.join(', ') }) }));
    card.appendChild(kindSelect(ctx, state, state.kind ?? '', update));
    card.appendChild(preview(state));
    return card;
  }

  const { detection, result } = state;
  const include = el('input', { type: 'checkbox', className: 'include' });
  include.checked = state.include;
  include.addEventListener('change', () => update({ ...state, include: include.checked }));
  card.appendChild(el('label', { className: 'row' }, include, el('span', { text: t(ctx.lang, 'sidebar.include') })));

  card.appendChild(kindSelect(ctx, state, detection.kind, update));
  card.appendChild(el('p', { className: 'row' }, el('span', { text: t(ctx.lang, 'sidebar.encoding') }), el('code', { className: 'encoding', text: state.raw.encoding })));

  const dateInput = el('input', { type: 'date', className: 'date-input', value: state.date || detection.date || '' });
  dateInput.addEventListener('change', () => update(analyse({ ...state, kind: state.kind ?? (isRecordKind(detection.kind) ? detection.kind : null), date: dateInput.value }, ctx.lang)));
  if (detection.kind === 'agent_day' && !('date' in detection.mapping)) {
    card.appendChild(el('label', { className: 'row' }, el('span', { text: t(ctx.lang, 'sidebar.date') }), dateInput));
    if (needsDate(state)) card.appendChild(el('p', { className: 'error needs-date', text: t(ctx.lang, 'sidebar.date.needed') }));
  } else {
    const range = dateRange([...result.agentDays.map((a) => a.date), ...result.shopDays.map((s) => s.date)]);
    if (range) card.appendChild(el('p', { className: 'row' }, el('span', { text: t(ctx.lang, 'sidebar.date') }), el('span', { className: 'dates', text: range })));
  }

  card.appendChild(
    el('p', {
      className: 'counts',
      text: t(ctx.lang, 'sidebar.counts', {
        read: result.rowsRead,
        accepted: recordCount(result),
        rejected: result.rejected.length,
        skipped: result.skipped.length,
      }),
    }),
  );
  const strangers = agentsNotInRoster(state, ctx.roster);
  if (strangers.length) card.appendChild(el('p', { className: 'note', text: t(ctx.lang, 'sidebar.newAgents.preview', { names: strangers.join(', ') }) }));

  card.appendChild(el('h4', { text: t(ctx.lang, 'sidebar.preview') }));
  card.appendChild(preview(state));
  if (isRecordKind(detection.kind)) card.appendChild(mappingSection(ctx, state, detection.kind, update));
  return card;
}

/** One table's result after import. */
export function renderSummary(ctx: ViewContext, summary: ImportSummary, sheet: string | null, openErrors?: () => void): HTMLElement {
  const errorsLink = el('button', { type: 'button', className: 'summary-errors link', text: t(ctx.lang, 'sidebar.summary.errors', { tab: summary.errorsTab }) });
  if (openErrors) errorsLink.addEventListener('click', openErrors);
  const lang = ctx.lang;
  return el(
    'section',
    { className: 'summary-card', 'data-import': summary.importId },
    el('h3', { text: t(lang, 'sidebar.summary.title', { file: tableTitle(ctx, summary.file, sheet), kind: kindLabel(lang, summary.kind) }) }),
    el('p', {
      className: 'summary-counts',
      text: t(lang, 'sidebar.summary.counts', { added: summary.added, replaced: summary.replaced, rejected: summary.rejected, skipped: summary.skipped }),
    }),
    el('p', {
      className: 'summary-agents',
      text: summary.newAgents.length ? t(lang, 'sidebar.summary.newAgents', { names: summary.newAgents.join(', ') }) : t(lang, 'sidebar.summary.noNewAgents'),
    }),
    errorsLink,
  );
}
