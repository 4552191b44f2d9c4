import { performance } from 'node:perf_hooks';
import { createLatencyRecorder } from './latency-recorder.js';
import type { LoadFigures } from './load-figures.js';

export interface BoundedLoadOptions {
  /** How many tasks in all. */
  total: number;
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
  const latencies = createLatencyRecorder();
  let next = 0;
  let errors = 0;
  const worker = async (): Promise<void> => {
    while (next < options.total) {
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
  const workers = Array.from({ length: Math.min(options.concurrency, options.total) }, worker);
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
