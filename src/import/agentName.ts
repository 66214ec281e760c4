/** Agent names as chat tools write them. */
import { looksLikeFormula } from '../core/values';

/** Zero-width characters, word joiner, BOM and bidi marks: invisible, yet they make `小丸子` and `小\u200B丸子` two agents. */
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069\u00AD]/g;
/** C0 controls and DEL (NUL from a damaged export); tab and line breaks read as a space. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const ANY_HIDDEN = /[\u0000-\u001F\u007F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/**
 * A name or key as a person reads it: invisible and control characters gone,
 * tabs and line breaks as spaces, trimmed. Used for agents, buyers and order IDs.
 * @example withoutInvisibles('小\u200B丸子\u0000') // '小丸子'
 */
export function withoutInvisibles(text: string): string {
  // Runs on every key of every row: most have nothing to remove.
  if (!ANY_HIDDEN.test(text)) return text.trim();
  return text.replace(INVISIBLE, '').replace(CONTROL, '').replace(/[\t\r\n]/g, ' ').trim();
}

/** Characters no `店铺:子账号` holds (a URL, a formula, quotes). */
const NOT_AN_ACCOUNT = /[/"'()=]/;

/**
 * The agent's own name from a Taobao sub-account (`店铺:子账号`), trimmed.
 * @example agentNameOf('店铺1:小丸子') // '小丸子'
 * @example agentNameOf(' 店铺1：小丸子 ') // '小丸子'
 */
export function agentNameOf(raw: string): string {
  const text = withoutInvisibles(String(raw ?? ''));
  // Only a real `店铺:子账号` prefix is cut: formula-like text or a URL stays exactly as written.
  if (looksLikeFormula(text) || NOT_AN_ACCOUNT.test(text)) return text;
  const colon = Math.max(text.lastIndexOf(':'), text.lastIndexOf('：'));
  if (colon <= 0 || colon === text.length - 1) return text;
  return text.slice(colon + 1).trim();
}

/**
 * The shop of a Taobao sub-account (`店铺:子账号` → `店铺`), '' when the name has no shop part.
 * @example shopOfAccount('店铺1:小丸子') // '店铺1'
 */
export function shopOfAccount(raw: string): string {
  const text = withoutInvisibles(String(raw ?? ''));
  const name = agentNameOf(text);
  if (name === text) return '';
  return text.slice(0, Math.max(text.lastIndexOf(':'), text.lastIndexOf('：'))).trim();
}
