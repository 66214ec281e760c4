/**
 * Strings of the machine outputs (CSVs, the console and summary.txt) that
 * name a figure's period or a setting's state, so a file read alone says
 * what it covers.
 */
export const machineStrings = {
  en: {
    'col.flagKeys': 'Flag keys',
    'col.period': 'Period',
    'col.month': 'Month',
    'col.scorecardState': 'Scorecard',
    'csv.scorecard.on': 'on: performance pay by grade',
    'csv.scorecard.off': 'off: grades for reference, no performance pay',
    'summary.unattributedSpan': 'Unattributed paid orders (paid {span}): {count} ({amount})',
    'summary.span': '{first} – {last}',
    'scorecard.sample.inquiries': 'inquiries',
    'scorecard.sample.consultations': 'consultations',
    'scorecard.sample.receptions': 'receptions',
    'scorecard.sample.placed': 'placed',
    'scorecard.sample.paid': 'paid',
    'scorecard.sample.days': 'days',
  },
  zh: {
    'col.flagKeys': '标记代码',
    'col.period': '统计期',
    'col.month': '月份',
    'col.scorecardState': '考核表',
    'csv.scorecard.on': '启用：按等级发绩效工资',
    'csv.scorecard.off': '未启用：等级仅供参考，不发绩效工资',
    'summary.unattributedSpan': '无备注已付款订单（付款日期 {span}）：{count} 笔（{amount}）',
    'summary.span': '{first} 至 {last}',
    'scorecard.sample.inquiries': '询单人数',
    'scorecard.sample.consultations': '咨询人数',
    'scorecard.sample.receptions': '接待人数',
    'scorecard.sample.placed': '下单人数',
    'scorecard.sample.paid': '付款人数',
    'scorecard.sample.days': '出勤天数',
  },
} as const;
