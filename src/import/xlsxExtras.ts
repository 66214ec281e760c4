/**
 * What read-excel-file leaves out of an XLSX and the import needs: error cells
 * (it turns `#DIV/0!` into an empty cell, which would read as "not available")
 * and merged ranges (it leaves every cell but the top-left empty). Both are
 * read from the sheet XML and laid over the grid it gave. The zip is opened
 * with fflate, which read-excel-file already brings into the sidebar bundle.
 */
import { strFromU8, unzipSync } from 'fflate';
import { decodeEntities } from './htmlTables';
import { fillMergedDown, rangeOfRef, setCell, type MergedRange } from './xlsCells';

export interface SheetExtras {
  /** 0-based row and column of each error cell, and its code. */
  errors: { row: number; col: number; code: string }[];
  merges: MergedRange[];
}

function attr(attributes: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
  return m ? m[1] : null;
}

type Parts = Record<string, Uint8Array>;

const text = (parts: Parts, path: string): string | undefined => (parts[path] ? strFromU8(parts[path]) : undefined);

/** Sheet name → its part's path, through xl/workbook.xml and its relationships. */
function sheetPaths(parts: Parts): Map<string, string> {
  const paths = new Map<string, string>();
  const workbook = text(parts, 'xl/workbook.xml');
  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return paths;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1], 'name');
    const target = targets.get(attr(m[1], 'r:id') ?? '');
    if (name !== null && target) paths.set(decodeEntities(name), target);
  }
  return paths;
}

const CELL_REF = /^([A-Z]+)(\d+)$/;

function extrasOf(xml: string): SheetExtras {
  const errors: SheetExtras['errors'] = [];
  // Only cells typed t="e" are looked at: a cheap scan even of a large sheet.
  for (const m of xml.matchAll(/<c\b([^>]*\bt="e"[^>]*?)(?<!\/)>([\s\S]*?)<\/c>/g)) {
    const ref = CELL_REF.exec(attr(m[1], 'r') ?? '');
    const code = /<v>([^<]*)<\/v>/.exec(m[2]);
    if (!ref || !code) continue;
    const range = rangeOfRef(`${ref[0]}:${ref[0]}`)!;
    errors.push({ row: range.firstRow, col: range.firstCol, code: decodeEntities(code[1]) });
  }
  const merges: MergedRange[] = [];
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)) {
    const range = rangeOfRef(m[1]);
    if (range) merges.push(range);
  }
  return { errors, merges };
}

/** Error cells and merged ranges of each sheet, by sheet name. */
export function readXlsxExtras(bytes: Uint8Array): Map<string, SheetExtras> {
  // Only the workbook, its relationships and the worksheets are inflated.
  const parts = unzipSync(bytes, { filter: (file) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml)$/.test(file.name) });
  const extras = new Map<string, SheetExtras>();
  for (const [name, path] of sheetPaths(parts)) {
    const xml = text(parts, path);
    if (xml && (xml.includes('t="e"') || xml.includes('<mergeCell '))) extras.set(name, extrasOf(xml));
  }
  return extras;
}

/** Lays error codes and merged values over a sheet's grid, in place. */
export function applyExtras(rows: string[][], extras: SheetExtras | undefined): void {
  if (!extras) return;
  for (const e of extras.errors) setCell(rows, e.row, e.col, e.code);
  fillMergedDown(rows, extras.merges);
}
