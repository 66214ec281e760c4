/**
 * SPEC §8: two imports or report runs never interleave writes. Every writing
 * server function runs inside the document lock.
 */
import { t, type Language } from '../i18n';

const WAIT_MS = 30_000;

export function withDocumentLock<T>(lang: Language, run: () => T): T {
  const lock = typeof LockService === 'undefined' ? null : LockService.getDocumentLock();
  // Outside a document (a plain script run) there is no document lock to take.
  if (!lock) return run();
  try {
    lock.waitLock(WAIT_MS);
  } catch {
    throw new Error(t(lang, 'sheets.lockBusy'));
  }
  try {
    const result = run();
    if (typeof SpreadsheetApp !== 'undefined' && SpreadsheetApp.flush) SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
