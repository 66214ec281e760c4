/** Agent names as chat tools write them. */

/**
 * The agent's own name from a Taobao sub-account (`店铺:子账号`), trimmed.
 * @example agentNameOf('店铺1:小丸子') // '小丸子'
 * @example agentNameOf(' 店铺1：小丸子 ') // '小丸子'
 */
export function agentNameOf(raw: string): string {
  const text = String(raw ?? '').trim();
  const colon = Math.max(text.lastIndexOf(':'), text.lastIndexOf('：'));
  if (colon <= 0 || colon === text.length - 1) return text;
  return text.slice(colon + 1).trim();
}
