/**
 * One random change to one seed file: a byte, a cell, a row or an attribute.
 * Deterministic in (campaign seed, case number), so a finding is replayed
 * from its number alone. Each mutant says which data rows the change touched,
 * so the check knows how many rows it may cost (null: no row bound applies,
 * e.g. a byte of a zip's compressed stream or of a binary .xls).
 */
import iconv from 'iconv-lite';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { decodeBytes } from '../src/import';
import type { Seed } from './seeds';
import { seededRandom } from '../test/support/seededRandom';

export interface Mutant {
  bytes: Uint8Array;
  /** What was changed, for the report. */
  what: string;
  /** 0-based rows (lines of a text file, sheet rows - 1 of a workbook) the change touched; null when no row bound applies. */
  rows: number[] | null;
  /** The sheet of a workbook the rows belong to. */
  sheet: string | null;
}

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const int = (r: Rand, n: number) => Math.floor(r() * n);

const BYTES = [0x00, 0x0a, 0x0d, 0x22, 0x2c, 0x09, 0x3b, 0x3c, 0x3e, 0x26, 0xff, 0xe9, 0x80, 0x20, 0x30, 0x39];
const CELL_VALUES = ['', '-', '#DIV/0!', '1e999', 'NaN', '=1+1', '"', '9'.repeat(30), '２０２６', '\u0000', 'x'.repeat(2000), '-5', '1,5', '2999-01-01', '合计', '  ', '1.5.6', 'TRUE'];
const XML_VALUES = ['NaN', '1,5', '99999999', '-1', '', '1e999', 'abc', '2', '0', '4294967296', '1048577', '5000000', 'ZZZZZZ1', 'A1x', 'XFD1048576'];
const TYPES = ['s', 'b', 'e', 'str', 'd', 'n', 'inlineStr', 'x', ''];

function byteChange(r: Rand, bytes: Uint8Array, at: number): { bytes: Uint8Array; what: string } {
  const op = int(r, 4);
  if (op === 0) {
    const out = bytes.slice();
    const mask = 1 + int(r, 255);
    out[at] ^= mask;
    return { bytes: out, what: `byte ${at} xor ${mask}` };
  }
  if (op === 1) {
    const out = bytes.slice();
    out[at] = pick(r, BYTES);
    return { bytes: out, what: `byte ${at} = ${out[at]}` };
  }
  if (op === 2) return { bytes: new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + 1)]), what: `byte ${at} deleted` };
  const b = pick(r, BYTES);
  return { bytes: new Uint8Array([...bytes.subarray(0, at), b, ...bytes.subarray(at)]), what: `byte ${b} inserted at ${at}` };
}

/** The rows a changed line touches: itself, and the next when a quote on it may join them. */
const quoted = (text: string, line: number) => (text.includes('"') ? [line, line + 1] : [line]);

/** The 0-based line a byte offset lies on (read in the file's encoding), and the next too when the byte is a line break. */
function lineOfOffset(bytes: Uint8Array, offset: number): number[] {
  const { encoding } = decodeBytes(bytes);
  // UTF-16 is read in whole two-byte units.
  const at = encoding.startsWith('utf-16') ? offset - (offset % 2) : offset;
  const before = new TextDecoder(encoding).decode(bytes.subarray(0, at));
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const here = new TextDecoder(encoding).decode(bytes.subarray(0, Math.min(bytes.length, at + 2))).slice(before.length);
  return /[\r\n]/.test(here) || /\r$/.test(before) ? [line, line + 1] : [line];
}

function encodeLike(text: string, seed: Uint8Array): Uint8Array {
  const { encoding } = decodeBytes(seed);
  const bom = seed[0] === 0xef && seed[1] === 0xbb && seed[2] === 0xbf ? '\ufeff' : (seed[0] === 0xff && seed[1] === 0xfe) || (seed[0] === 0xfe && seed[1] === 0xff) ? '\ufeff' : '';
  return new Uint8Array(iconv.encode(bom + text, encoding === 'gb18030' ? 'gb18030' : encoding));
}

/** A page's lines are not its table's rows (a title or a caption may give every row its day): no row bound applies to it. */
function textMutant(r: Rand, seed: Seed): Mutant {
  const mutant = textChange(r, seed);
  return seed.markup ? { ...mutant, rows: null } : mutant;
}

