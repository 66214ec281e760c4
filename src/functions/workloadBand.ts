import { thresholdsProblem, workloadBand, type Thresholds } from '../core/bands';
import { DEFAULT_WORKLOAD_THRESHOLDS } from '../core/rules';
import { parseNumber } from '../core/values';
import { parseLanguage, t, type Language } from '../i18n';
import { spreadsheetLanguage } from '../sheets/locale';
import { type CellArg, CallError, checkArity, flatten, isBlank, mapCells, nonNegativeNumber } from './cells';

const NAME = 'WORKLOAD_BAND';

function readThresholds(arg: CellArg | undefined): Thresholds {
  const cells = arg === undefined ? [] : flatten(arg).filter((c) => !isBlank(c));
  if (cells.length === 0) return DEFAULT_WORKLOAD_THRESHOLDS;
  const values = cells.map((c) => {
    const parsed = parseNumber(c);
    return parsed.ok && parsed.value !== null && typeof c !== 'boolean' ? parsed.value : NaN;
  });
  const problem = thresholdsProblem(values);
  if (problem) throw new CallError(NAME, `thresholds ${problem} (e.g. {60,80,100,120})`);
  return values as unknown as Thresholds;
}

function readLanguage(arg: CellArg | undefined): Language {
  if (arg === undefined || isBlank(arg as never)) return spreadsheetLanguage();
  const parsed = Array.isArray(arg) ? null : parseLanguage(String(arg));
  if (!parsed) throw new CallError(NAME, `language must be "en" or "zh", got ${JSON.stringify(arg)}`);
  return parsed;
}

/**
 * Workload band of one agent's daily inquiries: Idle (< 60), Normal (60–80), Busy (80–100), Strained (100–120), Add staff (> 120).
 * Takes a single value or a range; blank cells give blank results.
 *
 * @param {number|Array<Array<number>>} daily_inquiries Inquiries of one agent on one day (日询单人数), a number or a range.
 * @param {Array<Array<number>>} [thresholds] Optional: 4 ascending numbers replacing 60, 80, 100, 120, as a row or column.
 * @param {string} [language] Optional: "en" or "zh" (空闲/正常/偏满/吃力/需加人). Default: the spreadsheet's locale.
 * @return The band label for each cell.
 * @example =WORKLOAD_BAND(96)
 * @example =WORKLOAD_BAND(D2:D20, {50,70,90,110}, "zh")
 * @customfunction
 */
export function WORKLOAD_BAND(daily_inquiries: CellArg, thresholds?: CellArg, language?: CellArg) {
  checkArity(NAME, 'daily_inquiries, [thresholds], [language]', arguments.length, 1, 3);
  const limits = readThresholds(thresholds);
  const lang = readLanguage(language);
  return mapCells(NAME, lang, [{ name: 'daily_inquiries', value: daily_inquiries }], ([cell]) => {
    if (isBlank(cell)) return '';
    const band = workloadBand(nonNegativeNumber(lang, 'daily_inquiries', cell), limits);
    return t(lang, `band.${band}`);
  });
}
