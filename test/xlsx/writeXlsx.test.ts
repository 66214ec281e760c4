import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TabSpec } from '../../src/reports/types';
import { writeXlsx } from '../../src/xlsx/writeXlsx';
import { dailyTab, rankingTab } from './sampleTabs';

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function tab(overrides: Partial<TabSpec>): TabSpec {
  return {
    key: 'daily', name: 'T', blocks: [], merges: [], frozenRows: 0, frozenCols: 0,
    columnWidths: {}, notes: [], charts: [], ...overrides,
  };
}

describe('writeXlsx', () => {
  let workbook: ExcelJS.Workbook;
  let daily: ExcelJS.Worksheet;
  let ranking: ExcelJS.Worksheet;
  beforeAll(async () => {
    workbook = await reopen(await writeXlsx([dailyTab(), rankingTab()], { locale: 'zh-CN' }));
    daily = workbook.getWorksheet('日报')!;
    ranking = workbook.getWorksheet('Ranking')!;
  });

  it('writes one worksheet per tab, in order, named by the tab', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['日报', 'Ranking']);
  });

  it('puts 0-based block cells at their 1-based addresses', () => {
    expect(daily.getCell('A1').value).toBe('客服日报 2024-05-14');
    expect(daily.getCell('A3').value).toBe('Date');
    expect(daily.getCell('B4').value).toBe(100);
    expect(daily.getCell('C17').value).toBeCloseTo(0.33, 12);
    expect(daily.getCell('D5').value).toBe(2234.5);
    expect(ranking.getCell('B2').value).toBe('Lin, "Amy"');
    expect(ranking.getCell('C2').value).toBe('007');
    expect(ranking.getCell('A3').value).toBeNull();
  });

  it('writes date text as a real date at UTC midnight with the yyyy-mm-dd format', () => {
    const cell = daily.getCell('A4');
    expect(cell.value).toEqual(new Date(Date.UTC(2024, 4, 1)));
    expect(cell.numFmt).toBe('yyyy-mm-dd');
    expect(daily.getCell('A17').value).toEqual(new Date(Date.UTC(2024, 4, 14)));
  });

  it('maps each number format to its Excel code', () => {
    expect(daily.getCell('B4').numFmt).toBe('0');
    expect(daily.getCell('C4').numFmt).toBe('0.00%');
    expect(daily.getCell('D4').numFmt).toBe('#,##0.00');
    expect(ranking.getCell('C2').numFmt).toBe('@');
    expect(ranking.getCell('D2').numFmt).toBe('0.0');
  });

  it('lets a row style win over a column style (the header stays text, not date)', () => {
    const header = daily.getCell('A3');
    expect(header.numFmt).toBe('@');
    expect(header.font?.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9EAD3' } });
    expect(header.alignment).toMatchObject({ horizontal: 'center', wrapText: true });
  });

  it('lets a cell style win over everything while keeping the column format', () => {
    const flagged = daily.getCell('C6');
    expect(flagged.fill).toMatchObject({ fgColor: { argb: 'FFF4CCCC' } });
    expect(flagged.font?.color).toEqual({ argb: 'FF990000' });
    expect(flagged.numFmt).toBe('0.00%');
    expect(daily.getCell('C7').fill).not.toMatchObject({ pattern: 'solid' });
  });

  it('applies the block style under column styles', () => {
    expect(ranking.getCell('B2').font?.italic).toBe(true);
    expect(ranking.getCell('D2').font).toMatchObject({ italic: true, color: { argb: 'FF0000FF' } });
    expect(ranking.getCell('A2').alignment).toMatchObject({ horizontal: 'right' });
  });

  it('merges, freezes, sizes columns and attaches notes', () => {
    expect(daily.model.merges).toEqual(['A1:D1']);
    expect(daily.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ranking.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    // Excel's width in characters leaves out the 5 px of cell padding: px = width × 7 + 5.
    expect(daily.getColumn(1).width).toBeCloseTo((100 - 5) / 7, 1);
    expect(daily.getColumn(3).width).toBeCloseTo((140 - 5) / 7, 1);
    expect(daily.getCell('C3').note).toBe('C = paid ÷ inquiries');
  });

  it('leaves impossible dates as text rather than rolling them over', async () => {
    const t = tab({ blocks: [{ row: 0, col: 0, values: [['2024-02-30', '2024-02-29']], style: { format: 'date' } }] });
    const sheet = (await reopen(await writeXlsx([t]))).getWorksheet('T')!;
    expect(sheet.getCell('A1').value).toBe('2024-02-30');
    expect(sheet.getCell('B1').value).toEqual(new Date(Date.UTC(2024, 1, 29)));
  });

  it('writes a tab without frozen panes, blocks or charts', async () => {
    const sheet = (await reopen(await writeXlsx([tab({})]))).getWorksheet('T')!;
    expect((sheet.views ?? []).filter((v) => v.state === 'frozen')).toEqual([]);
    expect(sheet.rowCount).toBe(0);
  });

  it('writes 100k styled cells, every one where it belongs, with its column and cell styles', async () => {
    const values = Array.from({ length: 5000 }, (_, r) =>
      Array.from({ length: 20 }, (_, c) => (c === 0 ? `agent ${r}` : c === 1 ? '2024-05-01' : r * c + 0.5)),
    );
    const big = tab({
      blocks: [{
        row: 1, col: 0, values,
        columnStyles: [null, { format: 'date' }, { format: 'percent' }, { format: 'money', bold: true }],
        cellStyles: Array.from({ length: 500 }, (_, i) => ({ row: i * 10, col: 5, style: { background: '#F4CCCC' } })),
      }],
      frozenRows: 1,
    });
    const sheet = (await reopen(await writeXlsx([big]))).getWorksheet('T')!;
    expect(sheet.rowCount).toBe(5001);
    expect(sheet.getCell('A2').value).toBe('agent 0');
    expect(sheet.getCell('A5001').value).toBe('agent 4999');
    expect(sheet.getCell('T5001').value).toBe(4999 * 19 + 0.5);
    expect(sheet.getCell('D3000').value).toBe(2998 * 3 + 0.5);
    expect(sheet.getCell('D3000').font?.bold).toBe(true);
    expect(sheet.getCell('C10').numFmt).toContain('%');
    expect(sheet.getCell('F2').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFF4CCCC' } });
    expect(sheet.getCell('F3').fill?.type === 'pattern' && (sheet.getCell('F3').fill as ExcelJS.FillPattern).fgColor?.argb === 'FFF4CCCC').toBe(false);
  });
});
