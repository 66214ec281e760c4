/**
 * Corpus cases: well-formed files with hostile content — Excel-damaged and
 * duplicate keys, names that look like totals, prototypes, formulas or
 * terminal controls, odd numbers and impossible dates.
 */
import {
  AGENTS, AGENT_DAY_HEADER, CONSULT_HEADER, DAY, INJECTIONS, ORDER_HEADER, PROTO_NAMES, agentDay, args, consultation, counts, csv, entry, gbk, lines, order, range, table, utf8,
} from './build.mjs';

const ok = (file, runCounts, messages = []) => ({ args: args(file), exit: 0, counts: runCounts, messages });
const ordersFile = (rows) => utf8(csv([ORDER_HEADER, ...rows]));
const consultFile = (rows) => utf8(csv([CONSULT_HEADER, ...rows]), true);

export const CASES = [
  () => {
    const rows = range(10).map((i) => order(i, i === 2 || i === 3 ? { id: '3.30183E+18' } : i === 5 ? { id: order(5)[0].slice(0, 15) + '0000' } : {}));
    return entry({
      file: 'orders_excel_ids.csv', covers: 'order IDs re-saved by Excel as 3.30183E+18 (twice); one genuine-looking ID ending in 0000 alone in its column is kept (decisions.md)', bytes: ordersFile(rows),
      tables: [table('orders', 10, 8, 2)], messages: ['3.30183E+18', 'damaged by Excel'], cli: ok('orders_excel_ids.csv', counts(10, 8, 0, 2)),
    });
  },
  () => {
    const rows = range(10).map((i) => order(i, { id: order(i)[0].slice(0, 15) + '0000' }));
    return entry({
      file: 'orders_excel_lost_digits.csv', covers: 'a whole order-ID column cut by Excel to 15 digits and zeros (3301827345678900000…): nothing can be trusted, exit 2', bytes: ordersFile(rows),
      tables: [table('orders', 10, 0, 10)], messages: ['3301827345678900000', 'damaged by Excel'],
      cli: { args: args('orders_excel_lost_digits.csv'), exit: 2, counts: counts(10, 0, 0, 10), messages: ['damaged by Excel', 'Nothing could be imported'] },
    });
  },
  () => {
    // Exports keep long IDs as text for Excel by writing them as ="…" or with a tab beside them; the ID is the digits.
    const wrap = (id, i) => (i < 4 ? `="${id}"` : i < 6 ? `\t${id}` : `${id}\t`);
    return entry({
      file: 'orders_excel_text_ids.csv', covers: 'order IDs written ="3301…" or with a tab before or after (to keep Excel from rounding them), run with the same orders plain (orders_dup_across_a.csv)',
      bytes: utf8(lines([ORDER_HEADER.join(','), ...range(8).map((i) => [wrap(order(i)[0], i), ...order(i).slice(1)].join(','))])), tables: [table('orders', 8, 8)],
      cli: { args: args('orders_excel_text_ids.csv', 'orders_dup_across_a.csv'), exit: 0, counts: counts(16, 8, 8), messages: ['(8 identical)'] },
    });
  },
  () => entry({
    file: 'orders_dup_identical.csv', covers: 'two orders repeated identically further down the same file', bytes: ordersFile([...range(8).map((i) => order(i)), order(2), order(4)]),
    tables: [table('orders', 10, 10)], cli: ok('orders_dup_identical.csv', counts(10, 8, 2), ['(2 identical). The later row wins.']),
  }),
  () => entry({
    file: 'orders_dup_conflict.csv', covers: 'one order ID twice in a file with different amounts', bytes: ordersFile([...range(8).map((i) => order(i)), order(3, { amount: '1.00' })]),
    tables: [table('orders', 9, 9)], cli: { ...ok('orders_dup_conflict.csv', counts(9, 8, 1), ['(0 identical; 1 keys with different values']), errors: ['appears 2 times with different values (amount)'] },
  }),
  () => entry({
    file: 'orders_dup_across_a.csv', covers: 'orders of one day, overlapping the next file (run with orders_dup_across_b.csv)', bytes: ordersFile(range(8).map((i) => order(i))),
    tables: [table('orders', 8, 8)],
    cli: { args: args('orders_dup_across_a.csv', 'orders_dup_across_b.csv'), exit: 0, counts: counts(16, 13, 3), messages: ['(2 identical; 1 keys with different values'], errors: ['appears 2 times with different values (status, refunded)'] },
  }),
  () => entry({
    file: 'orders_dup_across_b.csv', covers: 'the overlapping download: orders 5–12, order 7 refunded since (run after orders_dup_across_a.csv)',
    bytes: ordersFile(range(8).map((k) => order(k + 5, k + 5 === 7 ? { status: '退款成功' } : {}))),
    tables: [table('orders', 8, 8)],
    cli: { args: args('orders_dup_across_b.csv', 'orders_dup_across_a.csv'), exit: 0, counts: counts(16, 13, 3), messages: ['(2 identical; 1 keys with different values'] },
  }),
  () => entry({
    file: 'consultations_dup.csv', covers: 'duplicate consultations: two identical, one with another first response',
    bytes: consultFile([...range(12).map((i) => consultation(i)), consultation(1), consultation(6), consultation(9, { first: 99 })]),
    tables: [table('consultations', 15, 15)], cli: { ...ok('consultations_dup.csv', counts(15, 12, 3), ['(2 identical; 1 keys with different values']), errors: ['appears 2 times with different values'] },
  }),
  () => entry({
    file: 'agent_day_dup_rows.csv', covers: 'one report listing an agent-day twice (identical) and another twice with other figures',
    bytes: gbk(csv([AGENT_DAY_HEADER, ...range(6).map((i) => agentDay(i)), agentDay(1), agentDay(2, { paid: 30, rate: '45.45%' })])),
    tables: [table('agent_day', 8, 8)], cli: { ...ok('agent_day_dup_rows.csv', counts(8, 6, 2), ['(1 identical; 1 keys with different values']), errors: ['小明'] },
  }),
  () => {
    const buyers = ['Total', 'Sum', 'avg', '合计', 'Average'];
    const rows = [...range(8).map((i) => order(i, i < buyers.length ? { buyer: buyers[i] } : {})), ['合计', '', '', '', '752.00', 8, '', '', '', '']];
    return entry({
      file: 'orders_total_names.csv', covers: 'buyers named Total, Sum, avg, 合计 and Average (orders with IDs: data) above a real 合计 line with blank keys', bytes: gbk(csv([ORDER_HEADER, ...rows])),
      tables: [table('orders', 9, 8, 0, 1)], cli: ok('orders_total_names.csv', counts(9, 8, 0, 0, 1), ['Unattributed paid orders (paid 2026-11-03): 8 (752.00)']),
    });
  },
  () => {
    const rows = range(12).map((i) => consultation(i, i === 3 ? { agent: '客'.repeat(150_000) } : {}));
    return entry({
      file: 'consultations_150k_name.csv', covers: 'an agent name of 150 000 characters (kept whole in the CSVs, cut to 32 767 in report.xlsx and said so)', bytes: consultFile(rows),
      tables: [table('consultations', 12, 12)], cli: ok('consultations_150k_name.csv', counts(12, 12), ['text of 150000 characters cut']),
    });
  },
  () => {
    const names = ['Total', 'Sum', 'avg', 'TOTAL', 'Average', '合计'];
    const rows = range(12).map((i) => consultation(i, i < 6 ? { buyer: names[i], agent: names[(i + 1) % 6] } : {}));
    return entry({
      file: 'consultations_total_names.csv', covers: 'buyers and agents literally named Total, Sum, avg, Average, 合计 (key cells filled: data, not totals)', bytes: consultFile(rows),
      tables: [table('consultations', 12, 12)], cli: ok('consultations_total_names.csv', counts(12, 12)),
    });
  },
  () => {
    const header = ['Date', 'Agent', 'Consultations', 'Inquiries', 'Paid buyers', 'Inquiry conversion', 'Sales', 'First response (s)'];
    const row = (agent, i) => [DAY, agent, 80 + i, 60 + i, 20 + i, ((20 + i) / (60 + i)).toFixed(4), ((20 + i) * 180).toFixed(2), 12.5];
    const agents = ['Total', 'Sum', 'avg', '乔巴', '小明'];
    const body = [header, ...agents.map((a, i) => row(a, i)), [DAY, 'Total', 410, 310, 110, '0.3548', '19800.00', 12.5]];
    return entry({
      file: 'agent_day_total_names.csv', covers: 'agents named Total, Sum and avg above the real Total line (English agent-day export)', bytes: utf8(csv(body), true),
      tables: [table('agent_day', 6, 5, 0, 1)], cli: ok('agent_day_total_names.csv', counts(6, 5, 0, 0, 1)),
    });
  },
  () => {
    const hidden = ['小丸\u200B子', '\uFEFF乔巴', '小明\u200D', '小\u2060红', '美\u200C美', '阿杰\u00AD'];
    const rows = range(12).map((i) => consultation(i, i < 6 ? { agent: hidden[i], buyer: `tb_\u200B${1000 + i}` } : {}));
    return entry({
      file: 'consultations_zero_width.csv', covers: 'zero-width spaces, joiners, a BOM and a soft hyphen inside agent and buyer names', bytes: consultFile(rows),
      tables: [{ ...table('consultations', 12, 12), agents: [...AGENTS].sort() }], cli: ok('consultations_zero_width.csv', counts(12, 12)),
    });
  },
  () => {
    const rows = range(12).map((i) => consultation(i, i % 4 === 0 ? { agent: AGENTS[i % 6].replace(/^(.)/, '$1\u0000'), buyer: `tb\u0000_${1000 + i}` } : {}));
    return entry({
      file: 'consultations_nul.csv', covers: 'NUL characters inside agent and buyer names', bytes: consultFile(rows),
      tables: [{ ...table('consultations', 12, 12), agents: [...AGENTS].sort() }], cli: ok('consultations_nul.csv', counts(12, 12)),
    });
  },
  () => {
    const escapes = ['\u001b[31m小丸子\u001b[0m', '\u001b]0;pwned\u0007', '\u001b[2J\u001b[H', 'c1\u009b2J', 'evil\u202Etxt.exe', 'bell\u0007'];
    const rows = range(12).map((i) => consultation(i, i < 6 ? { agent: escapes[i], buyer: escapes[(i + 3) % 6] } : {}));
    return entry({
      file: 'consultations_terminal_escapes.csv', covers: 'terminal escape sequences (colour, title, clear screen, C1 CSI, bidi override, bell) in names', bytes: consultFile(rows),
      tables: [table('consultations', 12, 12)], cli: ok('consultations_terminal_escapes.csv', counts(12, 12)),
    });
  },
  () => {
    const rows = PROTO_NAMES.map((name, i) => consultation(i, { agent: name, buyer: PROTO_NAMES[(i + 1) % PROTO_NAMES.length] }));
    const n = rows.length;
    return entry({
      file: 'consultations_proto_names.csv', covers: 'every Object.prototype name as agent and buyer', bytes: consultFile(rows),
      tables: [{ ...table('consultations', n, n), agents: [...PROTO_NAMES].sort() }], cli: ok('consultations_proto_names.csv', counts(n, n)),
    });
  },
  () => {
    const rows = PROTO_NAMES.map((name, i) => order(i, { buyer: name, remark: name, flag: name }));
    const n = rows.length;
    return entry({
      file: 'orders_proto_names.csv', covers: 'every Object.prototype name as buyer, seller remark and flag', bytes: ordersFile(rows),
      tables: [table('orders', n, n)], cli: ok('orders_proto_names.csv', counts(n, n), [`Unattributed paid orders (paid 2026-11-03): ${n}`]),
    });
  },
  () => {
    const amounts = ['398,00', '1.234,50', '59,90', '12', '0,50', '100,00'];
    const rows = range(6).map((i) => order(i, { amount: amounts[i] }));
    return entry({
      file: 'orders_decimal_comma.csv', covers: 'a semicolon file with decimal-comma amounts (398,00; 1.234,50)', bytes: utf8(csv([ORDER_HEADER, ...rows], { delimiter: ';' })),
      tables: [{ ...table('orders', 6, 6), amountTotal: 1804.9 }], cli: ok('orders_decimal_comma.csv', counts(6, 6), ['(1,804.90)']),
    });
  },
  () => {
    const over = [{ amount: '¥1,234.5', items: '１' }, { amount: '￥１２３.００' }, { amount: '(100.00)' }, { amount: '1 234.50' }, { created: `${DAY} 24:00:00`, paid: '' }, { created: '2026-11-31 10:00:00', paid: '' }, { amount: '1.5e3' }];
    return entry({
      file: 'orders_amount_formats.csv', covers: 'amounts as ¥1,234.5, full-width ￥１２３.００, (100.00), 1 234.50 and 1.5e3; times 24:00:00 and 31 November',
      bytes: ordersFile(over.map((o, i) => order(i, o))), tables: [{ ...table('orders', 7, 4, 3), amountTotal: 4092 }],
      messages: ['"(100.00)" is not a number', '"2026-11-03 24:00:00" is not a date and time', '"2026-11-31 10:00:00" is not a date and time'], cli: ok('orders_amount_formats.csv', counts(7, 4, 0, 3)),
    });
  },
  () => {
    const rows = range(10).map((i) => order(i, i === 2 ? { amount: '1e999' } : i === 6 ? { items: '1e999' } : {}));
    return entry({
      file: 'orders_1e999.csv', covers: 'an amount and a quantity of 1e999 (Infinity if parsed naively)', bytes: ordersFile(rows),
      tables: [table('orders', 10, 8, 2)], messages: ['"1e999" is not a number'], cli: ok('orders_1e999.csv', counts(10, 8, 0, 2)),
    });
  },
  () => {
    const rows = range(6).map((i) => agentDay(i, i === 1 ? { inquiries: -5 } : i === 4 ? { consultations: -1 } : {}));
    return entry({
      file: 'agent_day_negative.csv', covers: 'negative counts (询单 −5, 咨询 −1) in an agent-day export', bytes: gbk(csv([AGENT_DAY_HEADER, ...rows])),
      tables: [table('agent_day', 6, 4, 2)], messages: ['-5 is negative', '-1 is negative'], cli: ok('agent_day_negative.csv', counts(6, 4, 0, 2)),
    });
  },
  () => {
    const rows = range(6).map((i) => agentDay(i, [{ inquiries: '1e999' }, { rate: '1e999%' }, { sales: '1E999' }, { first: '1e999' }, {}, {}][i]));
    return entry({
      file: 'agent_day_1e999.csv', covers: '1e999 as a count, a rate (1e999%), an amount and a duration', bytes: utf8(csv([AGENT_DAY_HEADER, ...rows])),
      tables: [table('agent_day', 6, 2, 4)], messages: ['"1e999" is not a number', '"1e999%" is not a rate', '"1E999" is not a number'], cli: ok('agent_day_1e999.csv', counts(6, 2, 0, 4)),
    });
  },
  () => {
    const rows = range(12).map((i) => consultation(i, [{ first: -3 }, { buyerMsgs: -1 }, { start: '2026-02-30 10:00:00' }][i] ?? {}));
    return entry({
      file: 'consultations_negative.csv', covers: 'a negative first response, a negative message count and 30 February', bytes: consultFile(rows),
      tables: [table('consultations', 12, 9, 3)], messages: ['-3 is negative', '-1 is negative', '"2026-02-30 10:00:00" is not a date and time'], cli: ok('consultations_negative.csv', counts(12, 9, 0, 3)),
    });
  },
  () => {
    const rows = range(8).map((i) => order(i, i === 2 ? { created: '2999-11-03 10:02:00', paid: '2999-11-03 11:02:00' } : i === 4 ? { paid: '2999-11-03 11:04:00' } : {}));
    return entry({
      file: 'orders_2999.csv', covers: 'an order created and paid in 2999 (kept, never the default day) and one paid in 2999 for a 2026 order (refused)', bytes: ordersFile(rows),
      tables: [table('orders', 8, 7, 1)], messages: ['more than 366 days after the order was created'],
      cli: { args: ['--lang', 'en', 'orders_2999.csv'], exit: 0, counts: counts(8, 7, 0, 1), messages: ['Unattributed paid orders (paid 2026-11-03 – 2999-11-03): 7 (653.00)'], absent: ['2999-11-03 is', 'Daily 2999', 'Ranking 2999', 'Payroll 2999'] },
    });
  },
  () => {
    const rates = ['45', '45%', '0.45', '45.0 %', '0.4500', '4500%'];
    const rows = range(6).map((i) => agentDay(i, { rate: rates[i] }));
    return entry({
      file: 'agent_day_rates.csv', covers: 'a rate column written 45, 45%, 0.45, 45.0 %, 0.4500 and 4500% (45 and 4500% refused, decisions.md)', bytes: utf8(csv([AGENT_DAY_HEADER, ...rows])),
      tables: [table('agent_day', 6, 4, 2)], messages: ['"45" is not a rate', '"4500%" is not a rate'], cli: ok('agent_day_rates.csv', counts(6, 4, 0, 2)),
    });
  },
  () => {
    const header = ['日期', '旺旺昵称', '咨询人数', '接待人数', '首次响应(秒)', '平均接待时长'];
    const times = [['8分48秒', '12分3秒'], ['48秒', '5分'], ['12.5', '528'], ['1分2秒', '1小时2分'], ['九秒', '3分'], ['20', '10分10秒']];
    const rows = range(6).map((i) => [DAY, AGENTS[i], 80 + i, 70 + i, ...times[i]]);
    return entry({
      file: 'chitu_durations.csv', covers: '赤兔 客服数据 with durations written 8分48秒, 48秒, 1小时2分 and one unreadable (九秒)', bytes: utf8(csv([header, ...rows]), true),
      tables: [table('agent_day', 6, 5, 1)], messages: ['"九秒" is not a duration'], cli: ok('chitu_durations.csv', counts(6, 5, 0, 1)),
    });
  },
  () => {
    const huge = '备注'.repeat(75_000);
    const rows = range(5).map((i) => order(i, i === 1 ? { remark: huge } : {}));
    return entry({
      file: 'orders_150k_cell.csv', covers: 'a seller remark of 150 000 characters (paid order without an agent ID: it reaches the Unattributed tab)', bytes: ordersFile(rows),
      tables: [table('orders', 5, 5)], cli: ok('orders_150k_cell.csv', counts(5, 5), ['text of 150000 characters cut']),
    });
  },
  () => {
    const rows = range(8).map((i) => order(i, i === 2 ? { paid: `${DAY} 09:00:00` } : i === 5 ? { paid: '2026-11-01 23:59:59' } : {}));
    return entry({
      file: 'orders_paid_before_created.csv', covers: 'orders paid before they were created', bytes: gbk(csv([ORDER_HEADER, ...rows])),
      tables: [table('orders', 8, 6, 2)], messages: ['before the order was created'], cli: ok('orders_paid_before_created.csv', counts(8, 6, 0, 2)),
    });
  },
  () => {
    const rows = range(12).map((i) => consultation(i, i === 7 ? { start: '2999-11-03 10:07:00' } : {}));
    return entry({
      file: 'consultations_2999.csv', covers: 'one chat dated 2999 among a day of chats (kept, flagged as implausible, never the default day)', bytes: consultFile(rows),
      tables: [table('consultations', 12, 12)],
      cli: { args: ['--lang', 'en', 'consultations_2999.csv'], exit: 0, counts: counts(12, 12), messages: ['Daily 2026-11-03: 11 inquiries'] },
    });
  },
  () => {
    const rows = range(12).map((i) => consultation(i, i < 6 ? { buyer: INJECTIONS[i], agent: INJECTIONS[(i + 2) % 6] } : {}));
    return entry({
      file: 'consultations_injection.csv', covers: 'CSV-injection text (=HYPERLINK, +, -, @, tab, CR first) as buyer and agent', bytes: consultFile(rows),
      tables: [table('consultations', 12, 12)], cli: ok('consultations_injection.csv', counts(12, 12)),
    });
  },
  () => {
    const rows = range(6).map((i) => order(i, { id: `${INJECTIONS[i]}${i}`, buyer: INJECTIONS[(i + 1) % 6], remark: INJECTIONS[(i + 2) % 6], flag: INJECTIONS[(i + 3) % 6] }));
    return entry({
      file: 'orders_injection.csv', covers: 'CSV-injection text in order ID, buyer, seller remark and flag', bytes: ordersFile(rows),
      tables: [table('orders', 6, 6)], cli: ok('orders_injection.csv', counts(6, 6), ['Unattributed paid orders (paid 2026-11-03): 6']),
    });
  },
  () => {
    const rows = range(6).map((i) => order(i, { status: INJECTIONS[i], coupon: i === 0 ? '=1' : '否' }));
    return entry({
      file: 'orders_injection_status.csv', covers: 'CSV-injection text as order status (kept as an unknown status) and as the coupon flag (=1: not yes or no, refused)', bytes: ordersFile(rows),
      tables: [table('orders', 6, 5, 1)], messages: ['"=1" is not yes or no'], cli: { ...ok('orders_injection_status.csv', counts(6, 5, 0, 1)), errors: ['"""=1"" is not yes or no'] },
    });
  },
  () => {
    const header = ['日期', '店铺', '访客数', '浏览量', '支付金额', '支付买家数', '咨询人数'];
    const rows = range(6).map((i) => [DAY, `${INJECTIONS[i]}店铺${i}`, 5000 + i, 12000 + i, '36,000.00', 200 + i, 600 + i]);
    return entry({
      file: 'shop_day_injection.csv', covers: 'CSV-injection text as shop names of a shop overview page (店铺每日登记)', bytes: utf8(csv([header, ...rows]), true),
      tables: [table('shop_day', 6, 6)], cli: ok('shop_day_injection.csv', counts(6, 6)),
    });
  },
  () => {
    const rows = range(6).map((i) => agentDay(i, { agent: `${INJECTIONS[i]}${AGENTS[i]}` }));
    return entry({
      file: 'agent_day_injection.csv', covers: 'CSV-injection text as agent names of an agent-day export', bytes: gbk(csv([AGENT_DAY_HEADER, ...rows])),
      tables: [table('agent_day', 6, 6)], cli: ok('agent_day_injection.csv', counts(6, 6)),
    });
  },
];
