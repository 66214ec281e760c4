/**
 * How full the spreadsheet is: its grid cells of the 10 M Sheets allows, and
 * how many more days fit at the rate it grows. Before any day is rolled up
 * the rate is the data tabs' cells per stored day; once days are rolled up
 * the raw days stay at the retention and the grid grows by the roll-up's
 * cells per rolled-up day.
 */
import type { StoreCapacity } from '../reports';
import { readText } from './cells';
import { DATA_TABS, readDayIndex, type DayIndex } from './dayIndex';
import { BOUNDARY_TAB, ROLLUP_TAB } from './rollUpTabs';
import { findTab, gridCellsInUse, MAX_GRID_CELLS, sheetTimeZone } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const cellsOf = (ss: Spreadsheet, key: Parameters<typeof findTab>[1]) => {
  const tab = findTab(ss, key);
  return tab ? tab.getMaxRows() * tab.getMaxColumns() : 0;
};

/** @param index the day index, when the caller has it read */
export function gridCapacity(ss: Spreadsheet, index: DayIndex = readDayIndex(ss)): StoreCapacity {
  const used = gridCellsInUse(ss);
  const days = [...index.days.keys()];
  const boundary = findTab(ss, BOUNDARY_TAB);
  const firstRaw = boundary && boundary.getLastRow() >= 2 ? readText(boundary.getRange(2, 1).getValue(), sheetTimeZone(ss)) : '';
  const rolled = firstRaw ? days.filter((d) => d < firstRaw).length : 0;
  const perDay = rolled > 0 ? cellsOf(ss, ROLLUP_TAB) / rolled : days.length > 0 ? DATA_TABS.reduce((n, key) => n + cellsOf(ss, key), 0) / days.length : 0;
  return { used, limit: MAX_GRID_CELLS, daysLeft: perDay > 0 ? Math.max(0, Math.floor((MAX_GRID_CELLS - used) / perDay)) : null };
}
