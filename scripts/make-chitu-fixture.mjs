#!/usr/bin/env node
/**
 * Writes test/fixtures/chitu/daily_database_2026-05-0{1,2}_fixture.xlsx: two
 * workbooks laid out like the public 赤兔 storage workbooks of REAL_EXPORTS §1
 * (same sheet names, column headers, the storage's id/created_at columns, real
 * Excel date cells, text cells where the storage writes text, the non-CS
 * sheets beside them) but with made-up figures chosen so every expected number
 * of test/import/chituWorkbooks.test.ts can be worked out by hand.
 * And daily_database_2026-05-03_fixture.xlsx: the day after the public
 * workbooks, for the same shop and its twelve accounts, as 赤兔 shows the
 * latest day: 询单 and conversion read 延迟统计 (test/cli/realShopJudgements.test.ts).
 * Run `node scripts/make-chitu-fixture.mjs`; the output is committed.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test/fixtures/chitu');

const AGENTS = ['amy', 'ben', 'cara', 'dora', 'eve', 'finn', 'gus', 'hana', 'ivy', 'jack', 'kim', 'leo'];
const PENDING = '延迟统计';

/**
 * The figures of the agents on duty; every other agent is a row of zeros.
 * conv is written as 赤兔 states it (4 decimals, text); rr is 赤兔's own 回复率,
 * deliberately not receptions ÷ consultations.
 */
const DAYS = {
  '2026-05-01': {
    amy: { cons: 50, rec: 40, inq: 40, conv: '0.2500', sales: 20000, items: 12, buyers: 10, orders: 11, bm: 200, am: 300, qa: 1.5, first: 12.5, avg: 20, rr: 0.95, session: '300.5' },
    ben: { cons: 40, rec: 36, inq: 32, conv: '0.1250', sales: 6400, items: 4, buyers: 4, orders: 4, bm: 200, am: 250, qa: 1.25, first: 20, avg: 30, rr: 1, session: '420' },
    cara: { cons: 20, rec: 20, inq: 10, conv: '0.3000', sales: 4500, items: 3, buyers: 3, orders: 3, bm: 100, am: 120, qa: 1.2, first: 8, avg: 15, rr: 1, session: '200' },
    dora: { cons: 2, rec: 1, inq: 1, conv: '0', sales: 0, items: 0, buyers: 0, orders: 0, bm: 2, am: 1, qa: 0.5, first: 60, avg: 60, rr: 0.5, session: '30', unanswered: 1 },
    eve: { cons: 45, rec: 45, inq: 30, conv: '0.2000', sales: 9000, items: 6, buyers: 6, orders: 6, bm: 150, am: 150, qa: 1, first: 15, avg: 25, rr: 1, session: '350' },
  },
  '2026-05-02': {
    amy: { cons: 60, rec: 48, inq: 36, conv: '0.1944', sales: 15400, items: 8, buyers: 7, orders: 7, bm: 240, am: 300, qa: 1.25, first: 10.5, avg: 18, rr: 1, session: '280' },
    // 赤兔 has not counted ben's inquiries yet: 询单人数 and the conversion read 延迟统计.
    ben: { cons: 30, rec: 30, inq: PENDING, conv: PENDING, sales: 3000, items: 1, buyers: 1, orders: 1, bm: 90, am: 120, qa: 1.3333, first: 25, avg: 35, rr: 1, session: '400' },
    cara: { cons: 25, rec: 24, inq: 19, conv: '0.0526', sales: 1999.9, items: 1, buyers: 1, orders: 1, bm: 100, am: 130, qa: 1.3, first: 9.9, avg: 14, rr: 0.96, session: '250' },
  },
};

