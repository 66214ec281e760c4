/**
 * CS Daily's raw records in BigQuery through the Apps Script advanced
 * service (BigQuery v2): load jobs put records in, query jobs run SPEC §6a
 * (warehouse/agentDaySql.ts) and page the agent-day rows back.
 *
 * - Records are loaded as NEWLINE_DELIMITED_JSON into `incoming_<table>`
 *   (WRITE_TRUNCATE, schema from warehouse/tables.ts plus the record key),
 *   then one MERGE query replaces rows with the same key and inserts the
 *   rest, so importing the same file twice never doubles a record.
 * - Queries are GoogleSQL with named parameters (the rules), polled until
 *   complete and read page by page (pageToken).
 * The service, the pause between polls and the blob maker are passed in, so
 * the code paths run against a fake service in tests.
 */
import type { Rules } from '../../core/rules';
import type { AgentDay } from '../../core/types';
import { bigquery, type Dialect } from '../../warehouse/dialect';
import { bigQuerySchema, createTableSql, rowObject, type TableDef } from '../../warehouse/tables';
import { agentDayParams, agentDaySql, type AgentDayParams } from '../../warehouse/agentDaySql';
import { agentDayOfCells } from '../../warehouse/agentDayRows';

export interface JobReference {
  projectId?: string;
  jobId: string;
  location?: string;
}
export interface JobStatus {
  state: string;
  errorResult?: { message: string; reason?: string };
}
export interface Job {
  jobReference?: JobReference;
  status?: JobStatus;
  configuration?: unknown;
}
export interface QueryParameter {
  name: string;
  parameterType: { type: 'FLOAT64' | 'INT64' | 'STRING' };
  parameterValue: { value: string };
}
export interface QueryResponse {
  jobComplete: boolean;
  jobReference: JobReference;
  rows?: { f: { v: unknown }[] }[];
  pageToken?: string;
  errors?: { message: string }[];
}

/** The part of the BigQuery advanced service CS Daily calls. */
export interface BigQueryService {
  Jobs: {
    insert(job: Job, projectId: string, data?: unknown): Job;
    get(projectId: string, jobId: string, options?: { location?: string }): Job;
    query(request: Record<string, unknown>, projectId: string): QueryResponse;
    getQueryResults(projectId: string, jobId: string, options: { pageToken?: string; location?: string; timeoutMs?: number; maxResults?: number }): QueryResponse;
  };
}

export interface BigQueryTarget {
  project: string;
  dataset: string;
}

export interface BigQueryRuntime {
  service: BigQueryService;
  /** Makes the media of a load job (Utilities.newBlob in Apps Script). */
  blob(text: string): unknown;
  sleep(ms: number): void;
}

/** Polls past this many pauses are a failure the user is told about, not an endless wait. */
const MAX_POLLS = 60;
const PAGE_ROWS = 10_000;

function failIfError(status: JobStatus | undefined, what: string): void {
  if (status?.errorResult) throw new Error(`BigQuery ${what}: ${status.errorResult.message}`);
}

function waitForJob(rt: BigQueryRuntime, project: string, job: Job, what: string): void {
  let current = job;
  for (let poll = 0; current.status?.state !== 'DONE'; poll++) {
    if (poll >= MAX_POLLS) throw new Error(`BigQuery ${what}: not done after ${MAX_POLLS} checks (job ${current.jobReference?.jobId})`);
    rt.sleep(Math.min(1000 * 2 ** poll, 8000));
    current = rt.service.Jobs.get(project, current.jobReference!.jobId, { location: current.jobReference?.location });
  }
  failIfError(current.status, what);
}

