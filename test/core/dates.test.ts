import { describe, expect, it } from 'vitest';
import { addDays, dayOf, daysInMonth, isoWeekLabel, isoWeekStart, localTime, startOfDay } from '../../src/core/dates';

describe('calendar helpers', () => {
  it('puts a night-shift chat after midnight on the new day', () => {
    expect(dayOf(localTime(2026, 11, 2, 0, 5))).toBe('2026-11-02');
    expect(dayOf(localTime(2026, 11, 1, 23, 59, 59))).toBe('2026-11-01');
  });
  it('starts ISO weeks on Monday', () => {
    expect(isoWeekStart('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(isoWeekStart('2026-11-16')).toBe('2026-11-16');
    expect(isoWeekLabel('2026-11-21')).toBe('2026-W47');
    expect(isoWeekLabel('2027-01-01')).toBe('2026-W53');
  });
  it('counts days in a month and crosses month ends', () => {
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(startOfDay('2026-11-01')).toBe(localTime(2026, 11, 1));
  });
});
