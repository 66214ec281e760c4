/**
 * DrawingML text of native line charts and of the drawing that places them:
 * pure string builders, no package handling (see charts.ts for that).
 * Element order follows the ECMA-376 schema, which Excel enforces.
 */

/** English Metric Units per pixel at 96 dpi. */
export const EMU_PER_PX = 9525;

/** The data of one chart, already read from the written cells. */
export interface ChartData {
  title: string;
  axisTitles?: { bottom?: string; left?: string; right?: string };
  categories: {
    /** A quoted range formula, e.g. `'日报'!$A$5:$A$18`. */
    ref: string;
    values: (string | number | null)[];
    /** Set when the categories are numbers (dates as serial days): their format code. */
    numFmt: string | null;
  };
  series: {
    name: string;
    ref: string;
    values: (number | null)[];
    axis: 'left' | 'right';
    formatCode: string;
  }[];
}

/** A cell corner plus an offset in pixels. */
export interface CellPoint {
  row: number;
  col: number;
  rowOffPx: number;
  colOffPx: number;
}

export interface ChartPlacement {
  from: CellPoint;
  to: CellPoint;
  /** r:id of the chart in the drawing's rels. */
  rId: string;
}

const COLORS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * An absolute single-column range with the sheet name always quoted.
 * @example rangeRef("Bob's", 0, 4, 17) // "'Bob''s'!$A$5:$A$18"
 */
export function rangeRef(sheetName: string, col: number, firstRow: number, lastRow: number): string {
  const c = columnLetters(col);
  return `'${sheetName.replace(/'/g, "''")}'!$${c}$${firstRow + 1}:$${c}$${lastRow + 1}`;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Control characters other than tab/CR/LF are not allowed in XML 1.0.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/**
 * The chart part: one c:lineChart per axis group. With series on both sides,
 * the right-hand ones get a second line chart on a secondary value axis that
 * crosses at the maximum of a hidden second category axis (Excel's layout).
 */
/** An axis title (its place in the axis element is fixed by the schema: after axPos/gridlines, before numFmt). */
function axisTitleXml(text: string | undefined): string {
  if (!text) return '';
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000" b="0"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1000" b="0"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

export function chartXml(data: ChartData): string {
  const left = data.series.map((s, i) => ({ s, i })).filter(({ s }) => s.axis === 'left');
  const right = data.series.map((s, i) => ({ s, i })).filter(({ s }) => s.axis === 'right');
  // With no left series the right ones simply become the primary axis.
  const groups = left.length && right.length ? [left, right] : [left.length ? left : right];
  const plot: string[] = [];
  const axes: string[] = [];
  groups.forEach((group, g) => {
    const catId = 1001 + g * 2;
    const valId = catId + 1;
    plot.push(
      `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
        group.map(({ s, i }) => seriesXml(data, s, i)).join('') +
        `<c:marker val="1"/><c:axId val="${catId}"/><c:axId val="${valId}"/></c:lineChart>`,
    );
    const secondary = g === 1;
    const valTitle = secondary ? data.axisTitles?.right : groups.length === 1 && !left.length ? data.axisTitles?.right : data.axisTitles?.left;
    const catTitle = secondary ? undefined : data.axisTitles?.bottom;
    const catFmt = data.categories.numFmt ?? 'General';
    axes.push(
      `<c:catAx><c:axId val="${catId}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
        `<c:delete val="${secondary ? 1 : 0}"/><c:axPos val="b"/>` +
        axisTitleXml(catTitle) +
        `<c:numFmt formatCode="${escapeXml(catFmt)}" sourceLinked="1"/>` +
        `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
        `<c:crossAx val="${valId}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
        `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`,
      `<c:valAx><c:axId val="${valId}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
        `<c:delete val="0"/><c:axPos val="${secondary ? 'r' : 'l'}"/>` +
        (secondary ? '' : '<c:majorGridlines/>') +
        axisTitleXml(valTitle) +
        `<c:numFmt formatCode="${escapeXml(group[0].s.formatCode)}" sourceLinked="0"/>` +
        `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
        `<c:crossAx val="${catId}"/><c:crosses val="${secondary ? 'max' : 'autoZero'}"/>` +
        `<c:crossBetween val="between"/></c:valAx>`,
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="0"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1400" b="0"/><a:t>${escapeXml(data.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>' +
    `<c:plotArea><c:layout/>${plot.join('')}${axes.join('')}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

function seriesXml(data: ChartData, s: ChartData['series'][number], index: number): string {
  const color = COLORS[index % COLORS.length];
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
    `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:round/></a:ln></c:spPr>` +
    '<c:marker><c:symbol val="none"/></c:marker>' +
    `<c:cat>${categoriesXml(data.categories)}</c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(s.ref)}</c:f>${numCache(s.values, s.formatCode)}</c:numRef></c:val>` +
    '<c:smooth val="0"/></c:ser>'
  );
}

function categoriesXml(cat: ChartData['categories']): string {
  const f = `<c:f>${escapeXml(cat.ref)}</c:f>`;
  if (cat.numFmt !== null) {
    const nums = cat.values.map((v) => (typeof v === 'number' ? v : null));
    return `<c:numRef>${f}${numCache(nums, cat.numFmt)}</c:numRef>`;
  }
  const pts = cat.values
    .map((v, i) => (v === null || v === '' ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`))
    .join('');
  return `<c:strRef>${f}<c:strCache><c:ptCount val="${cat.values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numCache(values: (number | null)[], formatCode: string): string {
  const pts = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join('');
  return `<c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** The drawing part of one sheet: a two-cell anchor (moves, not resizes, with cells) per chart. */
export function drawingXml(placements: ChartPlacement[]): string {
  const point = (tag: string, p: CellPoint) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>${Math.round(p.colOffPx * EMU_PER_PX)}</xdr:colOff>` +
    `<xdr:row>${p.row}</xdr:row><xdr:rowOff>${Math.round(p.rowOffPx * EMU_PER_PX)}</xdr:rowOff></xdr:${tag}>`;
  const anchors = placements.map(
    (p, i) =>
      `<xdr:twoCellAnchor editAs="oneCell">${point('from', p.from)}${point('to', p.to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/>` +
      '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
      `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${p.rId}"/>` +
      '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>',
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.join('')}</xdr:wsDr>`
  );
}
