/**
 * Reading the data tabs a day at a time for the reports: the day index
 * (dayIndex.ts) says which rows hold a day, and only those are read, each
 * stretch of rows with one call. Rows past the index (a write whose index
 * write failed) are read once and kept by day. Records come back in the
 * tab's row order, as a whole read gives them. When a row is not of the day
 * the index says (the tab was sorted or edited by hand), the reader says so
 * and the caller reads the tabs whole. The rolled-up days' figures stand in
 * for their chats: the roll-up tab is read (rollUpRead.ts) for the days whose
 * chats are read.
 */
import type { IsoDate, Rejection } from '../core/types';
import { RECORD_DAY, type RecordOf, type StoredKind } from '../import/ingest';
import { highWater, runsOf, type DayIndex, type Run } from './dayIndex';
import { AGENT_DAY_TABLE, CONSULTATION_TABLE, ORDER_TABLE, SHOP_DAY_TABLE, type TableDef } from './schema';
import { RollUpReader } from './rollUpRead';
import { decodeRow, type DataRecords } from './storage';
import { findTab, sheetTimeZone, type Table } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A row read: its sheet row, and its record (or why it does not read). */
interface RowRead<K extends StoredKind> {
  row: number;
  record: RecordOf<K> | null;
  rejection: Rejection | null;
}

/** The tabs in the order a whole read lists their rejected rows. */
const KINDS = [
  ['consultations', CONSULTATION_TABLE],
  ['orders', ORDER_TABLE],
  ['agentDays', AGENT_DAY_TABLE],
  ['shopDays', SHOP_DAY_TABLE],
] as const;

class TabReader<K extends StoredKind> {
  private readonly sheet: Sheet | null;
  private readonly table: Table;
  private readonly lastRow: number;
  private readonly covered: number;
  private readonly tz: string;
  /** Rows read so far, by sheet row. */
  readonly rows = new Map<number, RowRead<K>>();
  /** Rows past the index, by the day they decode to (read on the first load). */
  private tail: Map<IsoDate, RowRead<K>[]> | null = null;
  private tailRejections: RowRead<K>[] = [];

