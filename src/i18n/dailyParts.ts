/**
 * Strings of the Daily's agent table in two parts (conversion and sales, then
 * service) and of the service figures the exports state.
 */
export const dailyPartStrings = {
  en: {
    'daily.partSales': 'Agents: conversion and sales',
    'daily.partService': 'Agents: service',
    'standing.next': 'To the next tier',
    'col.coaching': 'Coaching',
    'col.avgResponseSec': 'Average response (s)',
    'col.slowResponses': 'Slow responses',
    'col.unanswered': 'Unanswered',
    'col.transfersOut': 'Transfers out',
    'col.verySatisfied': 'Very satisfied',
    'col.satisfied': 'Satisfied',
    'col.neutral': 'Neutral',
    'col.dissatisfied': 'Dissatisfied',
    'col.veryDissatisfied': 'Very dissatisfied',
  },
  zh: {
    'daily.partSales': '客服明细：转化与销售',
    'daily.partService': '客服明细：服务',
    'standing.next': '距下一档',
    'col.coaching': '辅导',
    'col.avgResponseSec': '平均响应时间(秒)',
    'col.slowResponses': '慢响应人数',
    'col.unanswered': '未回复人数',
    'col.transfersOut': '转出人数',
    'col.verySatisfied': '很满意',
    'col.satisfied': '满意',
    'col.neutral': '一般',
    'col.dissatisfied': '不满意',
    'col.veryDissatisfied': '很不满意',
  },
} satisfies Record<'en' | 'zh', Record<string, string>>;
