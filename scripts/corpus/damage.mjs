/**
 * Corpus cases: damaged bytes — quotes, field counts, line ends, byte-order
 * marks, cut-off and empty files, and files whose name lies about their format.
 */
import {
  AGENT_DAY_HEADER, CONSULT_HEADER, DAY, ORDER_HEADER, agentDay, args, consultation, counts, csv, entry, fixedZip, gbk, lines, order, range, table, utf16be, utf16le, utf8,
} from './build.mjs';

const consultations = (n) => [CONSULT_HEADER, ...range(n).map((i) => consultation(i))];
const orders = (n) => [ORDER_HEADER, ...range(n).map((i) => order(i))];
const orderLine = (i, over) => csv([order(i, over)]).trimEnd();
const nothing = counts(0, 0);
const ok = (file, runCounts) => ({ args: args(file), exit: 0, counts: runCounts, messages: [] });
const refusedRun = (file, ...messages) => ({ args: args(file), exit: 2, counts: nothing, messages: [...messages, 'Nothing could be imported'] });

/** A deterministic stream of bytes (an LCG), so the binary file is the same on every run. */
function noise(length, seed = 7) {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out[i] = x >> 16;
  }
  return out;
}

const clean = (file, covers, bytes, kind, n) => entry({ file, covers, bytes, tables: [table(kind, n, n)], cli: { args: args(file), exit: 0, counts: counts(n, n), messages: [] } });

