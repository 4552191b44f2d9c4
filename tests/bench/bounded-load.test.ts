import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runBoundedLoad } from '../../bench/support/bounded-load.js';

describe('runBoundedLoad', () => {
  it('runs every task once, never more than `concurrency` at a time, and counts failures', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let peak = 0;
    const figures = await runBoundedLoad({
      total: 50,
      concurrency: 4,
      task: async (index) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        seen.push(index);
        await delay(1);
        inFlight -= 1;
        if (index % 10 === 0) throw new Error('nack');
      },
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(peak).toBe(4);
    expect(figures.errors).toBe(5);
    expect(figures.requests).toBe(45);
    expect(figures.p99Ms).toBeGreaterThan(0);
    expect(figures.p50Ms).toBeLessThanOrEqual(figures.p99Ms);
  });

  it('with durationS, starts no task after the deadline and lets the ones in flight finish', async () => {
    let started = 0;
    let finished = 0;
    const begun = performance.now();
    const figures = await runBoundedLoad({
      durationS: 0.1,
      concurrency: 3,
      task: async () => {
        started += 1;
        await delay(20);
        finished += 1;
      },
    });
    const tookMs = performance.now() - begun;
    expect(finished).toBe(started);
    expect(figures.requests).toBe(started);
    // 3 at a time for ~100 ms of ~20 ms tasks: about 15, never unbounded.
    expect(started).toBeGreaterThanOrEqual(6);
    expect(started).toBeLessThanOrEqual(24);
    expect(tookMs).toBeGreaterThanOrEqual(100);
    expect(tookMs).toBeLessThan(400);
  });

  it('refuses a load with neither a total nor a duration', async () => {
    await expect(runBoundedLoad({ concurrency: 1, task: async () => {} })).rejects.toThrow(
      /total or durationS/,
    );
  });
});
