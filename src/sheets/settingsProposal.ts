/**
 * Settings fitted to the shop, in the Settings tab: *Fit settings to my shop*
 * writes the core's proposals (reports/suggestedSettings.ts, the CLI's too)
 * beside the settings they would change, each with a checkbox; nothing is in
 * effect until the supervisor ticks a row and *Apply ticked proposals* (or
 * the next report built) writes the ticked values into the settings and
 * clears the proposal. Under the document lock, like every writing call.
 */
import { SUGGESTION_DAYS } from '../core/suggestSettings';
import { rulesFromTable } from '../core/settings';
import type { LocalTime } from '../core/types';
import { t, type Language } from '../i18n';
import type { ReportInput } from '../reports';
import { fitSettings } from '../reports/suggestedSettings';
import { readLocalTime, readText, safeCell, type CellValue } from './cells';
import { withDocumentLock } from './lock';
import { columnLetterOf, planProposals, PROPOSAL_WIDTH, readAcceptance, type Acceptance, type ProposalWrite } from './proposalColumns';
import { readRecentData } from './recentData';
import { ensureSettingsTab } from './storage';
import { sheetLanguage, sheetTimeZone, writeBlock } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Days read beyond the proposal's window: the latest days may still be provisional, and the first day read is left out. */
const READ_MARGIN_DAYS = 8;

/** The Settings tab as text, in one read. */
function readGrid(sheet: Sheet, tz: string): string[][] {
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  if (rows < 1 || cols < 1) return [];
  return sheet.getRange(1, 1, rows, cols).getValues().map((r) => r.map((v) => readText(v, tz)));
}

const cell = (v: string | boolean): CellValue => (typeof v === 'boolean' ? v : safeCell(v));

/** Rows of the grid whose proposal cells hold anything (their checkbox is cleared with them). */
function rowsWithProposal(grid: readonly string[][], column: number | null): number[] {
  if (column === null) return [];
  const rows: number[] = [];
  grid.forEach((r, i) => i > 0 && r.slice(column - 1, column - 1 + PROPOSAL_WIDTH).some((c) => c.trim() !== '') && rows.push(i + 1));
  return rows;
}

type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

/** The accept column's checkbox. */
function checkboxRule(lang: Language): Validation {
  return SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(true).setHelpText(t(lang, 'proposal.help.accept')).build();
}

/**
 * Sets the accept column's validation on `rows` in one call: a checkbox on
 * the rows `ticks` holds, none on the others (every row of the span between
 * is the proposal block's, and has no checkbox unless `ticks` says so).
 */
function setCheckboxes(sheet: Sheet, column: number, rows: readonly number[], ticks: ReadonlySet<number>, lang: Language): void {
  if (rows.length === 0) return;
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const checkbox = ticks.size > 0 ? checkboxRule(lang) : null;
  const rules = Array.from({ length: last - first + 1 }, (_, i) => [ticks.has(first + i) ? checkbox : null]);
  sheet.getRange(first, column, rules.length, 1).setDataValidations(rules);
}

function writeProposal(sheet: Sheet, plan: ProposalWrite, before: number[], lang: Language): void {
  if (plan.appended.length > 0) writeBlock(sheet, plan.appendAt, 1, plan.appended.map((r) => r.map(cell)));
  writeBlock(sheet, 1, plan.column, plan.block.map((r) => r.map(cell)));
  setCheckboxes(sheet, plan.column, [...before, ...plan.proposalRows], new Set(plan.proposalRows), lang);
}

/** Proposals from the latest days' final figures, written beside the settings; returns the message for the supervisor. */
function fit(ss: Spreadsheet, lang: Language, now: LocalTime): string {
  const tz = sheetTimeZone(ss);
  const { sheet } = ensureSettingsTab(ss);
  const grid = readGrid(sheet, tz);
  const { rules } = rulesFromTable(grid, lang);
  const recent = readRecentData(ss, SUGGESTION_DAYS + READ_MARGIN_DAYS);
  if (recent.agentDays.length === 0 && recent.consultations.length === 0) return t(lang, 'sheets.noData');
  const input: ReportInput = { language: lang, rules, roster: recent.roster, events: [], consultations: recent.consultations, orders: recent.orders, agentDays: recent.agentDays, shopDays: recent.shopDays, rejections: [] };
  const { proposals } = fitSettings(input, now, recent.cutDay);
  if (proposals.length === 0) return t(lang, 'proposal.none');
  const plan = planProposals(grid, proposals, rules, lang);
  writeProposal(sheet, plan, rowsWithProposal(grid, readAcceptance(grid, lang).column), lang);
  ss.setActiveSheet(sheet);
  const columns = `${columnLetterOf(plan.column)}–${columnLetterOf(plan.column + PROPOSAL_WIDTH - 1)}`;
  return t(lang, 'proposal.written', { count: plan.proposalRows.length, columns });
}

