import { performance } from 'node:perf_hooks';
import { createLatencyRecorder } from './latency-recorder.js';
import type { LoadFigures } from './load-figures.js';

export interface BoundedLoadOptions {
  /** How many tasks in all (at most, when `durationS` is given too)… */
  total?: number;
  /** …or no new task after this many seconds; the ones in flight still finish. */
  durationS?: number;
  /** How many in flight at once. */
  concurrency: number;
  /** Sends task `index` and resolves when it is acknowledged; a rejection counts as an error. */
  task: (index: number) => Promise<void>;
}

/**
 * Socket Mode has no autocannon: envelopes go through the loopback Slack's WebSocket server and
 * complete when the app acks them. This keeps `concurrency` envelopes in flight, like
 * autocannon's connections, and times each from send to ack.
 */
export async function runBoundedLoad(options: BoundedLoadOptions): Promise<LoadFigures> {
  const total = options.total ?? Number.POSITIVE_INFINITY;
  if (total === Number.POSITIVE_INFINITY && options.durationS === undefined) {
    throw new Error('runBoundedLoad needs total or durationS');
  }
  const latencies = createLatencyRecorder();
  let next = 0;
  let errors = 0;
  const deadline =
    options.durationS === undefined
      ? Number.POSITIVE_INFINITY
      : performance.now() + options.durationS * 1000;
  const worker = async (): Promise<void> => {
    while (next < total && performance.now() < deadline) {
      const index = next;
      next += 1;
      const started = performance.now();
      try {
        await options.task(index);
        latencies.record(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  const started = performance.now();
  const workers = Array.from({ length: Math.min(options.concurrency, total) }, worker);
  await Promise.all(workers);
  const durationS = (performance.now() - started) / 1000;
  const summary = latencies.summary();
  return {
    requests: summary.count,
    durationS,
    requestsPerS: summary.count / durationS,
    p50Ms: summary.p50Ms,
    p99Ms: summary.p99Ms,
    maxMs: summary.maxMs,
    errors,
    non2xx: 0,
  };
}
