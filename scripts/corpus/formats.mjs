/**
 * Corpus cases: the other exports as they come (赤兔 workbooks and custom
 * reports, 生意参谋 shop pages, 拼多多), row-level faults, and the roster,
 * events and rules files the CLI reads beside the data.
 */
import {
  AGENTS, AGENT_DAY_HEADER, CONSULT_HEADER, DAY, EVENTS_HEADER, INJECTIONS, ORDER_HEADER, PROTO_NAMES, ROSTER_HEADER, agentDay, args, consultation, counts, csv, entry, fixedZip, gbk, order, range, table, utf16le, utf8,
} from './build.mjs';

const ok = (file, runCounts, messages = []) => ({ args: args(file), exit: 0, counts: runCounts, messages });
const BASE = ['base_consultations.csv', 'base_orders_gbk.csv'];
const BASE_COUNTS = counts(22, 22);
const roster = (rows) => utf8(csv([ROSTER_HEADER, ...rows]));
const rosterRows = () => AGENTS.map((a, i) => [a, String(101 + i), i < 4 ? 'day' : 'night', 3000, 'yes']);

/** A workbook with fixed dates, so the bytes change only when the case does. */
async function workbook(ExcelJS, sheets) {
  const book = new ExcelJS.Workbook();
  book.creator = 'make-corpus';
  book.created = book.modified = new Date('2026-11-03T00:00:00Z');
  for (const { name, rows, edit } of sheets) {
    const sheet = book.addWorksheet(name);
    rows.forEach((r) => sheet.addRow(r));
    edit?.(sheet);
  }
  return fixedZip(Buffer.from(await book.xlsx.writeBuffer()));
}

const chituCustom = () => {
  const header = ['客服昵称', '接待人数', '询单人数', '平均响应(秒)', '回复率', '询单->最终付款转化率', '上班天数'];
  const rows = range(5).map((i) => [`店铺1:${AGENTS[i]}`, 70 + i, i === 3 ? null : 50 + i, i === 0 ? '8分48秒' : 30 + i, '98.5%', `${30 + i}.00%`, 1]);
  return [header, ...rows, ['汇总', 360, 204, 32, '98.5%', '32.00%', 5], ['均值', 72, 51, 32, '98.5%', '32.00%', 1]];
};

