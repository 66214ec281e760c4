/** Agent names as chat tools write them. */
import { looksLikeFormula } from '../core/values';

/**
 * The agent's own name from a Taobao sub-account (`店铺:子账号`), trimmed.
 * @example agentNameOf('店铺1:小丸子') // '小丸子'
 * @example agentNameOf(' 店铺1：小丸子 ') // '小丸子'
 */
export function agentNameOf(raw: string): string {
  const text = String(raw ?? '').trim();
  // Only a real `店铺:子账号` prefix is cut: formula-like text or a URL stays exactly as written.
  if (looksLikeFormula(text) || /[/"'()=]/.test(text)) return text;
  const colon = Math.max(text.lastIndexOf(':'), text.lastIndexOf('：'));
  if (colon <= 0 || colon === text.length - 1) return text;
  return text.slice(colon + 1).trim();
}

/**
 * The shop of a Taobao sub-account (`店铺:子账号` → `店铺`), '' when the name has no shop part.
 * @example shopOfAccount('店铺1:小丸子') // '店铺1'
 */
export function shopOfAccount(raw: string): string {
  const text = String(raw ?? '').trim();
  const name = agentNameOf(text);
  if (name === text) return '';
  return text.slice(0, Math.max(text.lastIndexOf(':'), text.lastIndexOf('：'))).trim();
}
