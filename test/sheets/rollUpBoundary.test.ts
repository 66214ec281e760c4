/**
 * The hidden roll-up boundary tab is rewritten with each rolled-up day; its
 * grid holds its rows and columns only, whether the anchors grow or shrink
 * (Sheets counts empty grid cells against the 10 M limit).
 */
import { describe, expect, it } from 'vitest';
import { finishImport, importChunk, rollUpOldDays } from '../../src/sheets/importServer';
import { importSupervisorTable } from '../../src/sheets/supervisorImport';
import { ensureSettingsTab } from '../../src/sheets/storage';
import { dayOf } from '../../src/core/dates';
import { BOUNDARY_HEADER } from '../../src/sheets/rollUpTabs';
import { rollupShop, rollupShopDays } from '../support/rollupShop';
import { importDays, importRoster, setSetting } from '../support/rollupSheets';
import { fixedClockEachTest } from '../support/fixedClock';
import { installFake } from './helpers';

fixedClockEachTest();

const BOUNDARY = 'CS Daily: roll-up boundary';

describe('the roll-up boundary tab', () => {
  it('keeps a grid of exactly its rows and columns as each day moves it, fewer anchors or more', () => {
    const fake = installFake();
    ensureSettingsTab(SpreadsheetApp.getActiveSpreadsheet());
    setSetting(fake, 'retention_days', 0);
    const shop = rollupShop();
    const days = rollupShopDays().slice(0, 8);
    const server = { importChunk, finishImport, importSupervisorTable };
    importRoster(server, shop);
    // Every other day with chats of one agent only: the anchors the boundary keeps go down and up again.
    importDays(server, { ...shop, consultations: shop.consultations.filter((c) => c.agent !== 'Zoro' || Number(dayOf(c.start).slice(8)) % 2 === 0) }, days);
    setSetting(fake, 'retention_days', 2);

    const sizes: { anchors: number; maxRows: number; maxColumns: number }[] = [];
    for (let i = 0; i < 6 && rollUpOldDays() !== 'null'; i++) {
      const sheet = fake.spreadsheet.raw(BOUNDARY)!;
      sizes.push({ anchors: sheet.getLastRow() - 2, maxRows: sheet.getMaxRows(), maxColumns: sheet.getMaxColumns() });
    }
    expect(sizes.length, 'days rolled up').toBeGreaterThanOrEqual(4);
    for (const s of sizes) expect({ maxRows: s.maxRows, maxColumns: s.maxColumns }).toEqual({ maxRows: s.anchors + 2, maxColumns: BOUNDARY_HEADER.length });
    const shrank = sizes.some((s, i) => i > 0 && s.anchors < sizes[i - 1].anchors);
    expect(shrank, `anchors by day: ${sizes.map((s) => s.anchors).join(', ')}`).toBe(true);
  });
});
