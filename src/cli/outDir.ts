/** The --out directory: made when missing, refused with a message when it cannot be one. */
import { mkdirSync, statSync } from 'node:fs';
import type { Language } from '../core/types';
import { t } from '../i18n';

/** A refusal to print and the exit code: 64 (usage) when --out names a file, 73 (cannot create) otherwise. */
export interface OutDirProblem {
  message: string;
  code: 64 | 73;
}

export function prepareOutDir(dir: string, lang: Language): OutDirProblem | null {
  try {
    const existing = statSync(dir, { throwIfNoEntry: false });
    if (existing && !existing.isDirectory()) return { message: t(lang, 'cli.error.outIsFile', { path: dir }), code: 64 };
    mkdirSync(dir, { recursive: true });
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A file somewhere on the path (out.txt/sub) is the same mistake as --out naming a file.
    if (code === 'ENOTDIR' || code === 'EEXIST') return { message: t(lang, 'cli.error.outIsFile', { path: dir }), code: 64 };
    return { message: t(lang, 'cli.error.outUnwritable', { path: dir, error: code ?? String(error) }), code: 73 };
  }
}
