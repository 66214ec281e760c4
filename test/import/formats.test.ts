/**
 * Formats told by their bytes, not their names: a .xlsx that is an old .xls,
 * a .xls that is a web page or Excel 2003 XML, a .xlsx that is GBK text.
 */
import { describe, expect, it } from 'vitest';
import { detectFormat, isCompoundFile } from '../../src/import/formats';
import { decodeEntities, htmlTables } from '../../src/import/htmlTables';
import { importFile, readTables } from '../../src/import';
import { encodedFile, fixture, textFile } from './helpers';

const PDD_XLS = 'formats/pdd_kefu.xls';

/** A 千牛-style "xls" download: an HTML page holding the table, in GBK with a meta charset. */
const QIANNIU_PAGE = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><style>td { mso-number-format:"\\@"; }</style>
<script>document.title = '<table><tr><td>not data</td></tr></table>';</script></head>
<body><!-- <table><tr><td>a comment</td></tr></table> -->
<table border="1">
<tr><td colspan="4">客服绩效 2026-11-21</td></tr>
<tr><th>客服昵称</th><th>询单人数</th><th>最终付款人数</th><th>销售额</th></tr>
<tr><td>店铺1:小丸子</td><td>87</td><td>32</td><td>6,132.50</td></tr>
<tr><td>乔巴&nbsp;</td><td>70</td><td>27</td><td>4662</td></tr>
<tr><td>A&amp;B &#x4E54;</td><td>#N/A</td><td>1</td><td>10</td></tr>
</table></body></html>`;

const SPREADSHEET_XML = `<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="客服数据">
  <Table>
   <Row><Cell><Data ss:Type="String">客服昵称</Data></Cell><Cell><Data ss:Type="String">日期</Data></Cell><Cell><Data ss:Type="String">询单人数</Data></Cell><Cell><Data ss:Type="String">最终付款人数</Data></Cell></Row>
   <Row><Cell ss:MergeDown="1"><Data ss:Type="String">小丸子</Data></Cell><Cell><Data ss:Type="DateTime">2026-11-21T00:00:00.000</Data></Cell><Cell><Data ss:Type="Number">87</Data></Cell><Cell><Data ss:Type="Number">32</Data></Cell></Row>
   <Row><Cell ss:Index="2"><Data ss:Type="DateTime">2026-11-22T09:05:07.000</Data></Cell><Cell><Data ss:Type="Number">60</Data></Cell><Cell><Data ss:Type="Error">#DIV/0!</Data></Cell></Row>
  </Table>
 </Worksheet>