export const CASES = [
  () => clean('base_consultations.csv', 'a clean 聊天记录 export, UTF-8 with BOM (the base other cases run beside)', utf8(csv(consultations(12)), true), 'consultations', 12),
  () => clean('base_orders_gbk.csv', 'a clean 订单列表 export in GBK', gbk(csv(orders(10))), 'orders', 10),

  () => {
    const rows = range(20).map((i) => (i === 9 ? orderLine(i, { remark: 'REMARK' }).replace('REMARK', '"客服101 已核对') : orderLine(i)));
    return entry({
      file: 'orders_unclosed_quote.csv', covers: 'an unclosed quote in the middle of the file (line 11)', bytes: utf8(lines([ORDER_HEADER.join(','), ...rows])),
      tables: [table('orders', 20, 19, 1)], messages: ['Line 11', 'never closed'],
      cli: { args: args('orders_unclosed_quote.csv'), exit: 0, counts: counts(20, 19, 0, 1), messages: [] },
    });
  },
  () => {
    const rows = range(20).map((i) => orderLine(i, { remark: 'REMARK' }).replace('REMARK', `"备注${i}`));
    return entry({
      file: 'orders_quotes_broken_everywhere.csv', covers: 'a quote opened and never closed on every line', bytes: utf8(lines([ORDER_HEADER.join(','), ...rows])),
      refused: ['quotes (") of this file are broken'], cli: refusedRun('orders_quotes_broken_everywhere.csv', 'broken on'),
    });
  },
  () => {
    const rows = range(15).map((i) => (i === 4 ? orderLine(i).replace(',99.00,', ',1,234.50,') : orderLine(i)));
    return entry({
      file: 'orders_too_many_fields.csv', covers: 'an unquoted thousands comma (1,234.50) gives one line 11 cells', bytes: utf8(lines([ORDER_HEADER.join(','), ...rows])),
      tables: [table('orders', 15, 14, 1)], messages: ['Line 6 has 11 cells where the table has 10'],
      cli: { args: args('orders_too_many_fields.csv'), exit: 0, counts: counts(15, 14, 0, 1), messages: [] },
    });
  },
  () => {
    // Line 5 stops after the payment time (a paid order without its amount); line 9 leaves out only the empty trailing remark and flag.
    const rows = range(15).map((i) => (i === 3 ? order(i).slice(0, 4).join(',') : i === 7 ? order(i).slice(0, 8).join(',') : orderLine(i)));
    return entry({
      file: 'orders_too_few_fields.csv', covers: 'too few fields mid-file: a paid order cut before its amount (rejected), one without the empty trailing columns (kept)',
      bytes: utf8(lines([ORDER_HEADER.join(','), ...rows])), tables: [table('orders', 15, 14, 1)], messages: ['实付金额'],
      cli: { args: args('orders_too_few_fields.csv'), exit: 0, counts: counts(15, 14, 0, 1), messages: [] },
    });
  },
  () => clean('consultations_cr_only.csv', 'old-Mac line ends (CR only)', utf8(csv(consultations(12), { eol: '\r' })), 'consultations', 12),
  () => {
    const text = consultations(12).map((r, i) => csv([r], { final: false }) + ['\r\n', '\n', '\r'][i % 3]).join('');
    return clean('consultations_mixed_eol.csv', 'CRLF, LF and CR line ends mixed in one file', utf8(text), 'consultations', 12);
  },
  () => clean('consultations_bom_twice.csv', 'a UTF-8 BOM written twice (a tool that adds one to text that had one)', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(csv(consultations(12)), true)]), 'consultations', 12),
  () => clean('consultations_utf16le.txt', 'UTF-16 LE with BOM, tab-separated (千牛 chat-record download)', utf16le(csv(consultations(12), { delimiter: '\t', eol: '\r\n' })), 'consultations', 12),
  () => clean('consultations_utf16be.csv', 'UTF-16 BE with BOM, comma-separated', utf16be(csv(consultations(12))), 'consultations', 12),
  () => clean('consultations_utf16le_nobom.csv', 'UTF-16 LE without a BOM', utf16le(csv(consultations(12)), false), 'consultations', 12),
  () => entry({
    file: 'orders_cat_with_boms.csv', covers: 'two UTF-8 exports joined with cat: the second BOM and header in the middle of the file',
    bytes: Buffer.concat([utf8(csv(orders(5)), true), utf8(csv([ORDER_HEADER, ...range(5).map((i) => order(i + 5))]), true)]),
    tables: [table('orders', 11, 10, 0, 1)], cli: ok('orders_cat_with_boms.csv', counts(11, 10, 0, 0, 1)),
  }),
  () => clean('orders_gb18030_bom.csv', 'GB18030 with its own BOM (84 31 95 33)', Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), gbk(csv(orders(10)))]), 'orders', 10),
  () => {
    // The 12th order stops inside its amount (169.00 → 1), with no line break after it.
    const cut = csv(orders(11)) + [...order(11).slice(0, 4), '1'].join(',');
    return entry({
      file: 'orders_truncated.csv', covers: 'a download cut off mid-row (last line has 5 of 10 cells, no line break)', bytes: utf8(cut),
      tables: [table('orders', 12, 11, 1)], messages: ['Line 13, the last of the file', 'looks cut off'],
      cli: { args: args('orders_truncated.csv'), exit: 0, counts: counts(12, 11, 0, 1), messages: [] },
    });
  },
  ...[['utf8', utf8], ['gbk', gbk], ['utf16le', utf16le]].map(([name, encode]) => () => {
    // The download stops inside the last character of the file (售前 → 售 and part of 前).
    const whole = encode(csv(consultations(8), { final: false }));
    const file = `consultations_${name}_cut_mid_char.csv`;
    return entry({
      file, covers: `a ${name} download cut inside its last character (half of 前 in 售前, no line break)`, bytes: whole.subarray(0, whole.length - 1),
      tables: [table('consultations', 8, 7, 1)], cli: { args: args(file), exit: 0, counts: counts(8, 7, 0, 1), messages: [] },
    });
  }),
  () => entry({ file: 'empty.csv', covers: 'an empty file (0 bytes)', bytes: Buffer.alloc(0), refused: ['empty'], cli: refusedRun('empty.csv', 'empty.csv') }),
  () => entry({
    file: 'orders_header_only.csv', covers: 'a header and no rows (an export of a day without orders)', bytes: gbk(csv([ORDER_HEADER])),
    tables: [table('orders', 0, 0)], cli: refusedRun('orders_header_only.csv', 'orders_header_only.csv'),
  }),
  () => entry({
    file: 'binary_named.csv', covers: 'a PNG image named .csv', bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(4096)]),
    refused: ['neither text (CSV, TXT) nor a spreadsheet'], cli: { ...refusedRun('binary_named.csv', 'neither text (CSV, TXT) nor a spreadsheet'), absent: ['Headers seen'] },
  }),
  async ({ JSZip }) => {
    const zip = new JSZip();
    zip.file('readme.txt', '这是一个压缩包，不是表格。');
    zip.file('orders.csv', csv(orders(3)));
    const bytes = await fixedZip(await zip.generateAsync({ type: 'nodebuffer' }));
    return entry({ file: 'zip_not_xlsx.xlsx', covers: 'a zip of loose files named .xlsx (no workbook inside)', bytes, refused: ['could not be read'], cli: refusedRun('zip_not_xlsx.xlsx', 'could not be read') });
  },
  ({ fixture }) => entry({
    file: 'pdd_kefu_xls_named.xlsx', covers: '拼多多 客服绩效 download: an old binary .xls named .xlsx (test/fixtures/formats/pdd_kefu.xls; #DIV/0! cell, merged agent cell, 合计)',
    bytes: fixture('formats/pdd_kefu.xls'),
    tables: [table('agent_day', 5, 2, 1, 2, '客服绩效'), table('consultations', 3, 3, 0, 0, '聊天记录')], refused: ['No header row'], messages: ['#DIV/0!'],
    cli: { args: args('pdd_kefu_xls_named.xlsx'), exit: 0, counts: counts(8, 5, 0, 1, 2), messages: ['pdd_kefu_xls_named.xlsx [名单]: skipped'] },
  }),
  () => entry({
    file: 'orders_csv_named.xlsx', covers: 'a GBK CSV named .xlsx', bytes: gbk(csv(orders(10))), tables: [table('orders', 10, 10)],
    cli: { args: args('orders_csv_named.xlsx'), exit: 0, counts: counts(10, 10), messages: ['orders, gb18030'] },
  }),
  () => {
    const cells = (r, tag) => `<tr>${r.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
    const body = [AGENT_DAY_HEADER, ...range(6).map((i) => agentDay(i)), ['合计', '', 600, 405, 135, '33.33%', '24300.00', '180.00', '12.5', '1.02']];
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>客服绩效</title></head><body><table border="1">\n${body.map((r, i) => cells(r, i === 0 ? 'th' : 'td')).join('\n')}\n</table></body></html>\n`;
    return entry({
      file: 'qianniu_page_named.xlsx', covers: '千牛 web page (HTML table, GBK) saved with an .xlsx name', bytes: gbk(html),
      tables: [table('agent_day', 7, 6, 0, 1)], cli: { args: args('qianniu_page_named.xlsx'), exit: 0, counts: counts(7, 6, 0, 0, 1), messages: [] },
    });
  },
  () => {
    // `cat export-utf8.csv export-gbk.csv`: a UTF-8 file whose last four lines are GBK bytes.
    const rows = consultations(10);
    const bytes = Buffer.concat([utf8(csv(rows.slice(0, 7))), gbk(csv(rows.slice(7)))]);
    return entry({
      file: 'consultations_mixed_encoding.csv', covers: 'a UTF-8 export and a GBK export pasted together (6 UTF-8 rows, then 4 in GBK)', bytes,
      tables: [table('consultations', 10, 6, 4)], messages: ['not UTF-8 text like the rest of the file'], cli: ok('consultations_mixed_encoding.csv', counts(10, 6, 0, 4)),
    });
  },
  () => {
    // One buyer nickname was pasted from a Latin-1 page: "café" with é as the single byte E9.
    const text = csv(consultations(12)).replace('tb_1005', 'caf\u0000');
    const bytes = Buffer.from(utf8(text).toString('binary').replace('\u0000', '\u00e9'), 'binary');
    return entry({
      file: 'consultations_utf8_stray_byte.csv', covers: 'a UTF-8 export with one stray Latin-1 byte (E9) in one buyer nickname', bytes,
      tables: [table('consultations', 12, 12)], cli: ok('consultations_utf8_stray_byte.csv', counts(12, 12)),
    });
  },
  () => {
    const cells = (r, tag) => `<tr>${r.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
    const names = ['&lt;script&gt;alert(1)&lt;/script&gt;小丸子', '<script>alert(2)</script>乔巴', 'A&amp;B', '<img src=x onerror="alert(3)">小明', '小红&#x200B;', '=HYPERLINK(&quot;http://x&quot;)'];
    const body = [AGENT_DAY_HEADER, ...range(6).map((i) => agentDay(i, { agent: names[i] }))];
    const html = `<html><head><meta charset="utf-8"></head><body><table>\n${body.map((r, i) => cells(r, i === 0 ? 'th' : 'td')).join('\n')}\n</table></body></html>\n`;
    return entry({
      file: 'qianniu_page_markup.xls', covers: 'a web page saved as .xls whose agent cells hold entities, a script element, an onerror image and a zero-width entity (text, never run)', bytes: utf8(html),
      tables: [{ ...table('agent_day', 6, 6), agents: ['<script>alert(1)</script>小丸子', '乔巴', 'A&B', '小明', '小红', '=HYPERLINK("http://x")'].sort() }],
      cli: ok('qianniu_page_markup.xls', counts(6, 6)),
    });
  },
  () => {
    const html = [
      '<html><head><meta charset="utf-8"></head><body><table>',
      `<tr><td colspan="5">客服绩效 2026-11-02 至 ${DAY}</td></tr>`,
      '<tr><th>旺旺</th><th>日期</th><th>咨询人数</th><th>询单人数</th><th>最终付款人数</th></tr>',
      '<tr><td rowspan="2">小丸子</td><td>2026-11-02</td><td>80</td><td>60</td><td>20</td></tr>',
      `<tr><td>${DAY}</td><td>81</td><td>61</td><td>21</td></tr>`,
      `<tr><td>乔巴</td><td>${DAY}</td><td>70</td><td>50</td><td>15</td></tr>`,
      '<tr><td colspan="2">合计</td><td>231</td><td>171</td><td>56</td></tr>',
      '</table></body></html>',
    ].join('\n');
    return entry({
      file: 'qianniu_page_rowspan.xls', covers: 'a web page saved as .xls: a title cell spanning the table, an agent cell spanning two days (rowspan), a 合计 cell spanning two columns', bytes: utf8(html),
      tables: [{ ...table('agent_day', 5, 3, 0, 2), agents: ['乔巴', '小丸子'].sort() }], cli: ok('qianniu_page_rowspan.xls', counts(5, 3, 0, 0, 2)),
    });
  },
  () => {
    const cell = (v) => `<Cell><Data ss:Type="${typeof v === 'number' ? 'Number' : 'String'}">${v}</Data></Cell>`;
    const rows = [AGENT_DAY_HEADER, ...range(6).map((i) => agentDay(i, { consultations: 80 + i * 4 }))];
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n<Worksheet ss:Name="客服绩效"><Table>\n${rows.map((r) => `<Row>${r.map(cell).join('')}</Row>`).join('\n')}\n</Table></Worksheet>\n</Workbook>\n`;
    return entry({
      file: 'spreadsheetml_2003.xls', covers: 'an XML Spreadsheet 2003 file named .xls (a back end\'s "Excel" download)', bytes: utf8(xml),
      tables: [table('agent_day', 6, 6, 0, 0, '客服绩效')], cli: { args: args('spreadsheetml_2003.xls'), exit: 0, counts: counts(6, 6), messages: [] },
    });
  },
];
