/**
 * The i18n table: every user-visible string of CS Daily, in English and
 * Simplified Chinese. A leaf module (it imports nothing of the project), so
 * the core's report builders and every edge can use it.
 *
 * Each area keeps its strings in its own file; `satisfies` makes the compiler
 * refuse a zh table that misses a key of the en one.
 */
import type { Language } from '../core/types';
import { functionStrings } from './functions';
import { functionArgStrings } from './functionArgs';
import { menuStrings } from './menu';
import { importStrings } from './import';
import { reportStrings } from './reports';
import { payrollStrings } from './payroll';
import { settingsStrings } from './settings';
import { sidebarStrings } from './sidebar';
import { sidebarFileStrings } from './sidebarFiles';
import { sheetsStrings } from './sheets';
import { cliStrings } from './cli';
import { scorecardStrings } from './scorecard';
import { claimsStrings } from './claims';
import { machineStrings } from './machine';
import { morningStrings } from './morning';
import { notebookStrings } from './notebooks';
import { cellDamageStrings } from './cellDamage';
import { bigQueryStrings } from './bigquery';
import { judgementStrings } from './judgement';
import { fitSettingsStrings } from './fitSettings';
import { reviewStrings } from './review';
import { dailyPartStrings } from './dailyParts';
import { buildAllStrings } from './buildAll';

const en = {
  ...functionStrings.en,
  ...functionArgStrings.en,
  ...menuStrings.en,
  ...importStrings.en,
  ...reportStrings.en,
  ...payrollStrings.en,
  ...settingsStrings.en,
  ...sidebarStrings.en,
  ...sidebarFileStrings.en,
  ...sheetsStrings.en,
  ...cliStrings.en,
  ...scorecardStrings.en,
  ...claimsStrings.en,
  ...machineStrings.en,
  ...morningStrings.en,
  ...notebookStrings.en,
  ...cellDamageStrings.en,
  ...bigQueryStrings.en,
  ...judgementStrings.en,
  ...fitSettingsStrings.en,
  ...reviewStrings.en,
  ...dailyPartStrings.en,
  ...buildAllStrings.en,
};
const zh: Record<keyof typeof en, string> = {
  ...functionStrings.zh,
  ...functionArgStrings.zh,
  ...menuStrings.zh,
  ...importStrings.zh,
  ...reportStrings.zh,
  ...payrollStrings.zh,
  ...settingsStrings.zh,
  ...sidebarStrings.zh,
  ...sidebarFileStrings.zh,
  ...sheetsStrings.zh,
  ...cliStrings.zh,
  ...scorecardStrings.zh,
  ...claimsStrings.zh,
  ...machineStrings.zh,
  ...morningStrings.zh,
  ...notebookStrings.zh,
  ...cellDamageStrings.zh,
  ...bigQueryStrings.zh,
  ...judgementStrings.zh,
  ...fitSettingsStrings.zh,
  ...reviewStrings.zh,
  ...dailyPartStrings.zh,
  ...buildAllStrings.zh,
};

export type MessageKey = keyof typeof en;
export type { Language };

const TABLE: Record<Language, Record<MessageKey, string>> = { en, zh };

/**
 * The text of a message in a language, with `{name}` placeholders filled.
 * @example t('en', 'fn.error.negative', { name: 'paid', value: -1 })
 */
export function t(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = TABLE[lang][key] ?? TABLE.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** zh for any Chinese locale (`zh_CN`, `zh-TW`, …), en for everything else. */
export function languageOfLocale(locale: string | null | undefined): Language {
  return locale && /^zh/i.test(locale) ? 'zh' : 'en';
}

/** `en`/`zh` from what a user typed (`"zh-CN"`, `"中文"`, `"EN"`); null if unrecognised. */
export function parseLanguage(text: string): Language | null {
  const v = text.trim().toLowerCase();
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_') || v === 'english') return 'en';
  if (v === 'zh' || v.startsWith('zh-') || v.startsWith('zh_') || v === '中文' || v === 'chinese') return 'zh';
  return null;
}

/** Every key, for the test that checks both tables are complete and non-empty. */
export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];
export const TABLES = TABLE;
