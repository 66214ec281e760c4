/** Shapes found in real 赤兔 / 生意参谋 exports, and the mistakes a review found in handling them. */
import { describe, expect, test } from 'vitest';
import { agentNameOf, importFile } from '../../src/import';
import { merged, textFile } from './helpers';

async function one(name: string, text: string) {
  const result = await importFile(textFile(name, text));
  expect(result.refused).toEqual([]);
  return result.tables[0];
}

describe('agent names', () => {
  test.each([
    ['店铺1:小丸子', '小丸子'],
    ['店铺1：小丸子', '小丸子'],
    ['小丸子', '小丸子'],
    ['=HYPERLINK("http://evil/x")', '=HYPERLINK("http://evil/x")'],
    ['http://shop/a', 'http://shop/a'],
  ])('%j is the agent %j', (raw, name) => {
    expect(agentNameOf(raw)).toBe(name);
  });
});

describe('生意参谋 shop and peer rows', () => {
  test('本店 is the shop total, 同行 rows are benchmarks: neither is an agent; paid comes from the rate', async () => {
    const table = await one(
      'sycm_2026-11-21.csv',
      '客服,咨询人数,询单人数,询单最终付款转化率\n小丸子,120,100,35.00%\n本店,250,200,35.20%\n同行同层平均,300,260,30.1%\n同行同层优秀,280,240,41.2%\n',
    );
    expect(merged(table).map((d) => [d.agent, d.paid])).toEqual([['小丸子', 35]]);
    expect(table.skipped.map((s) => s.why)).toEqual(['total', 'benchmark', 'benchmark']);
  });
  test('a peer label in another column is a benchmark; an agent named like a word in it is not', async () => {
    const table = await one(
      'x_2026-11-21.csv',
      '店铺名称,客服,询单人数,最终付款人数\n我的店,Industry Jo,70,10\n我的店,Peerless,80,20\n行业均值,-,100,30\n',
    );
    expect(table.agentDays.map((d) => d.agent)).toEqual(['Industry Jo', 'Peerless']);
    expect(table.skipped.map((s) => s.why)).toEqual(['benchmark']);
  });
  test('an agent cell reading "-" is a rejected row, not an agent named "-"', async () => {
    const table = await one('x_2026-11-21.csv', '客服,询单人数,最终付款人数\n-,100,30\n小红,10,3\n');
    expect(table.agentDays.map((d) => d.agent)).toEqual(['小红']);
    expect(table.rejected.map((r) => [r.row, r.column])).toEqual([[2, '客服']]);
  });
});

describe('the day of a file without a date column', () => {
  test('an export time stamp in the title is not the data day; the file name is', async () => {
    const table = await one('客服绩效_2026-11-21.csv', '客服绩效 导出时间：2026-11-22 08:00\n客服,询单人数,最终付款人数\n小红,10,3\n');
    expect(table.agentDays[0].date).toBe('2026-11-21');
  });
  test('a title line naming the day wins over nothing', async () => {
    const table = await one('report.csv', '客服绩效报表 2026-11-21\n客服,询单人数,最终付款人数\n小红,10,3\n');
    expect(table.agentDays[0].date).toBe('2026-11-21');
  });
});

describe('columns recognised but not stored', () => {
  test('next-day and same-day conversions and 3-minute response rate are not reported as unknown headers', async () => {
    const table = await one('y_2026-11-21.csv', '客服,询单人数,最终付款人数,询单->次日付款成功率,询单当日付款转化率,3分钟人工响应率\n小红,10,3,0.3,0.2,0.9\n');
    expect(table.unmappedHeaders).toEqual([]);
  });
  test('客件数 × paid keeps the exact items, not a rounded count', async () => {
    const table = await one('z_2026-11-21.csv', '客服,询单人数,最终付款人数,客件数\n小红,50,27,1.2\n');
    expect(merged(table)[0].items! / merged(table)[0].paid!).toBeCloseTo(1.2, 9);
  });
});
