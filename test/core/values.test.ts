import { describe, expect, it } from 'vitest';
import { looksLikeFormula, parseCount, parseNumber, parseRate, parseSeconds, toHalfWidth } from '../../src/core/values';

const value = (p: { ok: boolean; value?: unknown }) => (p.ok ? (p as { value: unknown }).value : 'rejected');

describe('parseNumber', () => {
  it.each([
    ['1,234.50', 1234.5],
    ['¥1,234.5', 1234.5],
    ['￥1234.5', 1234.5],
    ['１２３４．５', 1234.5],
    ['  42 ', 42],
    [7606, 7606],
    ['-3', -3],
  ])('reads %j as %d', (input, expected) => {
    expect(value(parseNumber(input))).toBe(expected);
  });
  it.each(['', '   ', '-', '延迟统计', null, undefined])('reads %j as not available (null), never 0', (input) => {
    expect(value(parseNumber(input))).toBeNull();
  });
  it('rejects text with a reason quoting the text', () => {
    const p = parseNumber('abc');
    expect(p.ok).toBe(false);
    expect(!p.ok && p.reason).toContain('abc');
  });
});

describe('parseRate', () => {
  it.each(['45%', '45.0 %', '0.45', 0.45, '４５％'])('reads %j as 0.45', (input) => {
    expect(value(parseRate(input))).toBeCloseTo(0.45, 12);
  });
  it('refuses a bare number above 1 instead of guessing its scale', () => {
    expect(parseRate('45').ok).toBe(false);
  });
  it('reads `-` as not available', () => {
    expect(value(parseRate('-'))).toBeNull();
  });
});

describe('parseSeconds', () => {
  it.each([
    ['8分48秒', 528],
    ['1小时2分', 3720],
    ['00:08:48', 528],
    ['8:48', 528],
    ['11.66', 11.66],
    ['12秒', 12],
    [27.5, 27.5],
  ])('reads %j as %d s', (input, expected) => {
    expect(value(parseSeconds(input))).toBeCloseTo(expected, 9);
  });
  it('refuses text that is not a duration', () => {
    expect(parseSeconds('soon').ok).toBe(false);
  });
});

describe('parseCount', () => {
  it('refuses negative and fractional counts', () => {
    expect(parseCount('-1').ok).toBe(false);
    expect(parseCount('2.5').ok).toBe(false);
    expect(value(parseCount('96'))).toBe(96);
  });
});

describe('looksLikeFormula', () => {
  it('flags text a spreadsheet would evaluate, not numbers', () => {
    expect(looksLikeFormula('=SUM(A1)')).toBe(true);
    expect(looksLikeFormula('@cmd')).toBe(true);
    expect(looksLikeFormula('+86 138')).toBe(true);
    expect(looksLikeFormula('-5')).toBe(false);
    expect(looksLikeFormula('客服101')).toBe(false);
  });
});

it('turns full-width characters into half-width ones', () => {
  expect(toHalfWidth('ＡＢ１２：％')).toBe('AB12:%');
});
