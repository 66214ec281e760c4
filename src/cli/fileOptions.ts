/**
 * The options naming a file the run reads (`--roster FILE`…): each is checked
 * before anything is written, and a missing or unreadable one stops the run
 * with one sentence naming the option and the file (exit 2). A store file
 * (`--store`) may be missing, as it is made then, but its folder must exist.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Language } from '../core/types';
import { t, type MessageKey } from '../i18n';
import type { CliOptions } from './args';

/** Every option whose value is a file to read, and where CliOptions keeps it. A new file option is added here. */
export const FILE_OPTIONS = {
  '--rules': 'rules',
  '--roster': 'roster',
  '--events': 'events',
  '--claims': 'claims',
  '--schedule': 'schedule',
  '--problems': 'problems',
  '--handovers': 'handovers',
  '--coaching': 'coaching',
} as const satisfies Record<string, keyof CliOptions>;

/** Options naming a file the run reads and writes, made when missing. */
export const STORE_OPTIONS = {
  '--store': 'store',
} as const satisfies Record<string, keyof CliOptions>;

export type FileProblem = 'missing' | 'folder' | 'denied' | 'noFolder' | 'other';

/** Why a path cannot be read as a file, or null when it can. */
export function fileProblem(path: string): FileProblem | null {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return 'missing';
    if (stat.isDirectory()) return 'folder';
    accessSync(path, constants.R_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    return code === 'EACCES' || code === 'EPERM' ? 'denied' : 'other';
  }
}

/** Why a store path cannot be opened (or made), or null when it can. */
export function storeProblem(path: string): FileProblem | null {
  const existing = fileProblem(path);
  if (existing !== 'missing') {
    if (existing) return existing;
    try {
      accessSync(path, constants.R_OK | constants.W_OK);
      return null;
    } catch {
      return 'denied';
    }
  }
  const folder = statSync(dirname(path), { throwIfNoEntry: false });
  return folder?.isDirectory() ? null : 'noFolder';
}

/** The reason in words, for any file the CLI reads. */
export function fileProblemText(problem: FileProblem, lang: Language): string {
  return t(lang, `cli.fileProblem.${problem}` as MessageKey);
}

/** The sentence for the first file option that cannot be read, or null when every one can. */
export function unreadableFileOption(options: CliOptions, lang: Language): string | null {
  for (const [option, key] of Object.entries(FILE_OPTIONS)) {
    const path = options[key];
    if (!path) continue;
    const problem = fileProblem(path);
    if (problem) return t(lang, 'cli.error.optionFile', { option, file: path, reason: fileProblemText(problem, lang) });
  }
  for (const [option, key] of Object.entries(STORE_OPTIONS)) {
    const path = options[key];
    if (!path) continue;
    const problem = storeProblem(path);
    if (problem) return t(lang, 'cli.error.storeFile', { option, file: path, reason: fileProblemText(problem, lang) });
  }
  return null;
}