/** The public workbooks' shop (its twelve 赤兔 accounts, in their order) on the day after them. */
const REAL_SHOP_AGENTS = ['zoey', 'winnie', 'melissa', 'liz', 'james', 'fanny', 'dianna', 'cissce', 'bob', 'WhaleChen', 'EchoQian', 'AbbyWang'];
const REAL_SHOP_LATER_DAY = {
  '2026-05-03': {
    // 询单 not counted yet; 销售额 and 销售人数 are final: AOV 12 000 ÷ 1.
    winnie: { sat: PENDING, cons: 30, rec: 22, inq: PENDING, conv: PENDING, sales: 12000, items: 2, buyers: 1, orders: 1, bm: 180, am: 260, qa: 1.4444, first: 15.2, avg: 26.1, rr: 1, session: '600' },
    liz: { sat: PENDING, cons: 25, rec: 20, inq: PENDING, conv: PENDING, sales: 0, items: 0, buyers: 0, orders: 0, bm: 150, am: 190, qa: 1.2667, first: 14, avg: 21, rr: 1, session: '520' },
    melissa: { sat: PENDING, cons: 28, rec: 21, inq: PENDING, conv: PENDING, sales: 45000, items: 4, buyers: 1, orders: 1, bm: 160, am: 200, qa: 1.25, first: 30, avg: 45, rr: 1, session: '700' },
    // james's only day in the data: 3 chats, answered, nothing final but his response figures.
    james: { sat: PENDING, cons: 3, rec: 3, inq: PENDING, conv: PENDING, sales: 0, items: 0, buyers: 0, orders: 0, bm: 6, am: 8, qa: 1.3333, first: 9.5, avg: 11, rr: 1, session: '90' },
    // fanny answered nobody: one buyer, 未回复 1; 赤兔 writes 0 s for her response times.
    fanny: { sat: PENDING, cons: 1, rec: 1, inq: PENDING, conv: PENDING, sales: 0, items: 0, buyers: 0, orders: 0, bm: 1, am: 0, qa: 0, first: 0, avg: 0, rr: 0, session: '0', unanswered: 1 },
  },
};

const ZERO = { cons: 0, rec: 0, inq: 0, conv: '0', sales: 0, items: 0, buyers: 0, orders: 0, bm: 0, am: 0, qa: 0, first: 0, avg: 0, rr: 0, session: '0' };

const day = (iso) => new Date(`${iso}T00:00:00.000Z`);
const stamp = (iso, time) => new Date(`${iso}T${time}.000Z`);

/** One sheet: header, rows, and the number format of each Date column. */
function addSheet(wb, name, header, rows) {
  const ws = wb.addWorksheet(name);
  ws.addRow(header);
  for (const row of rows) {
    const added = ws.addRow(row);
    row.forEach((value, i) => {
      if (!(value instanceof Date)) return;
      const whole = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
      added.getCell(i + 1).numFmt = whole ? 'yyyy-mm-dd' : 'yyyy-mm-dd h:mm:ss';
    });
  }
}

function chituSheets(wb, iso, firstId, created, agents = AGENTS, days = DAYS) {
  const figures = agents.map((agent, i) => ({ id: firstId + i, agent, ...ZERO, unanswered: 0, ...(days[iso][agent] ?? {}) }));
  // sat: PENDING = 赤兔 has not counted the satisfaction survey yet either.
  const satisfaction = (f) =>
    f.sat === PENDING ? Array(7).fill(PENDING) : f.rec > 0 ? ['0.2', '1', '2', '0', '0', '0', '0'] : ['0', '0', '0', '0', '0', '0', '0'];
  addSheet(
    wb,
    '赤兔-人均日接入',
    ['id', '日期', '旺旺', '接待人数', '平均响应秒', '回复率', '询单最终付款成功率', '上班天数', '评价发送率', '客户满意比', '很满意', '满意', '一般', '不满意', '很不满意', 'created_at'],
    figures.map((f) => [f.id, day(iso), f.agent, f.rec, f.avg, f.rr, f.conv, f.rec > 0 ? 1 : 0, ...satisfaction(f), created]),
  );
  addSheet(
    wb,
    '赤兔-每周店铺个人数据',
    ['id', '旺旺昵称', '咨询人数', '接待人数', '询单人数', '销售额', '销售量', '销售人数', '订单数', 'date_time', 'created_at'],
    // The storage keeps 询单人数 as text (it may read 延迟统计).
    figures.map((f) => [f.id, f.agent, f.cons, f.rec, String(f.inq), f.sales, f.items, f.buyers, f.orders, day(iso), created]),
  );
  addSheet(
    wb,
    '赤兔-客服数据23年新',
    ['id', '旺旺昵称', '咨询人数', '接待人数', '直接接待人数', '转入人数', '转出人数', '总消息', '买家消息', '客服消息', '答问比', '客服字数', '最大同时接待', '未回复人数', '旺旺回复率', '慢响应人数', '长接待人数', '首次响应秒', '平均响应秒', '平均接待秒', '平均接待时长秒', 'date_time', 'created_at'],
    figures.map((f) => [
      f.id, f.agent, f.cons, f.rec, f.rec, 0, 0, f.bm + f.am, f.bm, f.am, f.qa, f.am * 30, f.rec > 0 ? 3 : 0, f.unanswered, f.rr, 0, f.rec > 10 ? 1 : 0,
      f.first, f.avg, f.session, null, day(iso), created,
    ]),
  );
}

