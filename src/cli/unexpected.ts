/**
 * What the CLI prints when something it did not foresee stops it: one
 * sentence in the run's language naming the error, and the stack only when
 * the supervisor asks for it with CS_DAILY_DEBUG=1 (to send to the team).
 */
import { parseArgs } from './args';
import { terminalSafe } from './console';
import { languageOfLocale, t, type Language } from '../i18n';

/** The language the run would have used: `--lang` when the arguments parse, else the locale. */
export function runLanguage(argv: readonly string[], locale: string | undefined): Language {
  const fallback = languageOfLocale(locale);
  const parsed = parseArgs(argv, fallback);
  return parsed.ok ? parsed.options.language : fallback;
}

/** The lines to print for an unexpected error, each safe for a terminal. */
export function unexpectedErrorLines(error: unknown, language: Language, debug: boolean): string[] {
  const message = error instanceof Error ? error.message : String(error);
  const lines = [t(language, 'cli.unexpected', { message: message.split('\n')[0] })];
  if (debug && error instanceof Error && error.stack) lines.push(...error.stack.split('\n'));
  return lines.map(terminalSafe);
}
