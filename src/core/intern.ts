/**
 * Strings to dense integers (0, 1, 2 … in first-seen order) and back. The
 * engine looks each buyer and agent name up once, here; every later phase
 * indexes typed arrays with the integer instead of hashing the name again.
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

  /** The integer of a name already seen, or -1. */
  find(name: string): number {
    return this.ids.get(name) ?? -1;
  }

  get size(): number {
    return this.names.length;
  }
}
