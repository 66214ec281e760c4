/**
 * The sidebar's import area: the Import button and, right under it, what an
 * import is doing (progress, Cancel), why it stopped and what was saved
 * (with Resume), a confirm before importing the same files twice, and the
 * summaries. The server's own message only ever appears as a detail line.
 */
import { t, type Language } from '../../i18n';
import { append, clear, el } from './dom';
import { serverCall, ServerError } from './server';
import type { TableState } from './tables';
import { nextChunkNumber, planUpload, RETRY_DELAYS_MS, rowsStored, runUpload, type Upload, type UploadOutcome } from './upload';
import { renderSummary, renderTotal } from './summaryView';
import { supervisorPayload } from './supervisor';
import { nextSteps } from './nextSteps';
import type { ViewContext } from './view';

export interface ImportPanel {
  /** The area's elements, in page order. */
  elements: HTMLElement[];
  busy(): boolean;
  /** New files were chosen: forget the last import's state and messages. */
  reset(): void;
  /** Texts in the current language, what Import will send, and whether it can be pressed. */
  render(chosen: { tables: number; rows: number }): void;
}

interface Deps {
  ctx: () => ViewContext;
  chosen: () => TableState[];
  /** Called when the panel starts or stops being busy (the page disables what it must). */
  onBusyChange: () => void;
  /** Agents a roster import stored: the page counts them as known from now on. */
  onRosterStored?: (names: string[]) => void;
}

