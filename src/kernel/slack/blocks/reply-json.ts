/**
 * The JSON of an ack reply, kept for replies that can never change.
 *
 * An ack carries the whole answer (1–4 KB of Block Kit), and serializing it was the largest
 * single cost a repeated /hire command still had once its answer came from the recent-answers
 * memo (profiled in bench/request-path.bench.ts; figures in BENCHMARKS.md). A memo
 * answer is deep-frozen, so its JSON is computed on its first ack and reused while the memo
 * keeps the answer; the WeakMap lets both go together.
 *
 * Only objects frozen by `freezeDeep` are cached: `Object.isFrozen` alone would also accept a
 * shallow-frozen object whose children can still change.
 */
const jsonOf = new WeakMap<object, string | null>();

/** Freezes `value` and everything in it, and marks it as safe to serialize once. */
export function freezeDeep<T>(value: T): T {
  if (typeof value !== 'object' || value === null || jsonOf.has(value)) return value;
  jsonOf.set(value, null); // before the children, so that a cycle ends here
  for (const child of Object.values(value)) freezeDeep(child);
  return Object.freeze(value);
}

/** `JSON.stringify(reply)`, computed once for a reply that went through `freezeDeep`. */
export function replyJson(reply: object): string {
  const known = jsonOf.get(reply);
  if (known) return known;
  const json = JSON.stringify(reply);
  if (known === null) jsonOf.set(reply, json);
  return json;
}
