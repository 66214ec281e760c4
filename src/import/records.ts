/**
 * A detected raw table → typed records, rejections and skipped rows: the
 * validation step of the import pipeline. One rejection per bad row (its
 * first problem), with the row number a spreadsheet program would show.
 */
import { t } from '../i18n';
import type { IsoDate, Language, Rejection } from '../core/types';
import { exportedAgentDayFromRow } from './agentDay';
import { shopDayFromRow, shopRowKindOf } from './shopDay';
import { reportSource } from './source';
import { RowProblem, RowReader } from './cells';
import { isHeaderRepeat, type Detection } from './detect';
import { consultationFromRow, orderFromRow } from './rawRecords';
import { isTruncatedIdColumn } from './orderIds';
import { usesDecimalComma } from './numberFormat';
import { normalizeHeader } from './normalize';
import { usualWidth } from './brokenQuotes';
import { firstFilledCell, isBlankRow, KEY_FIELDS, lastDataRow, skipReason } from './shape';
import type { RawTable } from './tables';
import type { CellDamage, ImportResult } from './types';

/**
 * Typed records of a table whose header has been found.
 * `opts.date` is the day of an agent-day table without a date column (the user's pick); it wins over the detected one.
 */
export function recordsFromTable(
  raw: RawTable,
  detection: Detection,
  opts: { date?: IsoDate; language?: Language } = {},
): ImportResult {
  const language = opts.language ?? 'en';
  const headerIndex = detection.headerRow - 1;
  const header = raw.rows[headerIndex] ?? [];
  const date = opts.date ?? detection.date;
  const from = reportSource(detection.kind, detection.mapping, raw.file, raw.sheet);
  // The row of each record, for the load layer to say which file and row won a duplicate key.
  const recordRows: number[] = [];
  const result: ImportResult = {
    file: raw.file,
    sheet: raw.sheet,
    kind: detection.kind,
    encoding: raw.encoding,
    headerRow: detection.headerRow,
    mapping: detection.mapping,
    unmappedHeaders: detection.unmappedHeaders,
    unusedHeaders: detection.unusedHeaders,
    ...(detection.guessedAgentColumn ? { guessedAgentColumn: detection.guessedAgentColumn } : {}),
    ...from,
    date,
    rowsRead: Math.max(0, raw.rows.length - detection.headerRow),
    recordRows,
    agentDays: [],
    shopDays: [],
    consultations: [],
    orders: [],
    rejected: [],
    skipped: [],
  };
  const broken = brokenLines(raw, language);
  const rowNo = (i: number) => raw.rowNumbers?.[i] ?? i + 1;
  const damage = damageByRow(raw);
  const reject = (i: number, column: string, reason: string) =>
    result.rejected.push({ file: raw.file, sheet: raw.sheet, row: rowNo(i), column, reason, raw: [...raw.rows[i]] });
  for (let i = 0; i < headerIndex; i++) {
    const row = raw.rows[i];
    const damaged = damage.get(i)?.[0];
    if (broken.has(i + 1)) result.rejected.push(broken.get(i + 1)!);
    else if (damaged) reject(i, '', damageReason(damaged, language));
    else result.skipped.push({ row: rowNo(i), why: isBlankRow(row) ? 'blank' : 'title', text: row.filter((c) => c.trim()).join(' ') });
  }

  // Judged per column on its first number: columns never read as numbers (IDs, names, times) are never scanned.
  const decimalComma = (column: number) => usesDecimalComma(raw.rows, headerIndex + 1, raw.delimiter, column);
  const reader = new RowReader(header, detection.mapping, { decimalComma, width: usualWidth(raw.rows) });
  const agentCol = reader.indexOf('agent');
  // A total label is a total only where the row's other keys are blank, or (agent-days) past the last agent's row.
  const keyCols = (KEY_FIELDS[detection.kind] ?? []).map((f) => reader.indexOf(f));
  const lastData = lastDataRow(raw.rows, headerIndex + 1, agentCol);
  const idCol = reader.indexOf('orderId');
  const truncatedIds = detection.kind === 'orders' && idCol >= 0 && isTruncatedIdColumn(columnCells(raw.rows, headerIndex + 1, idCol));
  const mayRepeatHeader = headerRepeatGuard(header);
  // Made once, not per row: a million rows would otherwise allocate a million option objects.
  const amidData = { keyCols, afterData: false };
  const afterData = { keyCols, afterData: true };
  const orderOptions = { truncatedIds };
  const mappedCols = new Set(Object.keys(detection.mapping).map((f) => reader.indexOf(f)));
  for (let i = headerIndex + 1; i < raw.rows.length; i++) {
    const row = raw.rows[i];
    if (broken.has(i + 1)) {
      result.rejected.push(broken.get(i + 1)!);
      continue;
    }
    // A damaged cell costs its row when the import reads that cell (or cannot tell which column it is in).
    const damaged = damage.get(i)?.find((d) => d.col < 0 || mappedCols.has(d.col));
    if (damaged) {
      reject(i, damaged.col >= 0 ? header[damaged.col] || damaged.ref : '', damageReason(damaged, language));
      continue;
    }
    // On a shop page 本店 is the shop and 同行 rows are the benchmark: labelled rows that are data, not totals.
    const shopRow = detection.kind === 'shop_day' ? shopRowKindOf(row) : null;
    const why = mayRepeatHeader(row) && isHeaderRepeat(row, header) ? 'title' : shopRow ? null : skipReason(row, detection.kind, agentCol, i > lastData ? afterData : amidData);
    if (why) {
      result.skipped.push({ row: rowNo(i), why, text: row.filter((c) => c.trim()).join(' ') });
      continue;
    }
    if (detection.refusal) {
      reject(i, '', detection.refusal);
      continue;
    }
    reader.at(row);
    try {
      if (raw.hasReplacementChars !== false && isUndecodable(row)) throw new RowProblem('', 'import.reject.encoding');
      if (detection.kind === 'agent_day') result.agentDays.push(exportedAgentDayFromRow(reader, date, from));
      else if (detection.kind === 'shop_day') result.shopDays.push(shopDayFromRow(reader, date, from, shopRow ?? 'shop'));
      else if (detection.kind === 'consultations') result.consultations.push(consultationFromRow(reader));
      else result.orders.push(orderFromRow(reader, orderOptions));
      recordRows.push(rowNo(i));
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      reject(i, error.column, t(language, error.key, error.params));
    }
  }
  return result;
}

