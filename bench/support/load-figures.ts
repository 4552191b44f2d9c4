/**
 * What one load run produced, and how runs are chosen and compared. Pure, so the rules that
 * decide pass or fail are tested (tests/bench/load-figures.test.ts).
 */
export interface LoadFigures {
  /** Responses received (any status). */
  requests: number;
  durationS: number;
  requestsPerS: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Connection errors, timeouts, failed or malformed acks. */
  errors: number;
  /** HTTP answers outside 2xx (always 0 for Socket Mode). */
  non2xx: number;
  /**
   * CPU time the server process spent per request (user + system), when measured. Unlike the
   * wall-clock figures it barely moves when other work shares the machine.
   */
  cpuUsPerRequest?: number;
  /** The same for the bench process itself (autocannon or the loopback Slack). */
  loadGeneratorUsPerRequest?: number;
}

/**
 * The run to report for one target out of several interleaved rounds: the one with the highest
 * throughput. On a shared machine, noise from other processes only ever slows a run down, so
 * the fastest round is the closest to what the code itself costs; its latencies are reported
 * with it (figures from different rounds are never mixed). Errors are summed over all rounds:
 * an error in any round is an error.
 */
export function pickBest(rounds: readonly LoadFigures[]): LoadFigures {
  const [first, ...rest] = rounds;
  if (!first) throw new Error('pickBest needs at least one round');
  const best = rest.reduce((a, b) => (b.requestsPerS > a.requestsPerS ? b : a), first);
  return {
    ...best,
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  // biome-ignore lint/style/noNonNullAssertion: indices are within bounds of a non-empty array
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const TARGETS = {
  /** app throughput ≥ 0.9 × floor throughput */
  minThroughputRatio: 0.9,
  /** app p99 ≤ 1.2 × floor p99 */
  maxP99Ratio: 1.2,
  /** app p99 under 50 ms, whatever the floor does */
  maxP99Ms: 50,
  /** RSS growth over 100,000 requests after warm-up */
  maxRssGrowthMb: 20,
} as const;

export interface Comparison {
  throughputRatio: number;
  p99Ratio: number;
  checks: { label: string; ok: boolean }[];
}

/** The app against the floor, with each target's verdict. */
export function compareToFloor(app: LoadFigures, floor: LoadFigures): Comparison {
  const throughputRatio = floor.requestsPerS > 0 ? app.requestsPerS / floor.requestsPerS : 0;
  const p99Ratio = floor.p99Ms > 0 ? app.p99Ms / floor.p99Ms : Number.POSITIVE_INFINITY;
  return {
    throughputRatio,
    p99Ratio,
    checks: [
      {
        label: `throughput ${throughputRatio.toFixed(2)} × floor (target ≥ ${TARGETS.minThroughputRatio})`,
        ok: throughputRatio >= TARGETS.minThroughputRatio,
      },
      {
        label: `p99 ${p99Ratio.toFixed(2)} × floor (target ≤ ${TARGETS.maxP99Ratio})`,
        ok: p99Ratio <= TARGETS.maxP99Ratio,
      },
      {
        label: `p99 ${app.p99Ms.toFixed(1)} ms (target < ${TARGETS.maxP99Ms} ms)`,
        ok: app.p99Ms < TARGETS.maxP99Ms,
      },
      {
        label: `errors ${app.errors + app.non2xx} (target 0)`,
        ok: app.errors + app.non2xx === 0,
      },
    ],
  };
}

export function rssCheck(beforeBytes: number, afterBytes: number): { label: string; ok: boolean } {
  const growthMb = (afterBytes - beforeBytes) / (1024 * 1024);
  return {
    label: `RSS growth after a full GC ${growthMb.toFixed(1)} MB (target < ${TARGETS.maxRssGrowthMb} MB)`,
    ok: growthMb < TARGETS.maxRssGrowthMb,
  };
}
