/** Order statistics of a list of numbers. */

/**
 * The p-th quantile (0–1) by linear interpolation between order statistics
 * (Hyndman & Fan type 7, Excel's PERCENTILE.INC); null for no values.
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}
