/** Strings of the reports area. */
export const reportStrings = {
  en: {},
  zh: {},
} satisfies Record<'en' | 'zh', Record<string, string>>;