  constructor(
    ss: Spreadsheet,
    private readonly kind: K,
    private readonly def: TableDef<RecordOf<K>>,
    private readonly index: DayIndex,
  ) {
    this.sheet = findTab(ss, def.tab);
    this.tz = sheetTimeZone(ss);
    const lastCol = this.sheet ? this.sheet.getLastColumn() : 0;
    this.lastRow = this.sheet ? this.sheet.getLastRow() : 0;
    const headerText = this.sheet && lastCol > 0 ? this.sheet.getRange(1, 1, 1, lastCol).getValues()[0].map((h) => String(h ?? '').trim().replace(/^'/, '')) : [];
    this.table = { header: headerText.map((h) => h.toLowerCase()), headerText, rows: [] };
    this.covered = Math.min(highWater(index, def.tab), this.lastRow);
  }

  /** The days the rows past the index hold (read on the first call). */
  tailDays(): IsoDate[] {
    return [...this.readTail().keys()];
  }

  private readTail(): Map<IsoDate, RowRead<K>[]> {
    if (this.tail) return this.tail;
    this.tail = new Map();
    if (!this.sheet || this.lastRow <= this.covered) return this.tail;
    for (const read of this.readRun([this.covered + 1, this.lastRow])) {
      if (read.record === null) {
        if (read.rejection) this.tailRejections.push(read);
        continue;
      }
      const day = this.dayOf(read.record);
      const list = this.tail.get(day);
      if (list) list.push(read);
      else this.tail.set(day, [read]);
    }
    for (const read of this.tailRejections) this.rows.set(read.row, read);
    return this.tail;
  }

  private dayOf(record: RecordOf<K>): IsoDate {
    return (RECORD_DAY[this.kind] as (r: RecordOf<K>) => IsoDate)(record);
  }

  private readRun([first, last]: Run): RowRead<K>[] {
    const width = this.table.header.length;
    if (!this.sheet || width === 0) return [];
    const values = this.sheet.getRange(first, 1, last - first + 1, width).getValues();
    const out: RowRead<K>[] = [];
    values.forEach((cells, i) => {
      const decoded = decodeRow(this.def, this.table, cells, first + i, () => this.sheet!.getName(), this.tz);
      if (decoded === null) return;
      out.push(decoded.ok ? { row: first + i, record: decoded.value, rejection: null } : { row: first + i, record: null, rejection: decoded.rejection });
    });
    return out;
  }

  /** Reads the days' rows (days read before are not read again). False when a row is not of the day the index says. */
  load(days: readonly IsoDate[]): boolean {
    const tail = this.readTail();
    const wanted: { run: Run; day: IsoDate }[] = [];
    for (const day of days) {
      for (const read of tail.get(day) ?? []) this.rows.set(read.row, read);
      for (const [a, b] of runsOf(this.index, this.def.tab, day)) if (a <= this.covered) wanted.push({ run: [a, Math.min(b, this.covered)], day });
    }
    wanted.sort((x, y) => x.run[0] - y.run[0]);
    // Touching runs (of one day or of several) are read with one call.
    const blocks: { run: Run; dayOfRow: (row: number) => IsoDate }[] = [];
    let i = 0;
    while (i < wanted.length) {
      const parts = [wanted[i]];
      while (i + 1 < wanted.length && wanted[i + 1].run[0] <= parts[parts.length - 1].run[1] + 1) parts.push(wanted[++i]);
      i++;
      const first = parts[0].run[0];
      const last = Math.max(...parts.map((p) => p.run[1]));
      blocks.push({ run: [first, last], dayOfRow: (row) => parts.find((p) => row >= p.run[0] && row <= p.run[1])!.day });
    }
    for (const block of blocks) {
      for (const read of this.readRun(block.run)) {
        if (read.record !== null && this.dayOf(read.record) !== block.dayOfRow(read.row)) return false;
        this.rows.set(read.row, read);
      }
    }
    return true;
  }

  records(): RecordOf<K>[] {
    return this.sorted().flatMap((r) => (r.record === null ? [] : [r.record]));
  }

  rejections(): Rejection[] {
    return this.sorted().flatMap((r) => (r.rejection === null ? [] : [r.rejection]));
  }

  private sorted(): RowRead<K>[] {
    return [...this.rows.values()].sort((a, b) => a.row - b.row);
  }
}

/** Which days to read of each data tab. */
export type DaysByKind = Record<StoredKind, readonly IsoDate[]>;

/** The four data tabs read day by day through the index. */
export class DayReader {
  private readonly readers;
  private readonly rollUp: RollUpReader;
  private readonly loaded: Record<StoredKind, Set<IsoDate>> = { consultations: new Set(), orders: new Set(), agentDays: new Set(), shopDays: new Set() };

  constructor(ss: Spreadsheet, index: DayIndex) {
    this.readers = {
      consultations: new TabReader(ss, 'consultations', CONSULTATION_TABLE, index),
      orders: new TabReader(ss, 'orders', ORDER_TABLE, index),
      agentDays: new TabReader(ss, 'agentDays', AGENT_DAY_TABLE, index),
      shopDays: new TabReader(ss, 'shopDays', SHOP_DAY_TABLE, index),
    };
    this.rollUp = new RollUpReader(ss, index);
  }

  /** The days rows past the index hold, in any tab (the roll-up tab's included). */
  tailDays(): IsoDate[] {
    return [...KINDS.flatMap(([kind]) => this.readers[kind].tailDays()), ...this.rollUp.tailDays()];
  }

  /** Reads the days not read yet; false when the index is found wrong (read the tabs whole instead). */
  load(days: DaysByKind): boolean {
    if (!this.rollUp.load(days.consultations)) return false;
    for (const [kind] of KINDS) {
      const fresh = days[kind].filter((d) => !this.loaded[kind].has(d));
      if (!this.readers[kind].load(fresh)) return false;
      for (const d of fresh) this.loaded[kind].add(d);
    }
    return true;
  }

  /** The days of `days` not read yet, by tab. */
  missing(days: DaysByKind): DaysByKind {
    const of = (kind: StoredKind) => days[kind].filter((d) => !this.loaded[kind].has(d));
    return { consultations: of('consultations'), orders: of('orders'), agentDays: of('agentDays'), shopDays: of('shopDays') };
  }

  records(): DataRecords {
    return {
      consultations: this.readers.consultations.records(),
      orders: this.readers.orders.records(),
      agentDays: this.readers.agentDays.records(),
      shopDays: this.readers.shopDays.records(),
      rejections: KINDS.flatMap(([kind]) => this.readers[kind].rejections()),
      rolledUp: this.rollUp.rollUp(),
    };
  }
}
