/**
 * The key of a computed day holds the settings the engine's figures depend on
 * and no other: computeMetrics reads only ENGINE_SETTINGS of the rules, a kept
 * day's figures are the same under any roster, and the fingerprint changes
 * with each engine setting and with no other.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/core/engine';
import { defaultRules, type Rules } from '../../src/core/rules';
import { SETTINGS } from '../../src/core/settingDeclarations';
import { computedDayOf, computeFingerprint, ENGINE_SETTINGS } from '../../src/reports/computedDays';
import { morning, roster, type ShopSize } from '../../bench/sheetsShop';
import type { Consultation, Order } from '../../src/core/types';

const SMALL: ShopSize = { chats: 300, orders: 100, buyers: 1_500 };

function records(days: number): { consultations: Consultation[]; orders: Order[] } {
  const tables = Array.from({ length: days }, (_, day) => morning(day, SMALL)).flat();
  return { consultations: tables.flatMap((t) => t.consultations ?? []), orders: tables.flatMap((t) => t.orders ?? []) };
}

describe('the settings a computed day is kept under', () => {
  it('are every rules field computeMetrics reads', () => {
    const { consultations, orders } = records(6);
    const read = new Set<string>();
    const rules = new Proxy(defaultRules(), {
      get(target, field, receiver) {
        if (typeof field === 'string') read.add(field);
        return Reflect.get(target, field, receiver);
      },
    });
    const result = computeMetrics(consultations, orders, roster(), rules);
    // The lazily made parts too.
    expect(result.inquiries.length).toBeGreaterThan(0);
    expect([...read].sort()).toEqual([...ENGINE_SETTINGS].sort());
  });

  it('leave a day\'s figures the same under another roster (the roster names whose remark an order is, not kept)', () => {
    const { consultations, orders } = records(6);
    const day = '2026-01-03';
    const under = (agents: ReturnType<typeof roster>) => computedDayOf(computeMetrics(consultations, orders, agents, defaultRules()), day, consultations, orders);
    const figures = under(roster());
    expect(figures.agentDays.length).toBeGreaterThan(0);
    expect(figures.credits.length).toBeGreaterThan(0);
    expect(under([])).toEqual(figures);
    expect(under(roster().map((a, i) => ({ ...a, id: String(9000 + i), active: i % 2 === 0, shift: 'night' as const })))).toEqual(figures);
  });

  it('change the fingerprint each, and no other setting does', () => {
    const rules = defaultRules();
    const fingerprint = computeFingerprint(rules);
    const fields = [...SETTINGS.map((s) => s.field), 'scorecard'] as (keyof Rules)[];
    for (const field of ENGINE_SETTINGS) expect(fields).toContain(field);
    for (const field of fields) {
      const changed = { ...rules, [field]: { another: 'value' } } as unknown as Rules;
      const engine = (ENGINE_SETTINGS as readonly string[]).includes(field);
      expect({ field, changes: computeFingerprint(changed) !== fingerprint }).toEqual({ field, changes: engine });
    }
  });
});
