/**
 * 绩效工资 tab (SPEC §6.3): one row per agent with a Note (dismissal review,
 * unpaid agent), a team total (xlsx and Sheets only, never in payroll.csv),
 * the legend of its colours, then one audit line per money item in plain
 * words. Fines are positive amounts Total deducts, in the table and the audit.
 */
import type { CellStyle, CsvTable, SpecValue, TabSpec } from './types';
import type { Payroll, PayItem, PayLine, PayRow } from '../core/payroll';
import type { PayrollView } from '../core/rules';
import { t, type Language, type MessageKey } from '../i18n';
import type { ReportData } from './data';
import { finalNote } from './finalNote';
import { addIntro, addTitle, DEFAULT_COLUMN_PX, LINE_PX, textWidthPx, wrappedLines, COLOURS, emptyTab, fitRowHeights, setWidths, tableBlock, type Column } from './layout';
import { csvMoney, moneyText } from './format';

const MONEY_COLUMNS: [MessageKey, keyof PayRow][] = [
  ['col.basePay', 'basePay'], ['col.commission', 'commission'], ['col.conversionBonus', 'conversionBonus'],
  ['col.responseBonus', 'responseBonus'], ['col.performancePay', 'performancePay'], ['col.nightAllowance', 'nightAllowance'], ['col.rewards', 'rewards'], ['col.fines', 'fines'], ['col.total', 'total'],
];

/** Agent and agent ID come first. */
const FINES_COLUMN = 2 + MONEY_COLUMNS.findIndex(([, f]) => f === 'fines');
const TOTAL_COLUMN = 2 + MONEY_COLUMNS.findIndex(([, f]) => f === 'total');

/** A money column's header in the tab, where it must say more than payroll.csv's SPEC §6 header. */
const TAB_HEADERS: Partial<Record<MessageKey, MessageKey>> = { 'col.fines': 'payroll.col.fines' };

/** Audit items that also explain their agent's row in the Note column (tab and payroll.csv). */
const NOTE_ITEMS: Partial<Record<PayItem, (line: PayLine, lang: Language) => string>> = {
  dismissal_review: (line, lang) => t(lang, 'payroll.note.dismissal', { figure: line.figure }),
  not_in_roster: (_line, lang) => t(lang, 'payroll.note.notInRoster'),
  claims: (line, lang) => t(lang, 'payroll.note.claims', { figure: line.figure }),
};

/** Each agent's note: the audit items above, in audit order. */
export function payrollNotes(payroll: Payroll, lang: Language): Map<string, string> {
  const notes = new Map<string, string[]>();
  for (const line of payroll.lines) {
    const note = NOTE_ITEMS[line.item]?.(line, lang);
    if (note) notes.set(line.agent, [...(notes.get(line.agent) ?? []), note]);
  }
  return new Map([...notes].map(([agent, list]) => [agent, list.join(lang === 'zh' ? '；' : '; ')]));
}

export function payrollCsv(data: ReportData, payroll: Payroll): CsvTable {
  const lang = data.input.language;
  const notes = payrollNotes(payroll, lang);
  return {
    fileName: 'payroll.csv',
    header: [t(lang, 'col.agent'), t(lang, 'col.agentId'), ...MONEY_COLUMNS.map(([k]) => t(lang, k)), t(lang, 'payroll.col.note'), t(lang, 'col.month')],
    rows: payroll.rows.map((r) => [r.agent, r.agentId, ...MONEY_COLUMNS.map(([, f]) => csvMoney(r[f] as number)), notes.get(r.agent) ?? '', payroll.month]),
  };
}

/** The total another way (SPEC §1.3: bonuses lift morale, deductions should be rare); the direct view is the Total column itself. */
export function payView(view: PayrollView, row: PayRow, lang: Language): string {
  const bonus = row.total - row.basePay;
  if (view === 'base_plus_bonus') return t(lang, 'payroll.view.base_plus_bonus', { base: moneyText(row.basePay), bonus: moneyText(bonus) });
  if (view === 'target_minus_deductions') {
    return t(lang, 'payroll.view.target_minus_deductions', { target: moneyText(row.targetPay), deduction: moneyText(row.targetPay - row.total) });
  }
  return t(lang, 'payroll.view.direct', { total: moneyText(row.total) });
}

/** The legend of the colours this tab uses, as one line. */
function legend(payroll: Payroll, lang: Language): string {
  const parts: string[] = [];
  if (payroll.rows.some((r) => r.dismissalReview)) parts.push(t(lang, 'payroll.legend.dismissal'));
  if (payroll.rows.some((r) => r.fines > 0)) parts.push(t(lang, 'payroll.legend.fines'));
  return parts.join(' · ');
}

