/**
 * 绩效工资 (SPEC §6.3, §7): one month's pay per agent from the roster, the
 * month's figures, the commission base and the events, with one audit line
 * per money item so the supervisor can answer "why is my bonus X?".
 */
import { rolledSum, type RollUp } from './rollup';
import type { Agent, AgentDay, AttributedSales, Language, Order, OrderCredit, PayEvent } from './types';
import { t, type MessageKey } from '../i18n';
import type { Rules } from './rules';
import { deriveRatios, sumCounts } from './metrics';
import { dayOf, monthOf } from './dates';
import { periodContaining } from './periods';
import { roundMoney } from './engine';
import { groupBy } from './groupBy';
import type { Scorecard } from './scorecard';
import { scorecardLines } from './scorecardAudit';
import type { ShiftOn } from './schedule';
import { inquiryMinimum } from './inquiryMinimum';

/** Which rule produced a money item. */
export type PayItem =
  | 'base_pay'
  | 'commission'
  | 'pool_share'
  | 'conversion_bonus'
  | 'response_bonus'
  | 'reward'
  | 'fine'
  | 'dismissal_review'
  | 'not_in_roster'
  | 'performance_kpi'
  | 'performance_pay'
  | 'claims'
  | 'night_allowance';

/** One audit line: which rule, which figure, which amount. */
export interface PayLine {
  agent: string;
  item: PayItem;
  /** The rule in plain words of the report's language, e.g. `inquiry conversion at least 45.00%`. */
  rule: string;
  /** The figure the rule was applied to, e.g. `48.12% (281 paid of 584 inquiries)`. */
  figure: string;
  /** Money the item adds; a fine is a positive amount the total deducts, as in the Fines column. */
  amount: number;
}

export interface PayRow {
  agent: string;
  agentId: string;
  basePay: number;
  /** Commission on attributed sales plus any share of the unattributed pool. */
  commission: number;
  conversionBonus: number;
  responseBonus: number;
  /** Base performance pay × the scorecard's coefficient (or score ÷ 100); 0 while the card is off. */
  performancePay: number;
  /** 夜班补贴 — night_allowance × the nights worked by the schedule. */
  nightAllowance: number;
  rewards: number;
  /** A positive amount the total subtracts. */
  fines: number;
  total: number;
  /** The most a fully met month pays (base + commission + top tiers + rewards): for the "target − deductions" view. */
  targetPay: number;
  dismissalReview: boolean;
  /** Monthly figures the bonuses used. */
  inquiries: number | null;
  conversion: number | null;
  firstResponseSec: number | null;
}

export interface Payroll {
  month: string;
  rows: PayRow[];
  lines: PayLine[];
}

export interface PayrollInput {
  month: string;
  roster: readonly Agent[];
  agentDays: readonly AgentDay[];
  attributed: readonly AttributedSales[];
  unattributed: readonly Order[];
  events: readonly PayEvent[];
  rules: Rules;
  /** The month's KPI scorecard: its performance pay is added when the card is on. */
  scorecard?: Scorecard;
  /** Language of the audit lines' texts (default en). */
  language?: Language;
  /** Each agent's shift of a day (the schedule): nights worked earn the night allowance. */
  shiftOn?: ShiftOn;
  /** The orders §6a credits to an inquiry: the base of `commission_basis,credited_sales`. */
  credits?: readonly OrderCredit[];
  /**
   * Every day worked, provisional ones included, when agentDays holds only the
   * final days: a night worked is paid whatever its figures still do.
   */
  workedDays?: readonly AgentDay[];
  /** Sums of rolled-up days (core/rollup.ts): their unattributed and credited sales, whose orders are no longer held. */
  rolledUp?: RollUp;
}

const fmt = (n: number, digits = 4) => String(Number(n.toFixed(digits)));
/** Rates and money as the audit lines print them: `1.00%`, `160,555.50`. */
const percent = (rate: number) => `${(rate * 100).toFixed(2)}%`;
const money = (amount: number) => amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The fine schedule's step for the n-th fine: the last step at or below n. */
function fineStep(rules: Rules, nth: number) {
  let step = null;
  for (const s of rules.fineSchedule) if (s.nth <= nth) step = s;
  return step;
}

/**
 * Whether the roster vouches for an agent: an agent an import added (unknown)
 * is paid once the supervisor gives them an ID or a base pay.
 */
