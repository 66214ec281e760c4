/**
 * 绩效工资 (SPEC §6.3, §7): one month's pay per agent from the roster, the
 * month's figures, the commission base and the events, with one audit line
 * per money item so the supervisor can answer "why is my bonus X?".
 */
import type { Agent, AgentDay, AttributedSales, Order, PayEvent } from './types';
import type { Rules } from './rules';
import { deriveRatios, sumCounts } from './metrics';
import { dayOf, monthOf } from './dates';
import { periodContaining, daysWithData } from './periods';
import { roundMoney } from './engine';

/** Which rule produced a money item. */
export type PayItem = 'base_pay' | 'commission' | 'pool_share' | 'conversion_bonus' | 'response_bonus' | 'reward' | 'fine' | 'dismissal_review';

/** One audit line: which rule, which figure, which amount. */
export interface PayLine {
  agent: string;
  item: PayItem;
  /** The rule as the settings write it, e.g. `conversion_bonus ≥ 0.45`. */
  rule: string;
  /** The figure the rule was applied to, e.g. `C = 0.4812 (281 / 584)`. */
  figure: string;
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
}

const fmt = (n: number, digits = 4) => String(Number(n.toFixed(digits)));

/** The fine schedule's step for the n-th fine: the last step at or below n. */
function fineStep(rules: Rules, nth: number) {
  let step = null;
  for (const s of rules.fineSchedule) if (s.nth <= nth) step = s;
  return step;
}

function agentsOfMonth(input: PayrollInput, monthDays: readonly AgentDay[], monthEvents: readonly PayEvent[]): Agent[] {
  const agents = new Map<string, Agent>();
  for (const a of input.roster) if (a.active) agents.set(a.name, a);
  const extra = [...monthDays.map((d) => d.agent), ...monthEvents.map((e) => e.agent)];
  for (const name of extra) {
    if (agents.has(name)) continue;
    const known = input.roster.find((a) => a.name === name);
    agents.set(name, known ?? { name, id: '', shift: 'day', basePay: 0, active: true, unknown: true });
  }
  return [...agents.values()];
}

export function computePayroll(input: PayrollInput): Payroll {
  const { month, rules } = input;
  const period = periodContaining(`${month}-01`, 'month');
  const monthDays = input.agentDays.filter((d) => monthOf(d.date) === month);
  const monthEvents = input.events.filter((e) => monthOf(e.date) === month).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const minimum = rules.minInquiriesPerDay * daysWithData(input.agentDays, period);
  const agents = agentsOfMonth(input, monthDays, monthEvents);

  const unattributedSales = input.unattributed.filter((o) => o.paidAt != null && monthOf(dayOf(o.paidAt)) === month).reduce((s, o) => s + o.amount, 0);
  const poolShare = rules.unattributedPoolRate > 0 ? roundMoney((unattributedSales * rules.unattributedPoolRate) / Math.max(1, input.roster.filter((a) => a.active).length)) : 0;

  const rows: PayRow[] = [];
  const lines: PayLine[] = [];
  for (const agent of agents) {
    const line = (item: PayItem, rule: string, figure: string, amount: number) => lines.push({ agent: agent.name, item, rule, figure, amount });
    const counts = sumCounts(monthDays.filter((d) => d.agent === agent.name));
    const ratios = deriveRatios(counts, rules.conversionDenominator);

    line('base_pay', 'roster base_pay', agent.name, agent.basePay);

    const base = input.attributed.filter((a) => a.agentId === agent.id && a.month === month && agent.id !== '').reduce((s, a) => s + a.amount, 0);
    let commission = roundMoney(base * rules.commissionRate);
    line('commission', `commission_rate ${rules.commissionRate}`, `attributed sales ${base.toFixed(2)}`, commission);
    if (poolShare > 0 && agent.active && !agent.unknown) {
      commission = roundMoney(commission + poolShare);
      line('pool_share', `unattributed_pool_rate ${rules.unattributedPoolRate}`, `unattributed sales ${unattributedSales.toFixed(2)}`, poolShare);
    }

    const conversion = ratios.inquiryConversion;
    const inquiries = counts.inquiries;
    const eligible = (inquiries ?? 0) >= minimum;
    const tier = conversion == null || !eligible ? null : [...rules.conversionBonus].filter((t) => conversion >= t.threshold).sort((a, b) => b.amount - a.amount)[0] ?? null;
    const conversionBonus = tier?.amount ?? 0;
    if (tier) line('conversion_bonus', `conversion_bonus ≥ ${tier.threshold}`, `C = ${fmt(conversion!)} (${counts.paid} / ${inquiries})`, tier.amount);
    else if (conversion != null && !eligible) line('conversion_bonus', `min_inquiries ${minimum}`, `inquiries ${inquiries ?? 0} < ${minimum}`, 0);

    const first = ratios.firstResponseSec;
    const response = first == null ? null : [...rules.responseBonus].filter((b) => first <= b.maxSec).sort((a, b) => b.amount - a.amount)[0] ?? null;
    const responseBonus = response?.amount ?? 0;
    if (response) line('response_bonus', `response_bonus ≤ ${response.maxSec}s`, `first response ${fmt(first!, 2)}s`, response.amount);

    let rewards = 0;
    let fines = 0;
    let fineCount = 0;
    let dismissalReview = false;
    for (const event of monthEvents.filter((e) => e.agent === agent.name)) {
      if (event.kind === 'reward') {
        const amount = event.amount ?? rules.rewardPerItem[event.reason] ?? 0;
        rewards += amount;
        line('reward', event.amount != null ? 'events amount' : `reward_per_item ${event.reason}`, `${event.date} ${event.reason}`, amount);
        continue;
      }
      fineCount += 1;
      const step = fineStep(rules, fineCount);
      const amount = event.amount ?? step?.amount ?? 0;
      if (event.amount == null && step && step.amount == null) {
        dismissalReview = true;
        line('dismissal_review', `fine_schedule ${fineCount}`, `${event.date} ${event.reason}`, 0);
        continue;
      }
      fines += amount;
      line('fine', event.amount != null ? 'events amount' : `fine_schedule ${fineCount}`, `${event.date} ${event.reason}`, -amount);
    }

    const topConversion = Math.max(0, ...rules.conversionBonus.map((t) => t.amount));
    const topResponse = Math.max(0, ...rules.responseBonus.map((b) => b.amount));
    const total = roundMoney(agent.basePay + commission + conversionBonus + responseBonus + rewards - fines);
    rows.push({
      agent: agent.name,
      agentId: agent.id,
      basePay: agent.basePay,
      commission,
      conversionBonus,
      responseBonus,
      rewards: roundMoney(rewards),
      fines: roundMoney(fines),
      total,
      targetPay: roundMoney(agent.basePay + commission + topConversion + topResponse + rewards),
      dismissalReview,
      inquiries,
      conversion,
      firstResponseSec: first,
    });
  }
  return { month, rows, lines };
}
