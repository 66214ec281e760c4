/**
 * A per-person table whose name column the synonyms do not know is read as
 * agents (when one column can be guessed as the names) or refused with its
 * rows named; never collapsed into one shop-day row.
 */
import { describe, expect, it } from 'vitest';
import { detectTable, importFile, recordsFromTable, type RawTable } from '../../src/import';
import { textFile } from './helpers';

const csv = (lines: string[]) => textFile('per_person.csv', lines.join('\n'));

/** rows read = accepted + rejected + skipped, for one table. */
function accounted(t: { rowsRead: number; agentDays: unknown[]; shopDays: unknown[]; rejected: unknown[]; skipped: unknown[] }) {
  return t.agentDays.length + t.shopDays.length + t.rejected.length + t.skipped.length === t.rowsRead;
}

describe('a per-person table with an unknown name column', () => {
  it('reads the guessable name column as the agent: one agent-day per person, none as shop figures', async () => {
    const file = csv(['日期,花名,回复率,答问比,上班天数', '2026-05-01,winnie,100%,1.50,1', '2026-05-01,liz,95%,1.20,1', '2026-05-01,dianna,98%,0.90,1', '合计,,97%,1.20,3']);
    const [table] = (await importFile(file, { language: 'en' })).tables;
    expect(table.kind).toBe('agent_day');
    expect(table.guessedAgentColumn).toBe('花名');
    expect(table.shopDays).toEqual([]);
    expect(table.agentDays.map((d) => d.agent)).toEqual(['winnie', 'liz', 'dianna']);
    expect(table.agentDays.map((d) => d.figures.daysWorked)).toEqual([1, 1, 1]);
    expect(table.agentDays[1].figures.responseRate).toBeCloseTo(0.95);
    expect(table.skipped.map((s) => s.why)).toEqual(['total']);
    expect(accounted(table)).toBe(true);
  });

  it('prefers a column whose header reads as a name over another text column', async () => {
    const file = csv(['日期,组别,人员,回复率,答问比', '2026-05-01,A组,winnie,100%,1.5', '2026-05-01,B组,liz,95%,1.2']);
    const [table] = (await importFile(file, { language: 'en' })).tables;
    expect(table.guessedAgentColumn).toBe('人员');
    expect(table.agentDays.map((d) => d.agent)).toEqual(['winnie', 'liz']);
  });

  it('refuses the table when no column can be the names, naming the file, the sheet and the rows; every row is counted', () => {
    // Only figures: 工号 numbers are no names, and no text column tells the people apart.
    const raw: RawTable = {
      file: 'kefu.xlsx',
      sheet: '客服绩效',
      encoding: 'xlsx',
      rows: [
        ['日期', '工号', '回复率', '答问比', '上班天数'],
        ['2026-05-01', '101', '1', '1.5', '1'],
        ['2026-05-01', '102', '0.95', '1.2', '1'],
        ['2026-05-01', '103', '0.98', '0.9', '1'],
        ['均值', '', '0.97', '1.2', '1'],
      ],
    };
    const outcome = detectTable(raw, { language: 'en' });
    if (!outcome.ok) throw new Error(outcome.reason);
    const table = recordsFromTable(raw, outcome.detection, { language: 'en' });
    expect(table.shopDays).toEqual([]);
    expect(table.agentDays).toEqual([]);
    expect(table.rejected.map((r) => r.row)).toEqual([2, 3, 4]);
    const reason = table.rejected[0].reason;
    expect(reason).toContain('kefu.xlsx [客服绩效], rows 2–4');
    expect(reason).toContain('refused');
    expect(table.skipped.map((s) => s.why)).toEqual(['total']);
    expect(accounted(table)).toBe(true);
  });

  it('refuses in Chinese too', async () => {
    const file = csv(['日期,回复率,答问比', '2026-05-01,100%,1.5', '2026-05-01,95%,1.2']);
    const [table] = (await importFile(file, { language: 'zh' })).tables;
    expect(table.shopDays).toEqual([]);
    expect(table.rejected).toHaveLength(2);
    expect(table.rejected[0].reason).toContain('per_person.csv 第 2–3 行');
  });

  it('refuses identical rows of one day when the table carries a per-person figure (days worked)', async () => {
    const file = csv(['日期,回复率,上班天数', '2026-05-01,100%,1', '2026-05-01,100%,1']);
    const [table] = (await importFile(file, { language: 'en' })).tables;
    expect(table.shopDays).toEqual([]);
    expect(table.rejected).toHaveLength(2);
  });
});

describe('shop pages stay shop pages', () => {
  it('one row per day is the shop', async () => {
    const file = csv(['日期,咨询人数,询单人数,旺旺回复率', '2026-05-01,120,40,99%', '2026-05-02,130,45,98%']);
    const [table] = (await importFile(file, { language: 'en' })).tables;
    expect(table.kind).toBe('shop_day');
    expect(table.shopDays).toHaveLength(2);
    expect(table.rejected).toEqual([]);
  });

  it('the shop row beside its peer rows (同行均值, 同行优秀) of the same day is the shop', async () => {
    const file = csv(['日期,类型,询单人数,询单最终付款转化率', '2026-05-01,本店,40,12%', '2026-05-01,同行均值,55,10%', '2026-05-01,同行优秀,80,20%']);
    const [table] = (await importFile(file, { language: 'en' })).tables;
    expect(table.kind).toBe('shop_day');
    expect(table.shopDays.map((d) => d.row)).toEqual(['shop', 'peer_average', 'peer_top']);
  });

  it('the same day exported twice with the same figures is a harmless duplicate of the shop row', async () => {
    const file = csv(['日期,咨询人数,询单人数', '2026-05-01,120,40', '2026-05-01,120,40']);
    const [table] = (await importFile(file, { language: 'en' })).tables;
    expect(table.kind).toBe('shop_day');
    expect(table.shopDays).toHaveLength(2);
  });
});

describe('name spellings of per-agent exports', () => {
  for (const name of ['客服子账号', '客服姓名', '账户名', '子账号名字']) {
    it(`${name} is the agent`, async () => {
      const file = csv([`日期,${name},回复率,E客服评价发送率`, '2026-05-01,winnie,100%,50%', '2026-05-01,liz,95%,40%']);
      const [table] = (await importFile(file, { language: 'en' })).tables;
      expect(table.kind).toBe('agent_day');
      expect(table.guessedAgentColumn).toBeUndefined();
      expect(table.mapping.agent).toBe(name);
      expect(table.agentDays.map((d) => d.figures.ratingInviteRate)).toEqual([0.5, 0.4]);
    });
  }
});
