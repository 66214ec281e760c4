/**
 * The Apps Script entry: every function Sheets must see as a top-level
 * `function` (custom functions, triggers, menu handlers, sidebar calls), and
 * nothing else. The build turns each export into a top-level declaration with
 * the source's JSDoc (scripts/build.mjs); a test checks the two lists match.
 */
export { INQUIRY_CONVERSION } from './functions/inquiryConversion';
export { WORKLOAD_BAND } from './functions/workloadBand';
export { AGENTS_NEEDED } from './functions/agentsNeeded';
export { SHIFT_ON } from './functions/shiftOn';
export { onOpen, onInstall, showHelp } from './ui/menu';
export { showImportSidebar } from './ui/sidebarHost';
export { getSidebarContext, importChunk, finishImport, showImportErrors, rollUpOldDays } from './sheets/importServer';
export { importSupervisorTable } from './sheets/supervisorImport';
export { openSettings } from './sheets/settingsTab';
export { fitSettingsToShop, applySettingsProposals } from './sheets/settingsProposal';
export { buildDailyReport, buildRanking, buildPayroll, buildAllReports, buildReportGroup, keepReportDays } from './sheets/reportsMenu';
export { generateScheduleTab } from './sheets/scheduleMenu';
