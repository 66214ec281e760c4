/**
 * Everything the report builders read, computed once per run: the engine's
 * result on the raw records, merged with agent-day exports (raw wins), the
 * data-quality findings, and lookups by agent.
 */
import type { Agent, AgentDay, Consultation, EngineResult, ExportedAgentDay, IsoDate, Language, LocalTime, Order, PayEvent, Payment, Rejection, ShopDay, Claim } from '../core/types';
import { byPayment, paymentsOf } from '../core/payments';
import type { Rules } from '../core/rules';
import type { PeriodKind } from '../core/periods';
import { computeMetrics } from '../core/engine';
import { isOnDuty, mergeExports, type SourceConflict } from '../core/exportMerge';
import { finalityOf, latestRecordTime, type Finality } from '../core/finality';
import { shopTotalsByDate, type ShopDayTotals } from '../core/shopDays';
import { agentDaysByPerson } from '../core/accounts';
import { applyClaims, type ClaimOutcome } from '../core/claims';
import { impossibleFigures, mergeAgentDays, type FigureDifference, type ImpossibleFigure } from '../core/quality';
import { latestDate } from '../core/periods';
import { clockBeforeData, dayOf, implausibleDates } from '../core/dates';
import { groupBy } from '../core/groupBy';
import { rotationRuleOf, shiftResolver, type RotationRule, type ScheduleEntry, type ShiftOn } from '../core/schedule';
import type { HandoverEntry, ProblemEntry } from '../core/notebooks';
import type { CoachingEntry } from '../core/coaching';
import { withComputedDays, type ComputedDay } from './computedDays';
import { anchorChats, rolledAttributed, rolledClaims, rolledDays, rolledUnattributedCounts, withRolledAgentDays, type RollUp } from '../core/rollup';

/** The stored data and settings a report run starts from. */
export interface ReportInput {
  language: Language;
  rules: Rules;
  roster: Agent[];
  events: PayEvent[];
  consultations: Consultation[];
  orders: Order[];
  /** Agent-day rows imported from tool exports (kind 1), one per report: merged field by field here. */
  agentDays: ExportedAgentDay[];
  /** Shop-level daily figures (生意参谋 pages), the shop's own and its peers'. */
  shopDays: ShopDay[];
  /** The supervisor's confirmed claims of unremarked orders (order ID → agent ID). */
  claims?: Claim[];
  /** The claims are kept in the Unattributed tab itself (Sheets), which must then list every claim it holds. */
  claimsInTab?: boolean;
  /** 排班表 — the schedule's rows (generated and typed by hand); the rotation rule and the roster fill the rest. */
  schedule?: ScheduleEntry[];
  /** 问题登记 and 交接记录 — the agents' problem and handover logs. */
  problems?: ProblemEntry[];
  handovers?: HandoverEntry[];
  /** 辅导记录 — the supervisor's coaching entries. */
  coaching?: CoachingEntry[];
  rejections: Rejection[];
  /** 汇总 — the final figures of days whose raw records were rolled up (core/rollup.ts); none = every day is raw. */
  rolledUp?: RollUp;
  /** 已算的天 — the engine's figures of closed days whose chats the store did not read again (reports/computedDays.ts); none = computed here. */
  computedDays?: ComputedDay[];
  /** How full the store is, where it has a limit (a spreadsheet's grid); none where it has none (the CLI). */
  capacity?: StoreCapacity;
}

/** A store's cells in use of its limit, and how many more days like the stored ones fit (null = unknown). */
export interface StoreCapacity {
  used: number;
  limit: number;
  daysLeft: number | null;
}

/** Which day, period and month to report (each defaults as SPEC §6 says). */
export interface ReportChoice {
  date?: IsoDate | null;
  period?: PeriodKind;
  month?: string | null;
}

/** A ReportChoice and the moment of the run. */
export interface ReportRequest extends ReportChoice {
  /**
   * The moment of the run, wall-clock in the spreadsheet's time zone, passed
   * in by the edge (the menu call's clock, the CLI's clock or `--now`): it
   * decides which dates are implausible ("after tomorrow") and so the default
   * day. Reports never read the clock themselves.
   */
  now: LocalTime;
  /** Days whose engine figures the run returns (ReportRun.computedDays), for a store to keep; their reads must cover their dependencies. */
  computeDays?: readonly IsoDate[];
}

export interface ReportData {
  input: ReportInput;
  result: EngineResult;
  /** Computed and exported agent-days together; the computed row wins. */
  agentDays: AgentDay[];
  differences: FigureDifference[];
  /** Two reports of one agent-day stating one figure differently (the kept one and the other). */
  conflicts: SourceConflict[];
  impossible: ImpossibleFigure[];
  agentsByName: Map<string, Agent>;
  /** The agent-days of each date, so per-day blocks (team, trend) need no scan of every row. */
  agentDaysByDate: Map<IsoDate, AgentDay[]>;
  /** How many unattributed paid orders were credited to an agent-day's inquiries, by `date|agent` (rolled-up days included). */
  unattributedByAgentDay: Map<string, number>;
  latest: IsoDate | null;
  /** The run's day (of ReportRequest.now). */
  today: IsoDate;
  /** Dates no real record can carry (implausibleDates as of today), for the data-quality lines. */
  implausible: Set<IsoDate>;
  /** When the run's day is before every date of the data (a clock or `--now` set wrong), the data's first date: the dates are taken as they are, and the reports say so. Else null. */
  clockBeforeData: IsoDate | null;
  /** Which days are provisional, and the latest final one (the default report day). */
  finality: Finality;
  /** Shop-level figures (the shop's own and its peers') by day, when shop pages were imported. */
  shopByDate: Map<IsoDate, ShopDayTotals>;
  /** Attributed sales with the confirmed claims, the orders still open, and refused claims. */
  claims: ClaimOutcome;
  /** The agent (and inquiry day) each credited order belongs to by SPEC §6a; silent orders have none. */
  likelyAgent: Map<string, { agent: string; date: IsoDate }>;
  /** The rotation the settings describe (null = none). */
  rotation: RotationRule | null;
  /** Which shift an agent worked on a day: the schedule, else the rotation, else the roster. */
  shiftOn: ShiftOn;
}

