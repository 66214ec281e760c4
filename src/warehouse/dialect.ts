/**
 * The two SQL dialects CS Daily's warehouse text is written for: DuckDB (the
 * CLI's embedded store) and GoogleSQL (BigQuery). The queries are one text
 * in the subset both accept; only what differs goes through a Dialect.
 */

/** A column type of the store's tables, named as BigQuery names it. */
export type ColumnType = 'STRING' | 'FLOAT64' | 'INT64' | 'BOOL';

export interface Dialect {
  name: 'duckdb' | 'bigquery';
  /** A query parameter: `$name` in DuckDB, `@name` in GoogleSQL. */
  param(name: string): string;
  /** A table of the store: bare in DuckDB, `project.dataset.table` in BigQuery. */
  table(name: string): string;
  /** The type name in this dialect. */
  type(type: ColumnType): string;
  /**
   * What follows `name AS` for a CTE read several times: DuckDB is told to
   * compute it once (MATERIALIZED); GoogleSQL has no such hint.
   */
  cteHint: string;
  /**
   * A FROM clause giving one row per regex match in a text column, with its
   * place: (id, tok, pos) for each match of `pattern` in `text` of `source`.
   */
  matchesFrom(source: string, id: string, text: string, pattern: string): string;
}

const DUCKDB_TYPES: Record<ColumnType, string> = { STRING: 'VARCHAR', FLOAT64: 'DOUBLE', INT64: 'BIGINT', BOOL: 'BOOLEAN' };

export const duckdb: Dialect = {
  name: 'duckdb',
  param: (name) => `$${name}`,
  table: (name) => name,
  type: (type) => DUCKDB_TYPES[type],
  cteHint: 'MATERIALIZED ',
  matchesFrom: (source, id, text, pattern) =>
    `(SELECT ${id}, UNNEST(m) AS tok, GENERATE_SUBSCRIPTS(m, 1) AS pos FROM (SELECT ${id}, REGEXP_EXTRACT_ALL(${text}, '${pattern}') AS m FROM ${source}))`,
};

const BIGQUERY_NAME = /^[A-Za-z0-9_-]+$/;

/** GoogleSQL for one dataset; project and dataset are checked, as they end up inside the query text. */
export function bigquery(project: string, dataset: string): Dialect {
  if (!BIGQUERY_NAME.test(project) || !/^[A-Za-z0-9_]+$/.test(dataset)) {
    throw new Error(`bigquery: a project is letters, digits, - and _, a dataset letters, digits and _ (got "${project}.${dataset}")`);
  }
  return {
    name: 'bigquery',
    param: (name) => `@${name}`,
    table: (name) => `\`${project}.${dataset}.${name}\``,
    type: (type) => type,
    cteHint: '',
    matchesFrom: (source, id, text, pattern) => `(SELECT s.${id}, tok, pos FROM ${source} s, UNNEST(REGEXP_EXTRACT_ALL(s.${text}, '${pattern}')) AS tok WITH OFFSET AS pos)`,
  };
}
