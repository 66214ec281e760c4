/** Strings of the import sidebar. */
export const sidebarStrings = {
  en: {},
  zh: {},
} satisfies Record<'en' | 'zh', Record<string, string>>;
