/**
 * The proposal block of the Settings tab: four columns beside the settings
 * (accept, proposed value, proposed amount, source), one row per proposal on
 * the row of the setting it would change. Pure: a grid of the tab's cells as
 * text in, the cells to write out. The tab's own columns (setting, value,
 * amount, note, and any the supervisor added) are never moved; the reader of
 * the rules (core/settings.ts) reads only the first three, so a proposal is
 * never in effect until it is applied.
 */
import type { Language } from '../core/types';
import type { Rules } from '../core/rules';
import type { Proposal } from '../core/suggestSettings';
import { rulesFromTable, settingCellOf, settingNameOf, settingsTable } from '../core/settings';
import { kpiKeyOf } from '../core/scorecardKpis';
import { t, type MessageKey } from '../i18n';

export const PROPOSAL_HEADERS: readonly MessageKey[] = ['proposal.header.accept', 'proposal.header.value', 'proposal.header.amount', 'proposal.header.source'];
export const PROPOSAL_WIDTH = PROPOSAL_HEADERS.length;
/** The settings' own columns: setting, value, amount, note. */
const SETTINGS_WIDTH = 4;

/**
 * A column's letters, as the supervisor finds it in the tab.
 * @example columnLetterOf(28) // 'AB'
 */
export function columnLetterOf(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A tick in the accept column: Sheets' checkbox reads TRUE; typed words count too. */
const TICKS = new Set(['true', 'yes', 'y', 'x', '✓', '✔', '☑', '1', 'on', 'accept', 'ok', '是', '采纳', '接受', '同意', '对', '√']);
export const isTicked = (cell: string): boolean => TICKS.has(cell.trim().toLowerCase());

/** The row a setting's proposal belongs on: the setting, and for a scorecard scoring row its KPI. */
function rowKey(setting: string, value: string): string {
  return setting === 'scorecard_score' ? `${setting}|${kpiKeyOf(value) ?? value.trim().toLowerCase()}` : setting;
}

/** The 1-based column the proposal block starts at, found by its first header in either language; null when the tab has none. */
export function proposalColumnOf(grid: readonly string[][]): number | null {
  const names = new Set((['en', 'zh'] as const).map((lang) => t(lang, PROPOSAL_HEADERS[0])));
  const at = (grid[0] ?? []).findIndex((cell) => names.has(cell.trim()));
  return at < 0 ? null : at + 1;
}

export interface ProposalWrite {
  /** The 1-based column of the block. */
  column: number;
  /** Rows 1…n of the block (header first): cleared where no proposal stands, so an older proposal never lingers. */
  block: (string | boolean)[][];
  /** Settings rows appended below the tab's rows (setting, value, amount, note as the rules now stand), for proposals whose setting had no row. */
  appended: string[][];
  /** The 1-based row the first appended row goes to. */
  appendAt: number;
  /** The 1-based rows that carry a proposal (each gets a checkbox). */
  proposalRows: number[];
}

/**
 * Where each proposal goes: beside the last row of its setting (the one the
 * reader keeps), or on a row appended with the setting's current value when
 * the tab has none (an older layout). A scorecard scoring proposal for a KPI
 * the supervisor's card does not have is left out: it would refuse the card.
 * Row 1 is the block's header and holds no proposal.
 */
export function planProposals(grid: readonly string[][], proposals: readonly Proposal[], rules: Rules, lang: Language): ProposalWrite {
  const width = Math.max(0, ...grid.map((r) => r.length));
  const existing = proposalColumnOf(grid);
  const column = existing ?? Math.max(SETTINGS_WIDTH, lastUsedColumn(grid, width)) + 1;
  const rowOf = new Map<string, number>();
  grid.forEach((cells, i) => {
    if (i === 0) return;
    const name = settingNameOf(cells[0]);
    if (name !== '') rowOf.set(rowKey(name, settingCellOf(cells[1])), i + 1);
  });
  const current = settingsTable(rules, lang).slice(1);
  const appended: string[][] = [];
  const appendAt = lastUsedRow(grid) + 1;
  const placed = new Map<number, Proposal>();
  for (const proposal of proposals) {
    const key = rowKey(proposal.setting, proposal.value);
    let row = rowOf.get(key);
    if (row === undefined) {
      const now = current.filter((r) => rowKey(r[0], r[1]) === key).pop();
      if (!now) continue;
      row = appendAt + appended.length;
      appended.push(now);
      rowOf.set(key, row);
    }
    placed.set(row, proposal);
  }
  const rows = Math.max(grid.length, appendAt - 1 + appended.length);
  const block: (string | boolean)[][] = [PROPOSAL_HEADERS.map((key) => t(lang, key))];
  for (let row = 2; row <= rows; row++) {
    const p = placed.get(row);
    block.push(p ? [false, p.value, p.amount, p.source] : ['', '', '', '']);
  }
  return { column, block, appended, appendAt, proposalRows: [...placed.keys()].sort((a, b) => a - b) };
}

/** The last column holding anything, the proposal block left out. */
function lastUsedColumn(grid: readonly string[][], width: number): number {
  for (let c = width; c > 0; c--) if (grid.some((r) => (r[c - 1] ?? '').trim() !== '')) return c;
  return 0;
}

/** The last row with a setting, value or amount (a row holding only an old proposal does not count). */
function lastUsedRow(grid: readonly string[][]): number {
  for (let r = grid.length; r > 0; r--) if (grid[r - 1].slice(0, 3).some((c) => (c ?? '').trim() !== '')) return r;
  return 0;
}

export interface ProposalRow {
  /** 1-based row of the tab. */
  row: number;
  setting: string;
  value: string;
  amount: string;
}

export interface Acceptance {
  /** The proposal block's column (null: the tab holds no proposal). */
  column: number | null;
  /** Ticked rows whose proposal reads as a valid setting: their value and amount replace the row's. */
  accepted: ProposalRow[];
  /** Ticked rows whose proposal the reader refuses (edited by hand into something invalid): kept, with the reason. */
  refused: (ProposalRow & { reason: string })[];
  /** Rows with a proposal left unticked. */
  declined: ProposalRow[];
}

/** What applying the ticked proposals of the tab would do. */
export function readAcceptance(grid: readonly string[][], lang: Language): Acceptance {
  const column = proposalColumnOf(grid);
  const out: Acceptance = { column, accepted: [], refused: [], declined: [] };
  if (column === null) return out;
  grid.forEach((cells, i) => {
    if (i === 0) return;
    const [tick = '', value = '', amount = ''] = cells.slice(column - 1, column - 1 + 3).map((c) => (c ?? '').trim());
    if (value === '' && amount === '') return;
    const row: ProposalRow = { row: i + 1, setting: settingNameOf(cells[0]), value, amount };
    if (!isTicked(tick)) return void out.declined.push(row);
    const { problems } = rulesFromTable([[row.setting, value, amount]], lang);
    if (problems.length > 0) out.refused.push({ ...row, reason: problems.map((p) => p.reason).join('; ') });
    else out.accepted.push(row);
  });
  return out;
}