/** The sheets that are not customer-service data: what the storage keeps beside the 赤兔 reports. */
function otherSheets(wb, iso, n, created) {
  const ads = ['id', 'date_time', 'cost', 'imp', 'click', 'order_count', 'sales', 'shopping_cart', 'bookmark_product', 'bookmark_store', 'ctr', 'cpc', 'cpm', 'roi', 'cvr', 'collection_cart_cost', 'collection_cart_count', 'collection_cart_rate', 'created_at'];
  addSheet(wb, '阿里妈妈-引力魔方', ads, [[n, day(iso), '￥1,000.00', 40000, 1000, 1, '￥5,000.00', 10, 20, 1, '2.50%', '￥1.00', '￥25.00', 5, '0.10%', '￥50.00', 20, '2.00%', created]]);
  addSheet(wb, '阿里妈妈-万相台', ads, [[n, day(iso), '￥500.00', 10000, 400, 0, '￥0.00', 2, 2, 0, '4.00%', '￥1.25', '￥50.00', 0, '0.00%', '￥125.00', 4, '1.00%', created]]);
  addSheet(
    wb,
    'order_list',
    ['order_id', 'item_title', 'package_type', 'buy_mount', 'actual_fee', 'order_time', 'status_text', 'order_date', 'created_at', 'updated_at'],
    [
      [`90000000000000${n}01`, '测试线路|上海出发 邮轮五日游', '内舱房2人房', 2, 6000, stamp(iso, '10:15:00'), '卖家已发货', day(iso), created, created],
      [`90000000000000${n}02`, '测试线路|上海出发 邮轮五日游', '阳台房2人房', 2, 9000, stamp(iso, '15:40:30'), '卖家已发货', day(iso), created, created],
    ],
  );
  const empty = (count) => Array.from({ length: count }, () => null);
  addSheet(
    wb,
    '店铺日度关键数据',
    ['id', '日期', 'total_pv', 'total_uv', '流量来源广告_uv', '流量来源平台_uv', '流量来源汇总', '直引万品点击量', 'chat_volume', 'total_bookings', 'total_pax', 'gmv', 'pingxiaobao_cost', 'pingxiaobao_imp', 'pingxiaobao_click', 'tmall_express_cost', 'tmall_express_imp', 'tmall_express_click', 'gravity_rubiks_cube_cost', 'gravity_rubiks_cube_imp', 'gravity_rubiks_cube_click', 'mansa_dae_cost', 'mansa_dae_views', 'mansa_dae_click', 'super_recommendation_cost', 'cost_total', 'imp_total', 'click_total', 'pingxiaobao_booked_cabin', 'tmall_express_booked_cabin', 'gravity_rubiks_cube_booked_cabin', 'mansa_dae_booked_cabin', 'created_at'],
    [[n, day(iso), 20000, 10000, 8000, 2000, null, null, null, 4, 8, 50000, ...empty(20), created]],
  );
  addSheet(
    wb,
    '店铺每日登记',
    ['id', '日期', 'PV', 'UV', 'PaidUV', '关注店铺人数', 'GMV', '咨询人数', '咨询转化率', '下单买家数', '下单转化率', 'created_at'],
    [[n, day(iso), null, null, null, 10 * n, null, null, null, null, null, created]],
  );
}

async function workbook(iso, n, shop = { agents: AGENTS, days: DAYS, name: `daily_database_${iso}_fixture.xlsx` }) {
  const wb = new ExcelJS.Workbook();
  // Fixed metadata so the same script writes the same workbook.
  wb.creator = 'scripts/make-chitu-fixture.mjs';
  wb.created = wb.modified = stamp('2026-05-16', '20:00:00');
  const created = stamp('2026-05-16', `20:0${n}:31`);
  const summary = wb.addWorksheet('汇总');
  summary.addRow(['日期', iso]);
  summary.addRow([]);
  summary.addRow(['表名', '日期字段', '行数']);
  for (const line of [['赤兔-人均日接入', '日期', 12], ['赤兔-每周店铺个人数据', 'date_time', 12], ['赤兔-客服数据23年新', 'date_time', 12], ['阿里妈妈-引力魔方', 'date_time', 1], ['阿里妈妈-万相台', 'date_time', 1], ['order_list', 'order_date', 2], ['店铺日度关键数据', '日期', 1], ['店铺每日登记', '日期', 1]]) {
    summary.addRow(line);
  }
  chituSheets(wb, iso, 100 * n + 1, created, shop.agents, shop.days);
  otherSheets(wb, iso, n, created);
  const path = join(OUT, shop.name);
  await wb.xlsx.writeFile(path);
  console.log(`wrote ${path}`);
}

mkdirSync(OUT, { recursive: true });
await workbook('2026-05-01', 1);
await workbook('2026-05-02', 2);
await workbook('2026-05-03', 3, { agents: REAL_SHOP_AGENTS, days: REAL_SHOP_LATER_DAY, name: 'daily_database_2026-05-03_fixture.xlsx' });