/**
 * A cheap test every repeat of the header passes, so the full comparison
 * (normalising cells) runs on few of a million rows. A repeat's first
 * non-blank cell normalises to the header's (isHeaderRepeat), and normalising
 * only drops characters and folds case and width: that cell holds the first
 * normalised character in one of its spellings.
 */
function headerRepeatGuard(header: string[]): (row: string[]) => boolean {
  const first = normalizeHeader(header.find((c) => c.trim() !== '') ?? '')[0];
  if (first === undefined || first === '>') return () => true;
  const upper = first.toUpperCase();
  const spellings = [...new Set([first, upper, String.fromCharCode(first.charCodeAt(0) + 0xfee0), String.fromCharCode(upper.charCodeAt(0) + 0xfee0)])].filter(
    (ch) => normalizeHeader(ch) === first,
  );
  return (row) => {
    const col = firstFilledCell(row);
    if (col < 0) return false;
    for (const ch of spellings) if (row[col].includes(ch)) return true;
    return false;
  };
}

/** Rejections of the lines the parser could not read (a runaway quote), by row: they are neither data nor skipped. */
function brokenLines(raw: RawTable, language: Language): Map<number, Rejection> {
  const byRow = new Map<number, Rejection>();
  for (const p of raw.problems ?? []) {
    const reason = t(language, `import.reject.${p.code}`, { line: p.line, ...p.params });
    byRow.set(p.row, { file: raw.file, sheet: raw.sheet, row: p.row, column: '', reason, raw: [...(raw.rows[p.row - 1] ?? [])] });
  }
  return byRow;
}

/** The damaged cells of a workbook's table, by row index, in the order they were found. */
function damageByRow(raw: RawTable): Map<number, CellDamage[]> {
  const byRow = new Map<number, CellDamage[]>();
  for (const d of raw.damage ?? []) {
    const list = byRow.get(d.row);
    if (list) list.push(d);
    else byRow.set(d.row, [d]);
  }
  return byRow;
}

/** A damaged cell's reason in words: which cell (or row), why, and that only its row is left out. */
function damageReason(d: CellDamage, language: Language): string {
  const reason = t(language, d.key, d.params);
  return d.col < 0 && d.key.startsWith('import.cell.row') ? t(language, 'import.cell.rejectRow', { reason }) : t(language, 'import.cell.reject', { ref: d.ref, reason });
}

/**
 * A line of another encoding inside a UTF-8 file decodes to replacement
 * characters (U+FFFD). One in a row is a stray byte in a name, kept as it is;
 * two or more mean the line is not text of this file's encoding. A line
 * pasted in UTF-16 has a NUL after every ASCII character: NULs making a
 * quarter of the row's characters mark it too (a stray NUL in a name does not).
 */
function isUndecodable(row: string[]): boolean {
  let found = 0;
  let nuls = 0;
  let length = 0;
  for (const cell of row) {
    length += cell.length;
    for (let i = cell.indexOf('\uFFFD'); i >= 0; i = cell.indexOf('\uFFFD', i + 1)) if (++found >= 2) return true;
    for (let i = cell.indexOf('\u0000'); i >= 0; i = cell.indexOf('\u0000', i + 1)) nuls++;
  }
  return nuls >= 4 && nuls * 4 > length;
}

/** One column's cells from row `from` on ('' where a row stops short). */
function columnCells(rows: readonly string[][], from: number, column: number): string[] {
  const cells = new Array<string>(Math.max(0, rows.length - from));
  for (let i = from; i < rows.length; i++) cells[i - from] = rows[i][column] ?? '';
  return cells;
}
