import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { agentIdInRemark, RemarkIds } from '../../src/core/attribution';
import { toHalfWidth } from '../../src/core/values';

/** The rule written plainly: the earliest whole-token occurrence of any ID, the longer ID on a tie. */
function plainSearch(remark: string, ids: readonly string[]): string | null {
  const text = toHalfWidth(remark);
  const word = /[0-9A-Za-z]/;
  let best: { id: string; at: number } | null = null;
  for (const id of ids) {
    if (!id) continue;
    for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
      if (word.test(text[at - 1] ?? '') || word.test(text[at + id.length] ?? '')) continue;
      if (!best || at < best.at || (at === best.at && id.length > best.id.length)) best = { id, at };
      break;
    }
  }
  return best?.id ?? null;
}

describe('roster IDs in remarks, one scan', () => {
  const roster = Array.from({ length: 100 }, (_, i) => String(1000 + i));
  const ids = new RemarkIds(roster);

  test.each([
    ['客服1001', '1001'],
    ['工号:１０４２ 已核对', '1042'],
    ['10011 then 1002', '1002'],
    ['A1003 1004', '1004'],
    ['1099,1005', '1099'],
    ['已核对', null],
    ['', null],
  ])('%j names %j among 100 IDs', (remark, id) => {
    expect(ids.find(remark)).toBe(id);
  });

  test('IDs with other characters are found too, the first written winning', () => {
    expect(agentIdInRemark('客服 kf-01 与 101', ['101', 'kf-01'])).toBe('kf-01');
    expect(agentIdInRemark('101 与 kf-01', ['101', 'kf-01'])).toBe('101');
    expect(agentIdInRemark('kf-011', ['kf-01'])).toBeNull();
    expect(agentIdInRemark('101-A 已核对', ['101', '101-A'])).toBe('101-A');
  });

  test('the same answers as the plain search on arbitrary remarks', () => {
    const idArb = fc.oneof(fc.stringMatching(/^[0-9]{1,4}$/), fc.stringMatching(/^[a-c0-9]{1,3}$/), fc.stringMatching(/^[a-c0-9][-: ][a-c0-9]$/));
    const piece = fc.oneof(fc.constantFrom('客服', '工号:', ' ', '已核对', ',', 'A', '１', '０', '-'), fc.stringMatching(/^[a-c0-9]{1,4}$/));
    const remark = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.array(idArb, { maxLength: 6 }), remark, (list, text) => {
      expect(agentIdInRemark(text, list)).toBe(plainSearch(text, list));
    }), { numRuns: 2000 });
  });
});