export function isPayable(agent: Agent): boolean {
  return !agent.unknown || agent.id !== '' || agent.basePay > 0;
}

/** Active payable roster agents, plus anyone with data or events in the month. */
function agentsOfMonth(input: PayrollInput, monthDays: readonly AgentDay[], monthEvents: readonly PayEvent[]): Agent[] {
  const agents = new Map<string, Agent>();
  for (const a of input.roster) if (a.active && isPayable(a)) agents.set(a.name, a);
  const extra = [...monthDays.map((d) => d.agent), ...monthEvents.map((e) => e.agent)];
  for (const name of extra) {
    if (agents.has(name)) continue;
    const known = input.roster.find((a) => a.name === name);
    agents.set(name, known ?? { name, id: '', shift: 'day', basePay: 0, active: true, unknown: true });
  }
  return [...agents.values()];
}

/** What every agent's pay of one month shares. */
interface MonthContext {
  input: PayrollInput;
  /** The month's agent-days per agent, grouped once. */
  daysByAgent: Map<string, AgentDay[]>;
  /** The month's days worked per agent (workedDays, else agentDays). */
  workedByAgent: Map<string, AgentDay[]>;
  monthEvents: readonly PayEvent[];
  /** Ranking minimum of the month: no conversion bonus below it. */
  minimum: number;
  unattributedSales: number;
  /** Each payable active agent's exact (unrounded) share of the unattributed pool. */
  poolShare: number;
  /** How many agents share the pool. */
  recipients: number;
  /** Audit texts in the report's language. */
  say: (key: MessageKey, params?: Record<string, string | number>) => string;
}

function payAgent(agent: Agent, ctx: MonthContext, lines: PayLine[]): PayRow {
  const { rules, month } = ctx.input;
  const say = ctx.say;
  const line = (item: PayItem, rule: string, figure: string, amount: number) => lines.push({ agent: agent.name, item, rule, figure, amount });
  const counts = sumCounts(ctx.daysByAgent.get(agent.name) ?? []);
  const ratios = deriveRatios(counts, rules.conversionDenominator);
  const conversion = ratios.inquiryConversion;
  const first = ratios.firstResponseSec;
  const inquiries = counts.inquiries;
  const unpaid: PayRow = {
    agent: agent.name, agentId: agent.id, basePay: 0, commission: 0, conversionBonus: 0, responseBonus: 0, performancePay: 0, nightAllowance: 0, rewards: 0, fines: 0, total: 0,
    targetPay: 0, dismissalReview: false, inquiries, conversion, firstResponseSec: first,
  };
  if (!isPayable(agent)) {
    line('not_in_roster', say('payroll.rule.notInRoster'), '', 0);
    return unpaid;
  }

  line('base_pay', say('payroll.rule.basePay'), agent.id ? say('payroll.figure.agentId', { id: agent.id }) : '', agent.basePay);
  const base = commissionBase(agent, ctx, counts.sales);
  const ownCommission = roundMoney(base * rules.commissionRate);
  if (rules.commissionBasis === 'remarks') {
    line('commission', say('payroll.rule.commission', { rate: percent(rules.commissionRate) }), say('payroll.figure.attributed', { amount: money(base) }), ownCommission);
  } else {
    const basis = say(`payroll.basis.${rules.commissionBasis}` as MessageKey);
    line('commission', say('payroll.rule.commissionOn', { rate: percent(rules.commissionRate), basis }), say('payroll.figure.basis', { amount: money(base), basis }), ownCommission);
  }
  const claimed = ctx.input.attributed.filter((a) => a.claimed && a.agentId === agent.id && a.month === month);
  if (agent.id !== '' && claimed.length > 0) {
    // Already inside the commission above; its own line says where that part comes from.
    const amount = claimed.reduce((s, a) => s + a.amount, 0);
    line('claims', say('payroll.rule.claims'), say('payroll.figure.claimed', { amount: money(amount), orders: claimed.reduce((n, a) => n + a.orderIds.length, 0) }), 0);
  }
  let commission = ownCommission;
  if (ctx.poolShare > 0 && agent.active) {
    // Rounded once over the sum, so the audit lines add up to the Commission column.
    commission = roundMoney(base * rules.commissionRate + ctx.poolShare);
    const poolRule = say('payroll.rule.pool', { rate: percent(rules.unattributedPoolRate), agents: ctx.recipients });
    line('pool_share', poolRule, say('payroll.figure.unattributed', { amount: money(ctx.unattributedSales) }), roundMoney(commission - ownCommission));
  }

  const eligible = (inquiries ?? 0) >= ctx.minimum;
  const tier = conversion == null || !eligible ? null : [...rules.conversionBonus].filter((t) => conversion >= t.threshold).sort((a, b) => b.amount - a.amount)[0] ?? null;
  if (tier) {
    const figure = say('payroll.figure.conversion', { value: percent(conversion!), paid: counts.paid ?? 0, inquiries: inquiries ?? 0 });
    line('conversion_bonus', say('payroll.rule.conversion', { threshold: percent(tier.threshold) }), figure, tier.amount);
  } else if (conversion != null && !eligible) {
    line('conversion_bonus', say('payroll.rule.minimum', { minimum: ctx.minimum }), say('payroll.figure.underMinimum', { inquiries: inquiries ?? 0, minimum: ctx.minimum }), 0);
  }

  const response = first == null ? null : [...rules.responseBonus].filter((b) => first <= b.maxSec).sort((a, b) => b.amount - a.amount)[0] ?? null;
  if (response) line('response_bonus', say('payroll.rule.response', { seconds: response.maxSec }), say('payroll.figure.firstResponse', { seconds: fmt(first!, 2) }), response.amount);

  const performancePay = performance(agent, ctx, line);
  const nightAllowance = nightPay(agent, ctx, line);
  const events = eventsPay(agent, ctx, line);
  const conversionBonus = tier?.amount ?? 0;
  const responseBonus = response?.amount ?? 0;
  const topConversion = Math.max(0, ...rules.conversionBonus.map((t) => t.amount));
  const topResponse = Math.max(0, ...rules.responseBonus.map((b) => b.amount));
  return {
    ...unpaid,
    basePay: agent.basePay,
    commission,
    conversionBonus,
    responseBonus,
    performancePay: performancePay.amount,
    nightAllowance,
    rewards: roundMoney(events.rewards),
    fines: roundMoney(events.fines),
    total: roundMoney(agent.basePay + commission + conversionBonus + responseBonus + performancePay.amount + nightAllowance + events.rewards - events.fines),
    targetPay: roundMoney(agent.basePay + commission + topConversion + topResponse + performancePay.top + nightAllowance + events.rewards),
    dismissalReview: events.dismissalReview,
  };
}