/** Delays between tries; a test page may set `window.csDailyRetryDelaysMs` to keep its retries fast. */
function retryDelays(): readonly number[] {
  const given = (globalThis as { csDailyRetryDelaysMs?: unknown }).csDailyRetryDelaysMs;
  return Array.isArray(given) && given.every((d) => typeof d === 'number' && d >= 0) ? given : RETRY_DELAYS_MS;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function importPanel(deps: Deps): ImportPanel {
  const importButton = el('button', { type: 'button', id: 'import', className: 'action' });
  const cancelButton = el('button', { type: 'button', id: 'cancel', className: 'secondary', hidden: true });
  const status = el('div', { id: 'import-status', role: 'status', 'aria-live': 'polite' });
  const progress = el('progress', { id: 'progress', max: 1, value: 0, hidden: true });
  const progressText = el('p', { id: 'progress-text', className: 'note' });
  const total = el('div', { id: 'total' });
  const summaries = el('div', { id: 'summaries' });
  const chosenLine = el('p', { id: 'import-total', className: 'note' });
  // Always in view at the bottom of the sidebar, however long the list of files above it.
  const bar = el('div', { id: 'import-bar', className: 'import-bar' }, chosenLine, importButton, cancelButton, status, progress, progressText);

  let running = false;
  let stopRequested = false;
  /** The stopped import Resume continues, with the tables it was started for. */
  let stopped: { upload: Upload; tables: TableState[] } | null = null;
  /** Files (name, size, content) imported in this session, by key → display name. */
  const imported = new Map<string, string>();
  let enabled = false;

  const lang = (): Language => deps.ctx().lang;
  const next = nextSteps(lang);

  function setRunning(value: boolean): void {
    running = value;
    cancelButton.hidden = !value;
    cancelButton.disabled = false;
    importButton.disabled = value || !enabled;
    deps.onBusyChange();
  }

  function showProgress(done: number, total: number, attempt: number): void {
    progress.hidden = false;
    progress.max = Math.max(total, 1);
    progress.value = done;
    const tries = retryDelays().length + 1;
    progressText.textContent = attempt > 1 ? t(lang(), 'sidebar.retrying', { done, total, attempt, tries }) : t(lang(), 'sidebar.importing', { done, total });
  }

  function openErrors(): void {
    serverCall('showImportErrors').catch((error) => {
      append(
        status,
        el('p', { className: 'error', text: t(lang(), 'sidebar.error.server') }),
        el('p', { className: 'note', text: t(lang(), 'sidebar.error.detail', { message: messageOf(error) }) }),
      );
    });
  }

  function showSummaries(upload: Upload, tables: TableState[], from: number): void {
    upload.summaries.slice(from).forEach((summary, i) => summaries.appendChild(renderSummary(deps.ctx(), summary, tables[from + i].raw.sheet)));
  }

  /** Why the import stopped, what was saved, and Resume: a sentence in the user's language, the server's text only as a detail. */
  function showStopped(upload: Upload, outcome: Exclude<UploadOutcome, { status: 'done' }>): void {
    const l = lang();
    const counts = { done: upload.chunksDone, total: upload.totalChunks, rows: rowsStored(upload), part: nextChunkNumber(upload) };
    const box = el('div', { className: 'stopped', id: 'stopped' });
    if (outcome.status === 'cancelled') {
      box.appendChild(el('p', { className: 'stopped-reason', text: t(l, 'sidebar.stopped.cancelled') }));
    } else if (outcome.error instanceof ServerError && outcome.error.permissionDenied) {
      append(box, el('p', { className: 'stopped-reason error', text: t(l, 'sidebar.stopped.permission') }), el('p', { className: 'error', text: t(l, 'sidebar.error.permission') }));
    } else {
      box.appendChild(el('p', { className: 'stopped-reason error', text: t(l, 'sidebar.stopped.failed', { ...counts, tries: retryDelays().length + 1 }) }));
    }
    append(box, el('p', { className: 'stopped-saved', text: t(l, 'sidebar.stopped.saved', counts) }), el('p', { className: 'note', text: t(l, 'sidebar.stopped.resume', counts) }));
    if (outcome.status === 'failed') box.appendChild(el('p', { className: 'stopped-detail note', text: t(l, 'sidebar.stopped.detail', { message: messageOf(outcome.error) }) }));
    const resume = el('button', { type: 'button', id: 'resume', className: 'action', text: t(l, 'sidebar.resume') });
    resume.addEventListener('click', () => void run());
    box.appendChild(resume);
    status.appendChild(box);
    progressText.textContent = t(l, 'sidebar.progress.stopped', counts);
  }

  async function run(): Promise<void> {
    if (!stopped || running) return;
    const { upload, tables } = stopped;
    stopRequested = false;
    clear(status);
    setRunning(true);
    const summariesBefore = upload.summaries.length;
    const outcome = await runUpload(upload, {
      onProgress: (p) => showProgress(p.done, p.total, p.attempt),
      shouldStop: () => stopRequested,
      retryDelaysMs: retryDelays(),
    });
    if (upload.chunksDone > 0) for (const table of tables) imported.set(table.fileKey, table.raw.file);
    showSummaries(upload, tables, summariesBefore);
    setRunning(false);
    if (outcome.status === 'done') {
      stopped = null;
      const named = tables.flatMap((s) => (s.supervisor?.kind === 'roster' ? s.supervisor.agents.map((a) => a.name) : []));
      if (named.length) deps.onRosterStored?.(named);
      progressText.textContent = t(lang(), 'sidebar.done');
      clear(total);
      const card = renderTotal(deps.ctx(), upload.summaries, openErrors);
      card.appendChild(next.render(upload.summaries));
      total.appendChild(card);
      // The total sits right under the Import button, above each table's line: it is what the user looks for.
      card.scrollIntoView({ block: 'start' });
    } else {
      showStopped(upload, outcome);
      status.scrollIntoView({ block: 'nearest' });
    }
  }

  function start(chosen: TableState[]): void {
    // The roster goes first: agents it names are then not flagged new by the exports sent after it.
    const tables = [...chosen.filter((s) => s.supervisor), ...chosen.filter((s) => !s.supervisor)];
    clear(summaries);
    clear(total);
    const payloads = tables.map((s) => (s.supervisor ? { whole: supervisorPayload(s.supervisor, s.raw.file, s.raw.sheet) } : s.result!));
    stopped = { upload: planUpload(payloads, lang()), tables };
    void run();
  }

  /** Asks inside the sidebar (a window.confirm would block the page and is awkward to test). */
  function confirmAgain(tables: TableState[], names: string[]): void {
    clear(status);
    const l = lang();
    const yes = el('button', { type: 'button', id: 'confirm-yes', className: 'action', text: t(l, 'sidebar.confirm.yes') });
    const no = el('button', { type: 'button', id: 'confirm-no', className: 'secondary', text: t(l, 'sidebar.confirm.no') });
    yes.addEventListener('click', () => start(tables));
    no.addEventListener('click', () => clear(status));
    status.appendChild(el('div', { className: 'confirm', id: 'confirm' }, el('p', { text: t(l, 'sidebar.confirm.again', { files: names.join(', ') }) }), yes, no));
    status.scrollIntoView({ block: 'nearest' });
  }

  importButton.addEventListener('click', () => {
    if (running) return;
    const tables = deps.chosen();
    if (!tables.length) {
      clear(status);
      status.appendChild(el('p', { className: 'note', text: t(lang(), 'sidebar.nothing') }));
      return;
    }
    const again = [...new Set(tables.filter((s) => imported.has(s.fileKey)).map((s) => s.raw.file))];
    if (again.length) confirmAgain(tables, again);
    else start(tables);
  });
  cancelButton.addEventListener('click', () => {
    stopRequested = true;
    cancelButton.disabled = true;
    progressText.textContent = t(lang(), 'sidebar.cancelling');
  });

  return {
    elements: [bar, total, summaries],
    busy: () => running,
    reset() {
      stopped = null;
      clear(status);
      clear(total);
      clear(summaries);
      progress.hidden = true;
      progressText.textContent = '';
    },
    render(chosen) {
      enabled = chosen.tables > 0;
      importButton.textContent = t(lang(), 'sidebar.import');
      chosenLine.textContent =
        chosen.tables === 0
          ? t(lang(), 'sidebar.import.none')
          : t(lang(), chosen.tables === 1 ? 'sidebar.import.totalOne' : 'sidebar.import.total', { tables: chosen.tables, rows: chosen.rows.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-US') });
      cancelButton.textContent = t(lang(), 'sidebar.cancel');
      importButton.disabled = running || !enabled;
    },
  };
}