export const CASES = [
  async ({ ExcelJS }) => {
    const when = new Date(Date.UTC(2026, 4, 1));
    const names = ['winnie', 'liz', 'tom', 'amy'];
    const bytes = await workbook(ExcelJS, [
      { name: '赤兔-人均日接入', rows: [['id', '日期', '旺旺', '接待人数', '平均响应秒', '回复率', '询单最终付款成功率', '上班天数', 'created_at'], ...names.map((n, i) => [i + 1, when, n, 24 + i, 28.7, 1, 0.1333, 1, '2026-05-02 08:00'])] },
      { name: '广告', rows: [['计划名称', '花费', '点击'], ['直通车A', 120.5, 88]] },
      { name: '赤兔-每周店铺个人数据', rows: [['旺旺昵称', '咨询人数', '接待人数', '询单人数', '销售额', '销售量', '销售人数', '订单数', 'date_time'], ...names.map((n, i) => [n, 35 + i, 24 + i, 15 + i, 33022 - i * 100, 3, 2, 2, when])] },
      { name: '赤兔-客服数据23年新', rows: [['旺旺昵称', '咨询人数', '接待人数', '买家消息', '客服消息', '答问比', '首次响应秒', 'date_time'], ...names.map((n, i) => [n, 35 + i, 24 + i, 209, 313, 1.4976, 16.68, when])] },
    ]);
    return entry({
      file: 'chitu_workbook.xlsx', covers: '赤兔 multi-sheet workbook: three reports of 2026-05-01 (Excel date cells, id/created_at) beside an ads sheet', bytes,
      tables: [table('agent_day', 4, 4, 0, 0, '赤兔-人均日接入'), table('agent_day', 4, 4, 0, 0, '赤兔-每周店铺个人数据'), table('agent_day', 4, 4, 0, 0, '赤兔-客服数据23年新')], refused: ['No header row'],
      cli: { args: ['--lang', 'en', '--date', '2026-05-01', 'chitu_workbook.xlsx'], exit: 0, counts: counts(12, 12), messages: ['chitu_workbook.xlsx [广告]: skipped'] },
    });
  },
  async ({ ExcelJS }) => entry({
    file: '自定义报表_人均日接入_下单优先判定_2026-04-20至2026-04-20.xlsx', covers: 'a dateless 赤兔 custom report: the day only in the file name; 汇总/均值 rows; a blank 询单人数 (not counted yet); 8分48秒',
    bytes: await workbook(ExcelJS, [{ name: 'Sheet1', rows: chituCustom() }]),
    tables: [table('agent_day', 7, 5, 0, 2)],
    cli: { args: ['--lang', 'en', '--date', '2026-04-20', '自定义报表_人均日接入_下单优先判定_2026-04-20至2026-04-20.xlsx'], exit: 0, counts: counts(7, 5, 0, 0, 2), messages: ['provisional'] },
  }),
  async ({ ExcelJS }) => entry({
    file: '自定义报表_人均日接入_付款判定_2026-04-20至2026-04-21.xlsx', covers: 'a 赤兔 custom report over two days: no single day, so every row asks for one (exit 2 without --import-date)',
    bytes: await workbook(ExcelJS, [{ name: 'Sheet1', rows: chituCustom() }]),
    tables: [table('agent_day', 7, 0, 5, 2)], messages: ['No date'],
    cli: { args: ['--lang', 'en', '自定义报表_人均日接入_付款判定_2026-04-20至2026-04-21.xlsx'], exit: 2, counts: counts(7, 0, 0, 5, 2), messages: ['No date', 'Nothing could be imported'] },
  }),
  async ({ ExcelJS }) => entry({
    file: '自定义报表_人均日接入_付款判定_2026-04-20至2026-04-21 (1).xlsx', covers: 'the same two-day 赤兔 report downloaded again (browser suffix " (1)"), run with --import-date 2026-04-21 (the import takes it too)',
    bytes: await workbook(ExcelJS, [{ name: 'Sheet1', rows: chituCustom() }]),
    tables: [table('agent_day', 7, 5, 0, 2)],
    cli: { args: ['--lang', 'en', '--date', '2026-04-21', '--import-date', '2026-04-21', '自定义报表_人均日接入_付款判定_2026-04-20至2026-04-21 (1).xlsx'], exit: 0, counts: counts(7, 5, 0, 0, 2), messages: ['Daily 2026-04-21'] },
  }),
  async ({ ExcelJS }) => {
    const rows = [['日期', '旺旺', '咨询人数', '询单人数', '最终付款人数', '销售额'], [DAY, '小丸子', 90, 60, 20, 3600], [DAY, '乔巴', 80, 55, 18, 3240], ['2026-11-02', null, 70, 50, 15, 2700],
      [DAY, '小明', 85, { error: '#DIV/0!' }, 19, 3420], [DAY, '小红', 75, 52, 17, { error: '#N/A' }], [DAY, '美美', 88, 58, 21, 3780]];
    const bytes = await workbook(ExcelJS, [{ name: '客服绩效', rows, edit: (sheet) => sheet.mergeCells('B3:B4') }]);
    return entry({
      file: 'agent_day_error_cells.xlsx', covers: 'xlsx with #DIV/0! and #N/A error cells and an agent cell merged over two days', bytes,
      tables: [{ ...table('agent_day', 6, 4, 2, 0, '客服绩效'), agents: ['乔巴', '小丸子', '美美'].sort() }], messages: ['#DIV/0!', '#N/A'],
      cli: ok('agent_day_error_cells.xlsx', counts(6, 4, 0, 2)),
    });
  },
  async ({ ExcelJS }) => {
    const sheetNames = ['__proto__', 'constructor', '=HYPERLINK(1)', 'toString'];
    const header = ['日期', '旺旺', '咨询人数', '询单人数', '最终付款人数', '销售额'];
    const bytes = await workbook(ExcelJS, sheetNames.map((name, i) => ({ name, rows: [header, [DAY, AGENTS[i], 90, 'x', 20, 3600], [DAY, AGENTS[i + 1], 90, 60, 20, 3600]] })));
    return entry({
      file: 'workbook_proto_sheets.xlsx', covers: 'a workbook whose sheets are named __proto__, constructor, =HYPERLINK(1) and toString, each with a bad row', bytes,
      tables: sheetNames.map((name) => table('agent_day', 2, 1, 1, 0, name)), messages: ['"x" is not a number'],
      cli: { ...ok('workbook_proto_sheets.xlsx', counts(8, 4, 0, 4)), errors: sheetNames.map((name) => `workbook_proto_sheets.xlsx [${name}],2,询单人数`) },
    });
  },
  () => entry({
    file: '=1+1 订单.csv', covers: 'an order export whose file name is a formula (it reaches import-errors.csv and the console)', bytes: gbk(csv([ORDER_HEADER, ...range(5).map((i) => order(i, i === 1 ? { amount: '￥abc' } : {}))])),
    tables: [table('orders', 5, 4, 1)], messages: ['"￥abc" is not a number'],
    cli: { ...ok('=1+1 订单.csv', counts(5, 4, 0, 1)), messages: ['=1+1 订单.csv: orders'], errors: ["'=1+1 订单.csv,3,实付金额"] },
  }),
  async ({ ExcelJS }) => {
    const day = new Date(Date.UTC(2026, 10, 3));
    const header = ['日期', '旺旺', '咨询人数', '询单人数', '最终付款人数', '销售额', '备注'];
    const rows = [header, [day, '小丸子', 90, 60, 20, 3600, '备'.repeat(150_000)], [day, '乔巴', { formula: '1+1', result: 2 }, 55, 18, { formula: 'G9', result: 'abc' }, ''],
      [46329, '小明', 80, 50, 15, '3,240.00', ''], [DAY, '小红', 80, 50, 15, { richText: [{ text: '32' }, { text: '40' }] }, ''], [DAY, '美美', 80, 50, true, 3000, ''], [DAY, '阿杰', 80, 1e308 * 10, 15, 3000, '']];
    const bytes = await workbook(ExcelJS, [{ name: '客服绩效', rows }, { name: '夜班', rows: [header.slice(0, 6), [DAY, '阿杰', 81, 51, 16, 3100]] }]);
    return entry({
      file: 'agent_day_cell_types.xlsx', covers: 'xlsx cells of every type: a date cell, a serial date, formulas with cached results (a number, a text), rich text, a boolean count, an overflowing number, a 150 000-character cell; a second sheet',
      bytes, tables: [table('agent_day', 6, 3, 3, 0, '客服绩效'), table('agent_day', 1, 1, 0, 0, '夜班')], messages: ['"abc" is not a number', '"TRUE" is not a number', 'is not a number'],
      cli: { ...ok('agent_day_cell_types.xlsx', counts(7, 4, 0, 3)) },
    });
  },
  () => {
    const header = ['日期', '店铺', '询单人数', '当日询单人数', '当日付款人数', '当日付款金额', '最终付款人数', '最终付款金额', '询单当日付款转化率', '询单最终付款转化率'];
    const own = ['2026-11-01', '2026-11-02', DAY].map((d, i) => [d, '本店', 400 + i, 380 + i, 120, '21,600.00', 135, '24,300.00', '31.58%', '33.75%']);
    const peers = [[DAY, '同行均值', 300, 280, 80, '14,400.00', 90, '16,200.00', '28.57%', '30.00%'], [DAY, '同行优秀', 800, 760, 300, '54,000.00', 320, '57,600.00', '39.47%', '40.00%']];
    return entry({
      file: 'sycm_inquiry.csv', covers: '生意参谋 业绩询单 (shop-level days, a title line) with 同行均值/同行优秀 rows kept as the benchmark', bytes: utf8(csv([['业绩询单 2026-11-01 ~ 2026-11-03'], header, ...own, ...peers]), true),
      tables: [table('shop_day', 6, 5, 0, 1)], cli: ok('sycm_inquiry.csv', counts(6, 5, 0, 0, 1)),
    });
  },
  () => {
    const header = ['日期', '咨询人数', '接待人数', '未回复人数', '旺旺回复率', '首次响应时长', '平均响应时长', '慢响应人数', '买家消息条数', '客服消息条数', '答问比', '平均接待时长'];
    const rows = ['2026-11-01', '2026-11-02', DAY].map((d, i) => [d, 520 + i, 505 + i, 3, '99.40%', '15.2', '28.7', 12, 4100, 4300, '1.05', '6分12秒']);
    return entry({
      file: 'sycm_reception_gbk.csv', covers: '生意参谋 咨询接待 in GBK (6分12秒 as a duration)', bytes: gbk(csv([header, ...rows])),
      tables: [table('shop_day', 3, 3)], cli: ok('sycm_reception_gbk.csv', counts(3, 3)),
    });
  },
  () => {
    const header = ['序号', '客服账号', '客服服务分', '咨询人数', '需要人工回复的咨询人数', '人工接待人数', '询单人数', '最终成团人数', '询单转化率', '客服销售额', '平均人工响应时长'];
    const rows = range(4).map((i) => [i + 1, `pdd_${AGENTS[i]}`, 4.8, 120 + i, 110 + i, 108 + i, 60 + i, 20 + i, `${(((20 + i) / (60 + i)) * 100).toFixed(2)}%`, (20 + i) * 99, 18]);
    const text = csv([[`客服绩效数据 ${DAY}`], header, ...rows, ['合计', '', '', 486, 446, 438, 246, 86, '34.96%', 8514, 18]], { delimiter: '\t', eol: '\r\n' });
    return entry({
      file: 'pdd_kefu_utf16.csv', covers: '拼多多 客服绩效 as UTF-16 LE tab text: a title with the day, a 合计 row', bytes: utf16le(text),
      tables: [table('agent_day', 6, 4, 0, 2)], cli: ok('pdd_kefu_utf16.csv', counts(6, 4, 0, 0, 2)),
    });
  },
  () => entry({
    file: 'agent_day_gbk_title_total.csv', covers: '客服绩效 in GBK: a title line, 店铺1: sub-accounts, "7,606.00" amounts, - for empty, a 合计 row',
    bytes: gbk(csv([[`客服绩效报表 ${DAY} 至 ${DAY}`], AGENT_DAY_HEADER, ...range(6).map((i) => agentDay(i, { agent: `店铺1:${AGENTS[i]}`, ...(i === 2 ? { sales: '7,606.00' } : {}), ratio: i === 5 ? '-' : '1.02' })), ['合计', '', 600, 405, 135, '33.33%', '24,300.00', '180.00', '12.5', '1.02']])),
    tables: [table('agent_day', 8, 6, 0, 2)], cli: ok('agent_day_gbk_title_total.csv', counts(8, 6, 0, 0, 2)),
  }),
  () => entry({
    file: 'agent_day_delayed.csv', covers: '赤兔 延迟统计 in the 询单 and rate cells of two agents (not final yet, never 0)',
    bytes: utf8(csv([AGENT_DAY_HEADER, ...range(6).map((i) => agentDay(i, i === 1 || i === 4 ? { inquiries: '延迟统计', rate: '延迟统计' } : {}))]), true),
    tables: [table('agent_day', 6, 6)], cli: ok('agent_day_delayed.csv', counts(6, 6), ['provisional']),
  }),
  () => entry({
    file: 'agent_day_semicolon_comma.csv', covers: 'agent-day stats with semicolons and decimal commas (1.234,50; 33,33%)',
    bytes: utf8(csv([AGENT_DAY_HEADER, ...range(6).map((i) => agentDay(i, { sales: `${(20 + i) * 180}`.replace(/(\d)(\d{3})$/, '$1.$2') + ',50', rate: '33,33%', price: '180,00', first: '12,5', ratio: '1,02' }))], { delimiter: ';' })),
    tables: [table('agent_day', 6, 6)], cli: ok('agent_day_semicolon_comma.csv', counts(6, 6)),
  }),
  () => {
    const body = csv([ORDER_HEADER, ...range(5).map((i) => order(i))]) + '\n,,,,,,,,,\n' + csv(range(5).map((i) => order(i + 5)));
    return entry({
      file: 'orders_blank_lines.csv', covers: 'a blank line and a line of empty cells in the middle', bytes: utf8(body),
      tables: [table('orders', 12, 10, 0, 2)], cli: ok('orders_blank_lines.csv', counts(12, 10, 0, 0, 2)),
    });
  },
  () => {
    const body = csv([ORDER_HEADER, ...range(6).map((i) => order(i)), ORDER_HEADER, ...range(6).map((i) => order(i + 4))]);
    return entry({
      file: 'orders_concatenated.csv', covers: 'two order downloads pasted into one file: the second header mid-file, orders 4 and 5 in both',
      bytes: gbk(body), tables: [table('orders', 13, 12, 0, 1)], cli: ok('orders_concatenated.csv', counts(13, 10, 2, 0, 1), ['(2 identical). The later row wins.']),
    });
  },
  () => {
    const times = [['2026/11/3 10:00', '2026/11/3 10:05'], ['2026/11/3 9:07', ''], ['2026-11-03T10:00:00', '2026年11月3日 10:05:00'], ['2026-11-03 10:03:00', '2026-11-03 10:09:00']];
    return entry({
      file: 'orders_excel_dates.csv', covers: 'times as Excel re-saves them (2026/11/3 9:07, no seconds), ISO with T and 年月日',
      bytes: utf8(csv([ORDER_HEADER, ...times.map(([created, paid], i) => order(i, { created, paid }))])), tables: [table('orders', 4, 4)], cli: ok('orders_excel_dates.csv', counts(4, 4), ['Unattributed paid orders (paid 2026-11-03): 3']),
    });
  },
  () => {
    const bad = { 1: { created: '2026-13-45 10:00:00' }, 3: { amount: 'abc' }, 5: { amount: '-12.00' }, 7: { items: '1.5' } };
    return entry({
      file: 'orders_bad_values.csv', covers: 'an impossible date, a word, a negative amount and half an item', bytes: utf8(csv([ORDER_HEADER, ...range(10).map((i) => order(i, bad[i] ?? {}))], { delimiter: '\t' })),
      tables: [table('orders', 10, 6, 4)], messages: ['is not a date and time', '"abc" is not a number', 'is negative', 'is not a whole number'],
      cli: ok('orders_bad_values.csv', counts(10, 6, 0, 4)),
    });
  },
  () => entry({
    file: 'consultations_bad_category.csv', covers: 'consultations in GBK with an unknown category (投诉) and an unclosed quote in a buyer name',
    bytes: gbk(csv([CONSULT_HEADER, ...range(10).map((i) => consultation(i, i === 4 ? { category: '投诉' } : {}))]).replace('tb_1007,', '"tb_1007,')),
    tables: [table('consultations', 10, 8, 2)], messages: ['"投诉" is not a category', 'never closed'], cli: ok('consultations_bad_category.csv', counts(10, 8, 0, 2)),
  }),
  () => entry({
    file: 'consultations_zh_team.csv', covers: 'a Chinese team\'s GBK chat export run with --lang zh: an unclosed quote and an unknown category, reasons in Chinese',
    bytes: gbk(csv([CONSULT_HEADER, ...range(10).map((i) => consultation(i, i === 4 ? { category: '投诉' } : {}))]).replace('tb_1007,', '"tb_1007,')),
    tables: [table('consultations', 10, 8, 2)], messages: ['"投诉" is not a category', 'never closed'],
    cli: { args: ['--lang', 'zh', '--date', DAY, 'consultations_zh_team.csv'], exit: 0, counts: counts(10, 8, 0, 2), messages: ['接受 8 行，拒绝 2 行'], errors: ['“投诉”不是咨询类型', '第 9 行：一个引号'] },
  }),
  () => entry({
    file: 'roster_dup_id.csv', role: 'roster', covers: 'a roster giving agent ID 102 to two people', bytes: roster(rosterRows().map((r, i) => (i === 4 ? [r[0], '102', ...r.slice(2)] : r))),
    cli: { args: ['--lang', 'en', '--date', DAY, '--roster', 'roster_dup_id.csv', ...BASE], exit: 2, counts: null, messages: ['agent ID "102" is on rows 3, 6', 'nothing was written'] },
  }),
  () => entry({
    file: 'roster_dup_name.csv', role: 'roster', covers: 'a roster listing 小明 twice with two IDs', bytes: roster([...rosterRows(), ['小明', '199', 'day', 2800, 'yes']]),
    cli: { args: ['--lang', 'en', '--date', DAY, '--roster', 'roster_dup_name.csv', ...BASE], exit: 2, counts: null, messages: ['agent "小明" is on rows 4, 8'] },
  }),
  () => entry({
    file: 'roster_injection.csv', role: 'roster', covers: 'a roster whose agent names are CSV-injection text (=HYPERLINK, +, -, @, tab, CR first), run with agent_day_injection.csv',
    bytes: roster(AGENTS.map((a, i) => [`${INJECTIONS[i]}${a}`, String(101 + i), 'day', 3000, 'yes'])),
    cli: {
      args: ['--lang', 'en', '--date', DAY, '--roster', 'roster_injection.csv', '--events', 'events_injection.csv', 'agent_day_injection.csv'], exit: 0, counts: counts(6, 6),
      messages: ['Payroll 2026-11: 6 agents'], absent: ['Agents not in the roster'],
    },
  }),
  () => entry({
    file: 'events_injection.csv', role: 'events', covers: 'events whose reasons are CSV-injection text, for the agents of roster_injection.csv',
    bytes: utf8(csv([EVENTS_HEADER, ...AGENTS.map((a, i) => [DAY, `${INJECTIONS[i]}${a}`, 'fine', INJECTIONS[(i + 1) % 6], ''])])),
    cli: { args: ['--lang', 'en', '--date', DAY, '--roster', 'roster_injection.csv', '--events', 'events_injection.csv', 'agent_day_injection.csv'], exit: 0, counts: counts(6, 6), messages: ['Payroll 2026-11: 6 agents'] },
  }),
  () => entry({
    file: 'roster_proto_names.csv', role: 'roster', covers: 'a roster of agents named after every Object.prototype member, beside the real six',
    bytes: roster([...rosterRows(), ...PROTO_NAMES.map((n, i) => [n, String(200 + i), 'day', 1000, 'yes'])]),
    cli: { args: ['--lang', 'en', '--date', DAY, '--roster', 'roster_proto_names.csv', ...BASE], exit: 0, counts: BASE_COUNTS, messages: [`Payroll 2026-11: ${6 + PROTO_NAMES.length} agents`] },
  }),
  () => entry({
    file: 'events_proto_reasons.csv', role: 'events', covers: 'events whose reasons (and some agents) are constructor, __proto__ and every other Object.prototype name',
    bytes: utf8(csv([EVENTS_HEADER, ...PROTO_NAMES.map((n, i) => [DAY, i % 2 ? AGENTS[i % 6] : n, i % 3 ? 'reward' : 'fine', n, ''])])),
    cli: { args: ['--lang', 'en', '--date', DAY, '--events', 'events_proto_reasons.csv', ...BASE], exit: 0, counts: BASE_COUNTS, messages: [] },
  }),
  () => entry({
    file: 'events_bad_values.csv', role: 'events', covers: 'events with an amount of 1e999, a kind that is a formula, a negative reward and no agent (each refused with its row), beside a good fine',
    bytes: utf8(csv([EVENTS_HEADER, [DAY, '小丸子', 'fine', 'late reply', '1e999'], [DAY, '乔巴', '=cmd|calc', 'late reply', ''], [DAY, '小明', 'reward', 'suggestion', '-50'], [DAY, '', 'fine', 'late reply', ''], [DAY, '小红', 'fine', 'late reply', '10']])),
    cli: {
      args: ['--lang', 'en', '--date', DAY, '--events', 'events_bad_values.csv', ...BASE], exit: 0, counts: BASE_COUNTS, messages: ['Rejected rows: 4'],
      errors: ['events_bad_values.csv,2,amount,"""1e999"" is not a number', 'events_bad_values.csv,3,kind', 'events_bad_values.csv,4,amount,\'-50 is negative', 'events_bad_values.csv,5,agent,Missing agent'],
    },
  }),
  () => entry({
    file: 'rules_out_of_range.csv', role: 'rules', covers: 'rules out of range: commission_rate 150%, a repeat window and an attribution window of 1e999',
    bytes: utf8(csv([['setting', 'value', 'amount'], ['commission_rate', '150%', ''], ['repeat_window_hours', '1e999', ''], ['attribution_window', '1e999', ''], ['min_inquiries_per_day', '-3', '']])),
    cli: { args: ['--lang', 'en', '--date', DAY, '--rules', 'rules_out_of_range.csv', ...BASE], exit: 0, counts: BASE_COUNTS, messages: ['row 2 (commission_rate): 1.5 is outside 0..0.2', 'row 3 (repeat_window_hours): "1e999" is not a number', 'row 4 (attribution_window): "1e999" is not one of', 'row 5 (min_inquiries_per_day): -3 is outside'] },
  }),
  () => entry({
    file: 'rules_amounts_1e999.csv', role: 'rules', covers: 'rule amounts of 1e999 (bonus, reward, fine) and a negative response bonus',
    bytes: utf8(csv([['setting', 'value', 'amount'], ['conversion_bonus', '0.45', '1e999'], ['response_bonus', '20', '-100'], ['reward_per_item', 'data_error', '1e999'], ['fine_schedule', '1', '1e999']])),
    cli: {
      args: ['--lang', 'en', '--date', DAY, '--rules', 'rules_amounts_1e999.csv', ...BASE], exit: 0, counts: BASE_COUNTS,
      messages: ['row 2 (conversion_bonus): "1e999" is not a number', 'row 3 (response_bonus): -100 is outside', 'row 4 (reward_per_item): "1e999" is not a number', 'row 5 (fine_schedule): "1e999" is not a number'],
    },
  }),
  () => entry({
    file: 'roster_bad_values.csv', role: 'roster', covers: 'a roster with base pay 1e999 and -3000 and active "maybe" (those rows refused with their column)',
    bytes: roster(rosterRows().map((r, i) => (i === 0 ? [...r.slice(0, 3), '1e999', 'yes'] : i === 1 ? [...r.slice(0, 3), '-3000', 'yes'] : i === 2 ? [...r.slice(0, 4), 'maybe'] : r))),
    cli: {
      args: ['--lang', 'en', '--date', DAY, '--roster', 'roster_bad_values.csv', ...BASE], exit: 0, counts: BASE_COUNTS, messages: ['Rejected rows: 3'],
      errors: ['roster_bad_values.csv,2,base_pay,"""1e999"" is not a number', "roster_bad_values.csv,3,base_pay,'-3000 is negative", 'roster_bad_values.csv,4,active,"""maybe"" is not yes or no'],
    },
  }),
  () => entry({
    file: 'events_dated_2999.csv', role: 'events', covers: 'a fine dated 2999 beside one of the report month (the 2999 one never makes a payroll month)',
    bytes: utf8(csv([EVENTS_HEADER, ['2999-01-01', '小丸子', 'fine', 'late reply', '10'], [DAY, '乔巴', 'fine', 'late reply', '']])),
    cli: { args: ['--lang', 'en', '--events', 'events_dated_2999.csv', ...BASE], exit: 0, counts: BASE_COUNTS, messages: ['Payroll 2026-11'], absent: ['Payroll 2999', 'Daily 2999'] },
  }),
  () => entry({
    file: 'rules_proto_names.csv', role: 'rules', covers: 'every Object.prototype name as a setting, and as the value of a real one',
    bytes: utf8(csv([['setting', 'value', 'amount'], ...PROTO_NAMES.map((n) => [n, '1', '1']), ...PROTO_NAMES.map((n) => ['attribution_window', n, ''])])),
    cli: { args: ['--lang', 'en', '--date', DAY, '--rules', 'rules_proto_names.csv', ...BASE], exit: 0, counts: BASE_COUNTS, messages: PROTO_NAMES.map((n) => `(${n.toLowerCase()}): unknown setting`) },
  }),
];