/**
 * What the commission rate is paid on (`commission_basis`): the month's
 * remarked orders by payment month; the agent's 销售额 as the month's final
 * agent-days state it; or the paid, not refunded orders §6a credits to the
 * agent's inquiries, by payment month.
 */
function commissionBase(agent: Agent, ctx: MonthContext, statedSales: number | null): number {
  const { rules, month } = ctx.input;
  if (rules.commissionBasis === 'stated_sales') return statedSales ?? 0;
  if (rules.commissionBasis === 'credited_sales') {
    return (ctx.input.credits ?? [])
      .filter((c) => c.agent === agent.name && c.order.paidAt != null && !c.order.refunded && monthOf(dayOf(c.order.paidAt)) === month)
      .reduce((s, c) => s + c.order.amount, rolledSum(ctx.input.rolledUp, 'credited', month, agent.name).amount);
  }
  return agent.id === '' ? 0 : ctx.input.attributed.filter((a) => a.agentId === agent.id && a.month === month).reduce((s, a) => s + a.amount, 0);
}

/** The scorecard's performance pay and its audit lines; nothing while the card is off, so payroll stays as it was. */
function performance(agent: Agent, ctx: MonthContext, line: (item: PayItem, rule: string, figure: string, amount: number) => void) {
  const scorecard = ctx.input.scorecard;
  const row = scorecard?.rows.find((r) => r.agent === agent.name);
  if (!scorecard || !scorecard.card.enabled || !row) return { amount: 0, top: 0 };
  for (const l of scorecardLines(row, scorecard.card, ctx.input.language ?? 'en')) line(l.item, l.rule, l.figure, l.amount);
  const card = scorecard.card;
  // The most the card pays: the best grade's coefficient, or a full score of 100.
  const top = row.notScored === 'not_assessed' ? 0 : card.payBy === 'score' ? row.basePay : row.basePay * Math.max(0, ...card.grades.map((g) => g.coefficient));
  return { amount: row.performancePay, top: roundMoney(top) };
}

