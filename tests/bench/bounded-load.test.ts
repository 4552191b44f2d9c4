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
});
