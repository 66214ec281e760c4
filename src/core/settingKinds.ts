/**
 * The kinds of setting the Settings tab and the `--rules` CSV hold, each a
 * constructor for one row of the settings declaration table: how its cells
 * are read (and refused), written back, and what a fresh table holds.
 *
 * A single setting takes one row (`name, value`); a list setting one row per
 * item (`name, value, amount`), and its rows in a table replace its default
 * list whole.
 */
import type { MessageKey } from '../i18n';
import type { IsoDate } from './types';
import { isIsoDate } from './dates';
import { shortText } from './values';
import { isProblem, number, optionalNumber, problem, rate, wholeNumber, type Problem, type Range } from './settingValues';

/** Setting names are snake_case; each has its note `settings.note.<name>` in the i18n table. */
type NoteKey<N extends string> = `settings.note.${N}` & MessageKey;

interface Declared<N extends string, F extends string> {
  /** The name in the table's first column. */
  name: N;
  /** The field of `Rules` it sets. */
  field: F;
  /** What the value is, as docs/decisions.md and the range check name it. */
  type: string;
  /** Inclusive bounds of a numeric value (of a list item's value; `amountRange` of its amount). */
  range?: Range;
  amountRange?: Range;
  note: NoteKey<N>;
}

export interface SingleSetting<N extends string, F extends string, T> extends Declared<N, F> {
  kind: 'single';
  default: T;
  read(value: string): T | Problem;
  write(value: T): string;
}

export interface ListSetting<N extends string, F extends string, T> extends Declared<N, F> {
  kind: 'list';
  default: T;
  /** The list from its rows (value, amount); a row's problem refuses that row only. */
  read(rows: readonly [string, string][]): { value: T; problems: (Problem | null)[] };
  write(value: T): [string, string][];
}

export type Setting<N extends string = string, F extends string = string, T = unknown> = SingleSetting<N, F, T> | ListSetting<N, F, T>;

const noteOf = <N extends string>(name: N) => `settings.note.${name}` as NoteKey<N>;
const blankIfNull = (v: number | null): string => (v == null ? '' : String(v));
const notOneOf = (value: string, options: readonly string[]) => problem('settings.problem.notOneOf', { value: shortText(value), options: options.join(', ') });

/** A number within range (blank refused); `whole` also refuses fractions. */
export function numberSetting<N extends string, F extends string>(name: N, field: F, dflt: number, range: Range, whole = false): SingleSetting<N, F, number> {
  const type = whole ? 'whole number' : 'number';
  return { kind: 'single', name, field, type, default: dflt, range, note: noteOf(name), read: (v) => (whole ? wholeNumber(v, range) : number(v, range)), write: String };
}

/** A number within range, or blank for none. */
export function optionalNumberSetting<N extends string, F extends string>(name: N, field: F, dflt: number | null, range: Range): SingleSetting<N, F, number | null> {
  return { kind: 'single', name, field, type: 'number or blank', default: dflt, range, note: noteOf(name), read: (v) => optionalNumber(v, range), write: blankIfNull };
}

/** A rate (`1%`, `0.01`) within range; blank reads as 0. */
export function rateSetting<N extends string, F extends string>(name: N, field: F, dflt: number, range: Range): SingleSetting<N, F, number> {
  return { kind: 'single', name, field, type: 'rate', default: dflt, range, note: noteOf(name), read: (v) => rate(v, range) ?? 0, write: String };
}

/** A rate within range, or blank for none. */
export function optionalRateSetting<N extends string, F extends string>(name: N, field: F, dflt: number | null, range: Range): SingleSetting<N, F, number | null> {
  return { kind: 'single', name, field, type: 'rate or blank', default: dflt, range, note: noteOf(name), read: (v) => rate(v, range), write: blankIfNull };
}

/** One word of `options` (case-insensitive); `aliases` maps other spellings to an option. */
export function oneOfSetting<N extends string, F extends string, const O extends string>(
  name: N,
  field: F,
  options: readonly O[],
  dflt: NoInfer<O>,
  aliases: Readonly<Record<string, NoInfer<O>>> = {},
): SingleSetting<N, F, O> {
  const spellings = new Map<string, O>(Object.entries(aliases));
  const read = (v: string): O | Problem => {
    const word = v.trim().toLowerCase();
    const option = spellings.get(word) ?? (word as O);
    return options.includes(option) ? option : notOneOf(v, options);
  };
  return { kind: 'single', name, field, type: `one of ${options.join(', ')}`, default: dflt, note: noteOf(name), read, write: String };
}

