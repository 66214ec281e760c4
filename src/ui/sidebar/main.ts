/**
 * The import sidebar's entry (a browser bundle inlined into dist/Sidebar.html).
 * Files are read and parsed here, in the browser, by the same import core the
 * CLI uses; the server only receives typed records, in chunks, as JSON.
 */
import { languageOfLocale, t, type Language, type MessageKey } from '../../i18n';
import { readTables } from '../../import';
import type { ImportSummary, SidebarContext } from '../../sheets/importApi';
import { append, clear, el } from './dom';
import { serverCall, serverJson, ServerError } from './server';
import { importable, newTableState, type TableState } from './tables';
import { uploadResults } from './upload';
import { renderSummary, renderTable, type ViewContext } from './view';

interface Ui {
  title: HTMLElement;
  intro: HTMLElement;
  pickLabel: HTMLElement;
  input: HTMLInputElement;
  messages: HTMLElement;
  tables: HTMLElement;
  importButton: HTMLButtonElement;
  progress: HTMLProgressElement;
  progressText: HTMLElement;
  summaries: HTMLElement;
}

const state: { ctx: ViewContext; tables: TableState[]; busy: boolean; nextId: number } = {
  ctx: { lang: languageOfLocale(typeof navigator !== 'undefined' ? navigator.language : 'en'), roster: new Set() },
  tables: [],
  busy: false,
  nextId: 1,
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
    importButton: el('button', { type: 'button', id: 'import', className: 'action' }),
    progress: el('progress', { id: 'progress', max: 1, value: 0, hidden: true }),
    progressText: el('p', { id: 'progress-text', className: 'note' }),
    summaries: el('div', { id: 'summaries' }),
  };
  append(root, ui.title, ui.intro, el('div', { className: 'row' }, ui.pickLabel, input), ui.messages, ui.tables, ui.importButton, ui.progress, ui.progressText, ui.summaries);
  return ui;
}

function say(ui: Ui, text: string, kind: 'note' | 'error' = 'note'): void {
  ui.messages.appendChild(el('p', { className: kind, text }));
}

function serverMessage(lang: Language, error: unknown, key: MessageKey): string {
  if (error instanceof ServerError && error.permissionDenied) return t(lang, 'sidebar.error.permission');
  return t(lang, key, { message: error instanceof Error ? error.message : String(error) });
}

function renderStatic(ui: Ui): void {
  const lang = state.ctx.lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  ui.title.textContent = t(lang, 'sidebar.title');
  ui.intro.textContent = t(lang, 'sidebar.intro');
  ui.pickLabel.textContent = t(lang, 'sidebar.pick');
  ui.importButton.textContent = t(lang, 'sidebar.import');
  updateButton(ui);
}

function updateButton(ui: Ui): void {
  ui.importButton.disabled = state.busy || importable(state.tables).length === 0;
}

function renderTables(ui: Ui): void {
  clear(ui.tables);
  for (const table of state.tables) ui.tables.appendChild(cardOf(ui, table));
  updateButton(ui);
}

function cardOf(ui: Ui, table: TableState): HTMLElement {
  return renderTable(state.ctx, table, (next) => {
    state.tables = state.tables.map((s) => (s.id === next.id ? next : s));
    const old = ui.tables.querySelector(`[data-table="${next.id}"]`);
    const card = cardOf(ui, next);
    if (old) ui.tables.replaceChild(card, old);
    else ui.tables.appendChild(card);
    updateButton(ui);
  });
}

async function readFiles(ui: Ui, files: readonly File[]): Promise<void> {
  const lang = state.ctx.lang;
  clear(ui.messages);
  clear(ui.summaries);
  ui.progress.hidden = true;
  ui.progressText.textContent = '';
  state.tables = [];
  renderTables(ui);
  for (const file of files) {
    const reading = el('p', { className: 'note', text: t(lang, 'sidebar.reading', { file: file.name }) });
    ui.messages.appendChild(reading);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const raws = await readTables({ name: file.name, bytes }, { language: lang });
      for (const raw of raws) state.tables.push(newTableState(`t${state.nextId++}`, raw, lang));
      reading.remove();
    } catch (error) {
      reading.remove();
      say(ui, t(lang, 'sidebar.fileError', { file: file.name, reason: error instanceof Error ? error.message : String(error) }), 'error');
    }
  }
  renderTables(ui);
}

async function runImport(ui: Ui): Promise<void> {
  const lang = state.ctx.lang;
  const chosen = importable(state.tables);
  if (!chosen.length) {
    say(ui, t(lang, 'sidebar.nothing'));
    return;
  }
  state.busy = true;
  updateButton(ui);
  clear(ui.messages);
  clear(ui.summaries);
  ui.progress.hidden = false;
  try {
    const summaries: ImportSummary[] = await uploadResults(
      chosen.map((s) => s.result!),
      ({ done, total }) => {
        ui.progress.max = Math.max(total, 1);
        ui.progress.value = done;
        ui.progressText.textContent = t(lang, 'sidebar.importing', { done, total });
      },
    );
    const openErrors = () => void serverCall('showImportErrors').catch((error) => say(ui, serverMessage(lang, error, 'sidebar.error.server'), 'error'));
    summaries.forEach((summary, i) => ui.summaries.appendChild(renderSummary(state.ctx, summary, chosen[i].raw.sheet, openErrors)));
    ui.progressText.textContent = t(lang, 'sidebar.done');
  } catch (error) {
    say(ui, serverMessage(lang, error, 'sidebar.error.server'), 'error');
  } finally {
    state.busy = false;
    updateButton(ui);
  }
}

async function start(): Promise<void> {
  const root = document.getElementById('app') ?? document.body;
  const ui = buildUi(root);
  renderStatic(ui);
  say(ui, t(state.ctx.lang, 'sidebar.loading'));
  ui.input.addEventListener('change', () => {
    void readFiles(ui, Array.from(ui.input.files ?? []));
  });
  ui.importButton.addEventListener('click', () => {
    void runImport(ui);
  });
  try {
    const context = await serverJson<SidebarContext>('getSidebarContext');
    state.ctx = { lang: context.language === 'zh' ? 'zh' : 'en', roster: new Set(context.rosterNames ?? []) };
    clear(ui.messages);
  } catch (error) {
    clear(ui.messages);
    say(ui, serverMessage(state.ctx.lang, error, 'sidebar.error.context'), 'error');
  }
  document.body.setAttribute('data-ready', state.ctx.lang);
  renderStatic(ui);
  renderTables(ui);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
