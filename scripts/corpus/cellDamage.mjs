/**
 * Corpus cases: one damaged cell, row, sheet part or encoded row, where the
 * damage must cost that cell's row (or that sheet), never the workbook, the
 * file or the process. Workbooks are written by ExcelJS, then one thing in
 * their XML is changed by hand, as the fuzzer changes them.
 */
import { AGENT_DAY_HEADER, CONSULT_HEADER, agentDay, args, consultation, counts, csv, entry, fixedZip, range, table, utf16le, utf8 } from './build.mjs';

const ok = (file, runCounts, messages = []) => ({ args: args(file), exit: 0, counts: runCounts, messages });

/** A one-sheet agent-day workbook (dates as date cells), with its sheet XML changed by `edit`. */
async function damagedWorkbook({ ExcelJS, JSZip }, rows, edit, extraSheet) {
  const book = new ExcelJS.Workbook();
  book.creator = 'make-corpus';
  book.created = book.modified = new Date('2026-11-03T00:00:00Z');
  const sheet = book.addWorksheet('客服绩效');
  sheet.addRow(AGENT_DAY_HEADER);
  rows.forEach((r) => sheet.addRow([new Date(`${r[0]}T00:00:00Z`), ...r.slice(1).map((v, i) => (i >= 1 && i <= 3 ? Number(v) : /^\d+(\.\d+)?$/.test(v) ? Number(v) : v))]));
  sheet.getColumn(1).numFmt = 'yyyy-mm-dd';
  if (extraSheet) book.addWorksheet('夜班').addRows([AGENT_DAY_HEADER, ...rows.map((r) => r.map((v, i) => (i >= 2 && i <= 4 ? Number(v) : v)))]);
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  const xml = await zip.file('xl/worksheets/sheet1.xml').async('string');
  zip.file('xl/worksheets/sheet1.xml', edit(xml));
  return fixedZip(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** One cell of a row (`D4`) rewritten by `change` (its whole `<c …>…</c>` XML in, the new XML out). */
const cell = (ref, change) => (xml) => {
  const re = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${ref}`);
  return xml.replace(re, (c) => change(c));
};
const all = (...edits) => (xml) => edits.reduce((x, e) => e(x), xml);
/** Row `from` (its element and its cells' references) renumbered `to`. */
const renumber = (from, to) => (xml) => xml.replace(new RegExp(`<row r="${from}"`), `<row r="${to}"`).replace(new RegExp(`(<c r="[A-Z]+)${from}"`, 'g'), `$1${to}"`);

const days = (n) => range(n).map((i) => agentDay(i));

export const CASES = [
  async (tools) => entry({
    file: 'agent_day_ref_past_xfd.xlsx', covers: 'xlsx whose cell references lie far past column XFD (r="ZZZZZZ4", which made a 169-million-cell row and a fatal crash) or hold a stray character (r="D5x")',
    bytes: await damagedWorkbook(tools, days(6), all(cell('D4', (c) => c.replace('r="D4"', 'r="ZZZZZZ4"')), cell('D5', (c) => c.replace('r="D5"', 'r="D5x"')))),
    tables: [table('agent_day', 6, 4, 2, 0, '客服绩效')], messages: ['Cell ZZZZZZ4: the reference is not a cell', 'Cell D5x'],
    cli: { ...ok('agent_day_ref_past_xfd.xlsx', counts(6, 4, 0, 2)), errors: ['agent_day_ref_past_xfd.xlsx [客服绩效],4,,"Cell ZZZZZZ4: the reference is not a cell'] },
  }),
  async (tools) => entry({
    file: 'agent_day_row_5000000.xlsx', covers: 'xlsx with its last row renumbered r="5000000" (past the last row a sheet has) and a middle row r="400000" (past the stated range, out of order): once millions of blank rows, now two rejected rows',
    bytes: await damagedWorkbook(tools, days(6), all(renumber(7, 5000000), renumber(3, 400000))),
    tables: [table('agent_day', 6, 4, 2, 0, '客服绩效')], messages: ['"5000000" is not a row number', 'row number 400000 is out of order'],
    cli: ok('agent_day_row_5000000.xlsx', counts(6, 4, 0, 2)),
  }),
  async (tools) => entry({
    file: 'agent_day_damaged_cells.xlsx', covers: 'xlsx with one damaged cell in each of six rows: a shared-string index past the list, a boolean 2, a number NaN, a number 1,5, a style index past the styles, a date serial past 9999-12-31 (each once refused the whole workbook)',
    bytes: await damagedWorkbook(
      tools,
      days(8),
      all(
        cell('B2', (c) => c.replace(/<v>\d+<\/v>/, '<v>999</v>')),
        cell('C3', (c) => c.replace('<c r="C3"', '<c r="C3" t="b"').replace(/<v>[^<]*<\/v>/, '<v>2</v>')),
        cell('D4', (c) => c.replace(/<v>[^<]*<\/v>/, '<v>NaN</v>')),
        cell('E5', (c) => c.replace(/<v>[^<]*<\/v>/, '<v>1,5</v>')),
        cell('D6', (c) => c.replace(/ s="\d+"/, '').replace('<c r="D6"', '<c r="D6" s="999"')),
        cell('A7', (c) => c.replace(/<v>[^<]*<\/v>/, '<v>99999999</v>')),
      ),
    ),
    tables: [table('agent_day', 8, 2, 6, 0, '客服绩效')],
    messages: ['text 999 of the workbook', '"2" is not a true/false value', '"NaN" is not a number', '"1,5" is not a number', 'format 999', 'date serial 99999999'],
    cli: ok('agent_day_damaged_cells.xlsx', counts(8, 2, 0, 6)),
  }),
  async (tools) => entry({
    file: 'agent_day_no_refs.xlsx', covers: 'xlsx whose rows and cells carry no r= attributes (optional in OOXML; once refused with "Cannot read properties of undefined")',
    bytes: await damagedWorkbook(tools, days(6), (xml) => xml.replace(/(<(?:row|c)) r="[A-Z]*\d+"/g, '$1')),
    tables: [table('agent_day', 6, 6, 0, 0, '客服绩效')], cli: ok('agent_day_no_refs.xlsx', counts(6, 6)),
  }),
  async (tools) => {
    const good = await damagedWorkbook(tools, days(6), (xml) => xml, true);
    // The second sheet's part is marked with a compression method no zip tool has (99): that part cannot be read.
    const bytes = Buffer.from(good);
    const name = Buffer.from('xl/worksheets/sheet2.xml');
    for (let i = bytes.length - 46; i >= 0; i--) {
      if (bytes.readUInt32LE(i) === 0x02014b50 && bytes.subarray(i + 46, i + 46 + name.length).equals(name)) bytes.writeUInt16LE(99, i + 10);
    }
    return entry({
      file: 'agent_day_sheet_part_damaged.xlsx', covers: 'a two-sheet workbook whose second sheet part cannot be unpacked (an unknown compression method): that sheet is refused in words, the first is read',
      bytes, tables: [table('agent_day', 6, 6, 0, 0, '客服绩效')], refused: ['This sheet could not be read (a part is stored with an unknown compression)'],
      cli: { ...ok('agent_day_sheet_part_damaged.xlsx', counts(6, 6), ['[夜班]: refused. This sheet could not be read']), absent: ['Error:', 'undefined'] },
    });
  },
  ({ fixture }) => {
    const bytes = Buffer.from(fixture('formats/pdd_kefu.xls'));
    bytes[26] ^= 0xff;
    return entry({
      file: 'pdd_kefu_damaged_header.xls', covers: '拼多多 .xls whose compound-file header has one byte changed: refused in words (once with the reader\'s own "Major Version: Expected 3 or 4" as the reason)',
      bytes, refused: ['The XLS file is damaged (an unexpected problem in the file\'s structure)'],
      cli: { args: args('pdd_kefu_damaged_header.xls'), exit: 2, counts: counts(0, 0), messages: ['The XLS file is damaged', 'Nothing could be imported'], absent: ['Major Version', 'Error:', 'cfb'] },
    });
  },
  () => {
    // One buyer nickname was pasted from a Latin-1 page ("café", é as the byte E9), in a file with old-Mac CR line ends.
    const text = csv([CONSULT_HEADER, ...range(12).map((i) => consultation(i))], { eol: '\r' }).replace('tb_1005', 'caf\u0000');
    const bytes = Buffer.from(utf8(text).toString('binary').replace('\u0000', '\u00e9'), 'binary');
    return entry({
      file: 'consultations_cr_only_stray_byte.csv', covers: 'CR-only (old Mac) UTF-8 with one stray Latin-1 byte: once read as GB18030 and refused (lines were split at LF only)',
      bytes, tables: [table('consultations', 12, 12)], cli: ok('consultations_cr_only_stray_byte.csv', counts(12, 12), ['consultations, utf-8']),
    });
  },
  () => {
    const head = utf8(csv([CONSULT_HEADER, ...range(6).map((i) => consultation(i))]));
    const pasted = utf16le(csv([consultation(6)]), false);
    const tail = utf8(csv(range(5).map((i) => consultation(i + 7))));
    return entry({
      file: 'consultations_utf16_row.csv', covers: 'a UTF-8 export with one row pasted in UTF-16 LE (a NUL after every ASCII character): once "not text" for the whole file, now that row alone is rejected',
      bytes: Buffer.concat([head, pasted, tail]), tables: [table('consultations', 12, 11, 1)], messages: ['not UTF-8 text like the rest of the file'],
      cli: ok('consultations_utf16_row.csv', counts(12, 11, 0, 1)),
    });
  },
  () => {
    // 生意参谋-style notes above the header: the first 4 kB are all Chinese, so UTF-16 shows almost no zero bytes.
    const note = '本报表由客服工作台导出，数据口径以平台统计为准，咨询人数按买家去重，售后与赠品咨询不计入询单，统计延迟可能导致当日数据偏小，请在次日复核后再用于绩效考核与排班安排。'.repeat(6);
    const text = csv([[note], [note], [note], CONSULT_HEADER, ...range(12).map((i) => consultation(i))], { eol: '\r\n' });
    return entry({
      file: 'consultations_utf16le_nobom_cjk.csv', covers: 'UTF-16 LE without a BOM whose first 4 kB are Chinese notes (few zero bytes): once refused as "not text"',
      bytes: utf16le(text, false), tables: [table('consultations', 15, 12, 0, 3)], cli: ok('consultations_utf16le_nobom_cjk.csv', counts(15, 12, 0, 0, 3), ['consultations, utf-16le']),
    });
  },
];
