import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes'; // ExcelJS's own XML parser: used here only to prove well-formedness
import { beforeAll, describe, expect, it } from 'vitest';
import { insertDrawing, parseRelationships, relsPathOf, resolvePart } from '../../src/xlsx/charts';
import { columnLetters, rangeRef } from '../../src/xlsx/chartXml';
import { writeXlsx } from '../../src/xlsx/writeXlsx';
import type { ChartSpec, TabSpec } from '../../src/reports/types';
import { dailyTab, rankingTab } from './sampleTabs';

async function read(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`missing part ${path}`);
  return file.async('string');
}

function wellFormed(xml: string): void {
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

describe('native charts in the package', () => {
  let bytes: Uint8Array;
  let zip: JSZip;
  let chart: string;
  beforeAll(async () => {
    bytes = await writeXlsx([dailyTab(), rankingTab()]);
    zip = await JSZip.loadAsync(bytes);
    chart = await read(zip, 'xl/charts/chart1.xml');
  });

  it('adds one chart part that refers to the tab\'s cells with a quoted sheet name', () => {
    expect(chart).toContain("<c:f>'日报'!$A$4:$A$17</c:f>");
    expect(chart).toContain("<c:f>'日报'!$C$4:$C$17</c:f>");
    expect(chart).toContain("<c:f>'日报'!$B$4:$B$17</c:f>");
    expect(chart).toContain('<a:t>14-day trend</a:t>');
    expect(zip.file('xl/charts/chart2.xml')).toBeNull();
  });

  it('puts the right-axis series on a second line chart with its own value axis crossing at max', () => {
    const lineCharts = chart.match(/<c:lineChart>.*?<\/c:lineChart>/g) ?? [];
    expect(lineCharts).toHaveLength(2);
    expect(lineCharts[0]).toContain('<c:v>Inquiry conversion</c:v>');
    expect(lineCharts[1]).toContain('<c:v>Inquiries</c:v>');
    const valAxes = chart.match(/<c:valAx>.*?<\/c:valAx>/g) ?? [];
    expect(valAxes).toHaveLength(2);
    expect(valAxes[0]).toContain('<c:axPos val="l"/>');
    expect(valAxes[0]).toContain('formatCode="0.00%"');
    expect(valAxes[1]).toContain('<c:axPos val="r"/>');
    expect(valAxes[1]).toContain('<c:crosses val="max"/>');
    expect(valAxes[1]).toContain('formatCode="0"');
  });

  it('caches the values so viewers draw without recalculating', () => {
    expect(chart).toContain('<c:ptCount val="14"/>');
    // Categories are real dates: serial days with the date format.
    expect(chart).toContain('<c:formatCode>yyyy-mm-dd</c:formatCode>');
    expect(chart).toContain('<c:pt idx="0"><c:v>45413</c:v></c:pt>');
    expect(chart).toContain('<c:pt idx="13"><c:v>0.33</c:v></c:pt>');
    expect(chart).toContain('<c:pt idx="13"><c:v>230</c:v></c:pt>');
  });

  it('places the chart through a drawing linked from the sheet, before the notes\' legacyDrawing', async () => {
    const sheet = await read(zip, 'xl/worksheets/sheet1.xml');
    const m = /<drawing r:id="(rId\d+)"\/>/.exec(sheet);
    expect(m).not.toBeNull();
    expect(sheet.indexOf('<drawing ')).toBeGreaterThan(sheet.indexOf('<pageSetup'));
    expect(sheet.indexOf('<drawing ')).toBeLessThan(sheet.indexOf('<legacyDrawing '));
    const rels = parseRelationships(await read(zip, 'xl/worksheets/_rels/sheet1.xml.rels'));
    const rel = rels.find((r) => r.id === m![1])!;
    expect(rel.type).toMatch(/\/drawing$/);
    expect(resolvePart('xl/worksheets/sheet1.xml', rel.target)).toBe('xl/drawings/drawing1.xml');
    const drawing = await read(zip, 'xl/drawings/drawing1.xml');
    // Anchored at F3; 480 px over 64-px columns ends 32 px into L; 288 px over 20-px rows ends 8 px into row 17.
    expect(drawing).toContain('<xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row>');
    expect(drawing).toContain(`<xdr:to><xdr:col>12</xdr:col><xdr:colOff>${32 * 9525}</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>${8 * 9525}</xdr:rowOff>`);
    expect(await read(zip, 'xl/worksheets/sheet2.xml')).not.toContain('<drawing');
  });

  it('declares a content type for every chart and drawing part', async () => {
    const types = await read(zip, '[Content_Types].xml');
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    for (const [, part] of types.matchAll(/PartName="\/([^"]+)"/g)) expect(zip.file(part), part).not.toBeNull();
  });

  it('has every relationship point to an existing part and every r:id resolve', async () => {
    const relsFiles = Object.keys(zip.files).filter((p) => p.endsWith('.rels'));
    for (const relsPath of relsFiles) {
      // _rels/.rels belongs to the package root; a/_rels/b.xml.rels to a/b.xml.
      const owner = relsPath === '_rels/.rels' ? '' : relsPath.replace(/_rels\/([^/]+)\.rels$/, '$1');
      const rels = parseRelationships(await read(zip, relsPath));
      for (const rel of rels) expect(zip.file(resolvePart(owner, rel.target)), `${relsPath} ${rel.id}`).not.toBeNull();
      if (!owner) continue;
      const ids = new Set(rels.map((r) => r.id));
      for (const [, id] of (await read(zip, owner)).matchAll(/\br:id="([^"]+)"/g)) expect(ids.has(id), `${owner} ${id}`).toBe(true);
    }
  });

  it('writes only well-formed XML', async () => {
    for (const path of Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p))) {
      const xml = await read(zip, path);
      expect(() => wellFormed(xml), path).not.toThrow();
    }
  });

  const soffice = (() => {
    try {
      return execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  })();
  it.skipIf(!soffice)('opens in LibreOffice (converted to PDF)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-xlsx-'));
    writeFileSync(join(dir, 'report.xlsx'), bytes);
    execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.xlsx')], { timeout: 240_000 });
    expect(readdirSync(dir)).toContain('report.pdf');
  });
});