export const agentDayKey = (date: IsoDate, agent: string) => `${date}|${agent}`;

/** Orders by creation time, then order ID. */
const byCreation = (a: Order, b: Order): number => a.created - b.created || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0);

/** The run's paid orders as payments, by payment time (core/payments.ts). */
export function buyerPayments(data: ReportData): Payment[] {
  return paymentsOf(data.input.orders).sort(byPayment);
}

/** The agent-days of one date (none → empty). */
export const agentDaysOn = (data: ReportData, date: IsoDate): AgentDay[] => data.agentDaysByDate.get(date) ?? [];

/** @param now the moment of the run (ReportRequest.now) */
export function prepareReportData(given: ReportInput, now: LocalTime): ReportData {
  // The reports never depend on the order records were stored or read in: a store may hold a day's orders in more than one place.
  const input: ReportInput = { ...given, orders: [...given.orders].sort(byCreation) };
  const today = dayOf(now);
  const rolledUp = input.rolledUp;
  // Rolled-up days read as if raw: the boundary's inquiries are there for the raw chats to merge into, and the
  // rolled-up agent-days and sales stand in for what the engine finds of those days (the result's inquiries stay unread).
  const chats = rolledUp && rolledUp.anchors.length > 0 ? [...anchorChats(rolledUp.anchors), ...input.consultations] : input.consultations;
  // A rolled-up day's figures are its roll-up's, never a computed day's.
  const rolledUpDays = new Set(rolledUp?.days ?? []);
  const computed = (input.computedDays ?? []).filter((c) => !rolledUpDays.has(c.day));
  const result = withComputedDays(computeMetrics(chats, input.orders, input.roster, input.rules), computed, input.orders);
  if (rolledUp && rolledUp.days.length > 0) {
    const rolled = rolledDays(rolledUp);
    result.agentDays = withRolledAgentDays(result.agentDays, rolledUp);
    result.credits = result.credits.filter((c) => !rolled.has(c.date));
    result.attributed = [...result.attributed, ...rolledAttributed(rolledUp).filter((a) => !a.claimed)];
  }
  const exported = mergeExports(input.agentDays);
  const merged = mergeAgentDays(result.agentDays, exported.agentDays);
  // An export's row of zeros is an account that did not work that day: stored, but no agent on duty.
  // The roster maps chat accounts to people: rows stay per account, totals and pay per person.
  const agentDays = agentDaysByPerson(merged.agentDays.filter(isOnDuty), input.roster);
  const differences = merged.differences;
  const rotation = rotationRuleOf(input.rules);
  const finality = finalityOf(
    agentDays,
    new Set(result.agentDays.map((d) => d.date)),
    latestRecordTime(input.consultations, input.orders, today, computed.flatMap((c) => (c.latestRecord === null ? [] : [c.latestRecord]))),
    input.rules.attributionWindow,
    today,
  );
  const dates = agentDays.map((d) => d.date);
  const implausible = implausibleDates(dates, today);
  const plausible = dates.filter((d) => !implausible.has(d));

  const inquiryOfOrder = new Map<string, { date: IsoDate; agent: string }>();
  for (const credit of result.credits) inquiryOfOrder.set(credit.order.orderId, credit);
  const credited = result.unattributed.filter((o) => inquiryOfOrder.has(o.orderId));
  const unattributedByAgentDay = new Map(rolledUp ? rolledUnattributedCounts(rolledUp) : []);
  for (const o of credited) {
    const inquiry = inquiryOfOrder.get(o.orderId)!;
    const key = agentDayKey(inquiry.date, inquiry.agent);
    unattributedByAgentDay.set(key, (unattributedByAgentDay.get(key) ?? 0) + 1);
  }
  return {
    input,
    result,
    agentDays,
    differences,
    conflicts: exported.conflicts,
    impossible: impossibleFigures(agentDays),
    agentsByName: new Map(input.roster.map((a) => [a.name, a])),
    agentDaysByDate: groupBy(agentDays, (d) => d.date),
    unattributedByAgentDay,
    latest: latestDate(agentDays, today),
    today,
    implausible,
    clockBeforeData: clockBeforeData(dates, today) ? plausible.reduce((a, b) => (b < a ? b : a)) : null,
    finality,
    shopByDate: shopTotalsByDate(input.shopDays),
    claims: claimsWithRollUp(result, input, rolledUp),
    likelyAgent: inquiryOfOrder,
    rotation,
    shiftOn: shiftResolver(input.schedule ?? [], rotation, input.roster),
  };
}

/** The claims applied to the raw orders, with the claims a roll-up applied for good (their orders are no longer held). */
function claimsWithRollUp(result: EngineResult, input: ReportInput, rolledUp: RollUp | undefined): ClaimOutcome {
  if (!rolledUp) return applyClaims(result.attributed, result.unattributed, input.claims ?? [], input.roster);
  const applied = rolledClaims(rolledUp);
  const outcome = applyClaims(result.attributed, result.unattributed, (input.claims ?? []).filter((c) => !applied.has(c.orderId)), input.roster);
  for (const [orderId, agentId] of applied) outcome.claimedBy.set(orderId, agentId);
  return { ...outcome, attributed: [...outcome.attributed, ...rolledAttributed(rolledUp).filter((a) => a.claimed)] };
}
