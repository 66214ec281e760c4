/** Strings of the Settings tab: setting explanations and problems. */
export const settingsStrings = {
  en: {},
  zh: {},
} satisfies Record<'en' | 'zh', Record<string, string>>;
