/**
 * A shop small enough to rank its chats to review by hand (test/reports/chatReview.test.ts,
 * test/gas/review.test.ts): agent A (below team conversion) with one inquiry per
 * reason, B (converts everything, not flagged for review), and C known from an
 * export only (flagged for its response rate), all on DAY.
 */
import type { ReportInput } from '../../src/reports';
import { defaultRules } from '../../src/core/rules';
import { emptyCounts } from '../../src/core/metrics';
import type { Consultation, Order } from '../../src/core/types';
import { exportedOf } from './exported';
import { wallClock } from './fixtures';

export const DAY = '2026-11-20';
const chat = (agent: string, buyer: string, time: string, firstResponseSec: number | null, buyerMessages = 3): Consultation => ({
  buyer, agent, start: wallClock(`${DAY} ${time}`), firstResponseSec, buyerMessages, agentMessages: 2, category: 'presale',
});
const order = (orderId: string, buyer: string, created: string, paid: string | null, amount: number): Order => ({
  orderId, buyer, created: wallClock(created), paidAt: paid ? wallClock(paid) : null, amount, items: 1, status: paid ? '交易成功' : '等待买家付款', refunded: false, couponUsed: false, remark: '', flag: '',
});

export function reviewShop(language: 'en' | 'zh' = 'en'): ReportInput {
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

