/**
 * The import core (SPEC §5): decode → parse → find header → map columns →
 * validate → typed records and rejects. Pure: runs in Node, in the browser
 * sidebar and in Apps Script alike.
 */
export { decodeBytes } from './decode';
export { parseDelimited } from './delimited';
export { readTables, type RawTable } from './tables';
export { detectTable, type Detection, type DetectionOutcome } from './detect';
export { recordsFromTable } from './records';
export { importFile, type FileImport, type ImportOptions, type RefusedTable } from './importFile';
export { agentNameOf, withoutInvisibles } from './agentName';
export { differingFields, mergeTables, type DuplicateConflict, type MergedTables, type Origin, type Placed, type TableRecords } from './duplicates';
export { readRoster, readEvents, readClaims } from './roster';
export { parseDateTime, parseDate, dateFromText } from './datetime';
export { normalizeHeader } from './normalize';
export { SYNONYMS } from './synonyms';
export type { ImportResult, RecordKind, SkippedRow, SourceFile, TableEncoding, TextEncoding } from './types';
