/** Strings the Sheets edge shows: tab names, toasts, lock and failure messages. */
export const sheetsStrings = {
  en: {},
  zh: {},
} satisfies Record<'en' | 'zh', Record<string, string>>;