/**
 * Applies the ticked proposals of the Settings tab: each ticked row's value
 * and amount replace the setting's, then the proposal is cleared (rows left
 * unticked were not accepted). A ticked row the rules reader refuses is kept
 * with its reason. With nothing ticked, nothing is written. The caller holds
 * the document lock.
 */
export function applyTickedProposals(ss: Spreadsheet): Acceptance {
  const lang = sheetLanguage(ss);
  const { sheet } = ensureSettingsTab(ss);
  const grid = readGrid(sheet, sheetTimeZone(ss));
  const outcome = readAcceptance(grid, lang);
  if (outcome.column === null || outcome.accepted.length === 0) return outcome;
  for (const row of outcome.accepted) writeBlock(sheet, row.row, 2, [[cell(row.value), cell(row.amount)]]);
  const kept = new Set(outcome.refused.map((r) => r.row));
  const block = grid.map((r, i) => (i === 0 && kept.size > 0) || kept.has(i + 1) ? r.slice(outcome.column! - 1, outcome.column! - 1 + PROPOSAL_WIDTH) : ['', '', '', '']);
  writeBlock(sheet, 1, outcome.column, block.map((r) => Array.from({ length: PROPOSAL_WIDTH }, (_, c) => cell(r[c] ?? ''))));
  setCheckboxes(sheet, outcome.column, rowsWithProposal(grid, outcome.column), kept, lang);
  return outcome;
}

/** What applying did, in words (null when nothing was applied). */
export function appliedMessage(lang: Language, outcome: Acceptance): string | null {
  if (outcome.accepted.length === 0) return null;
  const names = (rows: { setting: string; value: string }[]) => rows.map((r) => (r.setting === 'scorecard_score' ? `${r.setting} ${r.value}` : r.setting)).join(', ');
  const applied = outcome.declined.length > 0 ? t(lang, 'proposal.appliedWithDeclined', { settings: names(outcome.accepted), declined: names(outcome.declined) }) : t(lang, 'proposal.applied', { settings: names(outcome.accepted) });
  return [applied, ...refusedLines(lang, outcome)].join(' ');
}

/** One sentence per ticked proposal the rules reader refused, with its reason. */
function refusedLines(lang: Language, outcome: Acceptance): string[] {
  return outcome.refused.map((r) => t(lang, 'proposal.refused', { setting: r.setting, value: r.value, amount: r.amount, reason: r.reason }));
}

function alert_(lang: Language, body: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(lang, 'menu.title'), body, ui.ButtonSet.OK);
}

/** Menu: *Fit settings to my shop*. */
export function fitSettingsToShop() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = sheetLanguage(ss);
  try {
    const now = readLocalTime(new Date(), sheetTimeZone(ss))!; // a Date always reads as a time
    alert_(lang, withDocumentLock(lang, () => fit(ss, lang, now)));
  } catch (e) {
    alert_(lang, t(lang, 'proposal.failed', { reason: e instanceof Error ? e.message : String(e) }));
  }
}

/** Menu: *Apply ticked proposals*. */
export function applySettingsProposals() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = sheetLanguage(ss);
  try {
    const outcome = withDocumentLock(lang, () => applyTickedProposals(ss));
    if (outcome.column === null || (outcome.accepted.length === 0 && outcome.refused.length === 0 && outcome.declined.length === 0)) return alert_(lang, t(lang, 'proposal.nothingProposed'));
    const applied = appliedMessage(lang, outcome);
    if (applied) return alert_(lang, applied);
    const refused = refusedLines(lang, outcome);
    alert_(lang, refused.length > 0 ? refused.join(' ') : t(lang, 'proposal.noneTicked', { column: t(lang, 'proposal.header.accept') }));
  } catch (e) {
    alert_(lang, t(lang, 'proposal.failed', { reason: e instanceof Error ? e.message : String(e) }));
  }
}
