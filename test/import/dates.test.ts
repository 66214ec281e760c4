import { describe, expect, it } from 'vitest';
import { dateFromText, parseDate, parseDateTime } from '../../src/import';
import { localTime } from '../../src/core/dates';
import fc from 'fast-check';

describe('parseDateTime', () => {
  it.each([
    ['2026-11-21', localTime(2026, 11, 21)],
    ['2026/11/21', localTime(2026, 11, 21)],
    ['2026/1/5', localTime(2026, 1, 5)],
    ['20261121', localTime(2026, 11, 21)],
    ['2026年11月21日', localTime(2026, 11, 21)],
    ['2026.11.21', localTime(2026, 11, 21)],
    ['２０２６-１１-２１', localTime(2026, 11, 21)],
    ['2026-11-21 09:05', localTime(2026, 11, 21, 9, 5)],
    ['2026/11/21 9:05:07', localTime(2026, 11, 21, 9, 5, 7)],
    ['2026-11-21T23:59:59', localTime(2026, 11, 21, 23, 59, 59)],
    ['2026年11月21日 18:30', localTime(2026, 11, 21, 18, 30)],
    [' 2026-11-21 00:00:00 ', localTime(2026, 11, 21)],
  ])('reads %s', (text, want) => {
    expect(parseDateTime(text)).toBe(want);
  });

  it('reads spreadsheet serial numbers (25569 = 1970-01-01), the fraction as the time of day', () => {
    expect(parseDateTime('25569')).toBe(0);
    expect(parseDateTime('46347')).toBe(localTime(2026, 11, 21));
    expect(parseDateTime('46347.5')).toBe(localTime(2026, 11, 21, 12));
    expect(parseDateTime('46347.75')).toBe(localTime(2026, 11, 21, 18));
  });

  it.each(['', 'abc', '2026-13-01', '2026-02-30', '2026-11-21 25:00', '11/21/2026', '12', '-46347', '2026-11-21 1'])('refuses %j', (text) => {
    expect(parseDateTime(text)).toBeNull();
  });
});

describe('parseDate', () => {
  it('gives the calendar day, also of a date-time and of a serial', () => {
    expect(parseDate('2026/1/5 23:10')).toBe('2026-01-05');
    expect(parseDate('46347.9')).toBe('2026-11-21');
    expect(parseDate('2026-02-29')).toBeNull();
  });
});

describe('dateFromText', () => {
  it.each([
    ['客服绩效报表 2026-11-21', '2026-11-21'],
    ['自定义报表_客服_下单优先判定_20261121.xlsx', '2026-11-21'],
    ['2026年11月21日 客服数据', '2026-11-21'],
    ['报表 2026-11-21 至 2026-11-21', '2026-11-21'],
    ['自定义报表_x_付款判定_2026-11-21~2026-11-21', '2026-11-21'],
    ['report 2026-11-21 to 2026-11-21', '2026-11-21'],
  ])('finds the day of %s', (text, want) => {
    expect(dateFromText(text)).toBe(want);
  });

  it.each(['客服绩效报表 2026-11-01 至 2026-11-16', '自定义报表_x_20261101至20261116', 'report 2026-11-01 to 2026-11-02', '客服绩效报表', 'export 123456789'])(
    'finds no single day in %s',
    (text) => {
      expect(dateFromText(text)).toBeNull();
    },
  );
});

describe('the YYYY-MM-DD HH:mm:ss fast path', () => {
  it('gives the same time as the general parser for valid, impossible and odd texts', () => {
    const parse = parseDateTime;
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    // The general parser on a spelling the fast path never takes (a T between date and time).
    const general = (text: string) => parse(text.replace(' ', 'T'));
    fc.assert(
      fc.property(fc.integer({ min: 1890, max: 3010 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (y, mo, d, h, mi, s) => {
        const text = `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
        expect(parse(text)).toBe(general(text));
      }),
      { numRuns: 5000 },
    );
    expect(parse('2024-02-29 23:59:59')).not.toBeNull();
    expect(parse('2026-02-29 10:00:00')).toBeNull();
    expect(parse('2026-1x-03 10:00:00')).toBeNull();
  });
});
