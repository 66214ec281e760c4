/** Strings of the add-on menu and its dialogs. */
export const menuStrings = {
  en: {
    'menu.title': 'CS Daily',
    'menu.import': 'Import files…',
    'menu.daily': 'Build daily report',
    'menu.ranking': 'Build ranking',
    'menu.payroll': 'Build payroll',
    'menu.all': 'Build all reports',
    'menu.settings': 'Settings',
    'menu.help': 'Help',
    'dialog.help.title': 'CS Daily help',
    'dialog.help.body':
      'Custom functions: =INQUIRY_CONVERSION(paid, inquiries, [excluded]), =WORKLOAD_BAND(daily_inquiries, [thresholds], [language]), =AGENTS_NEEDED(total_inquiries, [per_agent]), =SHIFT_ON(agent, date). Each takes a single value or a whole column and fills the same shape.',
  },
  zh: {
    'menu.title': '客服日报',
    'menu.import': '导入文件…',
    'menu.daily': '生成日报',
    'menu.ranking': '生成客服排名',
    'menu.payroll': '生成绩效工资',
    'menu.all': '生成全部报表',
    'menu.settings': '设置',
    'menu.help': '帮助',
    'dialog.help.title': '客服日报帮助',
    'dialog.help.body':
      '自定义函数：=INQUIRY_CONVERSION(付款人数, 询单人数, [剔除人数])，=WORKLOAD_BAND(日询单人数, [阈值], [语言])，=AGENTS_NEEDED(询单总数, [每人询单数])，=SHIFT_ON(客服, 日期)。可输入单个值或整列，结果按相同形状填充。',
  },
} satisfies Record<'en' | 'zh', Record<string, string>>;
