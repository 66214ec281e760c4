/** writeTab: a TabSpec rendered in batches, built on a temporary sheet and swapped in whole. */
import { describe, expect, it } from 'vitest';
import type { TabSpec } from '../../src/reports/types';
import { writeTab } from '../../src/sheets/tabWriter';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';

function spec(rows: number, name = 'Daily'): TabSpec {
  const body = Array.from({ length: rows }, (_, i) => [`2026-11-${String((i % 28) + 1).padStart(2, '0')}`, `agent${i}`, 0.4 + (i % 10) / 100, 1000 + i, i % 3 === 0 ? 'below_team_conversion' : '']);
  return {
    key: 'daily',
    name,
    blocks: [
      { row: 0, col: 0, values: [['Daily report 2026-11-21']], style: { bold: true } },
      {
        row: 2,
        col: 0,
        values: [['Date', 'Agent', 'Conversion', 'Sales', 'Flags'], ...body],
        columnStyles: [{ format: 'date' }, { format: 'text' }, { format: 'percent1' }, { format: 'money' }, null],
        rowStyles: [{ bold: true, background: '#eeeeee' }],
        cellStyles: [{ row: 1, col: 4, style: { color: '#cc0000' } }],
      },
    ],
    merges: [{ row: 0, col: 0, rows: 1, cols: 5 }],
    frozenRows: 3,
    frozenCols: 2,
    columnWidths: { 0: 90, 1: 120 },
    notes: [
      { row: 2, col: 2, text: 'paid ÷ inquiries' },
      { row: 2, col: 3, text: 'amount paid' },
    ],
    charts: [
      {
        kind: 'line',
        title: 'Team conversion, 14 days',
        anchor: { row: 2, col: 6 },
        widthPx: 600,
        heightPx: 300,
        categories: { col: 0, firstRow: 3, lastRow: 2 + rows },
        series: [
          { name: 'Conversion', col: 2, firstRow: 3, lastRow: 2 + rows, axis: 'left', format: 'percent' },
          { name: 'Sales', col: 3, firstRow: 3, lastRow: 2 + rows, axis: 'right', format: 'money' },
        ],
      },
    ],
  };
}

describe('writeTab', () => {
  it('renders values, formats, styles, merges, notes, frozen panes, widths and a chart', () => {
    const fake = new FakeSpreadsheetApp();
    writeTab(fake.ss, spec(3));
    const sheet = fake.spreadsheet.raw('Daily')!;
    expect(sheet.values[0][0]).toBe('Daily report 2026-11-21');
    expect(sheet.values[3].slice(1, 4)).toEqual(['agent0', 0.4, 1000]);
    expect(sheet.styles.numberFormat[3].slice(0, 4)).toEqual(['yyyy-mm-dd', '@', '0.0%', '#,##0.00']);
    expect(sheet.styles.fontWeight[2][0]).toBe('bold');
    expect(sheet.styles.background[2][4]).toBe('#eeeeee');
    expect(sheet.styles.fontColor[3][4]).toBe('#cc0000');
    expect(sheet.merges).toEqual(['A1:E1']);
    expect(sheet.styles.note[2].slice(2, 4)).toEqual(['paid ÷ inquiries', 'amount paid']);
    expect([sheet.frozenRows, sheet.frozenColumns]).toEqual([3, 2]);
    expect(sheet.columnWidths).toEqual({ 1: 90, 2: 120 });
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].ranges).toEqual(['A4:A6', 'C4:C6', 'D4:D6']);
    expect(sheet.charts[0].options.title).toBe('Team conversion, 14 days');
    expect(sheet.charts[0].position).toEqual([3, 7, 0, 0]);
    expect(sheet.protections.map((p) => p.warningOnly)).toEqual([true]);
  });

  it('replaces the previous tab whole, in the same position, leaving no temporary sheet', () => {
    const fake = new FakeSpreadsheetApp();
    const ss = fake.ss;
    writeTab(ss, spec(50));
    ss.insertSheet('Other');
    writeTab(ss, spec(2));
    expect(fake.spreadsheet.sheets.map((s) => s.getName())).toEqual(['Sheet1', 'Daily', 'Other']);
    expect(fake.spreadsheet.raw('Daily')!.getLastRow()).toBe(5);
  });

  it.each(['setValues', 'insertChart', 'background'])('leaves the previous tab intact when %s fails part-way', (method) => {
    const fake = new FakeSpreadsheetApp();
    const ss = fake.ss;
    writeTab(ss, spec(5));
    const before = fake.spreadsheet.raw('Daily')!;
    fake.failOn = method;
    expect(() => writeTab(ss, spec(8))).toThrow(/failed \(fake\)/);
    expect(fake.spreadsheet.raw('Daily')).toBe(before);
    expect(before.getLastRow()).toBe(8);
    expect(fake.spreadsheet.sheets.map((s) => s.getName())).toEqual(['Sheet1', 'Daily']);
  });

  it('clears a temporary sheet a killed run left behind', () => {
    const fake = new FakeSpreadsheetApp();
    const ss = fake.ss;
    ss.insertSheet('Daily ~building');
    writeTab(ss, spec(1));
    expect(fake.spreadsheet.sheets.map((s) => s.getName())).toEqual(['Sheet1', 'Daily']);
  });

  it('keeps agent names that look like formulas as text', () => {
    const fake = new FakeSpreadsheetApp();
    const s = spec(1);
    s.blocks[1].values[1][1] = '=IMPORTXML("http://x")';
    writeTab(fake.ss, s);
    const sheet = fake.spreadsheet.raw('Daily')!;
    expect(sheet.formulas.size).toBe(0);
    expect(sheet.values[3][1]).toBe('=IMPORTXML("http://x")');
  });

  it('makes as many Spreadsheet calls for 10 000 rows as for 10', () => {
    const calls = (rows: number) => {
      const fake = new FakeSpreadsheetApp();
      const ss = fake.ss;
      writeTab(ss, spec(rows));
      fake.resetCalls();
      writeTab(ss, spec(rows));
      // Fitting the new sheet's 1000 rows to the tab is one call, whatever the row count: growing them, or trimming them.
      const { insertRowsAfter = 0, deleteRows = 0, ...rest } = fake.calls;
      expect(insertRowsAfter + deleteRows).toBe(1);
      return rest;
    };
    const small = calls(10);
    expect(calls(10_000)).toEqual(small);
    expect(small.setValues).toBe(2);
  });
});
