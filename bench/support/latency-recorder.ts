import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

/**
 * Latency percentiles with sub-millisecond resolution. autocannon's own histogram rounds to
 * whole milliseconds, which turns a p99 ratio of two small figures into noise; this records the
 * same per-response durations in microseconds (Node's built-in HDR histogram).
 */
export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LatencyRecorder {
  record(ms: number): void;
  summary(): LatencySummary;
}

export function createLatencyRecorder(): LatencyRecorder {
  const histogram: RecordableHistogram = createHistogram();
  return {
    record(ms) {
      // The histogram takes positive integers; a response faster than 1 µs still counts.
      histogram.record(Math.max(1, Math.round(ms * 1000)));
    },
    summary() {
      if (histogram.count === 0) return { count: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 };
      return {
        count: histogram.count,
        p50Ms: histogram.percentile(50) / 1000,
        p99Ms: histogram.percentile(99) / 1000,
        maxMs: histogram.max / 1000,
      };
    },
  };
}
