import { describe, expect, test } from 'vitest';
import { computeMetrics } from '../../src/core/engine';
import { defaultRules } from '../../src/core/rules';
import { deriveRatios, sumCounts } from '../../src/core/metrics';
import { fixtureConsultations, fixtureExpected, fixtureOrders, fixtureRoster } from '../support/fixtures';

const result = computeMetrics(fixtureConsultations(), fixtureOrders(), fixtureRoster(), defaultRules());
const expected = fixtureExpected();
const byKey = new Map(result.agentDays.map((d) => [`${d.date}|${d.agent}`, d]));

describe('the synthetic shop under the default rules (test/fixtures/expected.json)', () => {
  test('every agent-day of expected.json, every figure', () => {
    expect(result.agentDays).toHaveLength(Object.keys(expected.stats).length);
    for (const [key, want] of Object.entries(expected.stats)) {
      const day = byKey.get(key);
      expect(day, key).toBeDefined();
      const ratios = deriveRatios(day!);
      expect({
        key,
        consultations: day!.consultations,
        excluded: day!.excluded,
        inquiries: day!.inquiries,
        placed: day!.placed,
        paid: day!.paid,
        items: day!.items,
        sales: day!.sales,
      }).toEqual({ key, consultations: want.consultations, excluded: want.excluded, inquiries: want.inquiries, placed: want.placed, paid: want.paid, items: want.items, sales: want.sales });
      expect(ratios.firstResponseSec!, key).toBeCloseTo(want.firstResponseSec, 3);
      expect(ratios.qaRatio!, key).toBeCloseTo(want.qaRatio, 6);
    }
  });

  test('2026-11-03: team 393 inquiries, 131 paid, C = 33.33 %; 小丸子 96 / 43 / 36, sales 7 756', () => {
    const team = sumCounts(result.agentDays.filter((d) => d.date === '2026-11-03'));
    expect(team.inquiries).toBe(393);
    expect(team.paid).toBe(131);
    expect(deriveRatios(team).inquiryConversion).toBeCloseTo(131 / 393, 10);
    const xiaowanzi = byKey.get('2026-11-03|小丸子')!;
    expect([xiaowanzi.inquiries, xiaowanzi.placed, xiaowanzi.paid, xiaowanzi.sales]).toEqual([96, 43, 36, 7756]);
  });

  test('attributed sales per agent ID and the unattributed paid orders', () => {
    const attributed = Object.fromEntries(result.attributed.map((a) => [a.agentId, a.amount]));
    expect(attributed).toEqual(expected.attributed);
    expect(result.unattributed.map((o) => o.orderId).sort()).toEqual([...expected.unattributed].sort());
  });
});