/**
 * The night allowance: one per day of the month the agent worked (has
 * figures) on the night shift by the schedule, with one audit line naming
 * the nights; nothing when the setting is 0.
 */
function nightPay(agent: Agent, ctx: MonthContext, line: (item: PayItem, rule: string, figure: string, amount: number) => void): number {
  const { rules } = ctx.input;
  const shiftOn = ctx.input.shiftOn;
  if (!shiftOn || rules.nightAllowance <= 0) return 0;
  const nights = [...new Set((ctx.workedByAgent.get(agent.name) ?? []).map((d) => d.date))].filter((date) => shiftOn(agent.name, date)?.shift === 'night').sort();
  if (nights.length === 0) return 0;
  const amount = roundMoney(nights.length * rules.nightAllowance);
  const dates = nights.map((d) => d.slice(5)).join(', ');
  line('night_allowance', ctx.say('payroll.rule.nightAllowance', { amount: money(rules.nightAllowance) }), ctx.say('payroll.figure.nights', { nights: nights.length, dates }), amount);
  return amount;
}

/** Rewards and fines of the month from the events, fines priced by the schedule in date order. */
function eventsPay(agent: Agent, ctx: MonthContext, line: (item: PayItem, rule: string, figure: string, amount: number) => void) {
  const { rules } = ctx.input;
  const say = ctx.say;
  let rewards = 0;
  let fines = 0;
  let fineCount = 0;
  let dismissalReview = false;
  // Score events are the scorecard's manual KPIs, not money.
  for (const event of ctx.monthEvents.filter((e) => e.agent === agent.name && e.kind !== 'score')) {
    if (event.kind === 'reward') {
      const amount = event.amount ?? rules.rewardPerItem.get(event.reason) ?? 0;
      rewards += amount;
      const figure = event.note ? `${event.date} ${event.reason} · ${event.note}` : `${event.date} ${event.reason}`;
      line('reward', event.amount != null ? say('payroll.rule.eventAmount') : say('payroll.rule.rewardPerItem', { reason: event.reason }), figure, amount);
      continue;
    }
    fineCount += 1;
    const step = fineStep(rules, fineCount);
    if (event.amount == null && step && step.amount == null) {
      dismissalReview = true;
      line('dismissal_review', say('payroll.rule.dismissal', { nth: fineCount }), `${event.date} ${event.reason}`, 0);
      continue;
    }
    const amount = event.amount ?? step?.amount ?? 0;
    fines += amount;
    // Positive, like the Fines column and payroll.csv (SPEC §6): both say "deducted".
    line('fine', event.amount != null ? say('payroll.rule.eventAmount') : say('payroll.rule.fineStep', { nth: fineCount }), `${event.date} ${event.reason}`, amount);
  }
  return { rewards, fines, dismissalReview };
}

export function computePayroll(input: PayrollInput): Payroll {
  const { month, rules } = input;
  const period = periodContaining(`${month}-01`, 'month');
  const monthDays = input.agentDays.filter((d) => monthOf(d.date) === month);
  const monthEvents = input.events.filter((e) => monthOf(e.date) === month).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const unattributedSales =
    input.unattributed.filter((o) => o.paidAt != null && monthOf(dayOf(o.paidAt)) === month).reduce((s, o) => s + o.amount, 0) + rolledSum(input.rolledUp, 'unattributed', month).amount;
  // Split among the agents who receive it: active agents the roster vouches for.
  const recipients = input.roster.filter((a) => a.active && isPayable(a)).length;
  const ctx: MonthContext = {
    input,
    daysByAgent: groupBy(monthDays, (d) => d.agent),
    workedByAgent: input.workedDays ? groupBy(input.workedDays.filter((d) => monthOf(d.date) === month), (d) => d.agent) : groupBy(monthDays, (d) => d.agent),
    monthEvents,
    minimum: inquiryMinimum(rules, input.agentDays, period.first, period.last).minimum,
    unattributedSales,
    poolShare: rules.unattributedPoolRate > 0 && recipients > 0 ? (unattributedSales * rules.unattributedPoolRate) / recipients : 0,
    recipients,
    say: (key, params) => t(input.language ?? 'en', key, params),
  };
  const lines: PayLine[] = [];
  const rows = agentsOfMonth(input, monthDays, monthEvents).map((agent) => payAgent(agent, ctx, lines));
  return { month, rows, lines };
}
