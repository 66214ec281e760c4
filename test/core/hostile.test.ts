/**
 * Issue 9, "nothing run, nothing wrong from bad settings": text that names
 * Object.prototype's members, numbers that overflow to Infinity and settings
 * out of any sensible range are refused or handled, never crash or pay NaN.
 */
import { describe, expect, test } from 'vitest';
import { parseCount, parseNumber, parseRate, parseSeconds } from '../../src/core/values';
import { rulesFromTable, settingsTable } from '../../src/core/settings';
import { SETTINGS } from '../../src/core/settingDeclarations';
import { defaultRules } from '../../src/core/rules';
import { computePayroll } from '../../src/core/payroll';
import type { Agent, PayEvent } from '../../src/core/types';

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe('non-finite numbers are refused wherever text becomes a number', () => {
  test.each(['1e999', '-1e999', '1E400', '¥1e999', '１ｅ９９９'])('parseNumber(%j) is refused, not Infinity', (text) => {
    expect(parseNumber(text).ok).toBe(false);
  });
  test('parseRate, parseSeconds and parseCount refuse 1e999 too', () => {
    expect(parseRate('1e999%').ok).toBe(false);
    expect(parseRate('1e999').ok).toBe(false);
    expect(parseSeconds('1e999').ok).toBe(false);
    expect(parseSeconds('1e999秒').ok).toBe(false);
    expect(parseCount('1e999').ok).toBe(false);
  });
  test('Infinity and NaN given as numbers are refused', () => {
    expect(parseNumber(Infinity).ok).toBe(false);
    expect(parseNumber(NaN).ok).toBe(false);
  });
  test('large but finite numbers still read', () => {
    expect(parseNumber('1e300')).toEqual({ ok: true, value: 1e300 });
  });
});

describe('settings ranges', () => {
  const read = (...rows: string[][]) => rulesFromTable([['setting', 'value', 'amount'], ...rows]);

  test('commission_rate 150% is refused naming its row, and the default 1 % stays', () => {
    const { rules, problems } = read(['commission_rate', '150%', '']);
    expect(problems).toEqual([{ row: 2, setting: 'commission_rate', reason: '1.5 is outside 0..0.2' }]);
    expect(rules.commissionRate).toBe(0.01);
  });

  test.each([
    ['repeat_window_hours', '1e999'],
    ['repeat_window_hours', '0'],
    ['repeat_window_hours', '1000'],
    ['min_inquiries_per_day', '1e999'],
    ['min_inquiries_per_day', '-1'],
    ['first_response_target_sec', '1e999'],
    ['inquiries_per_agent', '0'],
    ['monthly_sales_target', '1e12'],
    ['unattributed_pool_rate', '50%'],
    ['conversion_target', '120%'],
    ['low_response_rate', '-5%'],
    ['workload_thresholds', '60;80;100;1e999'],
    ['workload_thresholds', '60;80;100;20000'],
  ])('%s = %s is refused and its default kept', (setting, value) => {
    const { rules, problems } = read([setting, value, '']);
    expect(problems).toHaveLength(1);
    expect(problems[0].row).toBe(2);
    expect(problems[0].setting).toBe(setting);
    expect(rules).toEqual(defaultRules());
  });

  test('a refused tier is left out and the other tiers stand', () => {
    const { rules, problems } = read(['conversion_bonus', '0.4', '100'], ['conversion_bonus', '0.5', '1e999'], ['conversion_bonus', '2', '300']);
    expect(problems.map((p) => p.row)).toEqual([3, 4]);
    expect(rules.conversionBonus).toEqual([{ threshold: 0.4, amount: 100 }]);
  });

  test('a list whose every row is refused falls back to its default list', () => {
    const { rules, problems } = read(['fine_schedule', '1.5', '10'], ['fine_schedule', '1', '-10'], ['response_bonus', '0', '100']);
    expect(problems.map((p) => p.row)).toEqual([2, 3, 4]);
    expect(rules.fineSchedule).toEqual(defaultRules().fineSchedule);
    expect(rules.responseBonus).toEqual(defaultRules().responseBonus);
  });

  test('every range holds the default value (the defaults are never out of range)', () => {
    const { problems } = rulesFromTable(settingsTable(defaultRules(), 'en'));
    expect(problems).toEqual([]);
    for (const setting of SETTINGS) {
      for (const range of [setting.range, setting.amountRange]) if (range) expect(range.min, setting.name).toBeLessThan(range.max);
    }
  });

  test('values at the edges of their ranges are accepted', () => {
    const { rules, problems } = read(['commission_rate', '20%', ''], ['repeat_window_hours', '168', ''], ['inquiries_per_agent', '1', '']);
    expect(problems).toEqual([]);
    expect(rules.commissionRate).toBeCloseTo(0.2, 12);
    expect(rules.repeatWindowHours).toBe(168);
    expect(rules.inquiriesPerAgent).toBe(1);
  });
});

