/**
 * SPEC §6a as one SQL query, the same text for DuckDB and GoogleSQL but for
 * the Dialect's parameters, table names, types and CTE hint. It reads the
 * `chats` and `orders` tables (tables.ts) and gives one row per agent and
 * day (day = floor(LocalTime ÷ 1 day)) with the additive figures of the
 * TypeScript engine (agentDayRows.ts turns a row into an AgentDay).
 *
 * Shape, CTE by CTE:
 * - pair_chats: the distinct starts of each (agent, buyer) pair's chats that
 *   can open an inquiry (category not excluded);
 * - runs: each such chat with the pair's previous one. A chat more than W
 *   after the previous chat always opens an inquiry (the open one was opened
 *   at or before that previous chat), so a pair's chats fall into runs that
 *   start with an opening;
 * - nexts, steps: for each chat, the pair's first chat more than W after it
 *   (a probe at start + W merged into the chats in time order, chats first
 *   at equal times, then MIN over the rows that follow), kept when that chat
 *   is inside the same run;
 * - openings (recursive): the run starts, then next of an opening while it
 *   stays in the run. Every pair advances by one inquiry per iteration, so
 *   the iterations are the most inquiries in one run (BigQuery stops a
 *   recursive CTE at 500 iterations with an error, never silently);
 * - targets: one per buyer and opening time, the agent whose name sorts last
 *   (the engine's tie rule);
 * - credited: openings and orders of a buyer in time order (openings first at
 *   equal times); an order's inquiry is the running MAX of opening times, so
 *   neither ASOF JOIN nor IGNORE NULLS is needed;
 * - per_inquiry: an inquiry's orders created before its window end; paid,
 *   sales, items and coupon from those also paid before it;
 * - chat_days and inquiry_days: the figures per agent-day, joined.
 *
 * Parameters: repeat_window_ms, window_days (1 same day, 2 next day, 3),
 * excluded (`|after_sales|freebie|`), first_day and last_day (day numbers of
 * the rows wanted).
 */
import type { Rules } from '../core/rules';
import type { AttributionWindow } from '../core/rules';
import { MS_PER_HOUR } from '../core/dates';
import type { Dialect } from './dialect';

const WINDOW_DAYS: Record<AttributionWindow, number> = { same_day: 1, next_day: 2, '3_days': 3 };

export interface AgentDayParams {
  repeat_window_ms: number;
  window_days: number;
  excluded: string;
  first_day: number;
  last_day: number;
}

/** The query parameters of the rules, for the days first_day … last_day (day numbers; the default is every day). */
export function agentDayParams(rules: Rules, days: { first: number; last: number } = { first: -1e6, last: 1e6 }): AgentDayParams {
  return {
    repeat_window_ms: rules.repeatWindowHours * MS_PER_HOUR,
    window_days: WINDOW_DAYS[rules.attributionWindow],
    excluded: `|${rules.excludedCategories.join('|')}|`,
    first_day: days.first,
    last_day: days.last,
  };
}

