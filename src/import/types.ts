/**
 * The import contract shared by the sidebar (in the browser), the server and
 * the CLI: a file's bytes in, typed records and rejects out.
 */
import type { Consultation, ExportedAgentDay, IsoDate, Order, Rejection, ShopDay } from '../core/types';
import type { MessageKey } from '../i18n';

/** The three kinds of file SPEC §5 names, and shop-level daily pages (生意参谋). */
export type RecordKind = 'agent_day' | 'consultations' | 'orders' | 'shop_day';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** A table's text encoding, or the spreadsheet format its cells came from (by the file's bytes). */
export type TableEncoding = TextEncoding | 'xlsx' | 'xls' | 'xml' | 'html';

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/** A row left out on purpose (not an error): title lines, blank lines, total/average rows. */
export interface SkippedRow {
  row: number;
  /** benchmark: 生意参谋's peer (同行) rows, not the shop's own. */
  why: 'title' | 'blank' | 'total' | 'benchmark';
  text: string;
}

/** The result of importing one table (a CSV file, or one sheet of an XLSX). */
export interface ImportResult {
  file: string;
  sheet: string | null;
  kind: RecordKind;
  encoding: TableEncoding;
  /** 1-based row number of the header row. */
  headerRow: number;
  /** SPEC field → the header text it was read from. */
  mapping: Record<string, string>;
  /** Headers no field claimed (shown to the user, never silently dropped from the report). */
  unmappedHeaders: string[];
  /** Headers CS Daily knows and does not use (shown as "not used"). */
  unusedHeaders: string[];
  /** The header read as the agent's name though no synonym names it (the rows of one day differ: they are people). */
  guessedAgentColumn?: string;
  /** Which report an agent-day table is (a signature of its columns): re-importing it replaces only its figures. */
  source: string;
  /** Its readable name (sheet, else file name). */
  report: string;
  /** The day an agent-day file without a date column covers (from title or file name). */
  date: IsoDate | null;
  rowsRead: number;
  /** 1-based row of each record, parallel to the list the table's kind fills (its origin, for duplicate keys). */
  recordRows?: number[];
  agentDays: ExportedAgentDay[];
  shopDays: ShopDay[];
  consultations: Consultation[];
  orders: Order[];
  rejected: Rejection[];
  skipped: SkippedRow[];
}

/** A cell (or a whole row) of a workbook that could not be read: its row is rejected when the import reads it. */
export interface CellDamage {
  /** 0-based index of the row in its table's rows. */
  row: number;
  /** 0-based column; -1 when the damage cannot be placed in a column (a broken reference, a row out of order). */
  col: number;
  /** The cell's reference as written (`D3`, or the row's number). */
  ref: string;
  key: MessageKey;
  params: Record<string, string | number>;
}
