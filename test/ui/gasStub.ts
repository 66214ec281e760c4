/**
 * A stand-in for Apps Script's google.script.run, injected into the sidebar
 * page before its script runs. Like the real one it is asynchronous, its
 * withSuccessHandler/withFailureHandler return new chainable runners, and it
 * refuses Date and function arguments by throwing at the call. Every call is
 * recorded on window.__gasCalls for the test to inspect.
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
  };
  const page = window as unknown as { __gasCalls: RecordedCall[]; google: unknown };
  const calls: RecordedCall[] = [];
  page.__gasCalls = calls;
  const chunks: Record<string, Chunk[]> = {};

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
      (chunks[chunk.importId] = chunks[chunk.importId] ?? []).push(chunk);
      const records = chunk.agentDays.length + chunk.consultations.length + chunk.orders.length;
      return JSON.stringify({ importId: chunk.importId, chunkIndex: chunk.chunkIndex, added: records, replaced: 0, rejected: chunk.rejected.length });
    },
    showImportErrors: () => config.errorsTab,
    finishImport: (importId) => {
      const got = chunks[String(importId)] ?? [];
      const sum = (pick: (c: Chunk) => number) => got.reduce((n, c) => n + pick(c), 0);
      const records = sum((c) => c.agentDays.length + c.consultations.length + c.orders.length);
      return JSON.stringify({
        importId,
        file: got[0]?.file ?? '',
        kind: got[0]?.kind ?? 'agent_day',
        rowsRead: got[got.length - 1]?.rowsRead ?? 0,
        added: records - config.replaced,
        replaced: config.replaced,
        rejected: sum((c) => c.rejected.length),
        skipped: sum((c) => c.skipped.length),
        newAgents: config.newAgents,
        errorsTab: config.errorsTab,
      });
    },
  };

  function runner(success: Handler, failure: Handler): Record<string, unknown> {
    const r: Record<string, unknown> = {
      withSuccessHandler: (f: Handler) => runner(f, failure),
      withFailureHandler: (f: Handler) => runner(success, f),
    };
    for (const name of Object.keys(server)) {
      r[name] = (...args: unknown[]) => {
        args.forEach((arg, i) => refuse(arg, String(i)));
        calls.push({ name, args });
        setTimeout(() => {
          try {
            if (config.fail && config.fail.name === name) throw new Error(config.fail.message);
            const value = server[name](...args);
            if (success) success(value);
          } catch (error) {
            if (failure) failure(error);
          }
        }, 5);
      };
    }
    return r;
  }

  page.google = { script: { run: runner(null, null) } };
}
