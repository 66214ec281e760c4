/**
 * The chosen files as the sidebar lists them: one card per file. A file of
 * one table shows that table's card as it is; a workbook of several sheets
 * lists its customer-service tables as one line each, opened one at a time,
 * and folds every other sheet into a single line naming them.
 */
import { t } from '../../i18n';
import { el } from './dom';
import { recordCount, type TableState } from './tables';
import { kindLabel, type ViewContext } from './view';
import { provisionalCells } from './provisional';

/** The tables of one chosen file, in the order they were read. */
export interface FileGroup {
  key: string;
  file: string;
  tables: TableState[];
}

/** Tables grouped by the file they came from (the same file chosen twice is one group). */
export function groupByFile(tables: readonly TableState[]): FileGroup[] {
  const groups = new Map<string, FileGroup>();
  for (const table of tables) {
    const group = groups.get(table.fileKey) ?? { key: table.fileKey, file: table.raw.file, tables: [] };
    group.tables.push(table);
    groups.set(table.fileKey, group);
  }
  return [...groups.values()];
}

/** A table the import understood: an export with records, or a roster/events file. */
export function isRecognised(table: TableState): boolean {
  return table.result !== null || table.supervisor !== null;
}

/** Rows a table will send when imported. */
export function rowsToImport(table: TableState): number {
  if (table.result) return recordCount(table.result);
  const s = table.supervisor;
  return s ? (s.kind === 'roster' ? s.agents.length : s.events.length) : 0;
}

export interface FileCardDeps {
  ctx: ViewContext;
  /** The card of one table (view.ts), with its update wiring. */
  card: (table: TableState) => HTMLElement;
  /** Which sheet line is open, by table id (kept across re-renders). */
  isOpen: (table: TableState) => boolean;
  setOpen: (table: TableState, open: boolean) => void;
}

/** The card of one chosen file. */
export function renderFile(group: FileGroup, deps: FileCardDeps): HTMLElement {
  if (group.tables.length === 1) return deps.card(group.tables[0]);
  const { ctx } = deps;
  const recognised = group.tables.filter(isRecognised);
  const others = group.tables.filter((s) => !isRecognised(s));
  const card = el(
    'section',
    { className: 'file-card', 'data-file': group.file },
    el('h3', { text: group.file }),
    el('p', { className: 'note file-tables', text: t(ctx.lang, 'sidebar.file.tables', { recognised: recognised.length, sheets: group.tables.length }) }),
  );
  const lines = recognised.map((table) => sheetLine(table, deps));
  for (const line of lines) {
    line.addEventListener('toggle', () => {
      if (!line.open) return deps.setOpen(tableOf(line, group), false);
      // One at a time: opening a sheet closes the others of the file.
      for (const other of lines) if (other !== line && other.open) other.open = false;
      deps.setOpen(tableOf(line, group), true);
    });
    card.appendChild(line);
  }
  if (others.length) card.appendChild(skippedSheets(others, deps));
  return card;
}

function tableOf(line: HTMLElement, group: FileGroup): TableState {
  return group.tables.find((s) => s.id === line.getAttribute('data-sheet'))!;
}

function sheetLine(table: TableState, deps: FileCardDeps): HTMLDetailsElement {
  const { ctx } = deps;
  const kind = table.supervisor?.kind ?? table.detection?.kind ?? '';
  const provisional = provisionalCells(table) > 0;
  const summary = el(
    'summary',
    { className: 'sheet-line' },
    el('span', { text: t(ctx.lang, 'sidebar.sheet.line', { sheet: table.raw.sheet ?? table.raw.file, kind: kindLabel(ctx.lang, kind), rows: rowsToImport(table) }) }),
    provisional ? el('span', { className: 'provisional-mark', text: t(ctx.lang, 'sidebar.provisional.mark') }) : null,
    table.include ? null : el('span', { className: 'excluded-mark', text: t(ctx.lang, 'sidebar.sheet.excluded') }),
  );
  const details = el('details', { className: 'sheet', 'data-sheet': table.id }, summary);
  details.open = deps.isOpen(table);
  // The card is built when the line is first opened: a closed line costs no preview.
  const fill = () => {
    if (details.open && details.childElementCount === 1) details.appendChild(deps.card(table));
  };
  details.addEventListener('toggle', fill);
  fill();
  return details;
}

function skippedSheets(tables: TableState[], deps: FileCardDeps): HTMLDetailsElement {
  const { ctx } = deps;
  const names = tables.map((s) => s.raw.sheet ?? s.raw.file).join(ctx.lang === 'zh' ? '、' : ', ');
  const text = tables.length === 1 ? t(ctx.lang, 'sidebar.file.skippedOne', { names }) : t(ctx.lang, 'sidebar.file.skipped', { count: tables.length, names });
  const details = el('details', { className: 'skipped-sheets' }, el('summary', { className: 'skipped-line', text }));
  details.open = tables.some(deps.isOpen);
  const fill = () => {
    if (!details.open || details.childElementCount > 1) return;
    for (const table of tables) details.appendChild(deps.card(table));
  };
  details.addEventListener('toggle', () => {
    for (const table of tables) deps.setOpen(table, details.open);
    fill();
  });
  fill();
  return details;
}
