/** The command line of SPEC §6, parsed into options or a message saying what to fix. */
import type { IsoDate, Language, LocalTime } from '../core/types';
import type { PeriodKind } from '../core/periods';
import { isIsoDate } from '../core/dates';
import { parseLanguage, t } from '../i18n';
import { parseNow } from './clock';

export interface CliOptions {
  out: string;
  date: IsoDate | null;
  period: PeriodKind;
  month: string | null;
  language: Language;
  rules: string | null;
  roster: string | null;
  events: string | null;
  /** `order_id,agent_id`: unremarked orders the supervisor confirmed for an agent. */
  claims: string | null;
  /** The supervisor's logs (CSV): the schedule's hand-typed rows, the problem and handover logs, the coaching log. */
  schedule: string | null;
  problems: string | null;
  handovers: string | null;
  coaching: string | null;
  /** The day of every file without a date of its own (`--import-date`); `--date` stays the report day. */
  importDate: IsoDate | null;
  /** The moment the run is made as of (`--now`); null = the machine's clock. */
  now: LocalTime | null;
  files: InputFile[];
  /** `--store FILE.duckdb`: add the files to this store, then report from everything stored. */
  store: string | null;
  /** Print the program's own error behind a refusal as a debug line. */
  verbose: boolean;
  /** --suggest-settings: also write suggested-settings.csv, settings fitted to the shop's own final days. */
  suggestSettings: boolean;
}

/** One input file, with the day given to it on the command line (`FILE@YYYY-MM-DD`), if any. */
export interface InputFile {
  path: string;
  date: IsoDate | null;
}

/** `export.xlsx@2026-04-20` gives a dateless export its day; a path that merely contains `@` stays a path. */
function inputFile(arg: string): InputFile {
  const match = /^(.+)@(\d{4}-\d{2}-\d{2})$/.exec(arg);
  return match && isIsoDate(match[2]) ? { path: match[1], date: match[2] } : { path: arg, date: null };
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; message: string };

const VALUE_OPTIONS = ['--out', '--date', '--import-date', '--period', '--month', '--lang', '--rules', '--roster', '--events', '--claims', '--now', '--store', '--schedule', '--problems', '--handovers', '--coaching'];

export function parseArgs(argv: readonly string[], defaultLanguage: Language = 'en'): ParsedArgs {
  const values: Record<string, string> = {};
  const files: string[] = [];
  let verbose = false;
  let suggestSettings = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--suggest-settings') {
      suggestSettings = true;
      continue;
    }
    if (arg === '--verbose') {
      verbose = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!VALUE_OPTIONS.includes(name)) return { ok: false, message: t(defaultLanguage, 'cli.error.unknownOption', { option: name }) };
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') return { ok: false, message: t(defaultLanguage, 'cli.error.missingValue', { option: name }) };
    values[name] = value;
  }
  const language = values['--lang'] ? parseLanguage(values['--lang']) : defaultLanguage;
  if (!language) return { ok: false, message: t(defaultLanguage, 'cli.error.badValue', { option: '--lang', value: values['--lang'], expected: 'en, zh' }) };
  const bad = (option: string, expected: string) => ({ ok: false as const, message: t(language, 'cli.error.badValue', { option, value: values[option], expected }) });
  if (!values['--out']) return { ok: false, message: t(language, 'cli.error.missingOut') };
  if (values['--date'] && !isIsoDate(values['--date'])) return bad('--date', 'YYYY-MM-DD');
  if (values['--import-date'] && !isIsoDate(values['--import-date'])) return bad('--import-date', 'YYYY-MM-DD');
  const now = values['--now'] ? parseNow(values['--now']) : null;
  if (values['--now'] && now === null) return bad('--now', 'YYYY-MM-DD, YYYY-MM-DDTHH:mm');
  const period = (values['--period'] ?? 'day') as PeriodKind;
  if (!['day', 'week', 'month'].includes(period)) return bad('--period', 'day, week, month');
  if (values['--month'] && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values['--month'])) return bad('--month', 'YYYY-MM');
  if (files.length === 0 && !values['--store']) return { ok: false, message: t(language, 'cli.error.noFiles') };
  return {
    ok: true,
    options: {
      out: values['--out'],
      date: values['--date'] ?? null,
      period,
      month: values['--month'] ?? null,
      language,
      rules: values['--rules'] ?? null,
      roster: values['--roster'] ?? null,
      events: values['--events'] ?? null,
      claims: values['--claims'] ?? null,
      schedule: values['--schedule'] ?? null,
      problems: values['--problems'] ?? null,
      handovers: values['--handovers'] ?? null,
      coaching: values['--coaching'] ?? null,
      importDate: values['--import-date'] ?? null,
      now,
      files: files.map(inputFile),
      store: values['--store'] ?? null,
      verbose,
      suggestSettings,
    },
  };
}
