/** Issue 9.12: one agent ID on two people, or one name twice, refuses the roster with the rows named. */
import { describe, expect, test } from 'vitest';
import { readRoster } from '../../src/import';
import { textFile } from './helpers';

const HEADER = 'agent,agent_id,shift,base_pay,active\n';

describe('duplicates in the roster', () => {
  test('one ID on two people: both rows are named, and no agent is returned', () => {
    const { agents, rejected, duplicates } = readRoster(textFile('r.csv', `${HEADER}A,101,day,3000,yes\nB,102,day,3000,yes\nC,101,night,3000,yes\n`));
    expect(agents).toEqual([]);
    expect(rejected).toEqual([]);
    expect(duplicates.map((d) => [d.file, d.row, d.column, d.reason])).toEqual([
      ['r.csv', 2, 'agent_id', 'agent ID "101" is on rows 2, 4 of the roster: one ID per agent.'],
      ['r.csv', 4, 'agent_id', 'agent ID "101" is on rows 2, 4 of the roster: one ID per agent.'],
    ]);
  });

  test('one name twice (after the shop prefix is cut) is refused, in Chinese with the file\'s own header', () => {
    const file = textFile('名单.csv', '姓名,工号,班次,底薪,在职\n店铺1:小丸子,101,白班,3000,是\n小丸子,102,白班,3000,是\n');
    const { agents, duplicates } = readRoster(file, 'zh');
    expect(agents).toEqual([]);
    expect(duplicates.map((d) => [d.row, d.column])).toEqual([[2, '姓名'], [3, '姓名']]);
    expect(duplicates[0].reason).toBe('客服“小丸子”在花名册第 2, 3 行重复出现：每位客服只能有一行。');
  });

  test('blank IDs are not duplicates of each other, and prototype names are ordinary names', () => {
    const { agents, duplicates } = readRoster(textFile('r.csv', `${HEADER}constructor,,day,,\n__proto__,,day,,\ntoString,7,day,,\n`));
    expect(duplicates).toEqual([]);
    expect(agents.map((a) => a.name)).toEqual(['constructor', '__proto__', 'toString']);
  });
});
