/**
 * Argument shaping for custom functions. Sheets passes one cell as a scalar
 * and a range as an array of rows; a function given ranges must answer with
 * an array of the same shape, blank cells staying blank, and a bad cell
 * getting its own message without blanking the rest.
 */
import { isBlank, parseNumber, shortText } from '../core/values';
import { t, type Language, type MessageKey } from '../i18n';

export type CellValue = string | number | boolean | Date | null | undefined;
/** What Sheets passes for one parameter: a scalar, or rows of cells. */
export type CellArg = CellValue | CellValue[] | CellValue[][];
export type CellResult = number | string;

/** Thrown for a wrong call; Sheets shows the message in the cell's error tooltip. */
export class CallError extends Error {
  constructor(fnName: string, message: string) {
    super(`${fnName}: ${message}`);
    this.name = 'CallError';
  }
}

/** A message destined for one output cell. */
export class CellError extends Error {}

interface Shape {
  rows: number;
  cols: number;
  /** Given as a plain list rather than rows (only from code, never from Sheets). */
  flat: boolean;
}

function shapeOf(arg: CellArg): Shape | null {
  if (!Array.isArray(arg)) return null;
  if (arg.length > 0 && Array.isArray(arg[0])) {
    const rows = arg as CellValue[][];
    return { rows: rows.length, cols: rows[0].length, flat: false };
  }
  return { rows: 1, cols: arg.length, flat: true };
}

function cellAt(arg: CellArg, shape: Shape | null, r: number, c: number): CellValue {
  if (shape === null) return arg as CellValue;
  return shape.flat ? (arg as CellValue[])[c] : ((arg as CellValue[][])[r] ?? [])[c];
}

/** One parameter of a custom function: its name for messages, and its value. */
export interface NamedArg {
  name: string;
  value: CellArg;
}

/**
 * Applies `compute` cell by cell over scalars and equal-shaped ranges
 * (scalars repeat across the range). A CellError thrown by compute becomes
 * that cell's message; anything else is a bug and propagates.
 */
export function mapCells(
  fnName: string,
  lang: Language,
  args: NamedArg[],
  compute: (cells: CellValue[]) => CellResult,
): CellResult | CellResult[] | CellResult[][] {
  const shapes = args.map((a) => shapeOf(a.value));
  let outer: Shape | null = null;
  let outerName = '';
  shapes.forEach((shape, i) => {
    if (shape === null) return;
    if (outer === null) {
      outer = shape;
      outerName = args[i].name;
    } else if (shape.rows !== outer.rows || shape.cols !== outer.cols) {
      throw new CallError(
        fnName,
        `${args[i].name} is ${shape.rows}×${shape.cols} but ${outerName} is ${outer.rows}×${outer.cols}; give ranges of the same size`,
      );
    }
  });
  // One array reused for every cell: a range of 10 000 rows would otherwise allocate 10 000 of them.
  const values = args.map((a) => a.value);
  const cells: CellValue[] = values.map(() => null);
  const one = (r: number, c: number): CellResult => {
    for (let i = 0; i < values.length; i++) cells[i] = cellAt(values[i], shapes[i], r, c);
    return answer(compute, cells, lang);
  };
  const shape = outer as Shape | null;
  if (shape === null) return one(0, 0);
  const out: CellResult[][] = [];
  if (shape.cols === 1 && !shape.flat) return columnOf(values, shapes, cells, compute, lang, shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const row: CellResult[] = [];
    for (let c = 0; c < shape.cols; c++) row.push(one(r, c));
    out.push(row);
  }
  return shape.flat ? out[0] : out;
}

/**
 * mapCells over one column (the usual range): each argument is a column of
 * the same height or a scalar, read by index with no shape test per cell, and
 * each answer a one-cell row literal (a pushed-to empty array reserves room for 17).
 */
function columnOf(values: CellArg[], shapes: (Shape | null)[], cells: CellValue[], compute: (cells: CellValue[]) => CellResult, lang: Language, rows: number): CellResult[][] {
  const columns = values.map((v, i) => (shapes[i] === null ? null : (v as CellValue[][])));
  for (let i = 0; i < values.length; i++) if (columns[i] === null) cells[i] = values[i] as CellValue;
  const out = new Array<CellResult[]>(rows);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i];
      if (column !== null) cells[i] = column[r][0];
    }
    out[r] = [answer(compute, cells, lang)];
  }
  return out;
}

/** One cell's answer: compute's value, or the message of the CellError it threw; anything else is a bug and propagates. */
function answer(compute: (cells: CellValue[]) => CellResult, cells: CellValue[], lang: Language): CellResult {
  try {
    return compute(cells);
  } catch (e) {
    if (e instanceof CellError) return t(lang, 'fn.error.prefix', { message: e.message });
    throw e;
  }
}

/** A non-negative number from a cell, or a CellError saying what is wrong. */
/** An argument's name in the message's language (付款人数 for paid); a name without one as given. */
export function argName(lang: Language, name: string): string {
  const key = `fn.arg.${name}` as MessageKey;
  const text = t(lang, key);
  return text === key ? name : text;
}

export function nonNegativeNumber(lang: Language, arg: string, cell: CellValue): number {
  // The common cell, a finite non-negative number, skips the parser (NaN fails both comparisons; no global like Infinity is read per cell).
  if (typeof cell === 'number' && cell >= 0 && cell - cell === 0) return cell;
  const name = argName(lang, arg);
  if (typeof cell === 'boolean' || cell instanceof Date) {
    throw new CellError(t(lang, 'fn.error.notNumber', { name, value: shortText(String(cell)) }));
  }
  const parsed = parseNumber(cell);
  if (!parsed.ok || parsed.value === null) {
    throw new CellError(t(lang, 'fn.error.notNumber', { name, value: shortText(String(cell)) }));
  }
  if (parsed.value < 0) throw new CellError(t(lang, 'fn.error.negative', { name, value: parsed.value }));
  return parsed.value;
}

export { isBlank };

/** Every cell of an argument as one list (for parameters like thresholds). */
export function flatten(arg: CellArg): CellValue[] {
  if (!Array.isArray(arg)) return [arg];
  return (arg as unknown[]).flatMap((x) => (Array.isArray(x) ? (x as CellValue[]) : [x as CellValue]));
}

/** Throws a CallError unless the call's argument count is within bounds. */
export function checkArity(fnName: string, usage: string, count: number, min: number, max: number): void {
  if (count < min || count > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    throw new CallError(fnName, `takes ${expected} arguments (${usage}), got ${count}`);
  }
}
