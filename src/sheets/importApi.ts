/**
 * What the import sidebar sends to the server through google.script.run, and
 * what it gets back. Payloads travel as JSON strings: google.script.run
 * mangles nested arrays of objects and refuses Dates.
 */
import type { Agent, Consultation, ExportedAgentDay, Order, PayEvent, Rejection, ShopDay } from '../core/types';
import type { RecordKind, SkippedRow, TableEncoding } from '../import/types';

/** One slice of one imported table; a large file arrives as several. */
export interface ImportChunk {
  /** Same for every chunk of one table, so the server can log the table once. */
  importId: string;
  /** `importId#chunkIndex`: the server stores a chunk it already has only once (a retry after a lost answer). */
  chunkId: string;
  file: string;
  sheet: string | null;
  kind: RecordKind;
  encoding: TableEncoding;
  chunkIndex: number;
  chunkCount: number;
  /** Rows of the table but its header, titles above it included, so read = stored + rejected + skipped (sent with every chunk; the log uses the last). */
  rowsRead: number;
  agentDays: ExportedAgentDay[];
  shopDays: ShopDay[];
  consultations: Consultation[];
  orders: Order[];
  rejected: Rejection[];
  skipped: SkippedRow[];
  /**
   * Import-error lines for keys read more than once with different values
   * (from the ingest core, over every table sent together), each sent with
   * the chunk that holds the record kept. Not rows: they count in none of
   * the four counts.
   */
  conflicts: Rejection[];
}

/** What one chunk did to the data tab. */
export interface ChunkReceipt {
  importId: string;
  chunkIndex: number;
  added: number;
  replaced: number;
  rejected: number;
  /** The server had stored this chunk before: nothing was written again, the counts above are 0. */
  repeated: boolean;
  /** Records of this table stored so far (added + replaced over its chunks), for "what was saved". */
  storedSoFar: number;
}

/** The supervisor's own tables (SPEC §7), imported into their tabs rather than the data tabs. */
export type SupervisorKind = 'roster' | 'events';

/**
 * A roster or pay-events table, sent whole in one call: these are small
 * hand-kept files. A roster with duplicate names, IDs or accounts is never
 * sent (the sidebar refuses it), and the server refuses one anyway.
 */
export interface SupervisorImport {
  importId: string;
  file: string;
  sheet: string | null;
  kind: SupervisorKind;
  /** Every row but the header (as in the import log). */
  rowsRead: number;
  agents: Agent[];
  events: PayEvent[];
  rejected: Rejection[];
  /** Rows above the header and blank rows. */
  skipped: number;
}

/** The summary the sidebar shows at the end of one table's import. */
export interface ImportSummary {
  importId: string;
  file: string;
  kind: RecordKind | SupervisorKind;
  rowsRead: number;
  added: number;
  replaced: number;
  rejected: number;
  skipped: number;
  /** Keys read more than once with different values: one import-error line each. */
  conflicts: number;
  /** Agents the import found that the roster did not have (added, flagged). */
  newAgents: string[];
  /** Name of the import-errors tab, for the sidebar's link. */
  errorsTab: string;
  /** How full the spreadsheet is after this table, when the server measured it (the sidebar shows the last one). */
  grid?: GridCapacity;
}

/** Cells the spreadsheet uses of its limit (10 million), and roughly how many more days of data like the stored ones fit. */
export interface GridCapacity {
  used: number;
  limit: number;
  /** null when the server cannot tell (no day stored yet). */
  daysLeft: number | null;
}

/** What the sidebar needs on opening. */
export interface SidebarContext {
  language: 'en' | 'zh';
  timeZone: string;
  rosterNames: string[];
}
