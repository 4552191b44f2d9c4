import { freezeDeep } from '../slack/blocks/reply-json.js';

/**
 * A bounded memo of the most recently used results, for `/hire` answers. An answer is a pure
 * function of the command text and the knowledge, and the knowledge does not change while the
 * process runs, so a repeated command (the same glossary term, the same level's questions,
 * every press of a button whose value is a command) need not be parsed and built again.
 * Measured in bench/request-path.bench.ts: building an answer costs from ~30 µs (an exact
 * glossary term) to ~300 µs (a fuzzy search), against ~200 µs for all of Bolt's own work.
 */
export type RecentCacheOptions = {
  /** Most entries kept; the least recently used goes first (default 500). */
  maxEntries?: number;
  /** Longer keys are computed every time and never kept (default 300 chars). */
  maxKeyLength?: number;
};

export type RecentCache<T> = {
  get(key: string): T;
  readonly size: number;
};

/**
 * Results are deep-frozen before they are shared between requests: a caller that mutated one
 * would otherwise change the answer every later caller gets. Frozen this way, an answer's JSON
 * is also computed only once by the receivers (src/blocks/reply-json.ts).
 */
export function createRecentCache<T>(
  compute: (key: string) => T,
  options: RecentCacheOptions = {},
): RecentCache<T> {
  const maxEntries = options.maxEntries ?? 500;
  const maxKeyLength = options.maxKeyLength ?? 300;
  // A Map iterates in insertion order: re-inserting on every hit keeps the oldest first.
  const entries = new Map<string, T>();
  return {
    get(key) {
      if (key.length > maxKeyLength) return compute(key);
      if (entries.has(key)) {
        const value = entries.get(key) as T;
        entries.delete(key);
        entries.set(key, value);
        return value;
      }
      const value = freezeDeep(compute(key));
      entries.set(key, value);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
