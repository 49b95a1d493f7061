// A small in-memory map whose entries expire and whose least recently used entries go first.

/** Bounded, expiring key-value memory for one process. */
export interface TtlCache<K, V> {
  get(key: K): V | undefined;
  has(key: K): boolean;
  set(key: K, value: V): void;
  delete(key: K): void;
  clear(): void;
  readonly size: number;
}

/** Creates a cache of at most `max` entries, each kept for `ttlMs` after it was set. */
export function createTtlCache<K, V>(options: { max: number; ttlMs: number; now?: () => number }): TtlCache<K, V> {
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order, so re-inserting on read makes its first key the least recently used.
  const entries = new Map<K, { value: V; expires: number }>();
  const cache: TtlCache<K, V> = {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.expires <= now()) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    has(key) {
      return cache.get(key) !== undefined;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, { value, expires: now() + options.ttlMs });
      while (entries.size > options.max) entries.delete(entries.keys().next().value as K);
    },
    delete(key) {
      entries.delete(key);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
  return cache;
}
