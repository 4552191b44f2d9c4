import { describe, expect, it } from 'vitest';
import {
  compareToFloor,
  type LoadFigures,
  median,
  pickBest,
  rssCheck,
} from '../../bench/support/load-figures.js';

const figures = (overrides: Partial<LoadFigures>): LoadFigures => ({
  requests: 1000,
  durationS: 10,
  requestsPerS: 100,
  p50Ms: 5,
  p99Ms: 20,
  maxMs: 40,
  errors: 0,
  non2xx: 0,
  ...overrides,
});

describe('pickBest', () => {
  it('reports the fastest round with its own latencies, and the errors of every round', () => {
    const best = pickBest([
      figures({ requestsPerS: 90, p99Ms: 30, errors: 2 }),
      figures({ requestsPerS: 120, p99Ms: 25, non2xx: 1 }),
      figures({ requestsPerS: 110, p99Ms: 10 }),
    ]);
    expect(best.requestsPerS).toBe(120);
    expect(best.p99Ms).toBe(25);
    expect(best.errors).toBe(2);
    expect(best.non2xx).toBe(1);
  });

  it('refuses an empty list', () => {
    expect(() => pickBest([])).toThrow();
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([300, 100, 200])).toBe(200);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('compareToFloor', () => {
  it('passes an app within every target', () => {
    const result = compareToFloor(
      figures({ requestsPerS: 95, p99Ms: 22 }),
      figures({ requestsPerS: 100, p99Ms: 20 }),
    );
    expect(result.throughputRatio).toBeCloseTo(0.95);
    expect(result.p99Ratio).toBeCloseTo(1.1);
    expect(result.checks.every((c) => c.ok)).toBe(true);
  });

  it('fails each target on its own', () => {
    const floor = figures({ requestsPerS: 100, p99Ms: 20 });
    const failing = (app: LoadFigures) =>
      compareToFloor(app, floor)
        .checks.filter((c) => !c.ok)
        .map((c) => c.label.split(' ')[0]);
    expect(failing(figures({ requestsPerS: 89 }))).toEqual(['throughput']);
    expect(failing(figures({ p99Ms: 24.1 }))).toEqual(['p99']);
    expect(failing(figures({ non2xx: 1 }))).toEqual(['errors']);
    // A slow floor does not excuse a p99 over 50 ms.
    const slowFloor = figures({ p99Ms: 60 });
    expect(
      compareToFloor(figures({ p99Ms: 55 }), slowFloor).checks.filter((c) => !c.ok),
    ).toHaveLength(1);
  });
});

describe('rssCheck', () => {
  it('allows growth under 20 MB only', () => {
    const mb = 1024 * 1024;
    expect(rssCheck(100 * mb, 119 * mb).ok).toBe(true);
    expect(rssCheck(100 * mb, 120 * mb).ok).toBe(false);
  });
});
