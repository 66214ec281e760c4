/**
 * A detected raw table → typed records, rejections and skipped rows: the
 * validation step of the import pipeline. One rejection per bad row (its
 * first problem), with the row number a spreadsheet program would show.
 */
import { t } from '../i18n';
import type { IsoDate, Language } from '../core/types';
import { agentDayFromRow } from './agentDay';
import { RowProblem, RowReader } from './cells';
import { isHeaderRepeat, type Detection } from './detect';
import { consultationFromRow, orderFromRow } from './rawRecords';
import { isBlankRow, skipReason } from './shape';
import type { RawTable } from './tables';
import type { ImportResult } from './types';

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
  const result: ImportResult = {
    file: raw.file,
    sheet: raw.sheet,
    kind: detection.kind,
    encoding: raw.encoding,
    headerRow: detection.headerRow,
    mapping: detection.mapping,
    unmappedHeaders: detection.unmappedHeaders,
    date,
    rowsRead: Math.max(0, raw.rows.length - detection.headerRow),
    agentDays: [],
    consultations: [],
    orders: [],
    rejected: [],
    skipped: [],
  };
  for (let i = 0; i < headerIndex; i++) {
    const row = raw.rows[i];
    result.skipped.push({ row: i + 1, why: isBlankRow(row) ? 'blank' : 'title', text: row.filter((c) => c.trim()).join(' ') });
  }

  const reader = new RowReader(header, detection.mapping);
  const agentCol = reader.indexOf('agent');
  for (let i = headerIndex + 1; i < raw.rows.length; i++) {
    const row = raw.rows[i];
    const text = row.filter((c) => c.trim()).join(' ');
    const why = isHeaderRepeat(row, header) ? 'title' : skipReason(row, detection.kind, agentCol);
    if (why) {
      result.skipped.push({ row: i + 1, why, text });
      continue;
    }
    reader.at(row);
    try {
      if (detection.kind === 'agent_day') result.agentDays.push(agentDayFromRow(reader, date));
      else if (detection.kind === 'consultations') result.consultations.push(consultationFromRow(reader));
      else result.orders.push(orderFromRow(reader));
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      result.rejected.push({
        file: raw.file,
        sheet: raw.sheet,
        row: i + 1,
        column: error.column,
        reason: t(language, error.key, error.params),
        raw: [...row],
      });
    }
  }
  return result;
}
