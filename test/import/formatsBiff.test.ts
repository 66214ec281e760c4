/**
 * BIFF8 records that xlwt cannot write, built byte by byte: formula cells with
 * their cached results (a number, a string, an error, a boolean, a date),
 * MULRK runs, and the refusals of a password-protected or pre-97 workbook.
 */
import * as CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { importFile, readTables } from '../../src/import';
import { readXls } from '../../src/import/xls';

const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];
const f64 = (n: number) => [...new Uint8Array(new Float64Array([n]).buffer)];
const utf16 = (text: string) => [...text].flatMap((ch) => u16(ch.charCodeAt(0)));
const record = (type: number, body: number[]) => [...u16(type), ...u16(body.length), ...body];

const bof = (kind: number, version = 0x0600) => record(0x0809, [...u16(version), ...u16(kind), ...new Array(12).fill(0)]);
const eof = () => record(0x000a, []);
const xf = (formatId: number) => record(0x00e0, [...u16(0), ...u16(formatId), ...new Array(16).fill(0)]);
const cell = (row: number, col: number, xfIndex: number) => [...u16(row), ...u16(col), ...u16(xfIndex)];
/** A FORMULA record with its cached result and an empty formula (the reader never looks at the tokens). */
const formula = (row: number, col: number, xfIndex: number, result: number[]) => record(0x0006, [...cell(row, col, xfIndex), ...result, ...u16(0), ...u32(0), ...u16(0)]);
const special = (kind: number, value = 0) => [kind, 0, value, 0, 0, 0, 0xff, 0xff];
const rk = (n: number) => (n << 2) | 0x02;

/** A one-sheet workbook stream: globals (XF 0 General, XF 1 date format 14), then the sheet's records. */
function workbook(sheetRecords: number[][], opts: { version?: number; extraGlobals?: number[] } = {}): Uint8Array {
  const name = '客服绩效';
  const boundSheet = (offset: number) => record(0x0085, [...u32(offset), 0, 0, name.length, 1, ...utf16(name)]);
  const head = [...bof(0x0005, opts.version), ...(opts.extraGlobals ?? []), ...xf(0), ...xf(14)];
  const globalsLength = head.length + boundSheet(0).length + eof().length;
  const globals = [...head, ...boundSheet(globalsLength), ...eof()];
  const stream = new Uint8Array([...globals, ...bof(0x0010, opts.version), ...sheetRecords.flat(), ...eof()]);
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, 'Workbook', stream);
  return Uint8Array.from(CFB.write(container, { type: 'array' }) as ArrayLike<number>);
}

const label = (row: number, col: number, text: string) => record(0x0204, [...cell(row, col, 0), ...u16(text.length), 1, ...utf16(text)]);

describe('BIFF8 formula results and runs', () => {
  const bytes = workbook([
    label(0, 0, '客服账号'),
    label(0, 1, '询单人数'),
    label(0, 2, '询单转化率'),
    label(0, 3, '日期'),
    label(0, 4, '备注'),
    label(0, 5, '达标'),
    label(1, 0, '小丸子'),
    record(0x00bd, [...u16(1), ...u16(1), ...u16(0), ...u32(rk(96)), ...u16(1)]),
    formula(1, 2, 0, f64(0.375)),
    formula(1, 3, 1, f64(46347)),
    formula(1, 4, 0, special(0)),
    record(0x0207, [...u16(3), 1, ...utf16('已核对')]),
    formula(1, 5, 0, special(1, 1)),
    label(2, 0, '乔巴'),
    record(0x00bd, [...u16(2), ...u16(1), ...u16(0), ...u32(rk(0)), ...u16(1)]),
    formula(2, 2, 0, special(2, 0x07)),
    formula(2, 3, 1, f64(46347.5)),
    formula(2, 5, 0, special(1, 0)),
  ]);

  it('reads cached formula results: numbers, dates by the XF format, strings from STRING, errors and booleans', () => {
    const [sheet] = readXls(bytes);
    expect(sheet.name).toBe('客服绩效');
    expect(sheet.rows).toEqual([
      ['客服账号', '询单人数', '询单转化率', '日期', '备注', '达标'],
      ['小丸子', '96', '0.375', '2026-11-21', '已核对', 'TRUE'],
      ['乔巴', '0', '#DIV/0!', '2026-11-21 12:00:00', '', 'FALSE'],
    ]);
  });

  it('a MULRK run fills consecutive columns from its first', () => {
    const bytes2 = workbook([record(0x00bd, [...u16(0), ...u16(2), ...u16(0), ...u32(rk(3)), ...u16(0), ...u32(rk(4)), ...u16(0), ...u32(rk(5)), ...u16(4)])]);
    expect(readXls(bytes2)[0].rows).toEqual([['', '', '3', '4', '5']]);
  });

  it('the formula #DIV/0! in a rate column rejects the row, naming the column', async () => {
    const result = await importFile({ name: '客服_销售数据.xlsx', bytes });
    const [table] = result.tables;
    expect(table.agentDays.map((d) => [d.agent, d.figures.inquiries, d.figures.inquiryConversion])).toEqual([['小丸子', 96, 0.375]]);
    expect(table.rejected.map((r) => [r.row, r.column])).toEqual([[3, '询单转化率']]);
    expect(table.rejected[0].reason).toContain('#DIV/0!');
  });
});

describe('hostile cell addresses', () => {
  it('a cell past BIFF8\'s 256 columns is ignored; one far-off cell does not pad millions of blanks', async () => {
    const bytes = workbook([label(0, 0, '客服账号'), label(60000, 200, 'far'), label(1, 300, 'beyond')]);
    const [table] = await readTables({ name: 'far.xls', bytes });
    expect(table.rows).toHaveLength(60001);
    expect(table.rows[60000][200]).toBe('far');
    expect(table.rows[1]).toEqual([]);
    expect(table.rows.reduce((n, r) => n + r.length, 0)).toBeLessThan(1000);
  });
});

describe('workbooks that cannot be read are refused with a reason in the user language', () => {
  it('a password-protected .xls', async () => {
    const bytes = workbook([], { extraGlobals: record(0x002f, [0, 0]) });
    const result = await importFile({ name: 'locked.xls', bytes }, { language: 'zh' });
    expect(result.tables).toEqual([]);
    expect(result.refused[0].reason).toBe('该 .xls 文件设置了密码：请在 Excel 中打开，去掉密码后重新保存。');
  });

  it('a BIFF5 (Excel 95) workbook', async () => {
    const bytes = workbook([], { version: 0x0500 });
    const result = await importFile({ name: 'old.xls', bytes });
    expect(result.refused[0].reason).toBe('This .xls is older than Excel 97 (BIFF5 or earlier): open it in Excel and save it as .xlsx.');
  });
});
