/**
 * The BigQuery flavour's menu (npm run build:bigquery): connect the
 * spreadsheet to a BigQuery dataset (kept in the document's properties),
 * send the chats and orders of the data tabs there by load jobs, and build
 * the reports with the agent-days BigQuery computes by SPEC §6a's SQL.
 * Everything else is the default add-on's.
 */
import type { AgentDay, ExportedAgentDay } from '../../core/types';
import { MS_PER_DAY } from '../../core/dates';
import type { ReportInput } from '../../reports';
import { RECORD_KEY } from '../../import/ingest';
import { chatsTable, ordersTable } from '../../warehouse/tables';
import { t, type MessageKey } from '../../i18n';
import { addMenu } from '../../ui/menu';
import { sheetLanguage, sheetTimeZone } from '../tabs';
import { readLocalTime } from '../cells';
import { loadWorkbookData } from '../storage';
import { writeReports } from '../reportsMenu';
import { bigquery } from '../../warehouse/dialect';
import { ensureTables, loadRecords, queryAgentDays, type BigQueryRuntime, type BigQueryService, type BigQueryTarget } from './bigQueryJobs';

declare const BigQuery: BigQueryService;

const PROPERTY = 'csdaily.bigquery';

export const BIGQUERY_MENU_ITEMS: readonly { label: MessageKey; handler: string }[] = [
  { label: 'menu.bigquery.connect', handler: 'connectBigQuery' },
  { label: 'menu.bigquery.send', handler: 'sendRecordsToBigQuery' },
  { label: 'menu.bigquery.build', handler: 'buildReportsFromBigQuery' },
];

/** The default menu, then the BigQuery items. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen) {
  addMenu(BIGQUERY_MENU_ITEMS);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall) {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** `PROJECT.DATASET` → the target, or null when it is not one. */
export function parseTarget(text: string): BigQueryTarget | null {
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)$/.exec(text.trim());
  if (!match) return null;
  try {
    bigquery(match[1], match[2]);
  } catch {
    return null;
  }
  return { project: match[1], dataset: match[2] };
}

function savedTarget_(): BigQueryTarget | null {
  const text = PropertiesService.getDocumentProperties().getProperty(PROPERTY);
  return text ? parseTarget(text) : null;
}

function runtime_(): BigQueryRuntime {
  return { service: BigQuery, blob: (text) => Utilities.newBlob(text, 'application/octet-stream'), sleep: (ms) => Utilities.sleep(ms) };
}

function alert_(lang: 'en' | 'zh', key: MessageKey, params: Record<string, string | number> = {}): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(lang, 'menu.title'), t(lang, key, params), ui.ButtonSet.OK);
}

/** Runs a BigQuery step; a failure is shown to the user, never half-reported. */
function guarded_(lang: 'en' | 'zh', step: () => void): void {
  try {
    step();
  } catch (e) {
    alert_(lang, 'bigquery.failed', { reason: e instanceof Error ? e.message : String(e) });
  }
}

/** Menu: asks for PROJECT.DATASET, creates the tables there, remembers it for this spreadsheet. */
export function connectBigQuery() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = sheetLanguage(ss);
  const ui = SpreadsheetApp.getUi();
  const current = savedTarget_();
  const response = ui.prompt(t(lang, 'menu.title'), t(lang, 'bigquery.prompt', { current: current ? `${current.project}.${current.dataset}` : t(lang, 'bigquery.none') }), ui.ButtonSet.OK_CANCEL);
  if (response.getSelectedButton() !== ui.Button.OK) return;
  const answer = response.getResponseText().trim();
  const target = parseTarget(answer);
  if (!target) return alert_(lang, 'bigquery.refused', { answer });
  guarded_(lang, () => {
    ensureTables(runtime_(), target, [chatsTable, ordersTable] as never[]);
    PropertiesService.getDocumentProperties().setProperty(PROPERTY, `${target.project}.${target.dataset}`);
    alert_(lang, 'bigquery.connected', { ...target });
  });
}

/** Menu: the data tabs' chats and orders to BigQuery (same keys: sending again replaces). */
export function sendRecordsToBigQuery() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = sheetLanguage(ss);
  const target = savedTarget_();
  if (!target) return alert_(lang, 'bigquery.notConnected');
  guarded_(lang, () => {
    const data = loadWorkbookData(ss);
    const rt = runtime_();
    const chats = loadRecords(rt, target, chatsTable, data.consultations, RECORD_KEY.consultations);
    const orders = loadRecords(rt, target, ordersTable, data.orders, RECORD_KEY.orders);
    alert_(lang, 'bigquery.sent', { ...target, chats, orders });
  });
}

/** BigQuery's agent-day as the report builders read a computed day: an agent-day row whose figures are §6a's. */
export function agentDayRowOf(day: AgentDay): ExportedAgentDay {
  const figures: ExportedAgentDay['figures'] = {};
  for (const figure of ['consultations', 'receptions', 'excluded', 'inquiries', 'placed', 'paid', 'sales', 'items', 'couponBuyers', 'buyerMessages', 'agentMessages'] as const) {
    const value = day[figure];
    if (value !== null) figures[figure] = value;
  }
  if (day.firstResponseSamples) figures.firstResponseSec = (day.firstResponseTotalSec ?? 0) / day.firstResponseSamples;
  return { date: day.date, shop: '', agent: day.agent, source: 'bigquery', report: 'BigQuery', figures, provisional: [] };
}

/**
 * Menu: every report, with the agent-days of the previous month to today
 * computed by BigQuery (the chats live there); orders, settings, roster and
 * events are the workbook's.
 */
export function buildReportsFromBigQuery() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = sheetLanguage(ss);
  const target = savedTarget_();
  if (!target) return alert_(lang, 'bigquery.notConnected');
  guarded_(lang, () => {
    const now = readLocalTime(new Date(), sheetTimeZone(ss))!;
    const today = Math.floor(now / MS_PER_DAY);
    const monthStart = new Date(today * MS_PER_DAY);
    const first = Math.floor(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() - 1, 1) / MS_PER_DAY);
    const { noData } = writeReports(ss, null, { now }, (input: ReportInput) => {
      const days = queryAgentDays(runtime_(), target, input.rules, { first, last: today });
      return { ...input, consultations: [], agentDays: [...input.agentDays, ...days.map(agentDayRowOf)] };
    });
    if (noData) alert_(lang, 'sheets.noData');
  });
}
