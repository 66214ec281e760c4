/**
 * One person, several accounts (issue 8.7): an agent who answers for two shops
 * has a 子账号 in each (`店铺A:小丸子`, `店铺B:丸子`). The roster lists a person's
 * accounts; reports then show a daily row per account and pay the person once.
 */
import type { Agent, AgentDay } from './types';

/** `店铺:子账号` (or a bare 子账号, which matches that account in any shop) → its parts. */
export function splitAccount(text: string): { shop: string; account: string } {
  const trimmed = text.trim();
  const colon = Math.max(trimmed.lastIndexOf(':'), trimmed.lastIndexOf('：'));
  if (colon <= 0 || colon === trimmed.length - 1) return { shop: '', account: trimmed };
  return { shop: trimmed.slice(0, colon).trim(), account: trimmed.slice(colon + 1).trim() };
}

/** The roster's accounts cell (`店铺A:小丸子; 店铺B:丸子`) as a list. */
export function parseAccounts(cell: string): string[] {
  return cell
    .split(/[;；,，、|\n]/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

const key = (shop: string, account: string) => `${shop}\u0000${account}`;

/** Finds the person of an account: a shop-qualified entry first, then a bare one. */
export function personResolver(roster: readonly Agent[]): (shop: string, account: string) => string | null {
  const byAccount = new Map<string, string>();
  for (const agent of roster) {
    for (const entry of agent.accounts ?? []) {
      const { shop, account } = splitAccount(entry);
      byAccount.set(key(shop, account), agent.name);
    }
  }
  if (byAccount.size === 0) return () => null;
  return (shop, account) => byAccount.get(key(shop, account)) ?? byAccount.get(key('', account)) ?? null;
}

/** Each agent-day under its person's name, the account kept for the daily row. */
export function agentDaysByPerson(agentDays: readonly AgentDay[], roster: readonly Agent[]): AgentDay[] {
  const personOf = personResolver(roster);
  return agentDays.map((day) => {
    const person = personOf(day.shop ?? '', day.agent);
    return person === null || person === day.agent && !day.shop ? day : { ...day, agent: person, account: day.agent };
  });
}
