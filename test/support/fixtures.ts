/**
 * The synthetic shop of test/fixtures as typed records, read without the
 * import core (papaparse + iconv-lite), so engine tests stand on their own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import type { Agent, Consultation, ConsultationCategory, Order } from '../../src/core/types';

export const FIXTURES = join(__dirname, '../fixtures');

const CATEGORY: Record<string, ConsultationCategory> = { 售前: 'presale', 售后: 'after_sales', 赠品: 'freebie' };

/** `YYYY-MM-DD HH:mm:ss` as wall-clock ms (LocalTime). */
export const wallClock = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`);

function rows(file: string, encoding: string): string[][] {
  const text = iconv.decode(readFileSync(join(FIXTURES, file)), encoding).replace(/^\uFEFF/, '');
  return (Papa.parse<string[]>(text, { skipEmptyLines: true }).data as string[][]).slice(1);
}

export function fixtureConsultations(): Consultation[] {
  return rows('consultations.csv', 'utf-8').map(([buyer, agent, start, first, buyerMsgs, agentMsgs, category]) => ({
    buyer,
    agent,
    start: wallClock(start),
    firstResponseSec: first === '' ? null : Number(first),
    buyerMessages: Number(buyerMsgs),
    agentMessages: Number(agentMsgs),
    category: CATEGORY[category],
  }));
}

export function fixtureOrders(): Order[] {
  return rows('orders.csv', 'gb18030').map(([orderId, buyer, created, paid, amount, items, status, coupon, remark, flag]) => ({
    orderId,
    buyer,
    created: wallClock(created),
    paidAt: paid === '' ? null : wallClock(paid),
    amount: Number(amount),
    items: Number(items),
    status,
    refunded: status === '退款成功',
    couponUsed: coupon === '是',
    remark,
    flag,
  }));
}

export function fixtureRoster(): Agent[] {
  return rows('roster.csv', 'utf-8').map(([name, id, shift, basePay, active]) => ({
    name,
    id,
    shift: shift === 'night' ? 'night' : 'day',
    basePay: Number(basePay),
    active: active === 'yes',
  }));
}

export interface ExpectedStats {
  consultations: number;
  excluded: number;
  firstResponseSec: number;
  inquiries: number;
  items: number;
  paid: number;
  placed: number;
  qaRatio: number;
  sales: number;
}

export function fixtureExpected(): { stats: Record<string, ExpectedStats>; attributed: Record<string, number>; unattributed: string[] } {
  return JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));
}