/** Runs a query and returns every row's cells, page by page. */
export function runQuery(rt: BigQueryRuntime, target: BigQueryTarget, query: string, params: QueryParameter[] = []): unknown[][] {
  let response = rt.service.Jobs.query(
    { query, useLegacySql: false, parameterMode: 'NAMED', queryParameters: params, timeoutMs: 30_000, maxResults: PAGE_ROWS },
    target.project,
  );
  if (response.errors?.length) throw new Error(`BigQuery query: ${response.errors[0].message}`);
  const { jobId, location } = response.jobReference;
  if (!response.jobComplete) {
    // The job's own state, not getQueryResults' jobComplete, which stays false for a job that failed at run time.
    waitForJob(rt, target.project, { jobReference: response.jobReference, status: { state: 'RUNNING' } }, 'query');
    response = rt.service.Jobs.getQueryResults(target.project, jobId, { location, timeoutMs: 30_000, maxResults: PAGE_ROWS });
  }
  const rows: unknown[][] = [];
  for (;;) {
    for (const row of response.rows ?? []) rows.push(row.f.map((cell) => cell.v));
    if (!response.pageToken) return rows;
    response = rt.service.Jobs.getQueryResults(target.project, jobId, { pageToken: response.pageToken, location, maxResults: PAGE_ROWS });
  }
}

const dialectOf = (target: BigQueryTarget): Dialect => bigquery(target.project, target.dataset);
const KEY_COLUMN = { name: 'key', type: 'STRING' as const };

/** Creates the dataset's tables when missing (query jobs running DDL). */
export function ensureTables(rt: BigQueryRuntime, target: BigQueryTarget, tables: TableDef<never>[]): void {
  for (const table of tables) runQuery(rt, target, createTableSql(table, dialectOf(target), [KEY_COLUMN]));
}

/**
 * Loads the records into the table under their keys: a load job into
 * `incoming_<table>`, then a MERGE. Returns the rows loaded.
 */
export function loadRecords<R>(rt: BigQueryRuntime, target: BigQueryTarget, table: TableDef<R>, records: readonly R[], key: (record: R) => string): number {
  if (records.length === 0) return 0;
  const ndjson = records.map((r) => JSON.stringify({ key: key(r), ...rowObject(table, r) })).join('\n');
  const incoming = `incoming_${table.name}`;
  const job = rt.service.Jobs.insert(
    {
      configuration: {
        load: {
          destinationTable: { projectId: target.project, datasetId: target.dataset, tableId: incoming },
          sourceFormat: 'NEWLINE_DELIMITED_JSON',
          writeDisposition: 'WRITE_TRUNCATE',
          createDisposition: 'CREATE_IF_NEEDED',
          schema: { fields: [{ ...KEY_COLUMN, mode: 'REQUIRED' }, ...bigQuerySchema(table)] },
        },
      },
    },
    target.project,
    rt.blob(ndjson),
  );
  waitForJob(rt, target.project, job, `load of ${table.name}`);
  const d = dialectOf(target);
  const columns = ['key', ...table.columns.map((c) => c.name)];
  runQuery(
    rt,
    target,
    `MERGE ${d.table(table.name)} T USING ${d.table(incoming)} S ON T.key = S.key
WHEN MATCHED THEN UPDATE SET ${columns.slice(1).map((c) => `${c} = S.${c}`).join(', ')}
WHEN NOT MATCHED THEN INSERT (${columns.join(', ')}) VALUES (${columns.map((c) => `S.${c}`).join(', ')})`,
  );
  return records.length;
}

/** The query parameters of agentDaySql, typed as BigQuery wants them. */
export function agentDayQueryParameters(params: AgentDayParams): QueryParameter[] {
  const types: Record<keyof AgentDayParams, QueryParameter['parameterType']['type']> = {
    repeat_window_ms: 'FLOAT64',
    window_days: 'INT64',
    excluded: 'STRING',
    first_day: 'INT64',
    last_day: 'INT64',
  };
  return (Object.keys(types) as (keyof AgentDayParams)[]).map((name) => ({ name, parameterType: { type: types[name] }, parameterValue: { value: String(params[name]) } }));
}

/** §6a's agent-days of the days first … last (day numbers), computed by BigQuery over every stored record. */
export function queryAgentDays(rt: BigQueryRuntime, target: BigQueryTarget, rules: Rules, days: { first: number; last: number }): AgentDay[] {
  const rows = runQuery(rt, target, agentDaySql(dialectOf(target)), agentDayQueryParameters(agentDayParams(rules, days)));
  return rows.map((cells) => agentDayOfCells(cells));
}
