/**
 * The import sidebar's entry (a browser bundle inlined into dist/Sidebar.html).
 * Files are read and parsed here, in the browser, by the same import core the
 * CLI uses; the server only receives typed records, in chunks, as JSON.
 * The same script also runs as the Web Worker that parses big files
 * (reading.ts): there it has no document and only serves reads.
 */
import { languageOfLocale, t, type Language, type MessageKey } from '../../i18n';
import type { SidebarContext } from '../../sheets/importApi';
import { append, clear, el } from './dom';
import { importPanel, type ImportPanel } from './importPanel';
import { fileReader, serveReads, type ReadFile } from './reading';
import { serverJson, ServerError } from './server';
import { importable, type TableState } from './tables';
import { renderTable, type ViewContext } from './view';
import { groupByFile, renderFile, rowsToImport } from './fileCards';

// Captured while the inline script runs: the worker is started from this same text.
const OWN_SCRIPT = typeof document !== 'undefined' ? document.currentScript?.textContent ?? null : null;

interface Ui {
  title: HTMLElement;
  intro: HTMLElement;
  pickLabel: HTMLElement;
  input: HTMLInputElement;
  messages: HTMLElement;
  tables: HTMLElement;
  panel: ImportPanel;
}

const state: { ctx: ViewContext; tables: TableState[]; reading: boolean; nextId: number; open: Set<string> } = {
  ctx: { lang: languageOfLocale(typeof navigator !== 'undefined' ? navigator.language : 'en'), roster: new Set() },
  tables: [],
  reading: false,
  nextId: 1,
  /** Sheet lines of a workbook the user opened, by table id. */
  open: new Set(),
};

function buildUi(root: HTMLElement): Ui {
  const input = el('input', { type: 'file', id: 'files', multiple: true, accept: '.csv,.txt,.xlsx,.xls,.htm,.html' });
  const ui: Ui = {
    title: el('h2', { id: 'title' }),
    intro: el('p', { className: 'note', id: 'intro' }),
    pickLabel: el('label', { for: 'files', id: 'pick-label' }),
    input,
    messages: el('div', { id: 'messages', role: 'status' }),
    tables: el('div', { id: 'tables' }),
    panel: importPanel({
      ctx: () => state.ctx,
      chosen: () => importable(state.tables),
      onBusyChange: () => updateButton(ui),
      onRosterStored: (names) => {
        state.ctx = { ...state.ctx, roster: new Set([...state.ctx.roster, ...names]) };
      },
    }),
  };
  append(root, ui.title, ui.intro, el('div', { className: 'row' }, ui.pickLabel, input), ui.messages, ui.tables, ...ui.panel.elements);
  return ui;
}

function say(ui: Ui, text: string, kind: 'note' | 'error' = 'note'): void {
  ui.messages.appendChild(el('p', { className: kind, text }));
}

/** A failed server call: a sentence in the user's language; the server's own text only as a detail line. */
function sayServerError(ui: Ui, lang: Language, error: unknown, key: MessageKey): void {
  if (error instanceof ServerError && error.permissionDenied) return say(ui, t(lang, 'sidebar.error.permission'), 'error');
  say(ui, t(lang, key), 'error');
  say(ui, t(lang, 'sidebar.error.detail', { message: error instanceof Error ? error.message : String(error) }));
}

function renderStatic(ui: Ui): void {
  const lang = state.ctx.lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t(lang, 'sidebar.title');
  ui.title.textContent = t(lang, 'sidebar.title');
  ui.intro.textContent = t(lang, 'sidebar.intro');
  ui.pickLabel.textContent = t(lang, 'sidebar.pick');
  updateButton(ui);
}

function updateButton(ui: Ui): void {
  const chosen = state.reading ? [] : importable(state.tables);
  ui.panel.render({ tables: chosen.length, rows: chosen.reduce((n, s) => n + rowsToImport(s), 0) });
  // Other files chosen mid-read would mix two choices; mid-import, they would change what Resume continues.
  ui.input.disabled = state.reading || ui.panel.busy();
}

function renderTables(ui: Ui): void {
  clear(ui.tables);
  const deps = {
    ctx: state.ctx,
    card: (table: TableState) => cardOf(ui, table),
    isOpen: (table: TableState) => state.open.has(table.id),
    setOpen: (table: TableState, open: boolean) => void (open ? state.open.add(table.id) : state.open.delete(table.id)),
  };
  for (const group of groupByFile(state.tables)) ui.tables.appendChild(renderFile(group, deps));
  updateButton(ui);
}

function cardOf(ui: Ui, table: TableState): HTMLElement {
  return renderTable(state.ctx, table, (next) => {
    state.tables = state.tables.map((s) => (s.id === next.id ? next : s));
    // A user's choice can move a table between a workbook's recognised and skipped sheets: the list is drawn again.
    state.open.add(next.id);
    renderTables(ui);
  });
}

const MB = 1024 * 1024;

async function readFiles(ui: Ui, files: readonly File[], readFile: ReadFile): Promise<void> {
  const lang = state.ctx.lang;
  clear(ui.messages);
  ui.panel.reset();
  state.tables = [];
  state.open = new Set();
  state.reading = true;
  renderTables(ui);
  for (const file of files) {
    const reading = el('p', { className: 'note reading', text: t(lang, 'sidebar.reading', { file: file.name }) });
    const bar = el('progress', { className: 'reading-progress', max: Math.max(file.size, 1), value: 0 });
    ui.messages.append(reading, bar);
    try {
      const read = await readFile(file, lang, (p) => {
        bar.value = p.read;
        reading.textContent =
          p.phase === 'parse'
            ? t(lang, 'sidebar.reading.parse', { file: file.name })
            : t(lang, 'sidebar.reading.bytes', { file: file.name, read: (p.read / MB).toFixed(1), size: (p.size / MB).toFixed(1) });
      });
      for (const table of read.states) state.tables.push({ ...table, id: `t${state.nextId++}` });
    } catch (error) {
      say(ui, t(lang, 'sidebar.fileError', { file: file.name, reason: error instanceof Error ? error.message : String(error) }), 'error');
    } finally {
      reading.remove();
      bar.remove();
    }
  }
  state.reading = false;
  renderTables(ui);
}

async function start(): Promise<void> {
  const root = document.getElementById('app') ?? document.body;
  const ui = buildUi(root);
  renderStatic(ui);
  say(ui, t(state.ctx.lang, 'sidebar.loading'));
  const readFile = fileReader(OWN_SCRIPT);
  ui.input.addEventListener('change', () => {
    void readFiles(ui, Array.from(ui.input.files ?? []), readFile);
  });
  try {
    const context = await serverJson<SidebarContext>('getSidebarContext');
    state.ctx = { lang: context.language === 'zh' ? 'zh' : 'en', roster: new Set(context.rosterNames ?? []) };
    clear(ui.messages);
  } catch (error) {
    clear(ui.messages);
    sayServerError(ui, state.ctx.lang, error, 'sidebar.error.context');
  }
  document.body.setAttribute('data-ready', state.ctx.lang);
  renderStatic(ui);
  renderTables(ui);
}

if (typeof document === 'undefined') serveReads(self as unknown as Parameters<typeof serveReads>[0]);
else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
