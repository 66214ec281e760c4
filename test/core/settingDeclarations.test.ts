import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SETTINGS } from '../../src/core/settingDeclarations';
import type { Setting } from '../../src/core/settingKinds';
import { defaultRules } from '../../src/core/rules';
import { rulesFromTable, settingsTable } from '../../src/core/settings';
import { t } from '../../src/i18n';

const declared = SETTINGS as readonly Setting[];

describe('one declaration per setting', () => {
  test('names and fields are unique, and every setting has a note in both languages', () => {
    expect(new Set(declared.map((s) => s.name)).size).toBe(declared.length);
    expect(new Set(declared.map((s) => s.field)).size).toBe(declared.length);
    for (const s of declared) {
      for (const lang of ['en', 'zh'] as const) expect(t(lang, s.note), `${s.name} ${lang}`).not.toBe(s.note);
    }
  });

  test('the defaults of Rules are the declared defaults', () => {
    const rules = defaultRules() as unknown as Record<string, unknown>;
    for (const s of declared) expect(rules[s.field], s.name).toEqual(s.default);
    expect(Object.keys(rules).sort()).toEqual([...declared.map((s) => s.field), 'scorecard'].sort());
  });

  test('a fresh Settings tab lists the declared settings in their order, each with its note', () => {
    const [, ...rows] = settingsTable(defaultRules(), 'en');
    const names = [...new Set(rows.map((r) => r[0]).filter((n) => !n.startsWith('scorecard')))];
    expect(names).toEqual(declared.map((s) => s.name));
    for (const row of rows.filter((r) => !r[0].startsWith('scorecard'))) {
      expect(row[3]).toBe(t('en', declared.find((s) => s.name === row[0])!.note));
    }
  });

  test('each numeric setting refuses a value just past its range and keeps its default', () => {
    for (const s of declared.filter((x) => x.kind === 'single' && x.range)) {
      const { min, max } = s.range!;
      const pastMax = s.type.startsWith('rate') ? `${Number(((max + 0.01) * 100).toFixed(6))}%` : String(max + 1);
      const { rules, problems } = rulesFromTable([[s.name, pastMax, '']]);
      expect(problems.map((p) => p.setting), s.name).toEqual([s.name]);
      if (max < 1 || !s.type.startsWith('rate')) expect(problems[0].reason, s.name).toMatch(new RegExp(` is outside ${min}\\.\\.${max}$`));
      expect((rules as unknown as Record<string, unknown>)[s.field]).toEqual(s.default);
    }
  });

  test('a mistake mutating the rules read leaves the next defaults untouched', () => {
    const first = defaultRules();
    first.conversionBonus.push({ threshold: 0.9, amount: 1 });
    first.rewardPerItem.set('x', 1);
    first.workloadThresholds[0] = 1;
    expect(defaultRules().conversionBonus).toHaveLength(2);
    expect(defaultRules().rewardPerItem.has('x')).toBe(false);
    expect(defaultRules().workloadThresholds[0]).toBe(60);
  });

  test('docs/decisions.md lists the range of every setting', () => {
    const decisions = readFileSync(new URL('../../docs/decisions.md', import.meta.url), 'utf8');
    const ranges = decisions.slice(decisions.indexOf('## Settings ranges'));
    const section = ranges.slice(0, ranges.indexOf('\n## ', 3));
    for (const s of declared.filter((x) => x.range || x.amountRange)) expect(section, s.name).toContain(`\`${s.name}\``);
  });
});
