import { describe, expect, it } from 'vitest';
import { blockStyleAt, excelValue, mergeStyles, StyleCache, toExcelStyle } from '../../src/xlsx/styles';

describe('mergeStyles', () => {
  it('lets later layers win property by property', () => {
    expect(mergeStyles({ bold: true, format: 'money' }, { format: 'percent' })).toEqual({ bold: true, format: 'percent' });
  });
  it('never lets an absent property erase an earlier one', () => {
    expect(mergeStyles({ background: '#FFFFFF' }, { background: undefined }, null, undefined)).toEqual({ background: '#FFFFFF' });
  });
});

describe('blockStyleAt', () => {
  it('layers style < column < row < cell, all block-relative', () => {
    const at = blockStyleAt({
      row: 5, col: 3, values: [],
      style: { italic: true, format: 'integer' },
      columnStyles: [null, { format: 'percent', color: '#111111' }],
      rowStyles: [{ bold: true, format: 'text' }],
      cellStyles: [{ row: 2, col: 1, style: { background: '#F4CCCC', color: '#990000' } }],
    });
    expect(at(0, 1)).toEqual({ italic: true, format: 'text', color: '#111111', bold: true });
    expect(at(2, 1)).toEqual({ italic: true, format: 'percent', color: '#990000', background: '#F4CCCC' });
    expect(at(2, 0)).toEqual({ italic: true, format: 'integer' });
  });
});

describe('toExcelStyle', () => {
  it('is empty for an unstyled cell', () => {
    expect(toExcelStyle({})).toEqual({});
  });
  it('ignores a malformed colour instead of writing a broken one', () => {
    expect(toExcelStyle({ background: 'red', color: '#12345' })).toEqual({});
    expect(toExcelStyle({ background: '#abcdef' }).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFABCDEF' } });
  });
  it('shares one ExcelJS style object per distinct look', () => {
    const cache = new StyleCache();
    expect(cache.get({ bold: true, format: 'money' })).toBe(cache.get({ format: 'money', bold: true }));
    expect(cache.get({ bold: true })).not.toBe(cache.get({ italic: true }));
  });
});

describe('excelValue', () => {
  it('turns date text into a UTC-midnight Date only in date cells', () => {
    expect(excelValue('2024-05-01', 'date')).toEqual(new Date(Date.UTC(2024, 4, 1)));
    expect(excelValue('2024-05-01', 'text')).toBe('2024-05-01');
    expect(excelValue('2024-05-01', undefined)).toBe('2024-05-01');
    expect(excelValue('May 1', 'date')).toBe('May 1');
    expect(excelValue(45413, 'date')).toBe(45413);
  });
});
