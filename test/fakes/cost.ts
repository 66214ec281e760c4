/**
 * What the Spreadsheet fake counts of Apps Script's cost, its documented
 * limits, and the model that turns the counts into seconds. The figures and
 * their sources are in docs/decisions.md ("A cost model of Apps Script").
 */

/** Sheets' documented limits the fake enforces, with the messages Sheets gives. */
export const LIMITS = {
  /** Cells of a spreadsheet's grids, empty ones included. */
  gridCells: 10_000_000,
  cellChars: 50_000,
  /** Document properties: one value, and all keys and values of the store, in bytes. */
  propertyValueBytes: 9 * 1024,
  propertyTotalBytes: 500 * 1024,
} as const;

export const LIMIT_MESSAGES = {
  gridCells: `This action would increase the number of cells in the workbook above the limit of ${LIMITS.gridCells} cells.`,
  cellChars: `Your input contains more than the maximum of ${LIMITS.cellChars} characters in a single cell.`,
  propertyValue: 'Argument too large: value',
  propertyTotal: 'You have exceeded the property storage quota. Please remove some properties and try again.',
} as const;

/** A new sheet's grid. */
export const NEW_SHEET = { rows: 1000, columns: 26 } as const;

/** The counts of one stretch of work (see FakeSpreadsheetApp.costSince). */
export interface Cost {
  /** Counted calls on Apps Script objects (spreadsheet, sheets, ranges, properties, lock…). */
  calls: number;
  /** Of those, calls on document properties. */
  propertyCalls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Characters past the first LONG_TEXT_FREE_CHARS of each text cell read or written (a long text costs its length). */
  longTextChars: number;
  /** google.script.run calls (each a new execution that loads the bundle again). */
  serverCalls: number;
}

export const ZERO_COST: Cost = { calls: 0, propertyCalls: 0, cellsRead: 0, cellsWritten: 0, longTextChars: 0, serverCalls: 0 };

/** The characters of a text cell its per-cell cost covers. */
export const LONG_TEXT_FREE_CHARS = 100;

/**
 * Seconds per unit, from published measurements (docs/decisions.md):
 * - a service call: 7 ms — Google's best-practices page, 10 000 single-cell calls ≈ 70 s;
 * - a cell read or written in a batch: 100 µs — the same page's batched 100 × 100 write ≈ 1 s
 *   (an upper bound: a 4 000-cell setValues measured under 50 ms, 12.5 µs a cell);
 * - a character of a text cell past its first LONG_TEXT_FREE_CHARS: 1 µs, so a cell of 50 000 characters costs
 *   as 500 cells (an assumption: no published figure; a store that packs records into long text pays for them);
 * - a document-property call: 62 ms (setProperty's mean over 100 runs; getProperty 30 ms);
 * - a server call: 1 s to start an execution and load the bundle (every google.script.run call loads the script again).
 */
export const SECONDS = { call: 0.007, cell: 0.0001, longTextChar: 0.000001, propertyCall: 0.062, serverCall: 1 } as const;

/** The modelled Apps Script seconds of a stretch of work. */
export function modelledSeconds(cost: Cost): number {
  const serviceCalls = cost.calls - cost.propertyCalls;
  return (
    serviceCalls * SECONDS.call +
    cost.propertyCalls * SECONDS.propertyCall +
    (cost.cellsRead + cost.cellsWritten) * SECONDS.cell +
    cost.longTextChars * SECONDS.longTextChar +
    cost.serverCalls * SECONDS.serverCall
  );
}

export function costDifference(after: Cost, before: Cost): Cost {
  return {
    calls: after.calls - before.calls,
    propertyCalls: after.propertyCalls - before.propertyCalls,
    cellsRead: after.cellsRead - before.cellsRead,
    cellsWritten: after.cellsWritten - before.cellsWritten,
    longTextChars: after.longTextChars - before.longTextChars,
    serverCalls: after.serverCalls - before.serverCalls,
  };
}

/** UTF-8 bytes of a string (what the property store counts). */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The characters of `values` past each text cell's first LONG_TEXT_FREE_CHARS. */
export function longTextCharsOf(values: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (const row of values) for (const v of row) if (typeof v === 'string' && v.length > LONG_TEXT_FREE_CHARS) n += v.length - LONG_TEXT_FREE_CHARS;
  return n;
}
