/**
 * Issue 9.14: CSV injection. Text that a spreadsheet would run as a formula
 * when it opens the CSV gets OWASP's leading `'`; plain numbers stay numbers.
 * Excel's cell limit (9.16): report.xlsx cuts longer text with a marker and
 * says where; formula-like text is a string cell there, never a formula.
 */
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { csvField, csvText, formulaSafe } from '../../src/xlsx/csv';
import { fitCell, MAX_CELL_CHARS, writeXlsx, type CutCell } from '../../src/xlsx/writeXlsx';
import type { TabSpec } from '../../src/reports/types';

describe('formulaSafe', () => {
  test.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR', '=HYPERLINK("http://evil","x")', '-', '+86 138 0000 0000', '-1,000'])('%j gets a leading quote', (text) => {
    expect(formulaSafe(text)).toBe(`'${text}`);
  });
  test.each(['-12.5', '+3', '-0.00000015', '1e5', '-1e-7', 'plain', ' =leading space', '2026-11-03', "'=already"])('%j stays as written', (text) => {
    expect(formulaSafe(text)).toBe(text);
  });
  test('numbers stay numbers, negative ones included', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(-0.0000001)).toBe('-0.0000001');
  });
  test('a quoted field is escaped before it is quoted', () => {
    expect(csvField('=HYPERLINK("a","b")')).toBe(`"'=HYPERLINK(""a"",""b"")"`);
    expect(csvField('\rCR')).toBe(`"'\rCR"`);
    expect(csvField('@a,b')).toBe(`"'@a,b"`);
  });
  test('headers and every row cell are escaped', () => {
    expect(csvText({ fileName: 'x.csv', header: ['=H', 'n'], rows: [['-x', -1], ['ok', 2]] })).toBe("\uFEFF'=H,n\n'-x,-1\nok,2\n");
  });
});

const tabWith = (values: (string | number)[][]): TabSpec =>
  ({ name: 'T', blocks: [{ row: 0, col: 0, values }], merges: [], columnWidths: {}, notes: [], charts: [], frozenRows: 0, frozenCols: 0 }) as unknown as TabSpec;

async function cellsOf(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.getWorksheet('T')!;
}

describe('report.xlsx', () => {
  test('formula-like text is a string cell, never a formula', async () => {
    const sheet = await cellsOf(await writeXlsx([tabWith([['=1+1', '@cmd', '-2+3', '+SUM(A1)']])]));
    for (const col of [1, 2, 3, 4]) {
      expect(sheet.getCell(1, col).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getCell(1, col).formula).toBeUndefined();
    }
    expect(sheet.getCell(1, 1).value).toBe('=1+1');
  });

  test('text over 32 767 characters is cut with a marker and reported; shorter text is untouched', async () => {
    const long = 'x'.repeat(MAX_CELL_CHARS + 10);
    const exact = 'y'.repeat(MAX_CELL_CHARS);
    const cuts: CutCell[] = [];
    const sheet = await cellsOf(await writeXlsx([tabWith([['a', long], [exact, 1]])], { onCut: (c) => cuts.push(c) }));
    const cut = sheet.getCell(1, 2).value as string;
    expect(cut).toHaveLength(MAX_CELL_CHARS);
    expect(cut.endsWith('…[cut]')).toBe(true);
    expect(sheet.getCell(2, 1).value).toBe(exact);
    expect(cuts).toEqual([{ tab: 'T', row: 0, col: 1, length: MAX_CELL_CHARS + 10 }]);
  });

  test('the marker follows the workbook language', () => {
    expect(fitCell('z'.repeat(MAX_CELL_CHARS + 1), '…[已截断]')).toMatch(/z…\[已截断\]$/);
    expect(fitCell(12, '…[cut]')).toBe(12);
  });
});
