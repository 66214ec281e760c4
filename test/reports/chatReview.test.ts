/**
 * The chats-to-review report on a shop small enough to rank by hand: agent A
 * (flagged below team conversion) with one inquiry per reason, B (converts
 * everything, not flagged), and C known from an export only (flagged for its
 * response rate).
 */
import { describe, expect, it } from 'vitest';
import { buildReports, type ReportInput } from '../../src/reports';
import { prepareReportData } from '../../src/reports/data';
import { dailyFigures } from '../../src/reports/daily';
import { chatReview, REVIEW_CAP, REVIEW_FLAGS } from '../../src/reports/chatReview';
import { reviewCsv, reviewTab } from '../../src/reports/reviewTab';
import { defaultRules } from '../../src/core/rules';
import { emptyCounts } from '../../src/core/metrics';
import type { Consultation, Order } from '../../src/core/types';
import { exportedOf } from '../support/exported';
import { wallClock } from '../support/fixtures';
import { TEST_NOW } from '../support/now';

const DAY = '2026-11-20';
const chat = (agent: string, buyer: string, time: string, firstResponseSec: number | null, buyerMessages = 3): Consultation => ({
  buyer, agent, start: wallClock(`${DAY} ${time}`), firstResponseSec, buyerMessages, agentMessages: 2, category: 'presale',
});
const order = (orderId: string, buyer: string, created: string, paid: string | null, amount: number): Order => ({
  orderId, buyer, created: wallClock(created), paidAt: paid ? wallClock(paid) : null, amount, items: 1, status: paid ? '交易成功' : '等待买家付款', refunded: false, couponUsed: false, remark: '', flag: '',
});

function shop(language: 'en' | 'zh' = 'en'): ReportInput {
  const consultations: Consultation[] = [
    chat('A', 'silent', '09:00:00', null, 2), // no reply
    chat('A', 'orderer', '09:10:00', 5, 4), // ordered 100, never paid
    chat('A', 'waiter', '09:20:00', 50, 6), // first reply after 50 s (target 20)
    chat('A', 'regular', '09:30:00', 4, 1), // paid 500 on 2026-11-01
    chat('A', 'chatty', '10:00:00', 3, 9),
    chat('A', 'chatty', '15:00:00', 3, 4), // a repeat: one inquiry, 2 chats, 13 buyer messages
    chat('A', 'buyer', '10:05:00', 2, 8), // paid: converted, never listed
    ...Array.from({ length: 6 }, (_, i) => chat('A', `quiet${i}`, `11:0${i}:00`, 2, 2 + (i % 3))),
    ...Array.from({ length: 10 }, (_, i) => chat('B', `fan${i}`, `12:0${i}:00`, 3)),
  ];
  const orders: Order[] = [
    order('o1', 'orderer', `${DAY} 09:20:00`, null, 100),
    order('o2', 'buyer', `${DAY} 10:30:00`, `${DAY} 10:31:00`, 80),
    order('o0', 'regular', '2026-11-01 10:00:00', '2026-11-01 10:01:00', 500),
    ...Array.from({ length: 10 }, (_, i) => order(`b${i}`, `fan${i}`, `${DAY} 13:00:00`, `${DAY} 13:05:00`, 60)),
    // A record after the attribution window closes DAY's figures.
    order('late', 'someone', '2026-11-23 10:00:00', null, 1),
  ];
  const c = { ...emptyCounts(), date: DAY, agent: 'C', consultations: 20, receptions: 12, inquiries: 15, paid: 3, slowResponses: 4, unanswered: 8 };
  return {
    language,
    rules: { ...defaultRules(), conversionTarget: 0.3 },
    roster: ['A', 'B', 'C'].map((name, i) => ({ name, id: `10${i}`, shift: 'day' as const, basePay: 3000, active: true })),
    events: [],
    consultations,
    orders,
    agentDays: [exportedOf(c)],
    shopDays: [],
    rejections: [],
  };
}

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

  it('writes the tab and review.csv in the report language, with how many more and the export\'s counts', () => {
    const tab = reviewTab(data, review);
    const cells = tab.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === 'string');
    expect(cells).toContain('ordered 100.00, not paid; 4 buyer messages');
    expect(cells).toContain('first reply after 50 s (target 20 s); 6 buyer messages');
    expect(cells).toContain('6 more not listed: 11 unconverted of 12 inquiries');
    expect(cells).toContain('chats not imported; the export counts slow responses: 4, unanswered: 8');
    expect(tab.frozenRows).toBe(3);
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

  it('says in Chinese why, and puts the tab after the Daily', () => {
    const run = buildReports(shop('zh'), { date: DAY, now: TEST_NOW });
    expect(run.tabs.map((t) => t.key).slice(0, 2)).toEqual(['daily', 'review']);
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
});
