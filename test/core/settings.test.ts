import { describe, expect, test } from 'vitest';
import { rulesFromTable, settingsTable } from '../../src/core/settings';
import { defaultRules } from '../../src/core/rules';

describe('the settings table (SPEC §7)', () => {
  test('defaults written and read back give the same rules, in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const { rules, problems } = rulesFromTable(settingsTable(defaultRules(), lang));
      expect(problems).toEqual([]);
      expect(rules).toEqual(defaultRules());
    }
  });
  test('every row carries a one-line explanation', () => {
    const [header, ...rows] = settingsTable(defaultRules(), 'zh');
    expect(header).toEqual(['setting', 'value', 'amount', 'note']);
    for (const row of rows) expect(row[3].length, row[0]).toBeGreaterThan(5);
  });
  test('the layout of SPEC §7, remarks included', () => {
    const { rules, problems } = rulesFromTable([
      ['setting', 'value', 'amount'],
      ['repeat_window_hours', '12', ''],
      ['attribution_window', '3_days', '          # same_day | next_day | 3_days'],
      ['excluded_categories', 'after_sales', ''],
      ['conversion_bonus', '0.4', '100'],
      ['conversion_bonus', '50%', '300'],
      ['fine_schedule', '1', '20'],
      ['fine_schedule', '2', 'dismissal_review'],
      ['industry_conversion', '', ''],
    ]);
    expect(problems).toEqual([]);
    expect(rules.repeatWindowHours).toBe(12);
    expect(rules.attributionWindow).toBe('3_days');
    expect(rules.excludedCategories).toEqual(['after_sales']);
    expect(rules.conversionBonus).toEqual([{ threshold: 0.4, amount: 100 }, { threshold: 0.5, amount: 300 }]);
    expect(rules.fineSchedule).toEqual([{ nth: 1, amount: 20 }, { nth: 2, amount: null }]);
    expect(rules.responseBonus).toEqual(defaultRules().responseBonus);
  });
  test('unknown and malformed settings are reported with their row, never ignored', () => {
    const { rules, problems } = rulesFromTable([
      ['setting', 'value', 'amount'],
      ['repeat_window', '24', ''],
      ['attribution_window', 'next_week', ''],
      ['commission_rate', '150', ''],
    ]);
    expect(problems.map((p) => [p.row, p.setting])).toEqual([[2, 'repeat_window'], [3, 'attribution_window'], [4, 'commission_rate']]);
    expect(rules.attributionWindow).toBe('next_day');
  });
});
