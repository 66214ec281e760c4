/**
 * The chats-to-review report on a shop small enough to rank by hand: agent A
 * (flagged below team conversion) with one inquiry per reason, B (converts
 * everything, not flagged), and C known from an export only (flagged for its
 * response rate).
 */
import { describe, expect, it } from 'vitest';
import { buildReports } from '../../src/reports';
import { prepareReportData } from '../../src/reports/data';
import { dailyFigures } from '../../src/reports/daily';
import { chatReview, REVIEW_CAP, REVIEW_FLAGS } from '../../src/reports/chatReview';
import { reviewCsv, reviewTab } from '../../src/reports/reviewTab';
import { DAY, reviewShop as shop } from '../support/reviewShop';
import { wallClock } from '../support/fixtures';
import { TEST_NOW } from '../support/now';
import { printSetupOf } from '../../src/reports/layout';
import { rollUpDay } from '../../src/core/rollup';
import { dayOf } from '../../src/core/dates';

describe('chats to review', () => {
  const data = prepareReportData(shop(), TEST_NOW);
  const daily = dailyFigures(data, DAY);
  const review = chatReview(data, daily);

  it('reviews the flagged agents only, from their chats or, without chats, their export', () => {
    // B's only flag is its unremarked orders: nothing in its chats to read.
    expect(daily.agents[1].flags).toEqual(['unattributed_orders', 'learn_from']);
    expect(daily.agents.map((a) => [a.day.agent, a.flags.filter((f) => REVIEW_FLAGS.includes(f))])).toEqual([
      ['A', ['below_team_conversion']],
      ['B', []],
      ['C', ['below_team_conversion', 'low_response_rate']],
    ]);
    expect(review.agents.map((a) => [a.day.agent, a.source])).toEqual([['A', 'chats'], ['C', 'exports']]);
    expect(review.provisional).toBe(false);
  });

  it('ranks by the strongest reason, then stake, then buyer messages, and caps the list', () => {
    const a = review.agents[0];
    // 12 inquiries (chatty's two chats are one), 1 paid.
    expect([a.inquiries, a.unconverted, a.chats.length]).toEqual([12, 11, REVIEW_CAP]);
    expect(a.chats.map((c) => [c.buyer, c.reasons])).toEqual([
      ['silent', ['no_reply']],
      ['orderer', ['unpaid_order']],
      ['waiter', ['slow_first_response']],
      ['regular', ['returning_buyer']],
      ['chatty', []],
    ]);
    const chatty = a.chats[4];
    expect([chatty.chats, chatty.buyerMessages, chatty.agentMessages, chatty.opened]).toEqual([2, 13, 4, wallClock(`${DAY} 10:00:00`)]);
    expect([a.chats[1].unpaidAmount, a.chats[3].paidBefore, a.chats[0].firstResponseSec]).toEqual([100, 500, null]);
  });

  it('counts a buyer as returning only for payments in the 30-day repurchase look-back', () => {
    const input = shop();
    const paid = input.orders.find((o) => o.orderId === 'o0')!;
    const day = 86_400_000;
    const opened = wallClock(`${DAY} 09:30:00`);
    const at = (t: number) => ({ ...input, orders: input.orders.map((o) => (o === paid ? { ...o, created: t, paidAt: t } : o)) });
    const regularOf = (t: number) => {
      const moved = prepareReportData(at(t), TEST_NOW);
      return chatReview(moved, dailyFigures(moved, DAY)).agents[0].chats.concat().find((c) => c.buyer === 'regular');
    };
    expect(regularOf(opened - 30 * day)?.paidBefore).toBe(500);
    const beyond = regularOf(opened - 30 * day - 1000);
    expect(beyond?.paidBefore ?? 0).toBe(0);
    expect(beyond?.reasons ?? []).not.toContain('returning_buyer');
  });

  it('writes the tab and review.csv in the report language, with how many more and the export\'s counts', () => {
    const tab = reviewTab(data, review);
    const cells = tab.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === 'string');
    expect(cells).toContain('ordered 100.00, not paid; buyer messages: 4');
    expect(cells).toContain('first reply after 50 s (target 20 s); buyer messages: 6');
    expect(cells).toContain('A · below team conversion: review chats · 11 unconverted of 12 inquiries; 6 more not listed');
    expect(cells).toContain('C · below team conversion: review chats; low response rate · chats not imported; the export counts slow responses: 4, unanswered: 8');
    expect(tab.frozenRows).toBe(3);
    // Printed like the other report tabs: title, hint and header on every A4 landscape page, one page wide at 85 % or more.
    expect(printSetupOf(tab)).toEqual({ repeatRows: { first: 0, last: 2 }, repeatCols: null, fitToWidth: true });
    const csv = reviewCsv(data, review);
    const col = (name: string) => csv.header.indexOf(name);
    expect(csv.rows.map((r) => [r[col('Agent')], r[col('#')], r[col('Buyer')], r[col('Reason keys')]])).toEqual([
      ['A', '1', 'silent', 'no_reply'],
      ['A', '2', 'orderer', 'unpaid_order'],
      ['A', '3', 'waiter', 'slow_first_response'],
      ['A', '4', 'regular', 'returning_buyer'],
      ['A', '5', 'chatty', ''],
      ['C', '', '', 'chats_not_imported'],
    ]);
    expect(csv.rows[1].slice(col('Unconverted inquiries'), col('Inquiries') + 1)).toEqual(['11', '12']);
    expect(csv.rows[1][col('Ordered, not paid')]).toBe('100.00');
    expect(csv.rows[0][col('First response (s)')]).toBe('');
    expect(csv.rows[2][col('First response (s)')]).toBe('50.00');
    expect(csv.rows[5].slice(col('Slow responses (export)'), col('Unanswered (export)') + 1)).toEqual(['4', '8']);
  });

  it('says in Chinese why, in its own tab and review.csv', () => {
    const run = buildReports(shop('zh'), { date: DAY, now: TEST_NOW });
    expect(run.tabs.find((t) => t.key === 'review')!.name).toBe('待复盘会话');
    const csv = run.csvs.find((c) => c.fileName === 'review.csv')!;
    expect(csv.header.slice(0, 4)).toEqual(['日期', '客服', '标记', '序号']);
    expect(csv.rows.map((r) => r[14])).toEqual([
      '未回复；买家消息 2 条',
      '已下单 100.00 未付款；买家消息 4 条',
      '首次响应 50 秒（目标 20 秒）；买家消息 6 条',
      '老顾客，此前付款 500.00；买家消息 1 条',
      '买家消息 13 条',
      '未导入聊天记录：报表统计慢响应 4 人，未回复 8 人',
    ]);
    expect(run.summary).toContain(`待复盘会话 ${DAY}：2 位被标记客服，共列出 5 条`);
  });

  it('lists nothing when no agent is flagged, and says so', () => {
    const calm = shop();
    calm.consultations = calm.consultations.filter((c) => c.agent === 'B');
    calm.agentDays = [];
    const quiet = prepareReportData(calm, TEST_NOW);
    const none = chatReview(quiet, dailyFigures(quiet, DAY));
    expect(none.agents).toEqual([]);
    expect(reviewCsv(quiet, none).rows).toEqual([]);
    expect(reviewTab(quiet, none).blocks.flatMap((b) => b.values.flat())).toContain(`No agent is flagged for review on ${DAY}.`);
  });

  it('reads a day after rolled-up days as the raw records do: a repeat of an inquiry the roll-up left open is no new inquiry', () => {
    const input = shop();
    // chatty first wrote the evening before: the DAY chats repeat that inquiry, which is not DAY's.
    input.consultations.push({ ...input.consultations[0], buyer: 'chatty', start: wallClock('2026-11-19 20:00:00'), firstResponseSec: 5 });
    const raw = chatReview(prepareReportData(input, TEST_NOW), dailyFigures(prepareReportData(input, TEST_NOW), DAY));
    expect(raw.agents[0].chats.map((c) => c.buyer)).not.toContain('chatty');
    const eve = '2026-11-19';
    const rolledUp = rollUpDay(eve, input.consultations, input.orders, input.roster, input.rules);
    const rolled = { ...input, consultations: input.consultations.filter((c) => dayOf(c.start) !== eve), rolledUp };
    const after = prepareReportData(rolled, TEST_NOW);
    expect(chatReview(after, dailyFigures(after, DAY))).toEqual(raw);
  });

  it('says so when the day itself was rolled up', () => {
    const input = shop();
    const rolledUp = rollUpDay(DAY, input.consultations, input.orders, input.roster, input.rules);
    const rolled = { ...input, consultations: [], orders: input.orders.filter((o) => dayOf(o.created) !== DAY), rolledUp };
    const data = prepareReportData(rolled, TEST_NOW);
    const review = chatReview(data, dailyFigures(data, DAY));
    expect(review.agents.map((a) => [a.day.agent, a.source])).toEqual([['A', 'rolled_up'], ['C', 'exports']]);
    expect(reviewCsv(data, review).rows.map((r) => r.at(-1))).toEqual(['chats_rolled_up', 'chats_not_imported']);
  });
});