export function agentDaySql(d: Dialect): string {
  const p = (name: keyof AgentDayParams) => d.param(name);
  const float = d.type('FLOAT64');
  const int = d.type('INT64');
  const day = (ms: string) => `CAST(FLOOR(${ms} / 86400000) AS ${int})`;
  const excluded = (category: string) => `STRPOS(${p('excluded')}, CONCAT('|', ${category}, '|')) > 0`;
  return `WITH RECURSIVE
pair_chats AS ${d.cteHint}(
  SELECT DISTINCT agent, buyer, start_ms FROM ${d.table('chats')} WHERE NOT (${excluded('category')})
),
runs AS ${d.cteHint}(
  SELECT agent, buyer, start_ms, LAG(start_ms) OVER (PARTITION BY agent, buyer ORDER BY start_ms) AS prev_ms FROM pair_chats
),
probes AS (
  SELECT agent, buyer, start_ms AS t, 0 AS kind, start_ms AS target_ms, CAST(NULL AS ${float}) AS from_ms FROM pair_chats
  UNION ALL
  SELECT agent, buyer, start_ms + ${p('repeat_window_ms')} AS t, 1 AS kind, CAST(NULL AS ${float}) AS target_ms, start_ms AS from_ms FROM pair_chats
),
nexts AS (
  SELECT agent, buyer, kind, from_ms,
    MIN(target_ms) OVER (PARTITION BY agent, buyer ORDER BY t, kind ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_ms
  FROM probes
),
steps AS ${d.cteHint}(
  SELECT n.agent, n.buyer, n.from_ms, n.next_ms
  FROM nexts n JOIN runs r ON r.agent = n.agent AND r.buyer = n.buyer AND r.start_ms = n.next_ms
  WHERE n.kind = 1 AND r.start_ms - r.prev_ms <= ${p('repeat_window_ms')}
),
openings AS (
  SELECT agent, buyer, start_ms AS opened FROM runs WHERE prev_ms IS NULL OR start_ms - prev_ms > ${p('repeat_window_ms')}
  UNION ALL
  SELECT s.agent, s.buyer, s.next_ms AS opened FROM openings o JOIN steps s ON s.agent = o.agent AND s.buyer = o.buyer AND s.from_ms = o.opened
),
targets AS ${d.cteHint}(
  SELECT buyer, opened, MAX(agent) AS agent FROM openings GROUP BY buyer, opened
),
timeline AS (
  SELECT buyer, opened AS t, 0 AS kind, opened, CAST(NULL AS ${float}) AS paid_ms, CAST(NULL AS ${float}) AS amount,
    CAST(NULL AS ${float}) AS items, CAST(NULL AS ${d.type('BOOL')}) AS coupon_used
  FROM targets
  UNION ALL
  SELECT buyer, created_ms AS t, 1 AS kind, CAST(NULL AS ${float}) AS opened, paid_ms, amount, items, coupon_used FROM ${d.table('orders')}
),
latest AS (
  SELECT buyer, kind, t AS created_ms, paid_ms, amount, items, coupon_used,
    MAX(opened) OVER (PARTITION BY buyer ORDER BY t, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS opened
  FROM timeline
),
credited AS (
  SELECT g.agent, l.buyer, l.opened, l.created_ms, l.paid_ms, l.amount, l.items, l.coupon_used,
    (FLOOR(l.opened / 86400000) + ${p('window_days')}) * 86400000 AS window_end
  FROM latest l JOIN targets g ON g.buyer = l.buyer AND g.opened = l.opened
  WHERE l.kind = 1
),
per_inquiry AS (
  SELECT agent, buyer, opened,
    MAX(CASE WHEN paid_ms < window_end THEN 1 ELSE 0 END) AS paid,
    SUM(CASE WHEN paid_ms < window_end THEN amount ELSE 0 END) AS sales,
    SUM(CASE WHEN paid_ms < window_end THEN items ELSE 0 END) AS items,
    MAX(CASE WHEN paid_ms < window_end AND coupon_used THEN 1 ELSE 0 END) AS coupon
  FROM credited WHERE created_ms < window_end
  GROUP BY agent, buyer, opened
),
inquiry_days AS (
  SELECT i.agent, ${day('i.opened')} AS day, COUNT(*) AS inquiries, COUNT(q.agent) AS placed,
    SUM(COALESCE(q.paid, 0)) AS paid, SUM(COALESCE(q.sales, 0)) AS sales, SUM(COALESCE(q.items, 0)) AS items,
    SUM(COALESCE(q.coupon, 0)) AS coupon_buyers
  FROM openings i LEFT JOIN per_inquiry q ON q.agent = i.agent AND q.buyer = i.buyer AND q.opened = i.opened
  GROUP BY 1, 2
),
chat_days AS (
  SELECT agent, ${day('start_ms')} AS day,
    COUNT(DISTINCT buyer) AS consultations,
    COUNT(DISTINCT CASE WHEN first_response_sec IS NOT NULL THEN buyer END) AS receptions,
    COUNT(DISTINCT CASE WHEN ${excluded('category')} THEN buyer END) AS excluded,
    COALESCE(SUM(first_response_sec), 0) AS first_response_total_sec,
    COUNT(first_response_sec) AS first_response_samples,
    SUM(buyer_messages) AS buyer_messages,
    SUM(agent_messages) AS agent_messages
  FROM ${d.table('chats')}
  GROUP BY 1, 2
)
SELECT c.day, c.agent, c.consultations, c.receptions, c.excluded,
  COALESCE(i.inquiries, 0) AS inquiries, COALESCE(i.placed, 0) AS placed, COALESCE(i.paid, 0) AS paid,
  COALESCE(i.sales, 0) AS sales, COALESCE(i.items, 0) AS items, COALESCE(i.coupon_buyers, 0) AS coupon_buyers,
  c.buyer_messages, c.agent_messages, c.first_response_total_sec, c.first_response_samples
FROM chat_days c LEFT JOIN inquiry_days i ON i.agent = c.agent AND i.day = c.day
WHERE c.day BETWEEN ${p('first_day')} AND ${p('last_day')}
ORDER BY c.day, c.agent`;
}
