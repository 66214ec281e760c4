/** Strings of the judgements built on the figures: final days only, samples, minimums, defaults, commission basis. */
export const judgementStrings = {
  en: {
    'scorecard.notScored.too_little_weight': 'not graded: figures for only {detail} of the card\'s weight',
    'final.leftOut': 'Final figures through {final}; {days} not final yet, left out of pay and grades.',
    'final.noneYet': 'No final day this month yet; {days} not final, left out of pay and grades.',
    'daily.conversionDefaultTarget': 'Inquiry conversion (default target, not set for this shop)',
    'daily.staffingNeedDefault': 'Staffing need (default {value} inquiries per agent)',
    'owner.conversionNoTarget': 'Inquiry conversion {value} (vs previous day {vsPrevious}; vs same day last week {vsLastWeek})',
    'owner.agentSample': '{agent} {value} ({paid} of {inquiries} inquiries paid)',
    'owner.onlyOneJudged': 'Only {best} had enough inquiries today to judge conversion',
    'owner.noneEnough': 'Too few inquiries per agent today to compare agents',
    'owner.unknown': '—',
  },
  zh: {
    'scorecard.notScored.too_little_weight': '不评级：有数据的指标权重仅 {detail}',
    'final.leftOut': '数据确定至 {final}；{days} 数据尚未确定，未计入工资和考核。',
    'final.noneYet': '本月尚无已确定的数据；{days} 数据尚未确定，未计入工资和考核。',
    'daily.conversionDefaultTarget': '询单转化率（默认目标，本店未设置）',
    'daily.staffingNeedDefault': '需要人数（默认每人 {value} 询单）',
    'owner.conversionNoTarget': '询单转化率 {value}（较前一日 {vsPrevious}；较上周同日 {vsLastWeek}）',
    'owner.agentSample': '{agent} {value}（询单 {inquiries}，付款 {paid}）',
    'owner.onlyOneJudged': '今日只有 {best}的询单数足以评判转化',
    'owner.noneEnough': '今日每人询单太少，暂不比较客服',
    'owner.unknown': '—',
  },
} as const;
