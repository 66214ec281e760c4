/** Strings of unremarked orders and the supervisor's claims on them (issue 10.7). */
export const claimsStrings = {
  en: {
    'payroll.item.claims': 'Claimed orders',
    'payroll.rule.claims': 'claimed, confirmed by the supervisor (counted in the commission above)',
    'payroll.figure.claimed': 'orders: {orders}, amount {amount}',
    'col.likelyAgent': 'Likely agent',
    'col.claimedBy': 'Claimed by',
    'unattributed.group': '{date} · {agent} — orders: {count}, amount {amount}',
    'unattributed.silent': 'no chat (silent order)',
    'unattributed.hint':
      'Likely agent = the agent whose inquiry the order is credited to under the attribution rules. Type an agent ID in "Claimed by" to confirm an order: the next report build counts it for that agent\'s commission.',
    'unattributed.titleOpen': 'Paid orders without an agent ID in the seller remark: {open} open ({openAmount}), {claimed} claimed',
    'claims.unknownAgent': 'claim of order {orderId}: no agent in the roster has agent ID "{agentId}"',
    'claims.notOpen': 'claim of order {orderId}: the order is not an unremarked paid order (already attributed, refunded, unpaid or unknown)',
    'claims.tab': 'Data: claims',
    'summary.claims': 'Claimed by the supervisor: {count} orders (in the payroll)',
  },
  zh: {
    'payroll.item.claims': '认领订单',
    'payroll.rule.claims': '主管确认的认领（已计入上面的提成）',
    'payroll.figure.claimed': '{orders} 笔，{amount}',
    'col.likelyAgent': '可能的客服',
    'col.claimedBy': '认领工号',
    'unattributed.group': '{date} · {agent}：{count} 笔，{amount}',
    'unattributed.silent': '无咨询（静默下单）',
    'unattributed.hint': '可能的客服 = 按归属规则这笔订单所属询单的客服。在“认领工号”中填入工号即确认认领：下次生成报表时计入该客服的提成。',
    'unattributed.titleOpen': '卖家备注中没有工号的已付款订单：待认领 {open} 笔（{openAmount}），已认领 {claimed} 笔',
    'claims.unknownAgent': '订单 {orderId} 的认领：花名册中没有工号为“{agentId}”的客服',
    'claims.notOpen': '订单 {orderId} 的认领：该订单不是无备注的已付款订单（已有工号、已退款、未付款或不存在）',
    'claims.tab': '数据：认领',
    'summary.claims': '主管已确认认领：{count} 笔（已计入工资）',
  },
} as const;
