import { describe, expect, test } from 'vitest';
import { generateSchedule, isException, rotationShift, shiftResolver, turnOf, type RotationRule, type ScheduleEntry } from '../../src/core/schedule';
import { rulesFromTable } from '../../src/core/settings';
import type { Agent } from '../../src/core/types';

const rule = (period: RotationRule['period'], start = '2026-10-26'): RotationRule => ({ agents: ['阿杰', '美美'], start, period, pattern: ['day', 'night'] });
const roster: Agent[] = [
  { name: '阿杰', id: '105', shift: 'night', basePay: 3300, active: true },
  { name: '美美', id: '106', shift: 'night', basePay: 3300, active: true },
  { name: '小丸子', id: '101', shift: 'day', basePay: 3000, active: true },
];

describe('rotation turns', () => {
  test('weekly: two agents swap every Monday, across the end of October', () => {
    const r = rule('week'); // Monday 2026-10-26
    expect(['2026-10-26', '2026-11-01', '2026-11-02', '2026-11-08', '2026-11-09'].map((d) => rotationShift(r, '阿杰', d))).toEqual(['day', 'day', 'night', 'night', 'day']);
    expect(['2026-10-31', '2026-11-02'].map((d) => rotationShift(r, '美美', d))).toEqual(['night', 'day']);
  });

  test('fortnightly: the swap comes after 14 days, over the month boundary', () => {
    const r = rule('fortnight', '2026-10-19');
    expect(rotationShift(r, '阿杰', '2026-11-01')).toBe('day'); // day 13
    expect(rotationShift(r, '阿杰', '2026-11-02')).toBe('night'); // day 14
    expect(rotationShift(r, '阿杰', '2026-11-16')).toBe('day');
    expect(turnOf(r, '2026-11-15')).toBe(1);
  });

  test('monthly: a turn runs to the same day of the next month, and a 31st start turns on the last day of a short month', () => {
    const r = rule('month', '2026-10-15');
    expect(rotationShift(r, '阿杰', '2026-11-14')).toBe('day');
    expect(rotationShift(r, '阿杰', '2026-11-15')).toBe('night');
    expect(rotationShift(r, '阿杰', '2026-12-15')).toBe('day');
    const late = rule('month', '2026-01-31');
    expect(turnOf(late, '2026-02-27')).toBe(0);
    expect(turnOf(late, '2026-02-28')).toBe(1);
    expect(turnOf(late, '2026-03-30')).toBe(1);
    expect(turnOf(late, '2026-03-31')).toBe(2);
  });

  test('before the start, or for an agent outside the rotation, the rule says nothing', () => {
    expect(rotationShift(rule('week'), '阿杰', '2026-10-25')).toBeNull();
    expect(rotationShift(rule('week'), '小丸子', '2026-11-02')).toBeNull();
  });
});

describe('the schedule tab', () => {
  test('generated over a month boundary, a hand-typed exception survives a regeneration, and a changed rule moves the other rows', () => {
    const first = generateSchedule(rule('week'), '2026-10-30', '2026-11-03');
    expect(first).toHaveLength(10);
    expect(first.filter((e) => e.date === '2026-11-02').map((e) => [e.agent, e.shift])).toEqual([['阿杰', 'night'], ['美美', 'day']]);
    // The supervisor swaps 阿杰 to day on 2026-11-03 (美美 covers the night) by typing over the shift.
    const edited: ScheduleEntry[] = first.map((e) => (e.date === '2026-11-03' ? { ...e, shift: e.shift === 'day' ? 'night' : 'day', note: 'swap' } : e));
    const again = generateSchedule({ ...rule('week'), start: '2026-10-27' }, '2026-10-30', '2026-11-03', edited);
    const on = (date: string, agent: string) => again.find((e) => e.date === date && e.agent === agent)!;
    expect(on('2026-11-03', '阿杰')).toMatchObject({ shift: 'day', rotation: 'night', note: 'swap' });
    expect(isException(on('2026-11-03', '阿杰'))).toBe(true);
    // Start moved to Tuesday: Monday 11-02 is now the last day of the first turn.
    expect(on('2026-11-02', '阿杰')).toMatchObject({ shift: 'day', rotation: 'day' });
    expect(again).toHaveLength(10);
  });

  test('the shift of a day: the schedule row, else the rotation, else the roster', () => {
    const shiftOn = shiftResolver([{ date: '2026-11-03', agent: '小丸子', rotation: null, shift: 'night', note: 'cover' }], rule('week'), roster);
    expect(shiftOn('小丸子', '2026-11-03')).toEqual({ shift: 'night', source: 'schedule' });
    expect(shiftOn('小丸子', '2026-11-04')).toEqual({ shift: 'day', source: 'roster' });
    expect(shiftOn('阿杰', '2026-10-26')).toEqual({ shift: 'day', source: 'rotation' });
    expect(shiftOn('阿杰', '2026-10-20')).toEqual({ shift: 'night', source: 'roster' });
    expect(shiftOn('nobody', '2026-11-03')).toBeNull();
  });

  test('the rotation is read from the settings rows, and a bad row is reported', () => {
    const { rules, problems } = rulesFromTable([
      ['rotation_agents', '阿杰；美美'],
      ['rotation_start', '2026-10-26'],
      ['rotation_period', 'fortnight'],
      ['rotation_pattern', '夜班;白班'],
      ['night_allowance', '30'],
      ['rotation_period', 'quarter'],
    ]);
    expect(rules).toMatchObject({ rotationAgents: ['阿杰', '美美'], rotationStart: '2026-10-26', rotationPeriod: 'fortnight', rotationPattern: ['night', 'day'], nightAllowance: 30 });
    expect(problems.map((p) => [p.row, p.setting])).toEqual([[6, 'rotation_period']]);
  });
});
