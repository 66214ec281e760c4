/**
 * A stand-in for Apps Script's google.script.run, injected into the sidebar
 * page before its script runs. Like the real one it is asynchronous, its
 * withSuccessHandler/withFailureHandler return new chainable runners, and it
 * refuses Date and function arguments by throwing at the call. Every call is
 * recorded on window.__gasCalls for the test to inspect. Like the real
 * server it stores a chunk it already has only once (by import id and chunk
 * index), and it can fail chosen calls, before or after doing their work.
 *
 * installGasStub runs inside the page (page.addInitScript serialises it), so
 * it must not use anything from this module's scope.
 */

export interface StubConfig {
  language: 'en' | 'zh';
  rosterNames: string[];
  /** What finishImport reports besides the counts it computes from the chunks. */
  replaced: number;
  newAgents: string[];
  errorsTab: string;
  /** Make one server function fail with this message. */
  fail?: { name: string; message: string };
  /**
   * Make the given calls of one function fail (1-based, counting that function's calls);
   * `afterWork` stores the chunk first, as when the answer is lost on the way back.
   */
  failCalls?: { name: string; calls: number[]; message: string; afterWork?: boolean };
  /** Milliseconds each call takes (5 by default). */
  delayMs?: number;
  /** How full the spreadsheet is, as finishImport reports it (absent = not measured). */
  grid?: { used: number; limit: number; daysLeft: number | null };
}

export interface RecordedCall {
  name: string;
  args: unknown[];
}

export function installGasStub(config: StubConfig): void {
  type Handler = ((value: unknown) => void) | null;
  type Chunk = {
    importId: string;
    file: string;
    kind: string;
    rowsRead: number;
    agentDays: unknown[];
    consultations: unknown[];
    orders: unknown[];
    rejected: unknown[];
    skipped: unknown[];
    conflicts?: unknown[];
  };
  const page = window as unknown as { __gasCalls: RecordedCall[]; google: unknown };
  const calls: RecordedCall[] = [];
  page.__gasCalls = calls;
  const chunks: Record<string, Chunk[]> = {};
  const recordsOf = (c: Chunk) => c.agentDays.length + c.consultations.length + c.orders.length;

  function refuse(value: unknown, path: string): void {
    if (value instanceof Date || typeof value === 'function') {
      throw new Error(`Failed due to illegal value in property: ${path}`);
    }
    if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) refuse(inner, `${path}.${key}`);
    }
  }

  const server: Record<string, (...args: unknown[]) => unknown> = {
    getSidebarContext: () => JSON.stringify({ language: config.language, timeZone: 'Asia/Shanghai', rosterNames: config.rosterNames }),
    importChunk: (json) => {
      if (typeof json !== 'string') throw new Error('importChunk expects a JSON string');
      const chunk = JSON.parse(json) as Chunk & { chunkIndex: number };
      const stored = (chunks[chunk.importId] = chunks[chunk.importId] ?? []);
      const repeated = stored[chunk.chunkIndex] !== undefined;
      if (!repeated) stored[chunk.chunkIndex] = chunk;
      const storedSoFar = stored.reduce((n, c) => n + (c ? recordsOf(c) : 0), 0);
      const records = repeated ? 0 : recordsOf(chunk);
      return JSON.stringify({ importId: chunk.importId, chunkIndex: chunk.chunkIndex, added: records, replaced: 0, rejected: repeated ? 0 : chunk.rejected.length, repeated, storedSoFar });
    },
    showImportErrors: () => config.errorsTab,
    // A roster or events table, whole: every agent or event counts as added.
    importSupervisorTable: (json) => {
      const table = JSON.parse(String(json)) as { importId: string; file: string; kind: string; rowsRead: number; agents: unknown[]; events: unknown[]; rejected: unknown[]; skipped: number };
      const added = table.agents.length + table.events.length;
      return JSON.stringify({ importId: table.importId, file: table.file, kind: table.kind, rowsRead: table.rowsRead, added, replaced: 0, rejected: table.rejected.length, skipped: table.skipped, newAgents: [], errorsTab: config.errorsTab });
    },
    finishImport: (importId) => {
      const got = (chunks[String(importId)] ?? []).filter((c) => c !== undefined);
      const sum = (pick: (c: Chunk) => number) => got.reduce((n, c) => n + pick(c), 0);
      const records = sum(recordsOf);
      return JSON.stringify({
        importId,
        file: got[0]?.file ?? '',
        kind: got[0]?.kind ?? 'agent_day',
        rowsRead: got[got.length - 1]?.rowsRead ?? 0,
        added: records - config.replaced,
        replaced: config.replaced,
        rejected: sum((c) => c.rejected.length),
        skipped: sum((c) => c.skipped.length),
        conflicts: sum((c) => c.conflicts?.length ?? 0),
        newAgents: config.newAgents,
        errorsTab: config.errorsTab,
        ...(config.grid ? { grid: config.grid } : {}),
      });
    },
    buildAllReports: () => undefined,
  };

  const callsByName: Record<string, number> = {};

  function runner(success: Handler, failure: Handler): Record<string, unknown> {
    const r: Record<string, unknown> = {
      withSuccessHandler: (f: Handler) => runner(f, failure),
      withFailureHandler: (f: Handler) => runner(success, f),
    };
    for (const name of Object.keys(server)) {
      r[name] = (...args: unknown[]) => {
        args.forEach((arg, i) => refuse(arg, String(i)));
        calls.push({ name, args });
        const nth = (callsByName[name] = (callsByName[name] ?? 0) + 1);
        const planned = config.failCalls && config.failCalls.name === name && config.failCalls.calls.includes(nth) ? config.failCalls : null;
        setTimeout(() => {
          try {
            if (config.fail && config.fail.name === name) throw new Error(config.fail.message);
            if (planned && !planned.afterWork) throw new Error(planned.message);
            const value = server[name](...args);
            if (planned) throw new Error(planned.message);
            if (success) success(value);
          } catch (error) {
            if (failure) failure(error);
          }
        }, config.delayMs ?? 5);
      };
    }
    return r;
  }

  page.google = { script: { run: runner(null, null) } };
}
