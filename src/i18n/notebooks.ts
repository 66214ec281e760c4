/** Strings of the schedule, the problem and handover logs, and the coaching log with its effect. */
export const notebookStrings = {
  en: {
    'col.nightAllowance': 'Night allowance',
    'payroll.item.night_allowance': 'Night allowance',
    'payroll.rule.nightAllowance': '{amount} per night worked, by the schedule',
    'payroll.figure.nights': '{nights} nights: {dates}',
  },
  zh: {
    'col.nightAllowance': '夜班补贴',
    'payroll.item.night_allowance': '夜班补贴',
    'payroll.rule.nightAllowance': '按排班表每个夜班 {amount}',
    'payroll.figure.nights': '{nights} 个夜班：{dates}',
  },
} satisfies Record<'en' | 'zh', Record<string, string>>;
