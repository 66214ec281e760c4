/** Strings of the custom functions: band labels and per-cell error messages. */
export const functionStrings = {
  en: {
    'band.1': 'Idle',
    'band.2': 'Normal',
    'band.3': 'Busy',
    'band.4': 'Strained',
    'band.5': 'Add staff',
    'fn.error.prefix': 'Error: {message}',
    'fn.error.notNumber': '{name} "{value}" is not a number',
    'fn.error.negative': '{name} ({value}) is negative',
    'fn.error.paidOverBase': 'paid ({paid}) is more than inquiries − excluded ({base})',
    'fn.error.notWhole': '{name} ({value}) is not a whole number',
    'fn.error.tooLarge': '{name} ({value}) is too large for this calculation',
  },
  zh: {
    'band.1': '空闲',
    'band.2': '正常',
    'band.3': '偏满',
    'band.4': '吃力',
    'band.5': '需加人',
    'fn.error.prefix': '错误：{message}',
    'fn.error.notNumber': '{name}“{value}”不是数字',
    'fn.error.negative': '{name}（{value}）为负数',
    'fn.error.paidOverBase': '付款人数（{paid}）大于询单人数 − 剔除人数（{base}）',
    'fn.error.notWhole': '{name}（{value}）不是整数',
    'fn.error.tooLarge': '{name}（{value}）太大，无法计算',
  },
} satisfies Record<'en' | 'zh', Record<string, string>>;
