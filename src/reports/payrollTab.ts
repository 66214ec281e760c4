/**
 * 绩效工资 tab (SPEC §6.3): one row per agent, a team total (xlsx and Sheets
 * only, never in payroll.csv), the money shown the way the settings pick,
 * then one audit line per money item.
 */
import type { CsvTable, SpecValue, TabSpec } from './types';
import type { Payroll, PayRow } from '../core/payroll';
import type { PayrollView } from '../core/rules';
import { t, type MessageKey } from '../i18n';
import type { ReportData } from './data';
import { addTitle, COLOURS, emptyTab, setWidths, tableBlock, type Column } from './layout';
import { csvMoney, moneyText } from './format';

const MONEY_COLUMNS: [MessageKey, keyof PayRow][] = [
  ['col.basePay', 'basePay'], ['col.commission', 'commission'], ['col.conversionBonus', 'conversionBonus'],
  ['col.responseBonus', 'responseBonus'], ['col.performancePay', 'performancePay'], ['col.rewards', 'rewards'], ['col.fines', 'fines'], ['col.total', 'total'],
];

/** Agent and agent ID come first. */
const FINES_COLUMN = 2 + MONEY_COLUMNS.findIndex(([, f]) => f === 'fines');

export function payrollCsv(data: ReportData, payroll: Payroll): CsvTable {
  const lang = data.input.language;
  return {
    fileName: 'payroll.csv',
    header: [t(lang, 'col.agent'), t(lang, 'col.agentId'), ...MONEY_COLUMNS.map(([k]) => t(lang, k))],
    rows: payroll.rows.map((r) => [r.agent, r.agentId, ...MONEY_COLUMNS.map(([, f]) => csvMoney(r[f] as number))]),
  };
}

/** The same total three ways (SPEC §1.3): bonuses lift morale, deductions should be rare. */
export function payView(view: PayrollView, row: PayRow, lang: ReportData['input']['language']): string {
  const bonus = row.total - row.basePay;
  if (view === 'base_plus_bonus') return t(lang, 'payroll.view.base_plus_bonus', { base: moneyText(row.basePay), bonus: moneyText(bonus) });
  if (view === 'target_minus_deductions') {
    return t(lang, 'payroll.view.target_minus_deductions', { target: moneyText(row.targetPay), deduction: moneyText(row.targetPay - row.total) });
  }
  return t(lang, 'payroll.view.direct', { total: moneyText(row.total) });
}

export function payrollTab(data: ReportData, payroll: Payroll): TabSpec {
  const lang = data.input.language;
  const tab = emptyTab('payroll', t(lang, 'tab.payroll'));
  const columns: Column[] = [
    { header: t(lang, 'col.agent'), format: 'text', widthPx: 150 },
    { header: t(lang, 'col.agentId'), format: 'text' },
    ...MONEY_COLUMNS.map(([k]): Column => ({ header: t(lang, k), format: 'money', widthPx: 90 })),
    { header: t(lang, 'col.view'), format: 'text', widthPx: 200 },
  ];
  addTitle(tab, 0, t(lang, 'payroll.title', { month: payroll.month }), columns.length);
  const cellStyles: NonNullable<TabSpec['blocks'][number]['cellStyles']> = [];
  const rows: SpecValue[][] = payroll.rows.map((r, i) => {
    if (r.fines > 0) cellStyles.push({ row: i + 1, col: FINES_COLUMN, style: { format: 'money', color: COLOURS.down } });
    if (r.dismissalReview) cellStyles.push({ row: i + 1, col: 0, style: { background: COLOURS.bad } });
    const view = payView(data.input.rules.payrollView, r, lang) + (r.dismissalReview ? ` · ${t(lang, 'payroll.dismissal')}` : '');
    return [r.agent, r.agentId, ...MONEY_COLUMNS.map(([, f]) => r[f] as number), view];
  });
  const sum = (f: keyof PayRow) => Math.round(payroll.rows.reduce((s, r) => s + (r[f] as number), 0) * 100) / 100;
  rows.push([t(lang, 'payroll.teamTotal'), '', ...MONEY_COLUMNS.map(([, f]) => sum(f)), '']);
  cellStyles.push(...columns.map((_c, col) => ({ row: rows.length, col, style: { bold: true, background: COLOURS.header } })));
  tab.blocks.push(tableBlock(2, 0, columns, rows, cellStyles));
  tab.frozenRows = 3;

  const auditTop = 2 + rows.length + 3;
  tab.blocks.push({ row: auditTop - 1, col: 0, values: [[t(lang, 'payroll.audit')]], style: { bold: true } });
  const auditColumns: Column[] = [
    { header: t(lang, 'col.agent'), format: 'text' },
    { header: t(lang, 'col.item'), format: 'text' },
    { header: t(lang, 'col.rule'), format: 'text' },
    { header: t(lang, 'col.figure'), format: 'text' },
    { header: t(lang, 'col.amount'), format: 'money' },
  ];
  const audit = payroll.lines.map((l) => [l.agent, t(lang, `payroll.item.${l.item}` as MessageKey), l.rule, l.figure, l.amount]);
  tab.blocks.push(tableBlock(auditTop, 0, auditColumns, audit));
  setWidths(tab, columns);
  // The audit lines share the columns: item, rule and figure need room to be read whole.
  tab.columnWidths[1] = Math.max(tab.columnWidths[1] ?? 0, 150);
  tab.columnWidths[2] = Math.max(tab.columnWidths[2] ?? 0, 200);
  tab.columnWidths[3] = Math.max(tab.columnWidths[3] ?? 0, 260);
  return tab;
}