function textChange(r: Rand, seed: Seed): Mutant {
  const kind = int(r, seed.markup ? 4 : 3);
  if (kind === 0 || seed.bytes.length === 0) {
    const at = int(r, Math.max(1, seed.bytes.length));
    const { bytes, what } = byteChange(r, seed.bytes, at);
    const rows = lineOfOffset(seed.bytes, at);
    // A change on a line with quotes (or making one) may join it to the next one (a quoted cell holds line breaks).
    let lineStart = at;
    while (lineStart > 0 && seed.bytes[lineStart - 1] !== 0x0a) lineStart--;
    let lineEnd = at;
    while (lineEnd < seed.bytes.length && seed.bytes[lineEnd] !== 0x0a) lineEnd++;
    const quote = bytes[at] === 0x22 || seed.bytes.subarray(lineStart, lineEnd).includes(0x22);
    return { bytes, what, rows: quote ? [...rows, rows[rows.length - 1] + 1] : rows, sheet: null };
  }
  const { text } = decodeBytes(seed.bytes);
  // Lines with their own breaks (CRLF, LF or a lone CR), so a file is put back together as it was.
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines = parts.filter((_, i) => i % 2 === 0);
  const breaks = parts.filter((_, i) => i % 2 === 1);
  const join = (changed: string[]) => changed.map((l, i) => l + (breaks[i] ?? (i < changed.length - 1 ? '\n' : ''))).join('');
  const line = int(r, lines.length);
  if (kind === 1) {
    const op = int(r, 4);
    const copy = [...lines];
    if (op === 0) (copy.splice(line, 1), breaks.splice(line, 1));
    else if (op === 1) (copy.splice(line, 0, lines[line]), breaks.splice(line, 0, breaks[line] ?? '\n'));
    else if (op === 2) copy[line] = lines[line].slice(0, int(r, lines[line].length + 1));
    else copy[line] = Array.from({ length: 1 + int(r, 40) }, () => String.fromCharCode(32 + int(r, 0x4e00))).join('');
    return { bytes: encodeLike(join(copy), seed.bytes), what: `line ${line + 1} ${['deleted', 'duplicated', 'cut', 'replaced'][op]}`, rows: quoted(lines[line], line), sheet: null };
  }
  if (kind === 2) {
    const delimiter = [',', '\t', ';'].find((d) => lines[0]?.includes(d)) ?? ',';
    const cells = lines[line].split(delimiter);
    const cell = int(r, cells.length);
    const value = pick(r, CELL_VALUES);
    cells[cell] = value;
    const copy = [...lines];
    copy[line] = cells.join(delimiter);
    return { bytes: encodeLike(join(copy), seed.bytes), what: `line ${line + 1} cell ${cell + 1} = ${JSON.stringify(value.slice(0, 12))}`, rows: quoted(lines[line] + value, line), sheet: null };
  }
  const attributes = [...text.matchAll(/\s([\w:-]+)="[^"]*"/g)];
  if (attributes.length === 0) return textChange(r, { ...seed, markup: false });
  const m = pick(r, attributes);
  const value = pick(r, XML_VALUES);
  const out = text.slice(0, m.index) + ` ${m[1]}="${value}"` + text.slice(m.index! + m[0].length);
  return { bytes: encodeLike(out, seed.bytes), what: `attribute ${m[1]} = ${value}`, rows: null, sheet: null };
}

/** Row elements of a sheet's XML with their byte-free text offsets and 0-based row. */
function rowSpans(xml: string): { start: number; end: number; row: number }[] {
  const spans: { start: number; end: number; row: number }[] = [];
  let row = -1;
  for (const m of xml.matchAll(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g)) {
    const r = /\br="(\d+)"/.exec(m[0]);
    row = r ? +r[1] - 1 : row + 1;
    spans.push({ start: m.index!, end: m.index! + m[0].length, row });
  }
  return spans;
}

function rowsTouched(spans: { start: number; end: number; row: number }[], start: number, end: number): number[] | null {
  const hit = spans.filter((s) => s.start < end + 1 && start < s.end + 1);
  return hit.length > 0 ? hit.map((s) => s.row) : null;
}

/** The rows a change of some rows touches: those rows, and the rows a merged cell of theirs covers (a merged agent names every row under it). */
function mergedBelow(xml: string): (rows: number[]) => number[] {
  const ranges = [...xml.matchAll(/<mergeCell\b[^>]*\bref="[A-Z]+(\d+):[A-Z]+(\d+)"/g)].map((m) => [+m[1] - 1, +m[2] - 1]);
  return (rows) => [...new Set([...rows, ...ranges.filter(([first]) => rows.includes(first)).flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, k) => first + k))])];
}

