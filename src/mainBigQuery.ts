/**
 * The Apps Script entry of the BigQuery flavour (npm run build:bigquery):
 * every function of the default entry, the menu with the BigQuery items,
 * and their handlers. Its manifest adds only the BigQuery scope and the
 * BigQuery advanced service (scripts/build.mjs).
 */
export * from './main';
export { onOpen, onInstall, connectBigQuery, sendRecordsToBigQuery, buildReportsFromBigQuery } from './sheets/bigquery/bigQueryMenu';
