import { describe, expect, test } from 'vitest';
import { impossibleFigures, mergeAgentDays } from '../../src/core/quality';
import { emptyCounts } from '../../src/core/metrics';
import type { AgentDay } from '../../src/core/types';

const day = (agent: string, figures: Partial<AgentDay>, date = '2026-11-03'): AgentDay => ({ ...emptyCounts(), date, agent, ...figures });

describe('raw records and exports of the same agent-day', () => {
  test('the computed row wins and every differing figure is listed', () => {
    const computed = [day('A', { inquiries: 96, paid: 36, sales: 7756 })];
    const exported = [day('A', { inquiries: 98, paid: 36, sales: 7700 }), day('B', { inquiries: 10, paid: 2 })];
    const { agentDays, differences } = mergeAgentDays(computed, exported);
    expect(agentDays.map((d) => [d.agent, d.inquiries])).toEqual([['A', 96], ['B', 10]]);
    expect(differences.map((d) => [d.figure, d.computed, d.exported])).toEqual([['inquiries', 96, 98], ['sales', 7756, 7700]]);
  });
  test('a figure the export does not carry is no difference', () => {
    const { differences } = mergeAgentDays([day('A', { inquiries: 5, placed: 3 })], [day('A', { inquiries: 5 })]);
    expect(differences).toEqual([]);
  });
});

describe('impossible figures are flagged, never fixed', () => {
  test('paid over inquiries, placed over inquiries, negative counts', () => {
    const found = impossibleFigures([day('A', { inquiries: 10, placed: 12, paid: 11 }), day('B', { consultations: -1 })]);
    expect(found.map((f) => [f.agent, f.kind])).toEqual([
      ['A', 'paid_over_inquiries'],
      ['A', 'placed_over_inquiries'],
      ['B', 'negative'],
    ]);
  });
  test('sound figures raise nothing', () => {
    expect(impossibleFigures([day('A', { inquiries: 10, placed: 5, paid: 4, consultations: 12 })])).toEqual([]);
  });
});
