import { describe, expect, it } from 'vitest';
import { agentNameOf, readEvents, readRoster } from '../../src/import';
import { encodedFile, fixture, textFile } from './helpers';

describe('agentNameOf', () => {
  it.each([
    ['店铺1:小丸子', '小丸子'],
    ['店铺1：小丸子', '小丸子'],
    ['  小丸子 ', '小丸子'],
    ['cntaobao店铺1: 小丸子', '小丸子'],
    ['小丸子:', '小丸子:'],
  ])('%s → %s', (raw, want) => {
    expect(agentNameOf(raw)).toBe(want);
  });
});

describe('readRoster', () => {
  it('reads the sample roster', () => {
    const { agents, rejected } = readRoster(fixture('roster.csv'));
    expect(rejected).toEqual([]);
    expect(agents).toHaveLength(6);
    expect(agents[0]).toEqual({ name: '小丸子', id: '101', shift: 'day', basePay: 3000, active: true });
    expect(agents.filter((a) => a.shift === 'night').map((a) => a.name)).toEqual(['阿杰', '美美']);
  });

  it('reads Chinese headers and values in GBK', () => {
    const file = encodedFile('名单.csv', '姓名,工号,班次,底薪,在职\n店铺1:小丸子,101,白班,"3,000",是\n阿杰,105,夜班,3300,否\n', 'gbk');
    const { agents, rejected } = readRoster(file, 'zh');
    expect(rejected).toEqual([]);
    expect(agents).toEqual([
      { name: '小丸子', id: '101', shift: 'day', basePay: 3000, active: true },
      { name: '阿杰', id: '105', shift: 'night', basePay: 3300, active: false },
    ]);
  });

  it('rejects bad shifts and pay, row by row', () => {
    const { agents, rejected } = readRoster(textFile('r.csv', 'agent,agent_id,shift,base_pay,active\nA,1,evening,1,yes\nB,2,day,lots,yes\nC,3,,,\n'));
    expect(agents).toEqual([{ name: 'C', id: '3', shift: 'day', basePay: 0, active: true }]);
    expect(rejected.map((r) => [r.row, r.column])).toEqual([[2, 'shift'], [3, 'base_pay']]);
  });

  it('reports a file without a roster header', () => {
    const { agents, rejected } = readRoster(textFile('r.csv', 'foo,bar\n1,2\n'));
    expect(agents).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].raw).toEqual(['foo', 'bar']);
  });
});

describe('readEvents', () => {
  it('reads fines and rewards in English and Chinese, a blank amount as null', () => {
    const text = 'date,agent,kind,reason,amount\n2026-11-03,小丸子,fine,late,\n2026/11/04,乔巴,reward,data_error,20\n';
    const { events, rejected } = readEvents(textFile('e.csv', text));
    expect(rejected).toEqual([]);
    expect(events).toEqual([
      { date: '2026-11-03', agent: '小丸子', kind: 'fine', reason: 'late', amount: null },
      { date: '2026-11-04', agent: '乔巴', kind: 'reward', reason: 'data_error', amount: 20 },
    ]);
    const zh = readEvents(textFile('e.csv', '日期,客服,类型,原因,金额\n2026年11月5日,店铺1:小明,罚款,迟到,10\n20261106,小红,奖励,建议,\n'), 'zh');
    expect(zh.events.map((e) => [e.date, e.agent, e.kind, e.amount])).toEqual([['2026-11-05', '小明', 'fine', 10], ['2026-11-06', '小红', 'reward', null]]);
  });

  it('rejects unknown kinds, bad dates and negative amounts', () => {
    const text = 'date,agent,kind,reason,amount\n2026-11-03,A,praise,x,\n2026-13-03,A,fine,x,\nx,A,fine,x,\n2026-11-03,A,fine,x,-5\n2026-11-03,,fine,x,\n';
    const { events, rejected } = readEvents(textFile('e.csv', text));
    expect(events).toEqual([]);
    expect(rejected.map((r) => [r.row, r.column])).toEqual([[2, 'kind'], [3, 'date'], [4, 'date'], [5, 'amount'], [6, 'agent']]);
  });
});
