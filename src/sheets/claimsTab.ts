/**
 * Claims typed by the supervisor into the Unattributed tab's *Claimed by*
 * column (issue 10.7). The tab is rebuilt on every report run, so before each
 * run its claims are read back (the header rows, then the two columns) and handed to the reports,
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
  const last = sheet ? sheet.getLastRow() : 0;
  if (!sheet || last < 2) return [];
  const tz = sheetTimeZone(ss);
  const text = (v: unknown) => readText(v, tz).replace(/^'/, '');
  const headers = (key: 'col.orderId' | 'col.claimedBy') => [t('en', key), t('zh', key)];
  // The header rows first, then only the two columns: the tab lists every open order, and only two of its columns hold claims.
  const top = sheet.getRange(1, 1, Math.min(HEADER_SEARCH_ROWS, last), sheet.getLastColumn()).getValues();
  for (let r = 0; r < top.length; r++) {
    const row = top[r].map(text);
    const idCol = row.findIndex((c) => headers('col.orderId').includes(c));
    const claimCol = row.findIndex((c) => headers('col.claimedBy').includes(c));
    if (idCol < 0 || claimCol < 0 || r + 2 > last) continue;
    const column = (c: number) => sheet.getRange(r + 2, c + 1, last - r - 1, 1).getValues();
    const ids = column(idCol);
    const agents = column(claimCol);
    const claims: Claim[] = [];
    ids.forEach(([id], i) => {
      const orderId = text(id);
      const agentId = text(agents[i][0]);
      if (orderId !== '' && agentId !== '') claims.push({ orderId, agentId });
    });
    return claims;
  }
  return [];
}
