/**
 * Delimited text → rows of cells (CSV, TSV, semicolon). papaparse does the
 * quoting (delimiters, `""` and newlines inside quotes) and guesses the
 * delimiter; ragged rows are kept as they are.
 */
import Papa from 'papaparse';
import { parseRecovering, usualWidth, type ParseProblem } from './brokenQuotes';
import { fieldCountProblems } from './fieldCounts';

const DELIMITERS = [',', '\t', ';'];

/** Delimiters per record (quote-aware, across quoted newlines) of the first records. */
function countsPerRecord(text: string, delimiter: string, maxRecords = 30): number[] {
  const counts: number[] = [];
  let n = 0;
  let quoted = false;
  for (let i = 0; i < text.length && counts.length < maxRecords; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      counts.push(n);
      n = 0;
    } else if (!quoted && ch === delimiter) n++;
  }
  if (counts.length < maxRecords) counts.push(n);
  return counts;
}

/** The delimiter most records agree on; title lines (no delimiter at all) do not count against one. */
function guessDelimiter(text: string): string {
  let best = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const freq = new Map<number, number>();
    for (const c of countsPerRecord(text, d)) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let score = 0;
    for (const [count, records] of freq) score = Math.max(score, records * 1000 + count);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Delimited text read into rows, with the delimiter used and the lines that could not be read. */
export interface DelimitedTable {
  rows: string[][];
  delimiter: string;
  /** Lines where a quote runs away; each stands as a row of its own in `rows`. */
  problems: ParseProblem[];
  /** The quotes are broken too often to trust any reading: the file is refused. */
  hopeless: boolean;
}

/**
 * Rows of cells from delimited text. Line endings (CRLF, LF, CR) all read as
 * `\n`, inside quoted cells too. A trailing newline adds no empty row;
 * blank lines inside are kept (as `['']`) so row numbers match the file.
 * A quote that never closes, or swallows whole records, costs its own line
 * only (a problem), never the rest of the file.
 * @example parseDelimitedTable('a;b\n"x;1";2\n').rows // [['a','b'],['x;1','2']]
 */
export function parseDelimitedTable(text: string): DelimitedTable {
  if (text === '') return { rows: [], delimiter: ',', problems: [], hopeless: false };
  // One line ending for the whole text: exports mix CRLF and LF (e.g. a hand-edited last line).
  const unified = text.replace(/\r\n?/g, '\n');
  const delimiter = guessDelimiter(unified);
  const result = Papa.parse<string[]>(unified, { delimiter, newline: '\n', skipEmptyLines: false, header: false });
  // Cells normalised in place: a copy would hold the table twice at once (a million-row export is hundreds of MB).
  let rows = result.data;
  for (const row of rows) for (let j = 0; j < row.length; j++) if (typeof row[j] !== 'string') row[j] = row[j] == null ? '' : String(row[j]);
  let lines: number[] | null = null;
  let problems: ParseProblem[] = [];
  let hopeless = false;
  // The plain parse is right unless a quote misbehaved or some record spans lines: then judge record by record.
  if (result.errors.length > 0 || rows.length < lineCount(unified)) {
    ({ rows, lines, problems, hopeless } = parseRecovering(unified, delimiter, usualWidth(rows)));
  }
  const endsWithNewline = unified.endsWith('\n');
  if (endsWithNewline && rows.length > 0) {
    const last = rows[rows.length - 1];
    if (last.length === 1 && last[0] === '') rows.pop();
  }
  // Without a record spanning lines, row i starts on line i + 1 (fieldCountProblems reads a missing entry so).
  const rowLines = lines ?? [];
  problems = [...problems, ...fieldCountProblems(rows, rowLines, endsWithNewline, problems)].sort((a, b) => a.row - b.row);
  return { rows, delimiter, problems, hopeless };
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Just the rows (settings, roster and events files, where a broken line is a rejected row anyway). */
export function parseDelimited(text: string): string[][] {
  return parseDelimitedTable(text).rows;
}
