/** =SHIFT_ON(agent, date) in the built bundle: the Schedule tab, else the rotation in Settings, else the roster; read only. */
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../support/bundle';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';

function shop(locale = 'en_US') {
  const fake = new FakeSpreadsheetApp({ locale });
  const zh = locale.startsWith('zh');
  const put = (name: string, rows: (string | Date)[][]) => fake.ss.insertSheet(name).getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  put(zh ? '设置' : 'Settings', [['setting', 'value', 'amount'], ['rotation_agents', 'J;M', ''], ['rotation_start', '2026-10-26', ''], ['rotation_period', 'week', ''], ['rotation_pattern', 'day;night', '']]);
  put(zh ? '客服名单' : 'Roster', [['agent', 'agent_id', 'shift'], ['A', '101', 'day'], ['N', '102', 'night'], ['J', '105', 'night']]);
  put(zh ? '排班表' : 'Schedule', [['date', 'agent', 'shift', 'rotation', 'note'], ['2026-11-03', 'A', 'night', '', 'covers J']]);
  return fake;
}

describe('SHIFT_ON in the bundle', () => {
  it('answers from the schedule, the rotation and the roster, a column at a time', () => {
    const fake = shop();
    const lib = loadBundle(fake.globals());
    const before = JSON.stringify(fake.spreadsheet.sheets.map((s) => [s.getName(), s.grid()]));
    expect(lib.SHIFT_ON('J', '2026-11-01')).toBe('Day');
    expect(lib.SHIFT_ON('J', new Date(Date.UTC(2026, 10, 2, 4)))).toBe('Night'); // a date cell; 12:00 in Shanghai
    const out = lib.SHIFT_ON([['A'], ['A'], ['M'], ['N'], ['']], [['2026-11-03'], ['2026-11-04'], ['2026-11-04'], ['2026-11-04'], ['2026-11-04']]);
    expect(out).toEqual([['Night'], ['Day'], ['Day'], ['Night'], ['']]);
    // Before the rotation starts, J works the roster's night.
    expect(lib.SHIFT_ON('J', '2026-10-20')).toBe('Night');
    // A custom function only reads: nothing was created or written.
    expect(JSON.stringify(fake.spreadsheet.sheets.map((s) => [s.getName(), s.grid()]))).toBe(before);
  });

  it('says why in the cell for an agent nobody schedules or a text that is no date, and speaks Chinese in a Chinese spreadsheet', () => {
    const lib = loadBundle(shop('zh_CN').globals());
    expect(lib.SHIFT_ON('J', '2026-11-02')).toBe('夜班');
    expect(lib.SHIFT_ON([['Z'], ['J']], [['2026-11-02'], ['明天']])).toEqual([[expect.stringContaining('Z 没有班次')], [expect.stringContaining('不是日期')]]);
  });

  it('is a wrong call with one argument', () => {
    const lib = loadBundle(shop().globals());
    expect(() => lib.SHIFT_ON('J')).toThrow(/SHIFT_ON/);
  });
});
