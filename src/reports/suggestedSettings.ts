/**
 * Settings fitted to the shop, as both edges ask for them: the stored data
 * prepared as for the reports (engine, exports, finality), the provisional
 * days left out, then the core's proposals. The CLI writes them as a rules
 * CSV (suggested-settings.csv); the Sheets edge as a proposal column.
 */
import type { IsoDate, LocalTime } from '../core/types';
import { finalOnly } from '../core/finalDays';
import { suggestSettings, type Suggestions } from '../core/suggestSettings';
import { t } from '../i18n';
import type { CsvTable } from './types';
import { prepareReportData, type ReportInput } from './data';

/**
 * @param now the moment of the run: it decides which days are still provisional
 * @param cutDay the first day of data read when older days were not (its inquiries may continue chats of the day before): it and the days before are left out
 */
export function fitSettings(input: ReportInput, now: LocalTime, cutDay: IsoDate | null = null): Suggestions {
  const data = prepareReportData(input, now);
  const final = finalOnly(data.agentDays, data.finality.provisional);
  return suggestSettings(cutDay === null ? final : final.filter((d) => d.date > cutDay), input.language);
}

/** suggested-settings.csv: the rules CSV's layout (setting, value, amount, note), the source of each row in its note. */
export function suggestionsCsv(suggestions: Suggestions, lang: ReportInput['language']): CsvTable {
  return {
    fileName: 'suggested-settings.csv',
    header: [t(lang, 'suggest.csv.setting'), t(lang, 'suggest.csv.value'), t(lang, 'suggest.csv.amount'), t(lang, 'suggest.csv.note')],
    rows: suggestions.proposals.map((p) => [p.setting, p.value, p.amount, p.source]),
  };
}
