import autocannon from 'autocannon';
import { createLatencyRecorder } from './latency-recorder.js';
import type { LoadFigures } from './load-figures.js';

export interface HttpLoadOptions {
  url: string;
  /**
   * Called at the start of the run, so that signatures carry a fresh timestamp (Bolt accepts
   * one for 5 minutes; a run lasts seconds). Each connection cycles through the list in order.
   */
  makeRequests: () => autocannon.Request[];
  connections: number;
  /** Run for this long… */
  durationS?: number;
  /** …or until this many responses have arrived. */
  amount?: number;
}

/** One autocannon run; latencies come from autocannon's per-response timings. */
export function runHttpLoad(options: HttpLoadOptions): Promise<LoadFigures> {
  const latencies = createLatencyRecorder();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount !== undefined
          ? { amount: options.amount }
          : { duration: options.durationS ?? 10 }),
        requests: options.makeRequests(),
        // 10 s per request: a slow answer shows as latency, a stuck one as an error.
        timeout: 10,
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const summary = latencies.summary();
        const responses =
          result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
        resolve({
          requests: responses,
          durationS: result.duration,
          requestsPerS: responses / result.duration,
          p50Ms: summary.p50Ms,
          p99Ms: summary.p99Ms,
          maxMs: summary.maxMs,
          errors: result.errors,
          non2xx: result.non2xx,
        });
      },
    );
    // Each connection's first response is left out of the latencies: autocannon starts its
    // clock on the first request of every connection and then builds the request list of every
    // other connection before it reads anything back (~1 s for the 1,890-command load), so those
    // 32 answers measured autocannon's start-up, not the server: found by logging when each
    // slow response arrived. Both sides of every comparison are measured the same way.
    const started = new WeakSet<object>();
    instance.on('response', (client, _status, _bytes, responseTimeMs) => {
      if (!started.has(client)) {
        started.add(client);
        return;
      }
      latencies.record(responseTimeMs);
    });
  });
}
