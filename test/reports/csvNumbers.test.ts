/** The machine CSVs' numbers: a fixed count of decimals per kind, no float noise, no "-0". */
import { describe, expect, test } from 'vitest';
import { csvCount, csvMoney, csvNumber, csvRate } from '../../src/reports/format';

describe('CSV numbers', () => {
  test('rates with 4 decimals, whatever digits the division left', () => {
    expect(csvRate(15 / 19)).toBe('0.7895');
    expect(csvRate(0.6667000000000001)).toBe('0.6667');
    expect(csvRate(1)).toBe('1.0000');
    expect(csvRate(0)).toBe('0.0000');
  });
  test('seconds and ratios with 2 decimals, money with 2', () => {
    expect(csvNumber(14.8510638298)).toBe('14.85');
    expect(csvNumber(1.5)).toBe('1.50');
    expect(csvMoney(6840)).toBe('6840.00');
    expect(csvMoney(0.1 + 0.2)).toBe('0.30');
  });
  test('a figure that rounds to zero has no minus sign; blanks and non-finite values are empty', () => {
    expect(csvRate(-0.00001)).toBe('0.0000');
    expect(csvNumber(-0.001)).toBe('0.00');
    expect(csvRate(-0.0469)).toBe('-0.0469');
    expect([csvRate(null), csvNumber(undefined), csvMoney(Number.NaN), csvCount(null)]).toEqual(['', '', '', '']);
  });
});