describe('Object.prototype names as user text', () => {
  test('as setting names they are unknown settings, one problem each, nothing crashes', () => {
    const { rules, problems } = rulesFromTable(PROTO_NAMES.map((name) => [name, '1', '1']));
    expect(problems.map((p) => p.reason)).toEqual(PROTO_NAMES.map(() => 'unknown setting'));
    expect(problems.map((p) => p.setting)).toEqual(PROTO_NAMES.map((n) => n.toLowerCase()));
    expect(rules).toEqual(defaultRules());
  });

  test('as reward reasons they are stored and paid like any other reason', () => {
    const { rules, problems } = rulesFromTable(PROTO_NAMES.map((name, i) => ['reward_per_item', name, String(i + 1)]));
    expect(problems).toEqual([]);
    expect(rules.rewardPerItem.get('__proto__')).toBe(PROTO_NAMES.indexOf('__proto__') + 1);
    expect(rules.rewardPerItem.size).toBe(PROTO_NAMES.length);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('as agent names and event reasons (with no rule for them) the payroll pays 0 rewards, never NaN, never crashes', () => {
    const roster: Agent[] = PROTO_NAMES.map((name, i) => ({ name, id: `A${i}`, shift: 'day', basePay: 1000, active: true }));
    const events: PayEvent[] = PROTO_NAMES.flatMap((name) => [
      { date: '2026-11-03', agent: name, kind: 'reward' as const, reason: name, amount: null },
      { date: '2026-11-04', agent: name, kind: 'fine' as const, reason: name, amount: null },
    ]);
    const payroll = computePayroll({ month: '2026-11', roster, agentDays: [], attributed: [], unattributed: [], events, rules: defaultRules() });
    expect(payroll.rows.map((r) => r.agent).sort()).toEqual([...PROTO_NAMES].sort());
    for (const row of payroll.rows) {
      expect(row.rewards, row.agent).toBe(0);
      expect(row.fines, row.agent).toBe(10);
      expect(row.total, row.agent).toBe(990);
    }
    for (const line of payroll.lines) expect(Number.isFinite(line.amount), `${line.agent} ${line.item}`).toBe(true);
  });
});

describe('Object.prototype names in HTML exports', () => {
  test('&constructor; and the like are unknown entities and stay as written', async () => {
    const { decodeEntities } = await import('../../src/import/htmlTables');
    for (const name of PROTO_NAMES.filter((n) => /^[a-z]+$/i.test(n))) expect(decodeEntities(`a&${name};b`)).toBe(`a&${name};b`);
    expect(decodeEntities('&amp;&lt;&#20320;')).toBe('&<你');
  });
});

describe('settings problems in the report language', () => {
  test('each reason is worded in Chinese when asked, and in English by default', () => {
    const rows = [['setting', 'value', 'amount'], ['commission_rate', '150%', ''], ['payroll_view', 'weekly', ''], ['fine_schedule', '1.5', '10'], ['nonsense', '1', '']];
    expect(rulesFromTable(rows).problems.map((p) => p.reason)).toEqual([
      '1.5 is outside 0..0.2',
      '"weekly" is not one of direct, base_plus_bonus, target_minus_deductions',
      '1.5 is not a whole number',
      'unknown setting',
    ]);
    expect(rulesFromTable(rows, 'zh').problems.map((p) => p.reason)).toEqual([
      '1.5 超出范围 0..0.2',
      '“weekly”不是 direct, base_plus_bonus, target_minus_deductions 之一',
      '1.5 不是整数',
      '未知设置',
    ]);
  });
});
