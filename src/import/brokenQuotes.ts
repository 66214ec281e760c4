/**
 * Reading delimited text past a broken quote. One stray `"` at the start of a
 * field makes papaparse swallow every line up to the next quote, or to the end
 * of the file, into one cell. This reader keeps papaparse's quoting but judges
 * each record that spans lines, rejects the line where a runaway quote starts,
 * and parses on from the next line.
 */
import Papa from 'papaparse';

/** Why a line could not be read as a record. */
export type ParseProblemCode = 'MissingQuotes' | 'RunawayQuote' | 'TooManyFields' | 'TooFewFields';

/** A row of the parsed table that stands for a broken line (its cells split naively, for the error report). */
export interface ParseProblem {
  /** 1-based row of the parsed table (as RawTable counts rows). */
  row: number;
  /** 1-based physical line of the text where the broken quote starts. */
  line: number;
  code: ParseProblemCode;
  /** More to say in the reason (cell counts). */
  params?: Record<string, number>;
}

export interface RecoveredParse {
  rows: string[][];
  /** The 1-based physical line each row starts on. */
  lines: number[];
  problems: ParseProblem[];
  /** True when the quotes are broken so often that no reading of the file can be trusted. */
  hopeless: boolean;
}

/** A quoted cell spanning more lines than this is taken for a runaway quote (remarks run to a few lines). */
export const MAX_LINES_IN_A_CELL = 20;
/** Past this many broken quotes the file is refused rather than read line by line. */
export const MAX_BROKEN_QUOTES = 50;
/** Text swallowed by broken quotes is read again from the next line; past this many times the file's length, the file is refused (bounds the time a hostile file costs). */
const MAX_REREAD = 10;

/**
 * A line that, read on its own, is a whole record of the table: evidence it was
 * swallowed, not written inside a cell. Swallowed lines hold no quote (the
 * first quote after a runaway one closes it) and fill nearly every column.
 */
function isWholeRecord(line: string, delimiter: string, width: number): boolean {
  if (line.includes('"')) return false;
  const cells = line.split(delimiter);
  return cells.length === width && cells.filter((c) => c.trim() !== '').length >= width - 1;
}

/** The most common width of the rows with more than one cell (the table's width). */
export function usualWidth(rows: string[][]): number {
  const freq = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const row of rows) {
    if (row.length < 2) continue;
    const count = (freq.get(row.length) ?? 0) + 1;
    freq.set(row.length, count);
    if (count > bestCount) [best, bestCount] = [row.length, count];
  }
  return best;
}

/**
 * Evidence that a record spanning lines is a runaway quote, not a cell with
 * line breaks: it spans too many lines, has another width than the table, or
 * one of the lines it swallowed would be a whole record on its own.
 */
function isRunaway(record: string, cells: string[], width: number, delimiter: string): boolean {
  const lines = record.split('\n');
  if (lines.length - 1 > MAX_LINES_IN_A_CELL) return true;
  if (width > 1 && cells.length !== width) return true;
  // The first line holds the opening quote and the last the closing one; whole records in between were swallowed.
  return width > 3 && lines.slice(1, -1).some((line) => isWholeRecord(line, delimiter, width));
}

/** The cells of a broken line as written, split on the delimiter (shown in the error report, never evaluated). */
function brokenLineCells(line: string, delimiter: string): string[] {
  return line.split(delimiter);
}

/**
 * Rows of `text` (one line ending, `\n`), with the lines where a quote runs
 * away as rows of their own plus a problem each.
 * @param width the table's usual width (from a first, plain parse)
 */
export function parseRecovering(text: string, delimiter: string, width: number): RecoveredParse {
  const rows: string[][] = [];
  const lines: number[] = [];
  const problems: ParseProblem[] = [];
  let offset = 0;
  let line = 1;
  let reread = 0;
  while (offset < text.length) {
    let broken: { start: number; end: number; line: number; code: ParseProblemCode } | null = null;
    let cursor = 0;
    const base = offset;
    const baseLine = line;
    let linesSeen = 0;
    Papa.parse<string[]>(text.slice(base), {
      delimiter,
      newline: '\n',
      skipEmptyLines: false,
      header: false,
      step(result, parser) {
        const end = result.meta.cursor;
        const record = text.slice(base + cursor, base + end).replace(/\n$/, '');
        const cells = (result.data as unknown as string[]).map((c) => (c == null ? '' : String(c)));
        const unclosed = result.errors.some((e) => e.code === 'MissingQuotes');
        if (unclosed || (record.includes('\n') && isRunaway(record, cells, width, delimiter))) {
          broken = { start: base + cursor, end: base + end, line: baseLine + linesSeen, code: unclosed ? 'MissingQuotes' : 'RunawayQuote' };
          parser.abort();
          return;
        }
        rows.push(cells);
        lines.push(baseLine + linesSeen);
        linesSeen += record.split('\n').length;
        cursor = end;
      },
    });
    if (broken === null) break;
    const { start, end, line: brokenLine, code } = broken as { start: number; end: number; line: number; code: ParseProblemCode };
    reread += end - start;
    if (problems.length >= MAX_BROKEN_QUOTES || reread > MAX_REREAD * text.length) return { rows, lines, problems, hopeless: true };
    const lineEnd = text.indexOf('\n', start);
    const stop = lineEnd < 0 ? text.length : lineEnd;
    rows.push(brokenLineCells(text.slice(start, stop), delimiter));
    lines.push(brokenLine);
    problems.push({ row: rows.length, line: brokenLine, code });
    offset = stop + 1;
    line = brokenLine + 1;
  }
  return { rows, lines, problems, hopeless: false };
}
