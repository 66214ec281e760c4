/** Strings of the import area. */
export const importStrings = {
  en: {},
  zh: {},
} satisfies Record<'en' | 'zh', Record<string, string>>;
