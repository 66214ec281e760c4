/**
 * Strings to dense integers, so the engine hashes each name once and every
 * later phase indexes typed arrays with the integer instead.
 * - `Interner`: one name at a time, integers in first-seen order (agents:
 *   a hundred names).
 * - `internAll`: a whole column at once (buyers: a million names). A single
 *   hash table that size lives in main memory, and every lookup waits for it;
 *   so the names are first split by the top bits of their hash into
 *   partitions whose tables fit in the processor's cache, and each partition
 *   is interned on its own. Integers then follow the partitions, not first
 *   sight: callers use them only to group.
 */
export class Interner {
  private readonly ids = new Map<string, number>();
  /** The name of each integer. */
  readonly names: string[] = [];

  /** The integer of a name, given a new one on first sight. */
  idOf(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  get size(): number {
    return this.names.length;
  }
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** About this many names per partition: its table (twice as many slots, 8 bytes each) stays in a core's cache. */
const PARTITION_SIZE = 4096;
const MAX_PARTITION_BITS = 10;

/**
 * The integer of every key (`ids[i]` for `keyAt(i)`, i < count), equal keys
 * equal integers, 0 … names.length - 1. Keys are read through `keyAt` rather
 * than from an array, so a million names are not copied out of their records.
 */
export function internAll(count: number, keyAt: (i: number) => string): { ids: Int32Array; names: string[] } {
  const n = count;
  // Each key's hash, until the keys are placed by partition; then the same buffer holds each key's integer.
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) hashes[i] = hashOf(keyAt(i));

  // Counting sort of the keys by partition, carrying hash and key along so each partition is read in order.
  const bits = Math.min(MAX_PARTITION_BITS, Math.max(0, Math.ceil(Math.log2(n / PARTITION_SIZE))));
  const partitions = 1 << bits;
  const shift = 32 - bits;
  const partitionOf = (h: number) => (bits === 0 ? 0 : h >>> shift);
  const first = new Int32Array(partitions + 1);
  for (let i = 0; i < n; i++) first[partitionOf(hashes[i]) + 1]++;
  let largest = 0;
  for (let p = 0; p < partitions; p++) {
    largest = Math.max(largest, first[p + 1]);
    first[p + 1] += first[p];
  }
  const next = first.slice(0, partitions);
  const place = new Int32Array(n);
  const placedHash = new Int32Array(n);
  const placedKey = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const to = next[partitionOf(hashes[i])]++;
    place[to] = i;
    placedHash[to] = hashes[i];
    placedKey[to] = keyAt(i);
  }

  // Per partition, open addressing on the low bits of the hash; a key is compared only when its full hash matches.
  let slots = 2;
  while (slots < 2 * largest) slots *= 2;
  const slotId = new Int32Array(slots);
  const slotHash = new Int32Array(slots);
  const ids = hashes;
  const names: string[] = [];
  for (let p = 0; p < partitions; p++) {
    const size = first[p + 1] - first[p];
    let mask = 1;
    while (mask < 2 * size) mask *= 2;
    mask -= 1;
    slotId.fill(-1, 0, mask + 1);
    for (let r = first[p]; r < first[p + 1]; r++) {
      const h = placedHash[r];
      const key = placedKey[r];
      let slot = h & mask;
      let id = slotId[slot];
      while (id >= 0 && !(slotHash[slot] === h && names[id] === key)) {
        slot = (slot + 1) & mask;
        id = slotId[slot];
      }
      if (id < 0) {
        id = names.length;
        names.push(key);
        slotId[slot] = id;
        slotHash[slot] = h;
      }
      ids[place[r]] = id;
    }
  }
  return { ids, names };
}
