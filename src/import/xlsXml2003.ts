/**
 * Excel 2003 XML ("XML Spreadsheet", SpreadsheetML) saved as .xls, which some
 * back ends write: <Worksheet ss:Name><Table><Row><Cell><Data ss:Type>.
 * Scanned as text like the HTML tables; ss:Index skips cells and rows,
 * ss:MergeDown fills the rows below like a merged cell.
 */
import { decodeEntities } from './htmlTables';
import { dateText, fillMergedDown, setCell, type MergedRange } from './xlsCells';

export interface XmlSheet {
  name: string;
  rows: string[][];
}

const SPREADSHEET_NS = 'urn:schemas-microsoft-com:office:spreadsheet';

/** True for an Excel 2003 XML workbook (its namespace within the first few kB). */
export function isSpreadsheetXml(head: string): boolean {
  return /^\s*<\?xml/i.test(head) && head.includes(SPREADSHEET_NS);
}

function attribute(attributes: string, name: string): string | null {
  const m = new RegExp(`(?:\\w+:)?\\b${name}\\s*=\\s*"([^"]*)"`, 'i').exec(attributes);
  return m ? decodeEntities(m[1]) : null;
}

/** Data ss:Type="DateTime" is `2026-11-21T09:05:07.000`, already wall-clock. */
function dataText(type: string | null, raw: string): string {
  const text = decodeEntities(raw.replace(/<[^>]*>/g, ''));
  if (type === 'DateTime') {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(text);
    if (m) return dateText(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])));
  }
  if (type === 'Boolean') return text === '1' ? 'TRUE' : text === '0' ? 'FALSE' : text;
  return text;
}

const ROW_OR_CELL = /<(?:\w+:)?(Row|Cell)\b([^>]*?)(\/?)>|<(?:\w+:)?Data\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?Data>/gi;

function readTable(xml: string): string[][] {
  const rows: string[][] = [];
  const merges: MergedRange[] = [];
  let row = -1;
  let col = -1;
  let cellCol = -1;
  for (const m of xml.matchAll(ROW_OR_CELL)) {
    if (m[1]?.toLowerCase() === 'row') {
      const index = attribute(m[2], 'Index');
      row = index ? +index - 1 : row + 1;
      col = -1;
      cellCol = -1;
      setCell(rows, row, 0, rows[row]?.[0] ?? '');
    } else if (m[1]?.toLowerCase() === 'cell') {
      const index = attribute(m[2], 'Index');
      cellCol = index ? +index - 1 : col + 1;
      const down = +(attribute(m[2], 'MergeDown') ?? 0);
      const across = +(attribute(m[2], 'MergeAcross') ?? 0);
      if (down > 0) merges.push({ firstRow: row, lastRow: row + down, firstCol: cellCol, lastCol: cellCol + across });
      setCell(rows, row, cellCol, rows[row]?.[cellCol] ?? '');
      col = cellCol + across;
    } else if (m[5] !== undefined && row >= 0 && cellCol >= 0) {
      setCell(rows, row, cellCol, dataText(attribute(m[4], 'Type'), m[5]));
    }
  }
  fillMergedDown(rows, merges);
  return rows;
}

/** Every worksheet of an Excel 2003 XML workbook. */
export function readSpreadsheetXml(xml: string): XmlSheet[] {
  const sheets: XmlSheet[] = [];
  const worksheet = /<(?:\w+:)?Worksheet\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?Worksheet>/gi;
  for (const m of xml.matchAll(worksheet)) {
    sheets.push({ name: attribute(m[1], 'Name') ?? String(sheets.length + 1), rows: readTable(m[2]) });
  }
  return sheets;
}
