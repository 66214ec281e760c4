/**
 * The indices of a column of times in ascending time order, stable (equal
 * times keep their index order). Whole-number times (every LocalTime) are
 * sorted by an LSD radix sort on 16-bit digits of the offset from the
 * earliest time: two or three linear passes, whatever the count, where a
 * comparator sort of millions of records takes seconds. Times on whole
 * seconds (every imported time) are counted in seconds, which saves a pass.
 * Other times (fractions, NaN) fall back to a comparator sort.
 */
const DIGIT = 65_536;

export function timeOrder(times: Float64Array): Int32Array {
  const n = times.length;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  let wholeSeconds = true;
  for (let i = 0; i < n; i++) {
    const t = times[i];
    if (t < min) min = t;
    if (t > max) max = t;
    if (t !== Math.floor(t)) integral = false;
    else if (t % 1000 !== 0) wholeSeconds = false;
  }
  if (n === 0) return new Int32Array(0);
  const unit = wholeSeconds ? 1000 : 1;
  const span = (max - min) / unit;
  if (!integral || !Number.isFinite(span) || span >= Number.MAX_SAFE_INTEGER) return comparatorOrder(times);

  let keys = new Float64Array(n);
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = (times[i] - min) / unit;
    order[i] = i;
  }
  let nextKeys = new Float64Array(n);
  let nextOrder = new Int32Array(n);
  const counts = new Int32Array(DIGIT);
  for (let place = 1; place <= span; place *= DIGIT) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(keys[i] / place) % DIGIT]++;
    for (let d = 0, sum = 0; d < DIGIT; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const to = counts[Math.floor(keys[i] / place) % DIGIT]++;
      nextKeys[to] = keys[i];
      nextOrder[to] = order[i];
    }
    [keys, nextKeys] = [nextKeys, keys];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}

function comparatorOrder(times: Float64Array): Int32Array {
  const indices = Array.from({ length: times.length }, (_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
  return Int32Array.from(indices);
}
