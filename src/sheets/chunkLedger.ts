/**
 * Which chunks of one table's import the server has stored, so a chunk that
 * arrives twice (the sidebar retried after a lost answer, or resumed) stores
 * its rows once. Kept as sorted, merged [first, last] index ranges: chunks
 * come in order, so a 200-chunk import is one range, and the import state
 * stays far below the 9 KB a document property may hold.
 */

export type ChunkRanges = [number, number][];

/** Whether chunk `index` is already stored. */
export function isStored(ranges: readonly (readonly [number, number])[], index: number): boolean {
  return ranges.some(([first, last]) => index >= first && index <= last);
}

/**
 * The ranges with chunk `index` added (a new array; the input is not changed).
 * @example withChunk([[0, 2]], 3) // [[0, 3]]
 */
export function withChunk(ranges: readonly (readonly [number, number])[], index: number): ChunkRanges {
  if (!Number.isInteger(index) || index < 0) throw new Error(`withChunk requires a chunk index that is a whole number ≥ 0, got ${index}`);
  const all: ChunkRanges = ranges.map(([a, b]): [number, number] => [a, b]);
  all.push([index, index]);
  all.sort((x, y) => x[0] - y[0]);
  const merged: ChunkRanges = [];
  for (const [first, last] of all) {
    const prev = merged[merged.length - 1];
    if (prev && first <= prev[1] + 1) prev[1] = Math.max(prev[1], last);
    else merged.push([first, last]);
  }
  return merged;
}

/** How many chunks the ranges cover. */
export function storedCount(ranges: readonly (readonly [number, number])[]): number {
  return ranges.reduce((n, [first, last]) => n + last - first + 1, 0);
}
