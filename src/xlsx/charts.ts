/**
 * Native charts for an ExcelJS-written package. ExcelJS cannot write charts,
 * so this adds the parts by hand: xl/charts/chartN.xml, one
 * xl/drawings/drawingN.xml (+ rels) per sheet, the sheet's drawing
 * relationship and <drawing/> element, and the content-type overrides.
 */
import JSZip from 'jszip';
import { chartXml, drawingXml, type CellPoint, type ChartData } from './chartXml';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

export interface SheetCharts {
  /** 0-based position of the sheet in the workbook. */
  sheetIndex: number;
  charts: { data: ChartData; from: CellPoint; to: CellPoint }[];
}

/** The package with the charts added; the input is not modified. */
export async function addCharts(xlsx: Uint8Array | ArrayBuffer, sheets: SheetCharts[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const sheetPaths = await worksheetPaths(zip);
  let contentTypes = await text(zip, '[Content_Types].xml');
  let nextChart = nextPartNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  let nextDrawing = nextPartNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);

  for (const sheet of sheets) {
    if (!sheet.charts.length) continue;
    const sheetPath = sheetPaths[sheet.sheetIndex];
    if (!sheetPath) throw new Error(`addCharts: the workbook has no sheet at index ${sheet.sheetIndex}`);
    const drawingNo = nextDrawing++;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const drawingRels: string[] = [];
    const placements = sheet.charts.map((chart, i) => {
      const chartNo = nextChart++;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(chart.data));
      contentTypes = addOverride(contentTypes, `/xl/charts/chart${chartNo}.xml`, CHART_TYPE);
      const rId = `rId${i + 1}`;
      drawingRels.push(relationship(rId, 'chart', `../charts/chart${chartNo}.xml`));
      return { from: chart.from, to: chart.to, rId };
    });
    zip.file(drawingPath, drawingXml(placements));
    zip.file(relsPathOf(drawingPath), relationships(drawingRels));
    contentTypes = addOverride(contentTypes, `/${drawingPath}`, DRAWING_TYPE);

    const sheetRelsPath = relsPathOf(sheetPath);
    const existing = zip.file(sheetRelsPath) ? await text(zip, sheetRelsPath) : relationships([]);
    const rId = freeRelId(existing);
    const rel = relationship(rId, 'drawing', `../drawings/drawing${drawingNo}.xml`);
    zip.file(sheetRelsPath, existing.replace('</Relationships>', `${rel}</Relationships>`));
    zip.file(sheetPath, insertDrawing(await text(zip, sheetPath), rId));
  }
  zip.file('[Content_Types].xml', contentTypes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Package paths of the worksheets in workbook order (workbook.xml → its rels). */
export async function worksheetPaths(zip: JSZip): Promise<string[]> {
  const workbook = await text(zip, 'xl/workbook.xml');
  const rels = parseRelationships(await text(zip, 'xl/_rels/workbook.xml.rels'));
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const id = attr(m[0], 'r:id');
    const target = rels.find((r) => r.id === id)?.target;
    if (!target) throw new Error(`addCharts: workbook.xml names a sheet relationship ${id} that does not exist`);
    return resolvePart('xl/workbook.xml', target);
  });
}

export function parseRelationships(xml: string): { id: string; type: string; target: string }[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], 'Id') ?? '',
    type: attr(m[0], 'Type') ?? '',
    target: attr(m[0], 'Target') ?? '',
  }));
}

/** A relationship target resolved against the part that owns the rels. */
export function resolvePart(ownerPath: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ownerPath.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

/**
 * The sheet XML with <drawing r:id/> at its schema position: after
 * pageMargins/pageSetup/headerFooter/breaks/ignoredErrors, and before
 * legacyDrawing (ExcelJS writes one for notes), tableParts and extLst.
 */
export function insertDrawing(sheetXml: string, rId: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error('insertDrawing: the sheet already has a drawing');
  const element = `<drawing r:id="${rId}"/>`;
  const dataEnd = Math.max(0, sheetXml.indexOf('</sheetData>'));
  const after = sheetXml.slice(dataEnd);
  const m = /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(after);
  const at = m ? dataEnd + m.index : sheetXml.lastIndexOf('</worksheet>');
  let out = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  if (!/<worksheet\b[^>]*\sxmlns:r=/.test(out)) out = out.replace(/<worksheet\b/, `<worksheet xmlns:r="${REL_NS}"`);
  return out;
}

function addOverride(contentTypes: string, partName: string, type: string): string {
  if (contentTypes.includes(`PartName="${partName}"`)) return contentTypes;
  return contentTypes.replace('</Types>', `<Override PartName="${partName}" ContentType="${type}"/></Types>`);
}

function freeRelId(relsXml: string): string {
  const used = parseRelationships(relsXml).map((r) => Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0));
  return `rId${Math.max(0, ...used) + 1}`;
}

function relationship(id: string, kind: 'chart' | 'drawing', target: string): string {
  return `<Relationship Id="${id}" Type="${REL_NS}/${kind}" Target="${target}"/>`;
}

function relationships(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${items.join('')}</Relationships>`;
}

function nextPartNumber(zip: JSZip, pattern: RegExp): number {
  const numbers = Object.keys(zip.files).map((p) => Number(pattern.exec(p)?.[1] ?? 0));
  return Math.max(0, ...numbers) + 1;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1];
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`addCharts: the package has no ${path}`);
  return file.async('string');
}
