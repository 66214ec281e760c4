/** The custom functions as Sheets calls them: top-level functions of the built bundle. */
import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { bundleSource, loadBundle } from '../support/bundle';

/** A SpreadsheetApp that only knows its locale, as custom functions see it. */
const sheetsWithLocale = (locale: string) => ({
  SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => locale }) },
});

describe('Code.js alone in a plain vm context (no SpreadsheetApp)', () => {
  const context = vm.createContext({});
  vm.runInContext(bundleSource(), context);

  it('computes scalars', () => {
    expect(context.INQUIRY_CONVERSION(36, 96)).toBeCloseTo(0.375, 12);
    expect(context.WORKLOAD_BAND(96)).toBe('Busy');
    expect(context.AGENTS_NEEDED(393)).toBe(4);
  });
});

describe('INQUIRY_CONVERSION in the bundle', () => {
  const lib = loadBundle(sheetsWithLocale('en_US'));

  it('divides paid by inquiries less excluded', () => {
    expect(lib.INQUIRY_CONVERSION(30, 110, 10)).toBeCloseTo(0.3, 12);
    expect(lib.INQUIRY_CONVERSION('36', '96')).toBeCloseTo(0.375, 12);
  });

  it('answers a column with a column of the same shape, blanks staying blank', () => {
    const out = lib.INQUIRY_CONVERSION([[36], [''], [5]], [[96], [40], [10]]);
    expect(out).toHaveLength(3);
    expect(out[0][0]).toBeCloseTo(0.375, 12);
    expect(out[1][0]).toBe('');
    expect(out[2][0]).toBe(0.5);
  });

  it('gives an empty cell, not 0 and not an error, when the denominator is 0', () => {
    expect(lib.INQUIRY_CONVERSION(0, 0)).toBe('');
    expect(lib.INQUIRY_CONVERSION(0, 10, 10)).toBe('');
  });

  it('writes a readable message into a bad cell and keeps the others', () => {
    const out = lib.INQUIRY_CONVERSION([[1, 'abc', -1, 50]], [[10, 10, 10, 40]]);
    expect(out[0][0]).toBe(0.1);
    expect(out[0][1]).toBe('Error: paid "abc" is not a number');
    expect(out[0][2]).toBe('Error: paid (-1) is negative');
    expect(out[0][3]).toBe('Error: paid (50) is more than inquiries − excluded (40)');
  });

  it('repeats a single excluded value across a range', () => {
    expect(lib.INQUIRY_CONVERSION([[3], [4]], [[12], [14]], 2)).toEqual([[0.3], [1 / 3]]);
  });

  it('throws an error that says what to fix for ranges of different sizes or a wrong argument count', () => {
    expect(() => lib.INQUIRY_CONVERSION([[1], [2]], [[3], [4], [5]])).toThrow(/inquiries is 3×1 but paid is 2×1/);
    expect(() => lib.INQUIRY_CONVERSION(1)).toThrow(/takes 2 to 3 arguments \(paid, inquiries, \[excluded\]\), got 1/);
  });

  it('speaks Chinese in a Chinese spreadsheet', () => {
    const zh = loadBundle(sheetsWithLocale('zh_CN'));
    expect(zh.INQUIRY_CONVERSION('x', 10)).toBe('错误：付款人数“x”不是数字');
  });
});

describe('WORKLOAD_BAND in the bundle', () => {
  const lib = loadBundle(sheetsWithLocale('en_US'));

  it('labels each band at its edges', () => {
    expect([59, 60, 80, 81, 100, 101, 120, 121].map((x) => lib.WORKLOAD_BAND(x))).toEqual([
      'Idle',
      'Normal',
      'Normal',
      'Busy',
      'Busy',
      'Strained',
      'Strained',
      'Add staff',
    ]);
  });

  it('takes thresholds as a row or a column, and a language', () => {
    expect(lib.WORKLOAD_BAND(55, [[50, 70, 90, 110]])).toBe('Normal');
    expect(lib.WORKLOAD_BAND(111, [[50], [70], [90], [110]], 'zh')).toBe('需加人');
    expect(lib.WORKLOAD_BAND([[30], [''], [130]], '', 'zh')).toEqual([['空闲'], [''], ['需加人']]);
  });

  it('defaults to the spreadsheet language', () => {
    expect(loadBundle(sheetsWithLocale('zh_TW')).WORKLOAD_BAND(70)).toBe('正常');
  });

  it('marks a bad cell and throws for bad thresholds or language', () => {
    expect(lib.WORKLOAD_BAND([[70], ['many'], [-3]])).toEqual([
      ['Normal'],
      ['Error: daily_inquiries "many" is not a number'],
      ['Error: daily_inquiries (-3) is negative'],
    ]);
    expect(() => lib.WORKLOAD_BAND(70, [[60, 80, 100]])).toThrow(/exactly 4 thresholds/);
    expect(() => lib.WORKLOAD_BAND(70, [[60, 100, 80, 120]])).toThrow(/ascending/);
    expect(() => lib.WORKLOAD_BAND(70, '', 'fr')).toThrow(/language must be "en" or "zh"/);
  });
});

describe('AGENTS_NEEDED in the bundle', () => {
  const lib = loadBundle(sheetsWithLocale('en_US'));

  it('rounds up to whole agents, 100 inquiries each by default', () => {
    expect(lib.AGENTS_NEEDED(393)).toBe(4);
    expect(lib.AGENTS_NEEDED(393, 80)).toBe(5);
    expect(lib.AGENTS_NEEDED([[0], [''], [101]])).toEqual([[0], [''], [2]]);
  });

  it('marks a bad cell and throws for a bad per_agent', () => {
    expect(lib.AGENTS_NEEDED([['lots']])).toEqual([['Error: total_inquiries "lots" is not a number']]);
    expect(() => lib.AGENTS_NEEDED(100, 0)).toThrow(/per_agent must be one positive number/);
    expect(() => lib.AGENTS_NEEDED()).toThrow(/takes 1 to 2 arguments/);
  });
});
