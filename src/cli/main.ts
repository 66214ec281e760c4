/**
 * `npm run report -- --out DIR [options] FILES...` (SPEC §6): the offline
 * pipeline. Import every file, compute every report, write DIR/report.xlsx and
 * one CSV per tab, print a one-screen summary; exit 2 when nothing imported.
 */
import { realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from './args';
import { loadInput } from './load';
import { safePrinter } from './console';
import { runLanguage, unexpectedErrorLines } from './unexpected';
import { prepareOutDir } from './outDir';
import { machineNow } from './clock';
import { unreadableFileOption } from './fileOptions';
import { rosterRefusal } from './rosterCheck';
import { buildReports, type ReportInput } from '../reports';
import { fitSettings, suggestionsCsv } from '../reports/suggestedSettings';
import type { LocalTime } from '../core/types';
import { MAX_CELL_CHARS, writeXlsx, type CutCell } from '../xlsx/writeXlsx';
import { csvText } from '../xlsx/csv';
import { languageOfLocale, t } from '../i18n';

export async function runCli(argv: readonly string[], printRaw: (line: string) => void = console.log, printErrorRaw: (line: string) => void = console.error): Promise<number> {
  // Names and reasons come from the user's files: no control character reaches the terminal.
  const print = safePrinter(printRaw);
  const printError = safePrinter(printErrorRaw);
  const parsed = parseArgs(argv, languageOfLocale(process.env.LANG));
  if (!parsed.ok) {
    printError(parsed.message);
    printError(t(languageOfLocale(process.env.LANG), 'cli.usage'));
    return 64;
  }
  const { options } = parsed;
  const lang = options.language;
  const unreadable = unreadableFileOption(options, lang);
  if (unreadable) {
    printError(unreadable);
    return 2;
  }
  const outProblem = prepareOutDir(options.out, lang);
  if (outProblem) {
    printError(outProblem.message);
    return outProblem.code;
  }
  const refusal = options.roster ? rosterRefusal(options.roster, lang) : [];
  if (refusal.length > 0) {
    refusal.forEach((line) => printError(line));
    return 2;
  }
  const loaded = await loadInput(options);
  loaded.log.forEach((line) => print(line));
  let input = loaded.input;
  if (options.store) {
    // Loaded only for --store: DuckDB's native binding is an optional dependency.
    let storeRun: typeof import('./storeRun');
    try {
      storeRun = await import('./storeRun');
    } catch (error) {
      printError(t(lang, 'cli.store.noDuckdb', { error: (error as Error).message }));
      return 2;
    }
    const stored = await storeRun.reportInputFromStore(options.store, loaded, lang);
    if (!stored.ok) {
      printError(stored.message);
      return 2;
    }
    stored.log.forEach((line) => print(line));
    input = stored.input;
  } else if (loaded.accepted === 0) {
    const shown = loaded.input.rejections.slice(0, 5);
    if (shown.length > 0) printError(t(lang, 'cli.firstRejections', { count: shown.length }));
    for (const r of shown) printError(t(lang, 'cli.rejection', { file: r.file, row: r.row, column: r.column ? ` (${r.column})` : '', reason: r.reason }));
    printError(t(lang, 'cli.error.nothingImported'));
    return 2;
  }
  const run = buildReports(input, { date: options.date, period: options.period, month: options.month, now: options.now ?? machineNow() });
  const xlsxPath = join(options.out, 'report.xlsx');
  const cuts: CutCell[] = [];
  writeFileSync(xlsxPath, await writeXlsx(run.tabs, { locale: lang === 'zh' ? 'zh-CN' : 'en', onCut: (cut) => cuts.push(cut) }));
  print(t(lang, 'cli.wrote', { path: xlsxPath }));
  for (const cut of cuts) print(t(lang, 'cli.cellCut', { tab: cut.tab, row: cut.row + 1, col: cut.col + 1, length: cut.length, limit: MAX_CELL_CHARS }));
  for (const csv of run.csvs) {
    const path = join(options.out, csv.fileName);
    writeFileSync(path, csvText(csv), 'utf8');
    print(t(lang, 'cli.wrote', { path }));
  }
  if (options.suggestSettings) writeSuggestions(input, options.now ?? machineNow(), options.out, print);
  if (run.ownerMessage.length > 0) {
    // The owner's message, ready to paste into a chat (UTF-8, one line each).
    const summaryPath = join(options.out, 'summary.txt');
    writeFileSync(summaryPath, `${run.ownerMessage.join('\n')}\n`, 'utf8');
    print(t(lang, 'cli.wrote', { path: summaryPath }));
  }
  print('');
  run.summary.forEach((line) => print(line));
  if (run.ownerMessage.length > 0) {
    print('');
    run.ownerMessage.forEach((line) => print(line));
  }
  return 0;
}

/** suggested-settings.csv: a proposal in the rules CSV's layout, the figures each row came from in its note; nothing is applied. */
function writeSuggestions(input: ReportInput, now: LocalTime, out: string, print: (line: string) => void): void {
  const suggestions = fitSettings(input, now);
  const path = join(out, 'suggested-settings.csv');
  writeFileSync(path, csvText(suggestionsCsv(suggestions, input.language)), 'utf8');
  print(t(input.language, 'cli.wrote', { path }));
  for (const p of suggestions.proposals) print(`${t(input.language, 'cli.suggested')} ${[p.setting, p.value, p.amount].filter(Boolean).join(',')} · ${p.source}`);
}

/** True when this file is the script node was started with, also through a symlinked path (node reports modules by their real path). */
function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1]);
  } catch {
    return import.meta.url === pathToFileURL(process.argv[1]).href;
  }
}

if (isEntryPoint()) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      const language = runLanguage(process.argv.slice(2), process.env.LANG);
      unexpectedErrorLines(error, language, process.env.CS_DAILY_DEBUG === '1').forEach((line) => console.error(line));
      process.exit(1);
    },
  );
}
