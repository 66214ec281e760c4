/**
 * Strings of the sidebar's file cards (one card per chosen file, its sheets
 * inside), its sticky Import bar and what it offers after an import.
 */
export const sidebarFileStrings = {
  en: {
    'sidebar.file.tables': '{recognised} of {sheets} sheets are customer-service tables',
    'sidebar.file.skipped': '{count} sheets skipped: not customer-service tables — {names}',
    'sidebar.file.skippedOne': '1 sheet skipped: not a customer-service table — {names}',
    'sidebar.sheet.line': '{sheet} · {kind} · {rows} rows',
    'sidebar.sheet.excluded': 'not imported',
    'sidebar.provisional.mark': 'provisional',
    'sidebar.provisional.note': 'Figures not final yet ({cells} cells read 延迟统计 or blank): import this day again in a few days; the new figures replace these.',
    'sidebar.import.total': 'Will import {tables} tables, {rows} rows',
    'sidebar.import.totalOne': 'Will import 1 table, {rows} rows',
    'sidebar.import.none': 'No table ticked for import',
    'sidebar.next.build': 'Build reports',
    'sidebar.next.hint': 'Next: build the Daily, Ranking and Payroll tabs from what is stored.',
    'sidebar.next.building': 'Building the reports…',
    'sidebar.next.built': 'The reports are written in the "Build all reports" window, group by group: see the Daily, Ranking and Payroll tabs when it is done.',
    'sidebar.grid.line': 'Spreadsheet: {used} of {limit} cells used ({percent}); room for about {days} more days like these.',
    'sidebar.grid.lineNoDays': 'Spreadsheet: {used} of {limit} cells used ({percent}).',
  },
  zh: {
    'sidebar.file.tables': '{sheets} 个工作表中 {recognised} 个是客服数据表',
    'sidebar.file.skipped': '跳过 {count} 个工作表：不是客服数据表 —— {names}',
    'sidebar.file.skippedOne': '跳过 1 个工作表：不是客服数据表 —— {names}',
    'sidebar.sheet.line': '{sheet} · {kind} · {rows} 行',
    'sidebar.sheet.excluded': '不导入',
    'sidebar.provisional.mark': '暂定',
    'sidebar.provisional.note': '数据尚未确定（{cells} 个单元格为“延迟统计”或空白）：过几天再导入这一天，新数据会替换这些数字。',
    'sidebar.import.total': '将导入 {tables} 个表，共 {rows} 行',
    'sidebar.import.totalOne': '将导入 1 个表，共 {rows} 行',
    'sidebar.import.none': '没有勾选要导入的表',
    'sidebar.next.build': '生成报表',
    'sidebar.next.hint': '下一步：用已存入的数据生成日报、排名和绩效工资表。',
    'sidebar.next.building': '正在生成报表…',
    'sidebar.next.built': '报表正在“生成全部报表”窗口中分组生成，完成后请查看日报、客服排名和绩效工资表。',
    'sidebar.grid.line': '表格容量：已用 {used} / {limit} 个单元格（{percent}），按这样的数据量还能存约 {days} 天。',
    'sidebar.grid.lineNoDays': '表格容量：已用 {used} / {limit} 个单元格（{percent}）。',
  },
} as const;
