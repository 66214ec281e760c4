/** Small builders for the sheets tests: records, chunks, and a fake world installed as globals. */
import { vi } from 'vitest';
import { localTime } from '../../src/core/dates';
import type { Consultation, ExportedAgentDay, Order, Rejection } from '../../src/core/types';
import { emptyCounts } from '../../src/core/metrics';
import { exportedOf } from '../support/exported';
import type { ImportChunk } from '../../src/sheets/importApi';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';

/** A fresh fake world, installed as the Apps Script globals for source-level tests. */
export function installFake(opts: { locale?: string } = {}): FakeSpreadsheetApp {
  const fake = new FakeSpreadsheetApp(opts);
  for (const [name, value] of Object.entries(fake.globals())) vi.stubGlobal(name, value);
  return fake;
}

/** One export row stating a whole agent-day (as the fixture's 客服日数据 does). */
export function agentDay(date: string, agent: string, inquiries: number | null = 50): ExportedAgentDay {
  return exportedOf({
    ...emptyCounts(),
    date,
    agent,
    consultations: 60,
    receptions: 58,
    excluded: 10,
    inquiries,
    placed: 20,
    paid: 18,
    salesBuyers: 17,
    sales: 1234.5,
    items: 30,
    couponBuyers: null,
    firstResponseTotalSec: 500,
    firstResponseSamples: 50,
    responseTotalSec: null,
    responseSamples: null,
    buyerMessages: 400,
    agentMessages: 380,
  });
}

export function consultation(buyer: string, agent: string, hour: number): Consultation {
  return { buyer, agent, start: localTime(2026, 11, 21, hour, 5, 7), firstResponseSec: 12, buyerMessages: 5, agentMessages: 6, category: 'presale' };
}

export function order(orderId: string, buyer = 'b1', remark = ''): Order {
  return {
    orderId,
    buyer,
    created: localTime(2026, 11, 21, 10, 0, 0),
    paidAt: localTime(2026, 11, 21, 10, 3, 0),
    amount: 99.5,
    items: 2,
    status: '交易成功',
    refunded: false,
    couponUsed: true,
    remark,
    flag: '红',
  };
}

export function rejection(row: number, reason = 'amount is not a number'): Rejection {
  return { file: 'orders.csv', sheet: null, row, column: 'amount', reason, raw: ['A1', 'x,y', '=1+1'] };
}

let chunkSerial = 0;

/** One chunk as the sidebar sends it; each call is a new table's import unless `importId` is given. */
export function chunk(over: Partial<ImportChunk>): ImportChunk {
  const importId = over.importId ?? `imp-${++chunkSerial}`;
  const chunkIndex = over.chunkIndex ?? 0;
  return {
    importId,
    chunkId: `${importId}#${chunkIndex}`,
    file: 'agent_day.csv',
    sheet: null,
    kind: 'agent_day',
    encoding: 'utf-8',
    chunkIndex: 0,
    chunkCount: 1,
    rowsRead: 0,
    agentDays: [],
    shopDays: [],
    consultations: [],
    orders: [],
    rejected: [],
    skipped: [],
    conflicts: [],
    ...over,
  };
}
