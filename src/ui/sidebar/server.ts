/**
 * The sidebar's only door to the server: one promise-returning wrapper around
 * google.script.run. Every server function takes and returns strings (JSON for
 * structured payloads), because google.script.run mangles nested arrays of
 * objects and refuses Dates.
 */

import type * as Server from '../../sheets/importServer';
import type * as SupervisorServer from '../../sheets/supervisorImport';
import type * as ReportsServer from '../../sheets/reportsMenu';

/**
 * The server functions the sidebar calls (top-level functions of dist/Code.js),
 * typed by the server's own exports so the two cannot drift. A type-only
 * import: no server code enters the browser bundle.
 */
export type ServerFunctions = Pick<typeof Server, 'getSidebarContext' | 'importChunk' | 'finishImport' | 'showImportErrors'> &
  Pick<typeof SupervisorServer, 'importSupervisorTable'> &
  Pick<typeof ReportsServer, 'buildAllReports'>;

export type ServerFunctionName = keyof ServerFunctions;

type Runner = {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
} & Record<ServerFunctionName, (...args: string[]) => void>;

declare const google: { script: { run: Runner } };

/** A failed server call; `permissionDenied` marks Apps Script's multi-account bug. */
export class ServerError extends Error {
  readonly permissionDenied: boolean;
  constructor(readonly functionName: string, message: string) {
    super(message);
    this.name = 'ServerError';
    this.permissionDenied = /PERMISSION_DENIED/i.test(message);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

/**
 * Calls a server function; resolves with the string it returned.
 * @example const json = await serverCall('finishImport', importId);
 */
export function serverCall<K extends ServerFunctionName>(name: K, ...args: Parameters<ServerFunctions[K]>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    try {
      const runner = google.script.run
        .withSuccessHandler((value) => resolve(typeof value === 'string' ? value : JSON.stringify(value ?? null)))
        .withFailureHandler((error) => reject(new ServerError(name, messageOf(error))));
      runner[name](...(args as string[]));
    } catch (error) {
      // The real runner throws synchronously on an argument it cannot send.
      reject(new ServerError(name, messageOf(error)));
    }
  });
}

/** serverCall, with the answer parsed as JSON of the type the server promises. */
export async function serverJson<T, K extends ServerFunctionName = ServerFunctionName>(name: K, ...args: Parameters<ServerFunctions[K]>): Promise<T> {
  const text = await serverCall(name, ...args);
  return JSON.parse(text) as T;
}
