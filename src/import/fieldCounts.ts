/**
 * Rows with more or fewer cells than the table: papaparse's TooManyFields and
 * TooFewFields, judged against the width most rows share (the header may be
 * written without trailing delimiters). A row with more cells holds an
 * unquoted delimiter in a value (`1,234.50` in a comma file), which shifts
 * every column after it; a short last row without a final line break is a
 * cut-off file. Either would be read as wrong figures, so each is a problem.
 */
import { usualWidth, type ParseProblem } from './brokenQuotes';

/** The usual width counts only when most rows, and at least this many, share it. */
const MIN_ROWS_FOR_WIDTH = 3;

/**
 * Problems of rows whose width is off, skipping rows that already have one.
 * @param lines the 1-based physical line of each row; a row without an entry is on line row + 1
 * @param endsWithNewline whether the text ends with a line break (a last row without one may be cut off)
 */
export function fieldCountProblems(rows: readonly string[][], lines: readonly number[], endsWithNewline: boolean, known: readonly ParseProblem[]): ParseProblem[] {
  const width = usualWidth(rows as string[][]);
  let wide = 0;
  let sharing = 0;
  for (const row of rows) {
    if (row.length < 2) continue;
    wide++;
    if (row.length === width) sharing++;
  }
  if (width < 2 || sharing < MIN_ROWS_FOR_WIDTH || sharing * 2 <= wide) return [];
  const taken = new Set(known.map((p) => p.row));
  const problems: ParseProblem[] = [];
  rows.forEach((row, i) => {
    if (taken.has(i + 1)) return;
    if (row.length > width) problems.push({ row: i + 1, line: lines[i] ?? i + 1, code: 'TooManyFields', params: { count: row.length, width } });
  });
  const last = rows.length - 1;
  const tail = rows[last];
  if (!endsWithNewline && tail && tail.length >= 2 && tail.length < width && !taken.has(last + 1)) {
    problems.push({ row: last + 1, line: lines[last] ?? last + 1, code: 'TooFewFields', params: { count: tail.length, width } });
  }
  return problems;
}
