import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS, TABLES, languageOfLocale, parseLanguage, t } from '../src/i18n';

describe('i18n table', () => {
  it('has a non-empty en and zh text for every key', () => {
    expect(MESSAGE_KEYS.length).toBeGreaterThan(10);
    for (const key of MESSAGE_KEYS) {
      expect(TABLES.en[key], key).toMatch(/\S/);
      expect(TABLES.zh[key], key).toMatch(/\S/);
    }
  });
  it('fills placeholders', () => {
    expect(t('en', 'fn.error.negative', { name: 'paid', value: -1 })).toBe('paid (-1) is negative');
  });
  it('maps any Chinese locale to zh and everything else to en', () => {
    expect(languageOfLocale('zh_CN')).toBe('zh');
    expect(languageOfLocale('zh-TW')).toBe('zh');
    expect(languageOfLocale('en_US')).toBe('en');
    expect(languageOfLocale('fr')).toBe('en');
    expect(languageOfLocale(undefined)).toBe('en');
    expect(parseLanguage('ZH')).toBe('zh');
    expect(parseLanguage('klingon')).toBeNull();
  });
});
