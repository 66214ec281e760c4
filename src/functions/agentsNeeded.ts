import { agentsNeeded } from '../core/bands';
import { parseNumber } from '../core/values';
import { spreadsheetLanguage } from '../sheets/locale';
import { t } from '../i18n';
import { argName, type CellArg, CallError, CellError, checkArity, flatten, isBlank, mapCells, nonNegativeNumber } from './cells';

const NAME = 'AGENTS_NEEDED';

function readPerAgent(arg: CellArg | undefined): number {
  const cells = arg === undefined ? [] : flatten(arg);
  if (cells.length === 0 || (cells.length === 1 && isBlank(cells[0]))) return 100;
  const parsed = cells.length === 1 && typeof cells[0] !== 'boolean' ? parseNumber(cells[0]) : null;
  if (!parsed || !parsed.ok || parsed.value === null || parsed.value <= 0) {
    throw new CallError(NAME, `per_agent must be one positive number (default 100), got ${JSON.stringify(arg)}`);
  }
  return parsed.value;
}

/**
 * Agents needed for a day's total inquiries: ceil(total ÷ per_agent), per_agent 100 by default (the top of "Busy").
 * Takes a single value or a range; blank cells give blank results.
 *
 * @param {number|Array<Array<number>>} total_inquiries The team's inquiries for one day (询单总数), a number or a range.
 * @param {number} [per_agent] Optional: inquiries one agent can carry in a day. Default 100.
 * @return Whole agents needed for each cell.
 * @example =AGENTS_NEEDED(393)
 * @example =AGENTS_NEEDED(B2:B31, 80)
 * @customfunction
 */
export function AGENTS_NEEDED(total_inquiries: CellArg, per_agent?: CellArg) {
  checkArity(NAME, 'total_inquiries, [per_agent]', arguments.length, 1, 2);
  const perAgent = readPerAgent(per_agent);
  const lang = spreadsheetLanguage();
  return mapCells(NAME, lang, [{ name: 'total_inquiries', value: total_inquiries }], ([cell]) => {
    if (isBlank(cell)) return '';
    const total = nonNegativeNumber(lang, 'total_inquiries', cell);
    const needed = agentsNeeded(total, perAgent);
    // A huge total over a tiny per_agent overflows: no cell shows Infinity.
    if (!Number.isFinite(needed)) throw new CellError(t(lang, 'fn.error.tooLarge', { name: argName(lang, 'total_inquiries'), value: total }));
    return needed;
  });
}
