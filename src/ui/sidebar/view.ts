/**
 * Renders one table's card: what was detected (kind, format, the days it
 * covers), counts that add up, the first rejected rows with their reasons,
 * a preview, and the column mapping the user can correct. Pure DOM
 * building: every piece of file data goes in as text (see dom.ts).
 */
import { t, type Language, type MessageKey } from '../../i18n';
import { el, select } from './dom';
import { daySpan, tableCounts } from './glance';
import { countsLine, datesLine, formatLine, rejectionsList, type ViewContext } from './viewLines';
import { mappingSection } from './mappingView';
import { provisionalCells } from './provisional';
import { supervisorDetails } from './supervisorView';
import { RECORD_KINDS, SUPERVISOR_KINDS, analyse, isRecordKind, isSupervisorKind, needsDate, type SidebarKind, type TableState } from './tables';

export type { ViewContext };

const PREVIEW_ROWS = 5;

export function kindLabel(lang: Language, kind: string): string {
  return isRecordKind(kind) || isSupervisorKind(kind) ? t(lang, `sidebar.kind.${kind}` as MessageKey) : kind;
}

export function tableTitle(ctx: ViewContext, file: string, sheet: string | null): string {
  return sheet ? `${file} — ${t(ctx.lang, 'sidebar.table.sheet', { sheet })}` : file;
}

function preview(state: TableState, headerRow: number): HTMLElement {
  const headerIndex = headerRow - 1;
  const head = headerIndex >= 0 ? state.raw.rows[headerIndex] ?? [] : [];
  const body = state.raw.rows.slice(headerIndex + 1, headerIndex + 1 + PREVIEW_ROWS);
  const table = el('table', { className: 'preview-table' });
  if (head.length) table.appendChild(el('thead', {}, el('tr', {}, ...head.map((cell) => el('th', { text: cell })))));
  table.appendChild(el('tbody', {}, ...body.map((row) => el('tr', {}, ...row.map((cell) => el('td', { text: cell }))))));
  return el('div', { className: 'preview' }, table);
}

/**
 * Agents on duty in the table whom the roster does not name. An export's row
 * of zeros is an account that did not work that day: not listed.
 */
function agentsNotInRoster(state: TableState, roster: ReadonlySet<string>): string[] {
  const r = state.result;
  if (!r || roster.size === 0) return [];
  const worked = r.agentDays.filter((a) => Object.values(a.figures).some((v) => typeof v === 'number' && v > 0)).map((a) => a.agent);
  const names = new Set<string>([...worked, ...r.consultations.map((c) => c.agent)]);
  return [...names].filter((name) => name !== '' && !roster.has(name));
}

/** The warning of a table whose figures are not final yet, or null. */
function provisionalNote(ctx: ViewContext, state: TableState): HTMLElement | null {
  const cells = provisionalCells(state);
  return cells > 0 ? el('p', { className: 'provisional-note', text: t(ctx.lang, 'sidebar.provisional.note', { cells }) }) : null;
}

function kindSelect(ctx: ViewContext, state: TableState, current: string, update: (s: TableState) => void): HTMLElement {
  const kinds: SidebarKind[] = [...RECORD_KINDS, ...SUPERVISOR_KINDS];
  const options: (readonly [string, string])[] = kinds.map((k) => [k, kindLabel(ctx.lang, k)] as const);
  // An unrecognised table has no kind yet: the user picks one to retry with.
  if (!current) options.unshift(['', '—']);
  const node = select(options, current, { className: 'kind-select', 'aria-label': t(ctx.lang, 'sidebar.kind') });
  node.addEventListener('change', () => {
    const kind = node.value;
    if (!isRecordKind(kind) && !isSupervisorKind(kind)) return;
    update(analyse({ ...state, kind, mapping: null, include: true }, ctx.lang));
  });
  return el('label', { className: 'row' }, el('span', { text: t(ctx.lang, 'sidebar.kind') }), node);
}

function includeBox(ctx: ViewContext, state: TableState, update: (s: TableState) => void, disabled = false): HTMLElement {
  const include = el('input', { type: 'checkbox', className: 'include', disabled });
  include.checked = state.include;
  include.addEventListener('change', () => update({ ...state, include: include.checked }));
  return el('label', { className: 'row' }, include, el('span', { text: t(ctx.lang, 'sidebar.include') }));
}

/** The card of one table: detection, counts, rejected rows, preview, mapping. */
export function renderTable(ctx: ViewContext, state: TableState, update: (s: TableState) => void): HTMLElement {
  const card = el('section', { className: 'table-card', 'data-table': state.id });
  card.appendChild(el('h3', { text: tableTitle(ctx, state.raw.file, state.raw.sheet) }));

  const supervisor = state.supervisor;
  if (supervisor) {
    const refused = supervisor.kind === 'roster' && supervisor.duplicates.length > 0;
    card.append(includeBox(ctx, state, update, refused), kindSelect(ctx, state, supervisor.kind, update), formatLine(ctx, state.raw.encoding));
    for (const node of supervisorDetails(ctx, supervisor)) card.appendChild(node);
    card.appendChild(el('h4', { text: t(ctx.lang, 'sidebar.preview') }));
    card.appendChild(preview(state, supervisor.headerRow));
    return card;
  }

  if (!state.detection || !state.result) {
    const failure = state.failure;
    card.appendChild(el('p', { className: 'error not-recognised', text: t(ctx.lang, 'sidebar.notRecognised', { reason: failure?.reason ?? '' }) }));
    if (failure?.headersSeen?.length) card.appendChild(el('p', { className: 'note', text: t(ctx.lang, 'sidebar.headersSeen', { headers: failure.headersSeen.join(', ') }) }));
    card.appendChild(kindSelect(ctx, state, state.kind ?? '', update));
    card.appendChild(preview(state, 0));
    return card;
  }

  const { detection, result } = state;
  card.append(includeBox(ctx, state, update), kindSelect(ctx, state, detection.kind, update), formatLine(ctx, state.raw.encoding));

  if (detection.kind === 'agent_day' && !('date' in detection.mapping)) {
    const dateInput = el('input', { type: 'date', className: 'date-input', value: state.date || detection.date || '' });
    dateInput.addEventListener('change', () => update(analyse({ ...state, kind: state.kind ?? detection.kind, date: dateInput.value }, ctx.lang)));
    card.appendChild(el('label', { className: 'row' }, el('span', { text: t(ctx.lang, 'sidebar.date') }), dateInput));
    if (needsDate(state)) card.appendChild(el('p', { className: 'error needs-date', text: t(ctx.lang, 'sidebar.date.needed') }));
  } else {
    const dates = datesLine(ctx, daySpan(result));
    if (dates) card.appendChild(dates);
  }

  card.appendChild(countsLine(ctx, tableCounts(result)));
  const provisional = provisionalNote(ctx, state);
  if (provisional) card.appendChild(provisional);
  const rejections = rejectionsList(ctx, result.rejected);
  if (rejections) card.appendChild(rejections);
  const strangers = agentsNotInRoster(state, ctx.roster);
  if (strangers.length) card.appendChild(el('p', { className: 'note', text: t(ctx.lang, 'sidebar.newAgents.preview', { names: strangers.join(', ') }) }));

  card.appendChild(el('h4', { text: t(ctx.lang, 'sidebar.preview') }));
  card.appendChild(preview(state, detection.headerRow));
  if (isRecordKind(detection.kind)) card.appendChild(mappingSection(ctx, state, detection.kind, update));
  return card;
}
