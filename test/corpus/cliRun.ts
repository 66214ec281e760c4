/** Runs the CLI on corpus files as the manifest gives them, and reads back what it wrote. */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli } from '../../src/cli/main';
import { CORPUS_FILES, type RunCounts } from './manifest';

/** The run's counts line in English and in Chinese (--lang zh). */
const COUNTS_LINES = [/^Rows read: (\d+); stored (\d+), replaced (\d+), rejected (\d+), skipped (\d+)\.$/, /^共读取 (\d+) 行：存入 (\d+)，被替换 (\d+)，拒绝 (\d+)，跳过 (\d+)。$/];

/** A manifest argument naming a corpus file (`name` or `name@day`) becomes its path. */
function resolved(arg: string): string {
  const [name, day] = arg.split(/@(?=\d{4}-\d{2}-\d{2}$)/);
  return existsSync(join(CORPUS_FILES, name)) ? join(CORPUS_FILES, name) + (day ? `@${day}` : '') : arg;
}

export async function runCorpusCli(args: string[]) {
  const outDir = mkdtempSync(join(tmpdir(), 'csdaily-corpus-'));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--out', outDir, ...args.map(resolved)], (l) => out.push(l), (l) => err.push(l));
  const match = out.flatMap((l) => COUNTS_LINES.map((re) => re.exec(l))).find((m) => m !== null);
  const counts: RunCounts | null = match ? { read: +match[1], stored: +match[2], replaced: +match[3], rejected: +match[4], skipped: +match[5] } : null;
  const errorsPath = join(outDir, 'import-errors.csv');
  const importErrors = existsSync(errorsPath) ? readFileSync(errorsPath, 'utf8') : '';
  return { code, out, err, counts, outDir, importErrors };
}

/** Every cell (headers included) of every CSV the run wrote. */
export function cellsOfOutputCsvs(outDir: string): { file: string; cell: string }[] {
  const cells: { file: string; cell: string }[] = [];
  for (const file of readdirSync(outDir).filter((f) => f.endsWith('.csv'))) {
    const text = readFileSync(join(outDir, file), 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data as string[][];
    for (const row of rows) for (const cell of row) cells.push({ file, cell });
  }
  return cells;
}
