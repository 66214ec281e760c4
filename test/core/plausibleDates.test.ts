/**
 * Issue 9.13: a row dated 2999 is a typo. It is listed as data quality and
 * never becomes the default report day or payroll month; an order paid
 * before it was created, or a year later, is rejected at import.
 */
import { describe, expect, test } from 'vitest';
import { clockBeforeData, implausibleDates, MAX_GAP_DAYS, addDays, localTime } from '../../src/core/dates';
import { latestDate } from '../../src/core/periods';
import { finalityOf, latestRecordTime } from '../../src/core/finality';
import { emptyCounts } from '../../src/core/metrics';
import { buildReports } from '../../src/reports';
import { defaultRules } from '../../src/core/rules';
import { detectTable, recordsFromTable, type RawTable } from '../../src/import';
import type { AgentDay } from '../../src/core/types';
import { exportedOf } from '../support/exported';
import { TEST_NOW, TEST_TODAY } from '../support/now';

const day = (date: string, agent = 'A'): AgentDay => ({ ...emptyCounts(), date, agent, inquiries: 10, paid: 3 });
const NOVEMBER = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'];

describe('implausibleDates', () => {
  test('a date after tomorrow is implausible; tomorrow is not (time zones ahead of the clock)', () => {
    expect([...implausibleDates([...NOVEMBER, '2026-11-05', '2026-11-06'], '2026-11-04')]).toEqual(['2026-11-06']);
  });
  test('a date cut off from the bulk of the data by more than a year is implausible, in either direction', () => {
    const far = addDays('2026-11-04', MAX_GAP_DAYS + 1);
    const odd = implausibleDates([...NOVEMBER, ...NOVEMBER, '1970-01-01', far], '2999-12-31');
    expect([...odd].sort()).toEqual(['1970-01-01', far]);
  });
  test('years of history without a gap are all plausible', () => {
    const history = Array.from({ length: 1000 }, (_, i) => addDays('2024-01-01', i));
    expect(implausibleDates(history, '2026-11-04').size).toBe(0);
  });
  test('one typo cannot move the median: 2999 among November is the odd one, never November', () => {
    expect([...implausibleDates([...NOVEMBER, '2999-11-03'], '3000-01-01')]).toEqual(['2999-11-03']);
  });
  test('no dates, none implausible', () => {
    expect(implausibleDates([], '2026-11-04').size).toBe(0);
  });
  test('a day before the whole bulk is a wrong clock, not wrong data: only the gap rule applies then', () => {
    expect(implausibleDates([...NOVEMBER, '2999-11-03'], '2026-10-01')).toEqual(new Set(['2999-11-03']));
    expect(clockBeforeData([...NOVEMBER, '2999-11-03'], '2026-10-01')).toBe(true);
    // Tomorrow is still the clock's day: data starting then is not ahead of it.
    expect(clockBeforeData(NOVEMBER, '2026-10-31')).toBe(false);
    expect(clockBeforeData(NOVEMBER, '2026-10-30')).toBe(true);
    expect(clockBeforeData([], '2026-10-30')).toBe(false);
  });
  test('a day inside the data makes the days after its tomorrow implausible', () => {
    expect([...implausibleDates(NOVEMBER, '2026-11-01')]).toEqual(['2026-11-03', '2026-11-04']);
    expect(clockBeforeData(NOVEMBER, '2026-11-01')).toBe(false);
  });
});

describe('the default day skips implausible dates', () => {
  const days = [...NOVEMBER.map((d) => day(d)), day('2999-11-03', 'B')];
  test('latestDate', () => {
    expect(latestDate(days, '2026-11-05')).toBe('2026-11-04');
    expect(latestDate([day('2026-11-01'), day('2026-11-05')], '2026-11-01')).toBe('2026-11-01');
    expect(latestDate([day('2026-11-05')], '2026-11-01')).toBe('2026-11-05');
  });
  test('finality: the latest final day is never the typo', () => {
    expect(finalityOf(days, new Set(), null, 'next_day', TEST_TODAY).latestFinal).toBe('2026-11-04');
  });
  test('buildReports: the daily date and payroll month default to the real data, and the Daily tab lists the typo', () => {
    const exported = days.map((d) => exportedOf(d));
    // shopDays is new in ReportInput (another change in progress): given empty whether or not the type has it yet.
    const input = { language: 'en' as const, rules: defaultRules(), roster: [], events: [], consultations: [], orders: [], agentDays: exported, rejections: [], shopDays: [] };
    const run = buildReports(input as Parameters<typeof buildReports>[0], { now: TEST_NOW });
    expect(run.date).toBe('2026-11-04');
    expect(run.summary.find((l) => l.startsWith('Payroll'))).toContain('2026-11');
    const daily = run.tabs[0].blocks.flatMap((b) => b.values.flat()).map(String);
    expect(daily.some((cell) => cell.startsWith('Data dated 2999-11-03'))).toBe(true);
  });
});

describe('orders paid before they were created, or a year later, are rejected at import', () => {
  const HEADER = ['订单编号', '买家会员名', '订单创建时间', '订单付款时间', '实付金额'];
  const imported = (rows: string[][]) => {
    const raw: RawTable = { file: 'orders.csv', sheet: null, encoding: 'utf-8', rows: [HEADER, ...rows] };
    const outcome = detectTable(raw, {});
    if (!outcome.ok) throw new Error(outcome.reason);
    return recordsFromTable(raw, outcome.detection, {});
  };
  test('each bad row is one rejection with its row, the payment column and a reason; good rows are kept', () => {
    const r = imported([
      ['880001', 'b1', '2026-11-03 10:00:00', '2026-11-03 09:59:59', '10'],
      ['880002', 'b2', '2026-11-03 10:00:00', '2099-11-03 10:00:00', '10'],
      ['880003', 'b3', '2026-11-03 10:00:00', '2026-11-03 10:00:00', '10'],
      ['880004', 'b4', '2026-11-03 10:00:00', '2026-11-20 10:00:00', '10'],
      ['880005', 'b5', '2026-11-03 10:00:00', '', '10'],
    ]);
    expect(r.orders.map((o) => o.orderId)).toEqual(['880003', '880004', '880005']);
    expect(r.rejected.map((x) => [x.row, x.column])).toEqual([[2, '订单付款时间'], [3, '订单付款时间']]);
    expect(r.rejected[0].reason).toBe('paid 2026-11-03 09:59:59, before the order was created (2026-11-03 10:00:00): the time stamps cannot both be right.');
    expect(r.rejected[1].reason).toContain('more than 366 days after the order was created');
  });
});

describe('a typo among raw records does not close every attribution window', () => {
  const chat = (start: number) => ({ buyer: 'b', agent: 'A', start, firstResponseSec: 5, buyerMessages: 1, agentMessages: 1, category: 'presale' as const });
  test('latestRecordTime passes over a record dated 2999 and one after tomorrow', () => {
    const november = [1, 2, 3].map((d) => chat(localTime(2026, 11, d, 12)));
    expect(latestRecordTime([...november, chat(localTime(2999, 11, 3))], [], '2026-11-04')).toBe(localTime(2026, 11, 3, 12));
    expect(latestRecordTime([...november, chat(localTime(2026, 11, 6))], [], '2026-11-04')).toBe(localTime(2026, 11, 3, 12));
    expect(latestRecordTime([...november, chat(localTime(2026, 11, 5, 23))], [], '2026-11-04')).toBe(localTime(2026, 11, 5, 23));
    expect(latestRecordTime([], [], '2026-11-04')).toBeNull();
  });
});
