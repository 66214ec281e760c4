/**
 * Data-quality checks (issue 4): raw records and a tool's export of the same
 * agent-day compared figure by figure (the raw computation wins), and
 * impossible figures flagged, never silently fixed.
 */
import type { AgentDay, Counts } from './types';
import { COUNT_KEYS, deriveRatios } from './metrics';

/** Figures an agent-day export and the engine both produce. */
const COMPARED: (keyof Counts)[] = ['consultations', 'excluded', 'inquiries', 'placed', 'paid', 'sales', 'items', 'receptions'];

export interface FigureDifference {
  date: string;
  agent: string;
  figure: keyof Counts;
  computed: number;
  exported: number;
}

export type ImpossibleKind = 'paid_over_inquiries' | 'placed_over_inquiries' | 'paid_over_placed' | 'negative' | 'conversion_over_one';

export interface ImpossibleFigure {
  date: string;
  agent: string;
  kind: ImpossibleKind;
  detail: string;
}

const key = (d: AgentDay) => `${d.date}\u0000${d.agent}`;

/**
 * One agent-day list from the engine's and the exports' rows, field by field:
 * the engine's figure wins where it has one (SPEC §6a is the supervisor's
 * rule), the export fills the figures raw records cannot give (message
 * counts, satisfaction, the tool's own rates), and every figure where the two
 * disagree is listed.
 */
export function mergeAgentDays(computed: readonly AgentDay[], exported: readonly AgentDay[]): { agentDays: AgentDay[]; differences: FigureDifference[] } {
  const byKey = new Map<string, AgentDay>();
  for (const d of exported) byKey.set(key(d), d);
  const differences: FigureDifference[] = [];
  for (const d of computed) {
    const other = byKey.get(key(d));
    if (!other) {
      byKey.set(key(d), d);
      continue;
    }
    for (const figure of COMPARED) {
      const a = d[figure];
      const b = other[figure];
      if (a != null && b != null && Math.abs(a - b) > 0.005) differences.push({ date: d.date, agent: d.agent, figure, computed: a, exported: b });
    }
    const merged: AgentDay = { ...other, ...d, shop: other.shop ?? d.shop, stated: other.stated, provisional: other.provisional };
    for (const figure of COUNT_KEYS) merged[figure] = d[figure] ?? other[figure];
    byKey.set(key(d), merged);
  }
  const agentDays = [...byKey.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0));
  return { agentDays, differences };
}

export function impossibleFigures(agentDays: readonly AgentDay[]): ImpossibleFigure[] {
  const found: ImpossibleFigure[] = [];
  for (const d of agentDays) {
    const add = (kind: ImpossibleKind, detail: string) => found.push({ date: d.date, agent: d.agent, kind, detail });
    for (const [figure, value] of Object.entries(d)) {
      if (typeof value === 'number' && value < 0 && figure !== 'date') add('negative', `${figure} = ${value}`);
    }
    if (d.paid != null && d.inquiries != null && d.paid > d.inquiries) add('paid_over_inquiries', `${d.paid} > ${d.inquiries}`);
    if (d.placed != null && d.inquiries != null && d.placed > d.inquiries) add('placed_over_inquiries', `${d.placed} > ${d.inquiries}`);
    if (d.paid != null && d.placed != null && d.placed > 0 && d.paid > d.placed) add('paid_over_placed', `${d.paid} > ${d.placed}`);
    const c = deriveRatios(d).inquiryConversion;
    if (c != null && c > 1 && !(d.paid! > d.inquiries!)) add('conversion_over_one', `${c}`);
  }
  return found;
}
