/**
 * The workbook-wide parts of an XLSX a sheet's cells refer to: which sheets
 * there are and where, the shared strings, which styles show dates, and the
 * date system. Each part is read on its own: a damaged one is recorded
 * (its cells then become per-cell rejections), never fatal for the workbook.
 */
import { decodeEntities } from './htmlTables';
import { isDateFormat } from './xlsCells';
import { readEntry, zipEntries, ZipProblem, type ZipEntry } from './zipEntries';

export interface SheetPart {
  name: string;
  /** Null when the workbook names a sheet whose part is missing. */
  entry: ZipEntry | null;
}

export interface WorkbookParts {
  sheets: SheetPart[];
  /** Null when the workbook has no shared strings, or they cannot be read. */
  strings: string[] | null;
  /** Whether each cell style (cellXfs index) shows a date or time; null when there are no styles. */
  dateStyles: boolean[] | null;
  date1904: boolean;
  /** Reads a part's text; throws ZipProblem. */
  text(entry: ZipEntry): string;
}

const utf8 = new TextDecoder('utf-8');

/** An attribute's value (double or single quotes), entities decoded; null when absent. */
export function attribute(attributes: string, name: string): string | null {
  const at = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  if (!at) return null;
  const value = at[1] ?? at[2];
  return value.includes('&') ? decodeEntities(value) : value;
}

/** OOXML writes characters XML cannot hold as `_xHHHH_` (a line break in a cell is `_x000D_`). */
export function unescapeOoxml(text: string): string {
  const decoded = text.includes('&') ? decodeEntities(text) : text;
  if (!decoded.includes('_x')) return decoded;
  return decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of a string item (`<si>`, `<is>`): its `<t>` runs, without phonetic guides (`<rPh>`). */
export function stringItemText(xml: string): string {
  const bare = xml.includes('<rPh') ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '') : xml;
  let out = '';
  for (const m of bare.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1];
  return unescapeOoxml(out);
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const step of target.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.') parts.push(step);
  }
  return parts.join('/');
}

/** Relationship id → target path (resolved from the part's folder). */
function relationships(xml: string | null, partPath: string): Map<string, { target: string; type: string }> {
  const rels = new Map<string, { target: string; type: string }>();
  if (!xml) return rels;
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attribute(m[1], 'Id');
    const target = attribute(m[1], 'Target');
    if (id && target) rels.set(id, { target: resolvePath(partPath, target), type: attribute(m[1], 'Type') ?? '' });
  }
  return rels;
}

function readStyles(xml: string): boolean[] {
  const codes = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const id = Number(attribute(m[1], 'numFmtId'));
    const code = attribute(m[1], 'formatCode');
    if (Number.isInteger(id) && code !== null) codes.set(id, code);
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (!xfs) return [];
  const dates: boolean[] = [];
  for (const m of xfs[1].matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
    const id = Number(attribute(m[1], 'numFmtId') ?? 0);
    dates.push(Number.isInteger(id) && isDateFormat(id, codes.get(id)));
  }
  return dates;
}

/** The workbook's parts; throws ZipProblem only when the zip has no readable directory. */
export function workbookParts(bytes: Uint8Array): WorkbookParts {
  const entries = zipEntries(bytes);
  const byName = new Map(entries.map((e) => [e.name.replace(/\\/g, '/').replace(/^\//, ''), e]));
  const text = (entry: ZipEntry) => utf8.decode(readEntry(bytes, entry));
  const partText = (path: string): string | null => {
    const entry = byName.get(path);
    if (!entry) return null;
    try {
      return text(entry);
    } catch (error) {
      if (error instanceof ZipProblem) return null;
      throw error;
    }
  };
  const root = relationships(partText('_rels/.rels'), '');
  const workbookPath = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = partText(workbookPath) ?? '';
  const rels = relationships(partText(workbookPath.replace(/([^/]+)$/, '_rels/$1.rels')), workbookPath);
  const sheets: SheetPart[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attribute(m[1], 'name');
    const id = /\br:id\s*=\s*["']([^"']*)["']/.exec(m[1])?.[1] ?? attribute(m[1], 'id');
    const target = id ? rels.get(id)?.target : undefined;
    if (name !== null) sheets.push({ name, entry: target ? (byName.get(target) ?? null) : null });
  }
  if (sheets.length === 0) {
    // No readable workbook part: the worksheets are still there, in their parts' order.
    const parts = [...byName.entries()].filter(([path]) => /^xl\/worksheets\/[^/]+\.xml$/i.test(path));
    for (const [path, entry] of parts.sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
      sheets.push({ name: path.replace(/^.*\/|\.xml$/gi, ''), entry });
    }
  }
  if (sheets.length === 0) throw new ZipProblem('noSheets');
  const relOfType = (suffix: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target ?? fallback;
  const stringsEntry = byName.get(relOfType('/sharedStrings', 'xl/sharedStrings.xml'));
  const stringsXml = stringsEntry ? partText(relOfType('/sharedStrings', 'xl/sharedStrings.xml')) : null;
  const strings = stringsXml === null ? null : [...stringsXml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => stringItemText(m[1] ?? ''));
  const stylesXml = partText(relOfType('/styles', 'xl/styles.xml'));
  const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbook);
  const date1904 = pr ? /^(1|true)$/i.test(attribute(pr[1], 'date1904') ?? '') : false;
  return { sheets, strings, dateStyles: stylesXml === null ? null : readStyles(stylesXml), date1904, text };
}
