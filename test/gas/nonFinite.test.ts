/** Issue 9.10 on the built bundle: what Sheets runs gives the cell error for 1e999, never Infinity. */
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../support/bundle';

const sheetsWithLocale = (locale: string) => ({
  SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => locale }) },
});

describe('1e999 in the bundle', () => {
  const lib = loadBundle(sheetsWithLocale('en_US'));

  it('WORKLOAD_BAND and AGENTS_NEEDED answer with their cell error', () => {
    expect(lib.WORKLOAD_BAND('1e999')).toBe('Error: daily_inquiries "1e999" is not a number');
    expect(lib.AGENTS_NEEDED('1e999')).toBe('Error: total_inquiries "1e999" is not a number');
    expect(lib.INQUIRY_CONVERSION('1e999', 10)).toBe('Error: paid "1e999" is not a number');
  });

  it('an overflowing staffing need is a cell error, in Chinese too', () => {
    expect(lib.AGENTS_NEEDED(1e308, 0.001)).toBe('Error: total_inquiries (1e+308) is too large for this calculation');
    expect(loadBundle(sheetsWithLocale('zh_CN')).AGENTS_NEEDED('1e999')).toBe('错误：总询单人数“1e999”不是数字');
  });
});
