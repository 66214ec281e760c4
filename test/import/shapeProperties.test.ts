import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importFile } from '../../src/import';
import { textFile } from './helpers';

const TOTALS = ['合计', '总计', '汇总', '平均', '均值', '店铺汇总值', '店铺平均值', '小计', 'Total', 'Average', 'Sum', 'Subtotal', 'TOTAL:'];
/** Title text: words a report title uses, never a header of its own. */
const titleWord = fc.constantFrom('客服绩效报表', '导出', 'Report', '2026-11-21', '至', '店铺1', '(', ')', '数据', ' ');
const title = fc.array(titleWord, { minLength: 1, maxLength: 5 }).map((w) => w.join(''));
const agent = fc.constantFrom('小丸子', '乔巴', '小明', 'Amy', '店铺1:阿杰');
const count = fc.integer({ min: 0, max: 500 });

describe('shape (properties)', () => {
  it('random title lines above and total rows below never become records', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(title, fc.constant('')), { maxLength: 4 }),
        fc.array(fc.tuple(agent, count, count), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.constantFrom(...TOTALS), count, count, fc.boolean()), { minLength: 1, maxLength: 3 }),
        async (titles, data, totals) => {
          const lines = [
            ...titles,
            '日期,旺旺,询单人数,最终付款人数',
            ...data.map(([a, i, p]) => `2026-11-21,${a},${i},${p}`),
            // A total row either starts with its label or carries it in the agent column.
            ...totals.map(([label, i, p, inAgent]) => (inAgent ? `2026-11-21,${label},${i},${p}` : `${label},,${i},${p}`)),
          ];
          const result = await importFile(textFile('x.csv', lines.join('\n') + '\n'));
          const table = result.tables[0];
          expect(table.headerRow).toBe(titles.length + 1);
          expect(table.rejected).toEqual([]);
          expect(table.agentDays.map((d) => [d.figures.inquiries, d.figures.paid])).toEqual(data.map(([, i, p]) => [i, p]));
          expect(table.skipped.filter((s) => s.why === 'total')).toHaveLength(totals.length);
          expect(table.skipped.filter((s) => s.row <= titles.length)).toHaveLength(titles.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});
