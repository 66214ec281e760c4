/**
 * Legacy binary .xls (BIFF8) on a real file written by xlwt
 * (test/fixtures/formats/make_xls.py): a 拼多多 客服绩效 sheet, chats with a
 * merged agent cell, and enough strings to split the shared-string table.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { importFile, readTables } from '../../src/import';
import { rkValue, readXls } from '../../src/import/xls';
import { RECORD, records } from '../../src/import/xlsBiff';
import { isDateFormat, serialDateText } from '../../src/import/xlsCells';
import { FIXTURES, fixture } from './helpers';

const PDD = fixture('formats/pdd_kefu.xls');

function workbookStream(bytes: Uint8Array): Uint8Array {
  const entry = CFB.find(CFB.read(bytes, { type: 'array' }), 'Workbook')!;
  return Uint8Array.from(entry.content as ArrayLike<number>);
}

describe('BIFF8 .xls', () => {
  it('reads the 拼多多 客服绩效 sheet: text, numbers as String(n), a date cell as YYYY-MM-DD, the error cell as its code', () => {
    const [perf] = readXls(PDD.bytes);
    expect(perf.name).toBe('客服绩效');
    expect(perf.rows[0][0]).toBe('拼多多 客服绩效 2026-11-21');
    // The title is merged across the columns: it stays in its first cell only.
    expect(perf.rows[0].slice(1).every((cell) => cell === '')).toBe(true);
    expect(perf.rows[1]).toEqual(['序号', '客服账号', '客服服务分', '咨询人数', '询单人数', '最终成团人数', '询单转化率', '客服销售额', '去退销售额', '日期']);
    expect(perf.rows[2]).toEqual(['1', '拼多多旗舰店:小丸子', '4.86', '120', '96', '36', '0.375', '6132.5', '5900', '2026-11-21']);
    expect(perf.rows[4][6]).toBe('#DIV/0!');
    expect(perf.rows[5][0]).toBe('合计');
  });

  it('date-times, a built-in date format, a duration, booleans, and a merged agent cell filled down', () => {
    const chats = readXls(PDD.bytes)[1];
    expect(chats.rows).toEqual([
      ['客服', '买家', '咨询时间', '日期', '首次响应', '已回复'],
      ['小丸子', 'b1', '2026-11-21 09:05:07', '2026-11-21', '00:08:48', 'TRUE'],
      ['小丸子', 'b2', '2026-11-21 09:30:07', '2026-11-21', '00:08:48', 'TRUE'],
      ['小丸子', 'b3', '2026-11-21 09:59:07', '2026-11-21', '00:08:48', 'FALSE'],
    ]);
  });

  it('shared strings split over CONTINUE records read whole', () => {
    const stream = workbookStream(PDD.bytes);
    const types = [...records(stream, 0)].map((r) => r.type);
    const sst = types.indexOf(RECORD.SST);
    // The fixture really exercises the split: a CONTINUE follows the SST.
    expect(types[sst + 1]).toBe(RECORD.CONTINUE);
    const names = readXls(PDD.bytes)[2];
    expect(names.rows).toHaveLength(600);
    names.rows.forEach((row, i) => expect(row).toEqual([`客服${String(i).padStart(4, '0')}号·${i % 2 ? '售前' : '售后'}`, String(i * 1.5)]));
  });

  it('RK numbers: integers, ×100 and the high word of a double', () => {
    expect(rkValue((36 << 2) | 0x02)).toBe(36);
    expect(rkValue((-5 << 2) | 0x02)).toBe(-5);
    expect(rkValue((123 << 2) | 0x03)).toBe(1.23);
    expect(rkValue(0x3ff00000)).toBe(1);
    expect(rkValue(0x3ff00000 | 0x01)).toBe(0.01);
  });

  it('date formats: built-in ids and codes with y/m/d/h/s outside quotes and colours', () => {
    expect(isDateFormat(14, undefined)).toBe(true);
    expect(isDateFormat(0, 'General')).toBe(false);
    expect(isDateFormat(164, 'yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat(165, '0.00%')).toBe(false);
    expect(isDateFormat(166, '#,##0"件";[Red]-#,##0"件"')).toBe(false);
    expect(isDateFormat(167, '[h]:mm:ss')).toBe(true);
    expect(serialDateText(46347)).toBe('2026-11-21');
    expect(serialDateText(46347.5)).toBe('2026-11-21 12:00:00');
    expect(serialDateText(44885, true)).toBe('2026-11-21');
  });

  it('a damaged or non-Excel compound file is refused with a reason, not thrown', async () => {
    const cut = { name: 'cut.xls', bytes: PDD.bytes.slice(0, 4096) };
    const damaged = await importFile(cut);
    expect(damaged.tables).toEqual([]);
    expect(damaged.refused[0].reason).toMatch(/XLS file is damaged/);

    const doc = CFB.utils.cfb_new();
    CFB.utils.cfb_add(doc, 'WordDocument', new Uint8Array([1, 2, 3]));
    const word = await importFile({ name: 'notes.xls', bytes: new Uint8Array(CFB.write(doc, { type: 'array' }) as ArrayLike<number> as number[]) }, { language: 'zh' });
    expect(word.refused[0].reason).toContain('没有 Excel 工作簿');
  });

  it('imports the 客服绩效 sheet end to end: two agents, the #DIV/0! row rejected naming 询单转化率, title and total skipped', async () => {
    const result = await importFile({ name: '客服_销售数据.xlsx', bytes: PDD.bytes });
    const perf = result.tables.find((t) => t.sheet === '客服绩效')!;
    expect(perf).toMatchObject({ kind: 'agent_day', encoding: 'xls', headerRow: 2 });
    expect(perf.agentDays.map((d) => [d.agent, d.date, d.figures.inquiries, d.figures.paid, d.figures.sales])).toEqual([
      ['小丸子', '2026-11-21', 96, 36, 6132.5],
      ['乔巴', '2026-11-21', 70, 27, 4662],
    ]);
    expect(perf.rejected.map((r) => [r.row, r.column])).toEqual([[5, '询单转化率']]);
    expect(perf.rejected[0].reason).toBe("Excel error #DIV/0! in the cell: the export's own formula failed here; fix it in the source and export again.");
    expect(perf.skipped.map((s) => [s.row, s.why])).toEqual([[1, 'title'], [6, 'total']]);
    const chats = result.tables.find((t) => t.sheet === '聊天记录')!;
    expect(chats.consultations.map((c) => c.agent)).toEqual(['小丸子', '小丸子', '小丸子']);
  });

  it('reads only the sheet asked for', async () => {
    const tables = await readTables(PDD, { sheet: '聊天记录' });
    expect(tables.map((t) => t.sheet)).toEqual(['聊天记录']);
  });
});

describe('the CLI on a .xls', () => {
  it('reads the 拼多多 .xls (named .xlsx) and reports its agents and the rejected row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-xls-'));
    const input = join(dir, '客服_销售数据.xlsx');
    writeFileSync(input, readFileSync(join(FIXTURES, 'formats/pdd_kefu.xls')));
    const out: string[] = [];
    const code = await runCli(['--out', join(dir, 'out'), '--lang', 'en', input], (l) => out.push(l), (l) => out.push(l));
    expect(code).toBe(0);
    const daily = readFileSync(join(dir, 'out', 'daily.csv'), 'utf8');
    expect(daily).toContain('小丸子');
    expect(daily).toContain('乔巴');
    const errors = readFileSync(join(dir, 'out', 'import-errors.csv'), 'utf8');
    expect(errors).toContain('询单转化率');
    expect(errors).toContain('#DIV/0!');
  });
});
