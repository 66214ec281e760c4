/** The custom functions' argument names as their error messages say them (the formula's own names stay English). */
export const functionArgStrings = {
  en: {
    'fn.arg.paid': 'paid',
    'fn.arg.inquiries': 'inquiries',
    'fn.arg.excluded': 'excluded',
    'fn.arg.total_inquiries': 'total_inquiries',
    'fn.arg.daily_inquiries': 'daily_inquiries',
  },
  zh: {
    'fn.arg.paid': '付款人数',
    'fn.arg.inquiries': '询单人数',
    'fn.arg.excluded': '剔除人数',
    'fn.arg.total_inquiries': '总询单人数',
    'fn.arg.daily_inquiries': '日询单人数',
  },
} as const;
