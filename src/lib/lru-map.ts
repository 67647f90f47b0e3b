/**
 * A Map holding at most `capacity` entries: a read moves its entry to the back of the Map's order,
 * and a write past capacity drops the entry at the front (the one least recently used). Values
 * cannot be `undefined`, which `get` answers for a missing key.
 */
export class LruMap<K, V extends NonNullable<unknown> | null> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    const oldest = this.entries.size >= this.capacity ? this.entries.keys().next() : null;
    if (oldest && !oldest.done) this.entries.delete(oldest.value);
    this.entries.set(key, value);
  }

  /** The value held for `key`, or else `make()`'s, which is then held. */
  getOrCreate(key: K, make: () => V): V {
    const held = this.get(key);
    if (held !== undefined) return held;
    const value = make();
    this.set(key, value);
    return value;
  }
}
