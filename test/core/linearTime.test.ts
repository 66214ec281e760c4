/**
 * Issue 9.16: no pattern backtracks on user text. Each parser gets 1 MB cells
 * shaped to hurt a backtracking pattern (long digit runs, long space runs
 * before no `#`, a date followed by spaces) and must answer within a second;
 * the quadratic versions took minutes. The one timing assertion the issue
 * asks for: generous on purpose, the speed figures live in the benchmark.
 */
import { describe, expect, test } from 'vitest';
import { parseNumber, parseRate, parseSeconds } from '../../src/core/values';
import { rulesFromTable } from '../../src/core/settings';
import { parseDate, parseDateTime, dateFromText } from '../../src/import/datetime';
import { agentNameOf } from '../../src/import/agentName';

const MB = 1 << 20;
const HOSTILE = {
  digits: '1'.repeat(MB),
  digitsThenUnit: '1'.repeat(MB) + 'x分',
  spaces: '1' + ' '.repeat(MB) + 'x',
  dateThenSpaces: '2026-11-03' + ' '.repeat(MB) + 'x',
  dotsAndDigits: '1.1'.repeat(MB / 3),
  colons: '店铺:'.repeat(MB / 3),
};

function elapsedMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('1 MB cells are parsed in linear time', () => {
  for (const [shape, cell] of Object.entries(HOSTILE)) {
    test(`${shape}: every parser answers within a second`, () => {
      const parsers: [string, () => unknown][] = [
        ['parseSeconds', () => parseSeconds(cell)],
        ['parseNumber', () => parseNumber(cell)],
        ['parseRate', () => parseRate(cell)],
        ['parseRate %', () => parseRate(`${cell}%`)],
        ['settings', () => rulesFromTable([[cell, cell, cell], ['repeat_window_hours', cell, cell], ['workload_thresholds', cell, '']])],
        ['parseDateTime', () => parseDateTime(cell)],
        ['parseDate', () => parseDate(cell)],
        ['dateFromText', () => dateFromText(cell)],
        ['agentNameOf', () => agentNameOf(cell)],
      ];
      for (const [name, run] of parsers) expect(elapsedMs(run), `${name} on ${shape}`).toBeLessThan(1000);
    });
  }

  test('the cells are refused with a short reason, not read as figures', () => {
    const seconds = parseSeconds(HOSTILE.digitsThenUnit);
    expect(seconds.ok).toBe(false);
    expect(!seconds.ok && seconds.reason.length).toBeLessThan(100);
    expect(parseNumber(HOSTILE.digits).ok).toBe(false);
    const { problems } = rulesFromTable([['repeat_window_hours', HOSTILE.spaces, '']]);
    expect(problems).toHaveLength(1);
    expect(problems[0].reason.length).toBeLessThan(100);
  });

  test('a remark after whitespace and # is still cut from a settings cell', () => {
    const { rules, problems } = rulesFromTable([['repeat_window_hours', `12${' '.repeat(1000)}# half a day`, '']]);
    expect(problems).toEqual([]);
    expect(rules.repeatWindowHours).toBe(12);
  });
});