export function payrollTab(data: ReportData, payroll: Payroll): TabSpec {
  const lang = data.input.language;
  const view = data.input.rules.payrollView;
  const notes = payrollNotes(payroll, lang);
  const tab = emptyTab('payroll', t(lang, 'tab.payroll'));
  const columns: Column[] = [
    { header: t(lang, 'col.agent'), format: 'text', widthPx: 120 },
    { header: t(lang, 'col.agentId'), format: 'text', widthPx: 72 },
    ...MONEY_COLUMNS.map(([k]): Column => ({ header: t(lang, TAB_HEADERS[k] ?? k), format: 'money', widthPx: 88 })),
    // "paid 4,620.37" would only repeat Total: the column shows only for the other two views.
    ...(view === 'direct' ? [] : [{ header: t(lang, 'col.view'), format: 'text', widthPx: 180 } satisfies Column]),
    { header: t(lang, 'payroll.col.note'), format: 'text', widthPx: 240, wrap: true },
  ];
  addTitle(tab, 0, t(lang, 'payroll.title', { month: payroll.month }), columns.length);
  setWidths(tab, columns);
  addIntro(tab, 1, [finalNote(data, payroll.month), legend(payroll, lang)].filter(Boolean).join(' · '), columns.length);
  const cellStyles: NonNullable<TabSpec['blocks'][number]['cellStyles']> = [];
  const rows: SpecValue[][] = payroll.rows.map((r, i) => {
    if (r.fines > 0) cellStyles.push({ row: i + 1, col: FINES_COLUMN, style: { color: COLOURS.down } });
    if (r.dismissalReview) cellStyles.push({ row: i + 1, col: 0, style: { background: COLOURS.bad } });
    const shownAs = view === 'direct' ? [] : [payView(view, r, lang)];
    return [r.agent, r.agentId, ...MONEY_COLUMNS.map(([, f]) => r[f] as number), ...shownAs, notes.get(r.agent) ?? ''];
  });
  const sum = (f: keyof PayRow) => Math.round(payroll.rows.reduce((s, r) => s + (r[f] as number), 0) * 100) / 100;
  rows.push([t(lang, 'payroll.teamTotal'), '', ...MONEY_COLUMNS.map(([, f]) => sum(f)), ...(view === 'direct' ? [] : ['']), '']);
  cellStyles.push(...columns.map((_c, col) => ({ row: rows.length, col, style: { bold: true, background: COLOURS.header } })));
  tab.blocks.push(tableBlock(2, 0, columns, rows, cellStyles));
  fitRowHeights(tab, 2, columns, rows);
  tab.frozenRows = 3;
  setWidths(tab, columns);
  auditBlock(tab, payroll, lang, 2 + rows.length + 3, columns.length);
  return tab;
}

/**
 * One line per money item under the table, in the table's columns so the
 * page keeps its width: item over the empty Agent ID and Base pay cells,
 * the amount in a money column, the rule and the figure running over empty
 * cells to their right (text overflows into empty neighbours in Sheets,
 * Excel and LibreOffice alike); the figure, which can list a month of dates,
 * merged over the table's last columns and wrapped there, so it never runs
 * off the printed page.
 */
function auditBlock(tab: TabSpec, payroll: Payroll, lang: Language, top: number, tableWidth: number): void {
  tab.blocks.push({ row: top - 1, col: 0, values: [[t(lang, 'payroll.audit')]], style: { bold: true } });
  const width = tableWidth;
  // The figure starts right after the longest rule, leaving it the rest of the table's width to wrap in.
  // Chinese prints wider than textWidthPx counts (14.7 px a character at 11 pt): a quarter more keeps a rule clear of the figure.
  const ruleRoom = Math.max(0, ...payroll.lines.map((l) => textWidthPx(l.rule))) * 1.25 + 16;
  let figure = 4;
  for (let room = 0; room < ruleRoom && figure < TOTAL_COLUMN; figure++) room += tab.columnWidths[figure] ?? DEFAULT_COLUMN_PX;
  const at = { agent: 0, item: 1, amount: 3, rule: 4, figure };
  const row = (agent: SpecValue, item: SpecValue, amount: SpecValue, rule: SpecValue, figure: SpecValue): SpecValue[] => {
    const cells: SpecValue[] = new Array(width).fill(null);
    cells[at.agent] = agent;
    cells[at.item] = item;
    cells[at.amount] = amount;
    cells[at.rule] = rule;
    cells[at.figure] = figure;
    return cells;
  };
  const header = row(t(lang, 'col.agent'), t(lang, 'col.item'), t(lang, 'col.amount'), t(lang, 'col.rule'), t(lang, 'col.figure'));
  const lines = payroll.lines.map((l) => row(l.agent, t(lang, `payroll.item.${l.item}` as MessageKey), l.amount, l.rule, l.figure));
  const fines = payroll.lines.flatMap((l, i) => (l.item === 'fine' && l.amount > 0 ? [{ row: i + 1, col: at.amount, style: { color: COLOURS.down } }] : []));
  tab.blocks.push({
    row: top,
    col: 0,
    values: [header, ...lines],
    columnStyles: Array.from({ length: width }, (_, c): CellStyle => {
      if (c === at.amount) return { format: 'money', align: 'right' };
      return c === at.rule ? { format: 'text', align: 'left', indent: 1 } : { format: 'text' };
    }),
    rowStyles: [{ bold: true, background: COLOURS.header }],
    cellStyles: [...fines, ...lines.map((_l, i) => ({ row: i + 1, col: at.figure, style: { wrap: true } }))],
  });
  const figureCols = tableWidth - at.figure;
  let figurePx = 0;
  for (let c = at.figure; c < tableWidth; c++) figurePx += tab.columnWidths[c] ?? DEFAULT_COLUMN_PX;
  [header, ...lines].forEach((cells, i) => {
    if (figureCols > 1) tab.merges.push({ row: top + i, col: at.figure, rows: 1, cols: figureCols });
    const count = wrappedLines(String(cells[at.figure] ?? ''), figurePx);
    if (count > 1) tab.rowHeights = { ...(tab.rowHeights ?? {}), [top + i]: count * LINE_PX + 4 };
  });
}
