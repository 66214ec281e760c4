/**
 * The night shift's notebooks: the problem log (问题登记本: every problem or
 * idea met at work, written down at once, handed to the supervisor weekly)
 * and the handover log (交接记录本: at each change of shift, the customers
 * handed over, what is urgent, which prospects to contact). Pure rules on
 * their entries: what the Daily shows, the weekly summary, and the reward an
 * adopted suggestion or a found listing error earns once confirmed.
 */
import type { IsoDate, PayEvent, Shift } from './types';
import { addDays, isoWeekStart } from './dates';

/** 紧急程度 */
export type Urgency = 'urgent' | 'normal' | 'low';
export const URGENCIES: readonly Urgency[] = ['urgent', 'normal', 'low'];

/** 问题类型 — what a problem-log entry is about. */
export type ProblemKind = 'product' | 'listing_error' | 'promotion' | 'logistics' | 'complaint' | 'suggestion' | 'other';
export const PROBLEM_KINDS: readonly ProblemKind[] = ['product', 'listing_error', 'promotion', 'logistics', 'complaint', 'suggestion', 'other'];

/** 状态 of a problem entry: the two confirmable outcomes earn a reward once the supervisor confirms them. */
export type ProblemStatus = 'open' | 'done' | 'suggestion_adopted' | 'listing_error_found' | 'rejected';
export const PROBLEM_STATUSES: readonly ProblemStatus[] = ['open', 'done', 'suggestion_adopted', 'listing_error_found', 'rejected'];

export type HandoverStatus = 'open' | 'done';
export const HANDOVER_STATUSES: readonly HandoverStatus[] = ['open', 'done'];

/** 问题登记 — one problem or idea an agent wrote down. */
export interface ProblemEntry {
  date: IsoDate;
  shift: Shift;
  agent: string;
  /** 买家 / 订单 the entry is about ('' when none). */
  reference: string;
  kind: ProblemKind;
  what: string;
  urgency: Urgency;
  status: ProblemStatus;
  /** 处理人 */
  doneBy: string;
  /** The supervisor confirmed the outcome (adopted / error found): only then is it rewarded. */
  confirmed: boolean;
  /** Where the entry is written (`问题登记 row 5`, `problems.csv row 5`), for the audit line. */
  origin: string;
}

/** 交接记录 — one customer or task handed over at a change of shift. */
export interface HandoverEntry {
  date: IsoDate;
  /** The shift that hands over. */
  shift: Shift;
  agent: string;
  reference: string;
  what: string;
  urgency: Urgency;
  status: HandoverStatus;
  doneBy: string;
  origin: string;
}

/** The reward reason each confirmable outcome earns (SPEC §7 reward_per_item reasons). */
export const REWARD_REASON: Readonly<Partial<Record<ProblemStatus, string>>> = { suggestion_adopted: 'suggestion', listing_error_found: 'data_error' };

/** The shift whose handovers the Daily of `date` shows: that day's night when the shop ran one, else its day. */
export function previousShift(date: IsoDate, nightWorked: boolean): { date: IsoDate; shift: Shift } {
  return { date, shift: nightWorked ? 'night' : 'day' };
}

const URGENCY_ORDER: Record<Urgency, number> = { urgent: 0, normal: 1, low: 2 };

/** The still-open handovers of one shift, urgent first. */
export function openHandovers(entries: readonly HandoverEntry[], of: { date: IsoDate; shift: Shift }): HandoverEntry[] {
  return entries
    .filter((e) => e.status === 'open' && e.date === of.date && e.shift === of.shift)
    .sort((a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0));
}

/** The ISO week (Monday first) up to and including `date`. */
export function weekTo(date: IsoDate): { first: IsoDate; last: IsoDate } {
  return { first: isoWeekStart(date), last: date };
}

/** Problems written down in the week of `date`, up to it, in date order. */
export function problemsOfWeek(entries: readonly ProblemEntry[], date: IsoDate): ProblemEntry[] {
  const { first, last } = weekTo(date);
  return entries.filter((e) => e.date >= first && e.date <= last).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** One agent's line of the weekly summary. */
export interface ProblemSummaryRow {
  agent: string;
  /** Entries per kind, every kind present (0 when none). */
  byKind: Record<ProblemKind, number>;
  total: number;
  /** Still open at the end of the week. */
  open: number;
  /** Outcomes the supervisor confirmed (rewarded). */
  confirmed: number;
}

/** 问题周报 — the week's entries by agent and kind, agents in name order, with a team line last. */
export function weeklySummary(entries: readonly ProblemEntry[], date: IsoDate): { first: IsoDate; last: IsoDate; rows: ProblemSummaryRow[]; team: ProblemSummaryRow } {
  const week = { first: isoWeekStart(date), last: addDays(isoWeekStart(date), 6) };
  const ofWeek = entries.filter((e) => e.date >= week.first && e.date <= week.last);
  const blank = (agent: string): ProblemSummaryRow => ({ agent, byKind: Object.fromEntries(PROBLEM_KINDS.map((k) => [k, 0])) as Record<ProblemKind, number>, total: 0, open: 0, confirmed: 0 });
  const rows = new Map<string, ProblemSummaryRow>();
  const team = blank('');
  for (const e of ofWeek) {
    const row = rows.get(e.agent) ?? blank(e.agent);
    rows.set(e.agent, row);
    for (const r of [row, team]) {
      r.byKind[e.kind] += 1;
      r.total += 1;
      if (e.status === 'open') r.open += 1;
      if (rewardReason(e)) r.confirmed += 1;
    }
  }
  return { ...week, rows: [...rows.values()].sort((a, b) => (a.agent < b.agent ? -1 : 1)), team };
}

/** The reward reason of a confirmed outcome, else null. */
export function rewardReason(entry: ProblemEntry): string | null {
  return entry.confirmed ? REWARD_REASON[entry.status] ?? null : null;
}

const identity = (e: ProblemEntry) => [e.date, e.agent, e.reference, e.what.trim()].join('\u0000');

/**
 * One reward event per confirmed outcome, derived from the log on every
 * build (never stored), so building again cannot pay it twice; an entry
 * written twice (same day, agent, reference and text) is one outcome. The
 * amount comes from the rules' reward_per_item of the reason; `note` says
 * which entry earned it, for the payroll's audit line.
 */
export function rewardEvents(entries: readonly ProblemEntry[]): PayEvent[] {
  const seen = new Set<string>();
  const events: PayEvent[] = [];
  for (const e of entries) {
    const reason = rewardReason(e);
    if (!reason || seen.has(identity(e))) continue;
    seen.add(identity(e));
    events.push({ date: e.date, agent: e.agent, kind: 'reward', reason, amount: null, note: `${e.origin}: ${e.what}` });
  }
  return events;
}