function xlsxMutant(r: Rand, seed: Seed): Mutant {
  const parts = unzipSync(seed.bytes);
  const sheets = Object.keys(parts).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p)).sort();
  const kind = int(r, 6);
  if (kind === 0 || sheets.length === 0) {
    const at = int(r, seed.bytes.length);
    const { bytes, what } = byteChange(r, seed.bytes, at);
    return { bytes, what: `zip ${what}`, rows: null, sheet: null };
  }
  const rezip = (path: string, xml: string) => zipSync({ ...parts, [path]: strToU8(xml) }, { level: 6 });
  if (kind === 1) {
    const others = Object.keys(parts).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'));
    const path = pick(r, others);
    const text = strFromU8(parts[path]);
    const attributes = [...text.matchAll(/\s([\w:-]+)="[^"]*"/g)];
    if (attributes.length === 0) return xlsxMutant(r, seed);
    const m = pick(r, attributes);
    const value = pick(r, XML_VALUES);
    return { bytes: rezip(path, text.slice(0, m.index) + ` ${m[1]}="${value}"` + text.slice(m.index! + m[0].length)), what: `${path} attribute ${m[1]} = ${value}`, rows: null, sheet: null };
  }
  const path = pick(r, sheets);
  const xml = strFromU8(parts[path]);
  const sheet = seed.sheetNames?.[path] ?? path;
  const spans = rowSpans(xml);
  const merged = mergedBelow(xml);
  if (kind === 2 || spans.length === 0) {
    const raw = strToU8(xml);
    const at = int(r, raw.length);
    const { bytes, what } = byteChange(r, raw, at);
    const before = strFromU8(raw.subarray(0, at)).length;
    const touched = rowsTouched(spans, before, before + 1);
    return { bytes: rezip(path, strFromU8(bytes)), what: `${path} ${what}`, rows: touched && merged(touched), sheet };
  }
  const span = pick(r, spans);
  const rowXml = xml.slice(span.start, span.end);
  const put = (text: string, what: string): Mutant => ({
    bytes: rezip(path, xml.slice(0, span.start) + text + xml.slice(span.end)),
    what: `${path} row ${span.row + 1} ${what}`,
    rows: merged([span.row]),
    sheet,
  });
  if (kind === 3) {
    const op = int(r, 3);
    if (op === 0) return put('', 'deleted');
    if (op === 1) return put(rowXml + rowXml, 'duplicated');
    const value = pick(r, XML_VALUES);
    return put(rowXml.replace(/^<row\b([^>]*?)\br="[^"]*"/, `<row$1r="${value}"`), `r = ${value}`);
  }
  const cells = [...rowXml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)];
  if (cells.length === 0) return put(rowXml, 'unchanged');
  const cell = pick(r, cells);
  const edit = (to: string, what: string) => put(rowXml.slice(0, cell.index) + to + rowXml.slice(cell.index! + cell[0].length), `cell ${what}`);
  if (kind === 4) {
    const op = int(r, 4);
    if (op === 0) return edit('', 'deleted');
    if (op === 1) {
      const value = pick(r, XML_VALUES);
      return edit(cell[0].includes('<v>') ? cell[0].replace(/<v>[^<]*<\/v>/, `<v>${value}</v>`) : cell[0].replace(/\/?>$/, `><v>${value}</v></c>`), `value = ${value}`);
    }
    if (op === 2) {
      const type = pick(r, TYPES);
      return edit(/\st="[^"]*"/.test(cell[0]) ? cell[0].replace(/\st="[^"]*"/, ` t="${type}"`) : cell[0].replace(/^<c\b/, `<c t="${type}"`), `t = ${type}`);
    }
    return edit(cell[0].replace(/^<c\b/, `<c s="${pick(r, ['9999', '-1', 'x', '1'])}"`).replace(/(<c s="[^"]*")([^>]*?)\ss="[^"]*"/, '$1$2'), 's changed');
  }
  const attributes = [...cell[0].matchAll(/\s([\w:-]+)="[^"]*"/g)];
  if (attributes.length === 0) return edit(cell[0], 'unchanged');
  const a = pick(r, attributes);
  const value = pick(r, XML_VALUES);
  return edit(cell[0].slice(0, a.index) + ` ${a[1]}="${value}"` + cell[0].slice(a.index! + a[0].length), `${a[1]} = ${value}`);
}

/** Case `n` of a campaign: which seed, and how it is changed. */
export function mutantOf(seeds: readonly Seed[], campaign: number, n: number): { seed: Seed; mutant: Mutant } {
  const r = seededRandom((campaign * 0x9e3779b1) ^ (n * 0x85ebca6b));
  const seed = seeds[int(r, seeds.length)];
  if (seed.format === 'xlsx') return { seed, mutant: xlsxMutant(r, seed) };
  if (seed.format === 'binary') {
    const at = int(r, seed.bytes.length);
    const { bytes, what } = byteChange(r, seed.bytes, at);
    return { seed, mutant: { bytes, what, rows: null, sheet: null } };
  }
  return { seed, mutant: textMutant(r, seed) };
}
