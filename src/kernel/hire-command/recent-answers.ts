import { freezeDeep } from '../slack/blocks/reply-json.js';

/**
 * A bounded memo of the most recently used results, for `/hire` answers. Most answers are a
 * pure function of the command text and the knowledge snapshot (whose version is part of the
 * key), so a repeated command — the same glossary term, every press of a button whose value is
 * a command — need not be parsed and built again.
 */
export type RecentCacheOptions<T> = {
  /** Most entries kept; the least recently used goes first (default 500). */
  maxEntries?: number;
  /** Longer keys are computed every time and never kept (default 300 chars). */
  maxKeyLength?: number;
  /** Whether a computed value may be kept (default: all). */
  keep?: (value: T) => boolean;
};

export type RecentCache<T> = {
  /** The value kept for `key`, or `compute()`'s, which is kept when `keep` allows. */
  get(key: string, compute: () => T): T;
  readonly size: number;
};

/**
 * Kept values are deep-frozen before they are shared between requests: a caller that mutated
 * one would otherwise change the answer every later caller gets. Frozen this way, an answer's
 * JSON is also computed only once by the receivers (kernel/slack/blocks/reply-json.ts).
 */
export function createRecentCache<T>(options: RecentCacheOptions<T> = {}): RecentCache<T> {
  const maxEntries = options.maxEntries ?? 500;
  const maxKeyLength = options.maxKeyLength ?? 300;
  const keep = options.keep ?? (() => true);
  // A Map iterates in insertion order: re-inserting on every hit keeps the oldest first.
  const entries = new Map<string, T>();
  return {
    get(key, compute) {
      if (key.length > maxKeyLength) return compute();
      if (entries.has(key)) {
        const value = entries.get(key) as T;
        entries.delete(key);
        entries.set(key, value);
        return value;
      }
      const computed = compute();
      if (!keep(computed)) return computed;
      const value = freezeDeep(computed);
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