const SEPARATORS = /[;,，；、\s]+/;

/**
 * Several words of `options`, separated by `;` (or `,`, `、`, spaces); `aliases`
 * maps other spellings to an option; `atLeastOne` refuses a blank cell.
 */
export function wordsSetting<N extends string, F extends string, const O extends string>(
  name: N,
  field: F,
  options: readonly O[],
  dflt: NoInfer<O>[],
  { aliases = {}, atLeastOne = false }: { aliases?: Readonly<Record<string, NoInfer<O>>>; atLeastOne?: boolean } = {},
): SingleSetting<N, F, O[]> {
  const spellings = new Map<string, O>(Object.entries(aliases));
  const read = (v: string): O[] | Problem => {
    const words = v.split(SEPARATORS).filter(Boolean).map((w) => w.trim().toLowerCase());
    const bad = words.find((w) => !options.includes(spellings.get(w) ?? (w as O)));
    if (bad !== undefined || (atLeastOne && words.length === 0)) return notOneOf(bad ?? v, options);
    return words.map((w) => spellings.get(w) ?? (w as O));
  };
  return { kind: 'single', name, field, type: `list of ${options.join(', ')}`, default: dflt, note: noteOf(name), read, write: (v) => v.join(';') };
}

/** Free names separated by `;` (or `,`, `、`), each kept once, in order; blank = none. */
export function namesSetting<N extends string, F extends string>(name: N, field: F, dflt: string[]): SingleSetting<N, F, string[]> {
  const read = (v: string): string[] => [...new Set(v.split(/[;,，；、]+/).map((a) => a.trim()).filter(Boolean))];
  return { kind: 'single', name, field, type: 'list of names', default: dflt, note: noteOf(name), read, write: (v) => v.join(';') };
}

/** A day written YYYY-MM-DD, or blank for none. */
export function optionalDateSetting<N extends string, F extends string>(name: N, field: F, dflt: IsoDate | null): SingleSetting<N, F, IsoDate | null> {
  const read = (v: string): IsoDate | null | Problem => {
    const day = v.trim();
    if (day === '') return null;
    return isIsoDate(day) ? day : problem('settings.problem.notDate', { value: shortText(v) });
  };
  return { kind: 'single', name, field, type: 'date or blank', default: dflt, note: noteOf(name), read, write: (v) => v ?? '' };
}

/** Exactly `count` strictly ascending numbers within range, separated by `;`. */
export function ascendingSetting<N extends string, F extends string, T extends number[]>(name: N, field: F, dflt: T, range: Range): SingleSetting<N, F, T> {
  const read = (v: string): T | Problem => {
    const parts = v.split(SEPARATORS).filter(Boolean).map((p) => number(p, range));
    const bad = parts.find(isProblem);
    if (bad) return bad;
    const limits = parts as number[];
    if (limits.length !== dflt.length || limits.some((n, i) => i > 0 && n <= limits[i - 1])) return problem('settings.problem.thresholds', { value: shortText(v) });
    return limits as T;
  };
  return { kind: 'single', name, field, type: `${dflt.length} ascending numbers`, default: dflt, range, note: noteOf(name), read, write: (v) => v.join(';') };
}

/** How one item of a list setting is read from (value, amount) and written back. */
export interface ItemCodec<I> {
  type: string;
  range?: Range;
  amountRange?: Range;
  read(value: string, amount: string): I | Problem;
  write(item: I): [string, string];
}

/** One row per item; `collect` turns the accepted items into the setting's value (sorted, keyed …). */
export function listSetting<N extends string, F extends string, I, T>(name: N, field: F, dflt: NoInfer<T>, codec: ItemCodec<I>, collect: (items: I[]) => T, items: (value: T) => I[]): ListSetting<N, F, T> {
  const read = (rows: readonly [string, string][]) => {
    const accepted: I[] = [];
    const problems = rows.map(([value, amount]) => {
      const item = codec.read(value, amount);
      if (isProblem(item)) return item;
      accepted.push(item);
      return null;
    });
    return { value: collect(accepted), problems };
  };
  return { kind: 'list', name, field, type: codec.type, default: dflt, range: codec.range, amountRange: codec.amountRange, note: noteOf(name), read, write: (v) => items(v).map(codec.write) };
}