</Workbook>`;

describe('format by the bytes', () => {
  it('tells zip, compound file, Excel XML, HTML and text apart whatever the name', () => {
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('xlsx');
    expect(detectFormat(fixture(PDD_XLS).bytes)).toBe('xls');
    expect(detectFormat(textFile('a.xls', SPREADSHEET_XML).bytes)).toBe('xml');
    expect(detectFormat(encodedFile('a.xls', QIANNIU_PAGE, 'gbk').bytes)).toBe('html');
    expect(detectFormat(encodedFile('a.xls', `  <table><tr><td>x</td></tr></table>`, 'utf16le', true).bytes)).toBe('html');
    expect(detectFormat(textFile('a.xlsx', '客服昵称,备注\n小丸子,<table> in a note\n').bytes)).toBe('text');
    expect(isCompoundFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a]))).toBe(false);
  });

  it('an old binary .xls named .xlsx (拼多多 客服_销售数据) is read as .xls', async () => {
    const tables = await readTables({ name: '客服_销售数据.xlsx', bytes: fixture(PDD_XLS).bytes });
    expect(tables.map((t) => [t.sheet, t.encoding])).toEqual([['客服绩效', 'xls'], ['聊天记录', 'xls'], ['名单', 'xls']]);
    expect(tables[0].rows[1].slice(0, 3)).toEqual(['序号', '客服账号', '客服服务分']);
  });

  it('a .xlsx that is GBK CSV is decoded as text', async () => {
    const file = encodedFile('客服数据.xlsx', '客服昵称,询单人数,最终付款人数\n小丸子,87,32\n', 'gbk');
    const [table] = await readTables(file);
    expect(table.encoding).toBe('gb18030');
    expect(table.rows[1]).toEqual(['小丸子', '87', '32']);
    const result = await importFile(file, { date: '2026-11-21' });
    expect(result.tables[0].agentDays.map((d) => [d.agent, d.figures.inquiries])).toEqual([['小丸子', 87]]);
  });
});

describe('HTML saved as .xls (千牛, 京东)', () => {
  it('reads the table as text cells: entities decoded, scripts, styles and comments ignored', async () => {
    const tables = await readTables(encodedFile('客服绩效.xls', QIANNIU_PAGE, 'gbk'));
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ sheet: null, encoding: 'html' });
    expect(tables[0].rows).toEqual([
      ['客服绩效 2026-11-21', '', '', ''],
      ['客服昵称', '询单人数', '最终付款人数', '销售额'],
      ['店铺1:小丸子', '87', '32', '6,132.50'],
      ['乔巴', '70', '27', '4662'],
      ['A&B 乔', '#N/A', '1', '10'],
    ]);
  });

  it('imports it like any export: the title gives the day, an error cell rejects its row naming the column', async () => {
    const result = await importFile(encodedFile('客服绩效.xls', QIANNIU_PAGE, 'gbk'));
    const [table] = result.tables;
    expect(table.date).toBe('2026-11-21');
    expect(table.agentDays.map((d) => [d.agent, d.figures.inquiries, d.figures.sales])).toEqual([['小丸子', 87, 6132.5], ['乔巴', 70, 4662]]);
    expect(table.rejected).toHaveLength(1);
    expect(table.rejected[0]).toMatchObject({ row: 5, column: '询单人数' });
    expect(table.rejected[0].reason).toContain('#N/A');
  });

  it('rowspan fills the rows below; colspan keeps the columns in place', () => {
    const [rows] = htmlTables('<table><tr><td rowspan=3>小丸子</td><td>b1</td><td>1</td></tr><tr><td>b2</td><td>2</td></tr><tr><td colspan="2">b3</td></tr></table>');
    expect(rows).toEqual([
      ['小丸子', 'b1', '1'],
      ['小丸子', 'b2', '2'],
      ['小丸子', 'b3', ''],
    ]);
  });

  it('several tables are told apart by their order; layout tables with no text are left out', async () => {
    const page = '<html><body><table><tr><td></td></tr></table><table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table></body></html>';
    const tables = await readTables(textFile('two.xls', page));
    expect(tables.map((t) => [t.sheet, t.rows])).toEqual([['#1', [['a']]], ['#2', [['b']]]]);
  });

  it('a page without a table is refused with a reason, never silently empty', async () => {
    const result = await importFile(textFile('empty.xls', '<html><body><p>登录已过期</p></body></html>'));
    expect(result.tables).toEqual([]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0].reason).toContain('no table');
  });

  it('decodes numeric and named entities, leaves unknown ones as written', () => {
    expect(decodeEntities('&lt;b&gt; &#20320;&#x597D; &yen;5 &bogus;')).toBe('<b> 你好 ¥5 &bogus;');
  });
});

describe('Excel 2003 XML saved as .xls', () => {
  it('reads each worksheet: ss:Index skips, MergeDown fills down, DateTime as date text, errors as their code', async () => {
    const tables = await readTables(textFile('客服数据.xls', SPREADSHEET_XML));
    expect(tables.map((t) => [t.sheet, t.encoding])).toEqual([['客服数据', 'xml']]);
    expect(tables[0].rows).toEqual([
      ['客服昵称', '日期', '询单人数', '最终付款人数'],
      ['小丸子', '2026-11-21', '87', '32'],
      ['小丸子', '2026-11-22 09:05:07', '60', '#DIV/0!'],
    ]);
  });
});
