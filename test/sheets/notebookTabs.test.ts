/** The log tabs in the spreadsheet: created with validation, read like the CLI's files, the schedule generated over hand edits, rewards paid once. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importChunk } from '../../src/sheets/importServer';
import { loadWorkbookData } from '../../src/sheets/storage';
import { writeSchedule } from '../../src/sheets/scheduleMenu';
import { writeReports } from '../../src/sheets/reportsMenu';
import { agentDay, chunk, installFake } from './helpers';
import { TEST_NOW } from '../support/now';
import { readText } from '../../src/sheets/cells';

afterEach(() => vi.unstubAllGlobals());

const settingsRows = (fake: ReturnType<typeof installFake>, rows: string[][]) => {
  const sheet = fake.ss.getSheetByName(fake.spreadsheet.locale.startsWith('zh') ? '设置' : 'Settings')!;
  // The supervisor adds rows under the defaults (the tab's grid holds only what was written).
  sheet.insertRowsAfter(sheet.getMaxRows(), rows.length);
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, 3).setValues(rows);
};

describe('log tabs', () => {
  it('are created on first use with their header and a date check and drop-downs, in the spreadsheet language', () => {
    const fake = installFake({ locale: 'zh_CN' });
    loadWorkbookData(fake.ss);
    const problems = fake.spreadsheet.raw('问题登记')!;
    expect(problems.grid()[0]).toEqual(['日期', '班次', '客服', '买家/订单', '类型', '内容', '紧急程度', '状态', '处理人', '主管确认']);
    const rules = Object.fromEntries(problems.validations.map((v) => [v.a1.replace(/\d+/g, ''), v.rule]));
    expect(rules['A:A']).toMatchObject({ kind: 'date', allowInvalid: false });
    expect(rules['B:B'].values).toEqual(['白班', '夜班']);
    expect(rules['H:H'].values).toEqual(['待处理', '已处理', '建议已采纳', '链接错误属实', '不采纳']);
    expect(rules['J:J'].values).toEqual(['是', '否']);
    for (const name of ['排班表', '交接记录', '辅导记录']) expect(fake.spreadsheet.raw(name)).toBeDefined();
  });

  it('entries typed in Chinese are read as the CLI reads its files; a bad row is an error naming the tab, row and column', () => {
    const fake = installFake({ locale: 'zh_CN' });
    loadWorkbookData(fake.ss);
    fake.ss.getSheetByName('交接记录')!.getRange(2, 1, 2, 8).setValues([
      ['2026-11-14', '夜班', '小红', 'tb_1', '改地址', '紧急', '待处理', ''],
      ['2026-11-14', '夜班', '小红', 'tb_2', '报价', '很急', '待处理', ''],
    ]);
    const data = loadWorkbookData(fake.ss);
    expect(data.handovers).toEqual([expect.objectContaining({ date: '2026-11-14', shift: 'night', agent: '小红', urgency: 'urgent', status: 'open' })]);
    expect(data.rejections).toEqual([expect.objectContaining({ file: '交接记录', row: 3, column: '紧急程度' })]);
  });

  it('Generate schedule writes the rotation for two months and keeps a shift typed over it', () => {
    const fake = installFake();
    loadWorkbookData(fake.ss);
    settingsRows(fake, [['rotation_agents', 'J;M', ''], ['rotation_start', '2026-11-02', ''], ['rotation_period', 'week', ''], ['rotation_pattern', 'night;day', '']]);
    expect(writeSchedule(fake.ss, '2026-11-20')).toEqual({ rows: 2 * 60, exceptions: 0 });
    const sheet = fake.ss.getSheetByName('Schedule')!;
    const grid = () => fake.spreadsheet.raw('Schedule')!.grid();
    // Sheets reads a written date back as a Date, as the fake does.
    const at = (date: string, agent: string) => grid().findIndex((r) => readText(r[0], 'Asia/Shanghai') === date && r[1] === agent);
    expect(grid()[at('2026-11-09', 'J')].slice(2, 4)).toEqual(['day', 'day']);
    sheet.getRange(at('2026-11-09', 'J') + 1, 3).setValue('night');
    expect(writeSchedule(fake.ss, '2026-11-25')).toEqual({ rows: 2 * 60, exceptions: 1 });
    expect(grid()[at('2026-11-09', 'J')].slice(2, 4)).toEqual(['night', 'day']);
    expect(grid()[at('2026-12-31', 'M')].slice(2, 4)).toEqual(['day', 'day']); // turn 8, as the first
  });

  it('a confirmed suggestion in the problem log pays its reward once, however often the reports are built, and the Events tab stays as it was', () => {
    const fake = installFake();
    importChunk(JSON.stringify(chunk({ agentDays: [agentDay('2026-11-10', 'Alice')] })));
    loadWorkbookData(fake.ss);
    // The import added Alice as unknown: the roster vouches for her with an agent ID.
    const roster = fake.ss.getSheetByName('Roster')!;
    roster.getRange(2, 1, 1, 6).setValues([['Alice', '101', 'day', 3000, 'yes', '']]);
    fake.ss.getSheetByName('Problem log')!.getRange(2, 1, 1, 10).setValues([['2026-11-10', 'day', 'Alice', '', 'suggestion', 'size chart in quick replies', 'normal', 'suggestion_adopted', 'supervisor', 'yes']]);
    for (let build = 0; build < 2; build++) writeReports(fake.ss, null, { now: TEST_NOW, date: '2026-11-10' });
    const payroll = fake.spreadsheet.raw('Payroll')!.grid();
    const header = payroll.findIndex((r) => r[0] === 'Agent');
    const alice = payroll.find((r, i) => i > header && r[0] === 'Alice')!;
    expect(alice[payroll[header].indexOf('Rewards')]).toBe(50);
    expect(payroll.filter((r) => r[1] === 'Reward')).toHaveLength(1);
    expect(fake.spreadsheet.raw('Events')!.getLastRow()).toBe(1);
    // The report tabs never overwrite the supervisor's Schedule tab.
    expect(fake.spreadsheet.raw('Schedule')!.grid()[0]).toEqual(['date', 'agent', 'shift', 'rotation', 'note']);
  });
});
