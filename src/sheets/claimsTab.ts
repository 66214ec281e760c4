/**
 * Claims typed by the supervisor into the Unattributed tab's *Claimed by*
 * column (issue 10.7). The tab is rebuilt on every report run, so before each
 * run its claims are read back (one getValues) and handed to the reports,
 * which write them again: the tab itself keeps them, in either language.
 */
import type { Claim } from '../core/types';
import { t } from '../i18n';
import { readText } from './cells';
import { findTab, sheetTimeZone } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The header row sits under the title and a hint line; a few rows of slack allow for a hand-inserted row. */
const HEADER_SEARCH_ROWS = 6;

export function readClaimsFromTab(ss: Spreadsheet): Claim[] {
  const sheet = findTab(ss, 'tab.unattributed');
  if (!sheet || sheet.getLastRow() < 2) return [];
  const values = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
  const tz = sheetTimeZone(ss);
  const text = (v: unknown) => readText(v, tz).replace(/^'/, '');
  const headers = (key: 'col.orderId' | 'col.claimedBy') => [t('en', key), t('zh', key)];
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, values.length); r++) {
    const row = values[r].map(text);
    const idCol = row.findIndex((c) => headers('col.orderId').includes(c));
    const claimCol = row.findIndex((c) => headers('col.claimedBy').includes(c));
    if (idCol < 0 || claimCol < 0) continue;
    const claims: Claim[] = [];
    for (const cells of values.slice(r + 1)) {
      const orderId = text(cells[idCol]);
      const agentId = text(cells[claimCol]);
      if (orderId !== '' && agentId !== '') claims.push({ orderId, agentId });
    }
    return claims;
  }
  return [];
}