describe('chart variants', () => {
  function withChart(tab: TabSpec, series: ChartSpec['series'], categories = { col: 0, firstRow: 3, lastRow: 16 }): TabSpec {
    return { ...tab, charts: [{ ...dailyTab().charts[0], series, categories }] };
  }

  it('draws a chart on the sheet of its own tab, found through workbook order', async () => {
    const ranking = withChart(rankingTab(), [{ name: 'Paid', col: 3, firstRow: 1, lastRow: 2, axis: 'left', format: 'decimal1' }], { col: 1, firstRow: 1, lastRow: 2 });
    const daily = { ...dailyTab(), charts: [] };
    const zip = await JSZip.loadAsync(await writeXlsx([daily, ranking]));
    expect(await read(zip, 'xl/worksheets/sheet1.xml')).not.toContain('<drawing');
    expect(await read(zip, 'xl/worksheets/sheet2.xml')).toContain('<drawing r:id="rId1"/>');
    const chart = await read(zip, 'xl/charts/chart1.xml');
    // Text categories are cached as strings, with XML escaping.
    expect(chart).toContain("<c:strRef><c:f>'Ranking'!$B$2:$B$3</c:f><c:strCache><c:ptCount val=\"2\"/>");
    expect(chart).toContain('<c:v>Lin, &quot;Amy&quot;</c:v>');
    expect(chart).toContain('<c:numCache><c:formatCode>0.0</c:formatCode>');
  });

  it('uses a single value axis when every series is on the right', async () => {
    const tab = withChart(dailyTab(), [{ name: 'Inquiries', col: 1, firstRow: 3, lastRow: 16, axis: 'right', format: 'integer' }]);
    const chart = await read(await JSZip.loadAsync(await writeXlsx([tab])), 'xl/charts/chart1.xml');
    expect(chart.match(/<c:lineChart>/g)).toHaveLength(1);
    expect(chart.match(/<c:valAx>/g)).toHaveLength(1);
  });

  it('puts several charts of one tab in one drawing, each with its own chart part', async () => {
    const base = dailyTab();
    const second = { ...base.charts[0], title: 'Sales', anchor: { row: 20, col: 5 } };
    const zip = await JSZip.loadAsync(await writeXlsx([{ ...base, charts: [base.charts[0], second] }, rankingTab()]));
    expect(await read(zip, 'xl/charts/chart2.xml')).toContain('<a:t>Sales</a:t>');
    const drawing = await read(zip, 'xl/drawings/drawing1.xml');
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    expect(parseRelationships(await read(zip, 'xl/drawings/_rels/drawing1.xml.rels')).map((r) => r.target)).toEqual([
      '../charts/chart1.xml',
      '../charts/chart2.xml',
    ]);
    expect(zip.file('xl/drawings/drawing2.xml')).toBeNull();
  });

  it('adds the chart to a 100k-cell tab with the series it names', async () => {
    const values = Array.from({ length: 10_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => r + c));
    const tab = { ...dailyTab(), blocks: [{ row: 0, col: 0, values }] };
    const zip = await JSZip.loadAsync(await writeXlsx([tab]));
    expect(await read(zip, 'xl/charts/chart1.xml')).toContain('<c:pt idx="13"><c:v>17</c:v></c:pt>');
  });
});

describe('chart part helpers', () => {
  it('names columns past Z', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('quotes sheet names and doubles their apostrophes', () => {
    expect(rangeRef("Bob's day", 2, 0, 9)).toBe("'Bob''s day'!$C$1:$C$10");
  });

  it('puts the drawing before legacyDrawing, tableParts or extLst, else at the end', () => {
    const base = '<worksheet xmlns:r="x"><sheetData/><pageMargins/>';
    expect(insertDrawing(`${base}<legacyDrawing r:id="rId1"/></worksheet>`, 'rId2')).toBe(
      `${base}<drawing r:id="rId2"/><legacyDrawing r:id="rId1"/></worksheet>`,
    );
    expect(insertDrawing(`${base}<tableParts/></worksheet>`, 'rId1')).toBe(`${base}<drawing r:id="rId1"/><tableParts/></worksheet>`);
    expect(insertDrawing(`${base}</worksheet>`, 'rId1')).toBe(`${base}<drawing r:id="rId1"/></worksheet>`);
  });

  it('declares the relationships namespace when the sheet lacks it', () => {
    expect(insertDrawing('<worksheet><sheetData/></worksheet>', 'rId1')).toMatch(/^<worksheet xmlns:r="[^"]+relationships"><sheetData\/><drawing r:id="rId1"\/>/);
  });

  it('resolves relationship targets and rels paths', () => {
    expect(resolvePart('xl/worksheets/sheet1.xml', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
    expect(resolvePart('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePart('xl/workbook.xml', '/xl/styles.xml')).toBe('xl/styles.xml');
    expect(relsPathOf('xl/drawings/drawing1.xml')).toBe('xl/drawings/_rels/drawing1.xml.rels');
  });
});
