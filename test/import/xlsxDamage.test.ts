import { describe, expect, it } from 'vitest';
import { importFile, readTables } from '../../src/import';
import { rowsXml, sheetXml, xlsxOf, type CellSpec } from './xlsxBuild';

const HEADER = ['日期', '旺旺', '咨询人数', '询单人数', '最终付款人数', '销售额'];
const AGENTS = ['小丸子', '乔巴', '小明', '小红', '美美', '阿杰', '大卫', '阿花', '小李', '老王', '阿强'];
const dataRow = (i: number): CellSpec[] => ['2026-11-03', AGENTS[i], 90 + i, 60 + i, 20 + i, 3600 + i];
const rows = (): CellSpec[][] => [HEADER, ...AGENTS.map((_, i) => dataRow(i))];

async function importSheet(sheet: string, strings: string[] = []) {
  const result = await importFile({ name: 'damaged.xlsx', bytes: xlsxOf({ 客服绩效: sheet }, strings) });
  expect(result.refused).toEqual([]);
  const [table] = result.tables;
  const accepted = table.agentDays.length;
  // Rows read = accepted + rejected + skipped, whatever the damage.
  expect(accepted + table.rejected.length + table.skipped.length).toBe(table.rowsRead + table.headerRow - 1);
  return { table, accepted, rejected: table.rejected };
}

/** The sheet with one cell of data row `row` (1-based data row) replaced by raw cell XML. */
function withCell(row: number, col: number, xml: string, dimension?: string): string {
  const grid = rows();
  grid[row][col] = { xml };
  return sheetXml(rowsXml(grid), dimension);
}

describe('a damaged XLSX cell costs its row, never the workbook', () => {
  it('an undamaged sheet reads every row', async () => {
    const { accepted, rejected } = await importSheet(sheetXml(rowsXml(rows()), 'A1:F12'));
    expect([accepted, rejected.length]).toEqual([11, 0]);
  });

  it.each([
    ['a reference far past column XFD', '<c r="ZZZZZZ4"><v>1</v></c>', 'not a cell'],
    ['a reference with a stray character', '<c r="C4x"><v>1</v></c>', 'not a cell'],
    ['a shared-string index out of range', '<c r="{ref}" t="s"><v>99</v></c>', 'text 99'],
    ['a boolean 2', '<c r="{ref}" t="b"><v>2</v></c>', '"2" is not a true/false value'],
    ['a number NaN', '<c r="{ref}"><v>NaN</v></c>', '"NaN" is not a number'],
    ['a number with a decimal comma', '<c r="{ref}"><v>1,5</v></c>', '"1,5" is not a number'],
    ['a style index out of range', '<c r="{ref}" s="77"><v>5</v></c>', 'format 77'],
    ['a date serial past 9999-12-31', '<c r="{ref}" s="1"><v>99999999</v></c>', 'outside the dates'],
    ['an unknown cell type', '<c r="{ref}" t="q"><v>5</v></c>', 'unknown type "q"'],
  ])('%s rejects that row alone, with the cell and the reason in words', async (_, xml, words) => {
    const { accepted, rejected } = await importSheet(withCell(3, 2, xml), ['x']);
    expect(accepted).toBe(10);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].row).toBe(4);
    expect(rejected[0].reason).toContain(words);
    expect(rejected[0].reason).not.toMatch(/undefined|TypeError|Cannot read/);
  });

  it('a damaged cell in a column the import does not use costs nothing', async () => {
    const grid = rows();
    grid[3].push({ xml: '<c r="G4" t="s"><v>99</v></c>' });
    const { accepted, rejected } = await importSheet(sheetXml(rowsXml(grid)));
    expect([accepted, rejected.length]).toEqual([11, 0]);
  });

  const renumbered = (row: number, to: number, dimension?: string) =>
    sheetXml(rowsXml(rows()).replace(`<row r="${row}">`, `<row r="${to}">`).replace(new RegExp(`r="([A-F])${row}"`, 'g'), `r="$1${to}"`), dimension);

  it('a row renumbered past the stated range is rejected alone, not read as thousands of blank rows', async () => {
    const { table, accepted, rejected } = await importSheet(renumbered(12, 500000, 'A1:F12'));
    expect(accepted).toBe(10);
    expect(rejected.map((r) => [r.row, r.reason])).toEqual([[500000, expect.stringContaining('outside the range the sheet states (A1:F12)')]]);
    expect(table.rowsRead).toBe(11);
  });

  it('a row renumbered past the last row a sheet can have (1048576) is rejected alone', async () => {
    const { table, accepted, rejected } = await importSheet(renumbered(7, 5000000));
    expect(accepted).toBe(10);
    expect(rejected.map((r) => r.reason)).toEqual([expect.stringContaining('"5000000" is not a row number')]);
    expect(table.rowsRead).toBe(11);
  });

  it('without a stated range, a far-off last row is read where it is and the gap costs nothing', async () => {
    const { table, accepted } = await importSheet(renumbered(12, 500000));
    expect(accepted).toBe(11);
    expect(table.rowsRead).toBe(11);
    expect(table.recordRows?.at(-1)).toBe(500000);
  });

  it('a row out of order in the middle costs that row only', async () => {
    const sheet = sheetXml(rowsXml(rows()).replace('<row r="5">', '<row r="400">').replace(/r="([A-F])5"/g, 'r="$1400"'));
    const { accepted, rejected } = await importSheet(sheet);
    expect(accepted).toBe(10);
    expect(rejected.map((r) => r.reason)).toEqual([expect.stringContaining('out of order')]);
  });

  it('a sheet without r= attributes is read in document order', async () => {
    const sheet = sheetXml(rowsXml(rows()).replace(/ r="[A-Z]*\d+"/g, ''));
    const { table, accepted } = await importSheet(sheet);
    expect(accepted).toBe(11);
    expect(table.agentDays.map((d) => d.agent)).toEqual(AGENTS);
  });

  it('blank rows a few apart are kept as blank rows, as a spreadsheet shows them', async () => {
    const grid = rowsXml(rows()).replace(/<row r="(\d+)">/g, (_, r) => `<row r="${+r * 2}">`).replace(/r="([A-F])(\d+)"/g, (_, c, r) => `r="${c}${+r * 2}"`);
    const [table] = await readTables({ name: 'gaps.xlsx', bytes: xlsxOf({ s: sheetXml(grid) }) });
    expect(table.rows).toHaveLength(24);
    expect(table.rows[1][1]).toBe('旺旺');
  });

  it('a sheet whose part is damaged is refused with a reason in words; the others are read', async () => {
    const good = sheetXml(rowsXml(rows()));
    const bytes = xlsxOf({ 好: good, 坏: good });
    // Damage the second sheet's compressed data: find its local header and overwrite bytes after it.
    const name = new TextEncoder().encode('xl/worksheets/sheet2.xml');
    let at = -1;
    for (let i = 0; i < bytes.length && at < 0; i++) if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && name.every((b, k) => bytes[i + 30 + k] === b)) at = i;
    for (let k = 0; k < 12; k++) bytes[at + 30 + name.length + 20 + k] ^= 0xff;
    const result = await importFile({ name: 'half.xlsx', bytes });
    expect(result.tables.map((t) => [t.sheet, t.agentDays.length])).toEqual([['好', 11]]);
    expect(result.refused.map((r) => [r.sheet, r.damaged])).toEqual([['坏', true]]);
    expect(result.refused[0].reason).toContain('could not be read');
  });
});
