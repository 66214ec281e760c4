/**
 * Issue 9.10: `1e999` is text that JavaScript reads as Infinity. The custom
 * functions give it their usual cell error, and no result is ever Infinity
 * or NaN; the same on the built bundle in test/gas/nonFinite.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { AGENTS_NEEDED } from '../../src/functions/agentsNeeded';
import { WORKLOAD_BAND } from '../../src/functions/workloadBand';
import { INQUIRY_CONVERSION } from '../../src/functions/inquiryConversion';

describe('non-finite input to the custom functions', () => {
  test('WORKLOAD_BAND("1e999") is a cell error, not Add staff', () => {
    expect(WORKLOAD_BAND('1e999')).toBe('Error: daily_inquiries "1e999" is not a number');
    expect(WORKLOAD_BAND([[70], ['1e999'], ['-1e999']])).toEqual([
      ['Normal'],
      ['Error: daily_inquiries "1e999" is not a number'],
      ['Error: daily_inquiries "-1e999" is not a number'],
    ]);
  });

  test('AGENTS_NEEDED("1e999") is a cell error, not Infinity', () => {
    expect(AGENTS_NEEDED('1e999')).toBe('Error: total_inquiries "1e999" is not a number');
    expect(AGENTS_NEEDED(Infinity)).toBe('Error: total_inquiries "Infinity" is not a number');
  });

  test('a finite total that overflows over a tiny per_agent is a cell error too', () => {
    expect(AGENTS_NEEDED(1e308, 0.001)).toBe('Error: total_inquiries (1e+308) is too large for this calculation');
    expect(AGENTS_NEEDED(393, 0.5)).toBe(786);
  });

  test('1e999 as thresholds or per_agent is a wrong call with a message', () => {
    expect(() => WORKLOAD_BAND(70, [[60, 80, 100, '1e999']])).toThrow(/WORKLOAD_BAND: thresholds/);
    expect(() => AGENTS_NEEDED(100, '1e999')).toThrow(/per_agent must be one positive number/);
  });

  test('INQUIRY_CONVERSION refuses 1e999 in any argument', () => {
    expect(INQUIRY_CONVERSION('1e999', 10)).toBe('Error: paid "1e999" is not a number');
    expect(INQUIRY_CONVERSION(1, '1e999')).toBe('Error: inquiries "1e999" is not a number');
    expect(INQUIRY_CONVERSION(1, 10, '1e999')).toBe('Error: excluded "1e999" is not a number');
    expect(INQUIRY_CONVERSION(NaN, 10)).toBe('Error: paid "NaN" is not a number');
  });

  test('a 1 MB cell gets a short message', () => {
    const out = WORKLOAD_BAND('9'.repeat(1 << 20)) as string;
    expect(out.startsWith('Error: daily_inquiries "999')).toBe(true);
    expect(out.length).toBeLessThan(100);
  });
});
