/**
 * No pattern backtracks on user text. Each parser gets 1 MB cells shaped to
 * hurt a backtracking pattern (long digit runs, long space runs before no
 * `#`, a date followed by spaces) and must answer; a quadratic pattern takes
 * minutes on them and runs into the test timeout. How fast each parser is on
 * these cells is measured by `npm run bench` (bench/hostileCells.ts).
 */
import { describe, expect, test } from 'vitest';
import { parseNumber, parseRate, parseSeconds } from '../../src/core/values';
import { rulesFromTable } from '../../src/core/settings';
import { parseDate, parseDateTime, dateFromText } from '../../src/import/datetime';
import { agentNameOf } from '../../src/import/agentName';
import { HOSTILE_CELLS as HOSTILE } from '../support/hostileCells';


describe('1 MB cells shaped to make a pattern backtrack', () => {
  for (const [shape, cell] of Object.entries(HOSTILE)) {
    test(`${shape}: every parser answers, and none reads the cell as a figure, a time or a setting`, () => {
      for (const [name, parse] of [['parseSeconds', parseSeconds], ['parseNumber', parseNumber], ['parseRate', parseRate]] as const) {
        expect(parse(cell).ok, `${name} on ${shape}`).toBe(false);
      }
      expect(parseRate(`${cell}%`).ok, `parseRate % on ${shape}`).toBe(false);
      const settings = rulesFromTable([[cell, cell, cell], ['repeat_window_hours', cell, cell], ['workload_thresholds', cell, '']]);
      expect(settings.problems, `settings on ${shape}`).toHaveLength(3);
      expect(parseDateTime(cell), `parseDateTime on ${shape}`).toBeNull();
      expect(parseDate(cell), `parseDate on ${shape}`).toBeNull();
      // A date at the start of a title line is still found; nothing else is a date.
      expect(dateFromText(cell), `dateFromText on ${shape}`).toBe(shape === 'dateThenSpaces' ? '2026-11-03' : null);
      expect(agentNameOf(cell) === cell, `agentNameOf on ${shape}`).toBe(true);
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
