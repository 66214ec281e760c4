/**
 * SPEC §6a step 5 in SQL: for each paid, not refunded order, the roster
 * agent ID its seller remark names (NULL = unattributed), in DuckDB and
 * GoogleSQL from one text. The remark is folded to half width (TRANSLATE,
 * as toHalfWidth folds U+FF01–U+FF5E and U+3000), cut into runs of digits
 * and Latin letters, and the first run that is a roster ID wins: a whole
 * token, so `客服101` and `工号:１０１` name 101 and `1011` does not.
 *
 * Covers roster IDs of digits and Latin letters (every ID a real roster has
 * shown); an ID with other characters (`kf-01`) is matched by the
 * TypeScript engine only (core/attribution.ts).
 *
 * Parameters: ids (`|101|102|`), full_width and half_width (the TRANSLATE
 * alphabets, fullWidthAlphabets()). Columns: order_id, paid_day (day
 * number of payment), amount, agent_id.
 */
import type { Dialect } from './dialect';

export interface RemarkIdParams {
  ids: string;
  full_width: string;
  half_width: string;
}

/** The 94 full-width ASCII forms and the ideographic space, and what each folds to. */
export function fullWidthAlphabets(): { full_width: string; half_width: string } {
  let full = '\u3000';
  let half = ' ';
  for (let code = 0xff01; code <= 0xff5e; code++) {
    full += String.fromCharCode(code);
    half += String.fromCharCode(code - 0xfee0);
  }
  return { full_width: full, half_width: half };
}

const PLAIN_ID = /^[0-9A-Za-z]+$/;

/** The parameters for a roster's IDs (only plain ones; see the module comment). */
export function remarkIdParams(ids: readonly string[]): RemarkIdParams {
  const plain = ids.map((id) => id.trim()).filter((id) => PLAIN_ID.test(id));
  return { ids: `|${plain.join('|')}|`, ...fullWidthAlphabets() };
}

export function remarkIdSql(d: Dialect): string {
  const p = (name: keyof RemarkIdParams) => d.param(name);
  return `WITH
paid AS (
  SELECT order_id, CAST(FLOOR(paid_ms / 86400000) AS ${d.type('INT64')}) AS paid_day, amount,
    TRANSLATE(remark, ${p('full_width')}, ${p('half_width')}) AS folded
  FROM ${d.table('orders')}
  WHERE paid_ms IS NOT NULL AND NOT refunded
),
hits AS (
  SELECT order_id, tok, pos FROM ${d.matchesFrom('paid', 'order_id', 'folded', '[0-9A-Za-z]+')}
  WHERE STRPOS(${p('ids')}, CONCAT('|', tok, '|')) > 0
),
firsts AS (
  SELECT order_id, tok AS agent_id, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY pos) AS place FROM hits
)
SELECT o.order_id, o.paid_day, o.amount, f.agent_id
FROM paid o LEFT JOIN firsts f ON f.order_id = o.order_id AND f.place = 1
ORDER BY o.order_id`;
}
