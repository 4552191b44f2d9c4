import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { rssCheck } from '../../bench/support/load-figures.js';
import type { NodeChild } from '../../bench/support/node-child.js';
import { renderRss } from '../../bench/support/report.js';
import { startRssTrace } from '../../bench/support/rss-trace.js';

const MB = 1024 * 1024;

/** A child whose RSS follows a given list of MB values, one per reading (the last repeats). */
function childWithRss(valuesMb: number[]): NodeChild {
  let i = 0;
  return {
    rssBytes: () => (valuesMb[Math.min(i++, valuesMb.length - 1)] ?? 0) * MB,
  } as unknown as NodeChild;
}

describe('startRssTrace', () => {
  it('keeps the lowest and highest reading of each phase, for the app and the floor', async () => {
    const trace = startRssTrace(
      { app: childWithRss([150, 180, 152, 190, 160]), floor: childWithRss([100, 101]) },
      5,
    );
    trace.begin('first');
    await delay(40);
    trace.end(1000);
    trace.stop();
    const [phase] = trace.phases;
    expect(phase).toMatchObject({ label: 'first', appRequests: 1000 });
    expect(phase?.app).toEqual({ min: 150 * MB, max: 190 * MB });
    expect(phase?.floor).toEqual({ min: 100 * MB, max: 101 * MB });
  });

  it('takes no readings between phases', async () => {
    const app = childWithRss([150, 150, 999, 999]);
    const trace = startRssTrace({ app, floor: childWithRss([100]) }, 5);
    trace.begin('only');
    trace.end(1);
    await delay(30);
    trace.stop();
    expect(trace.phases[0]?.app.max).toBe(150 * MB);
  });
});

describe('renderRss', () => {
  const phases = [
    {
      label: 'a',
      appRequests: 100,
      app: { min: 150 * MB, max: 190 * MB },
      floor: { min: 100 * MB, max: 120 * MB },
    },
  ];
  const points = [
    {
      after: 'warm-up',
      appRequests: 0,
      app: { rssBytes: 150 * MB, heapUsedBytes: 60 * MB },
      floor: { rssBytes: 100 * MB, heapUsedBytes: 20 * MB },
    },
    {
      after: 'load',
      appRequests: 300_000,
      app: { rssBytes: 175 * MB, heapUsedBytes: 61 * MB },
      floor: { rssBytes: 101 * MB, heapUsedBytes: 20 * MB },
    },
  ];

  it('judges growth by RSS after a full GC, and says when the target is missed', () => {
    const check = rssCheck(150 * MB, 175 * MB);
    expect(check.ok).toBe(false);
    const text = renderRss(points, phases, check);
    expect(text).toContain('hire-bot RSS 25.0 MB, heap used 1.0 MB; floor RSS 1.0 MB');
    expect(text).toContain('✗ MISSED RSS growth after a full GC 25.0 MB (target < 20 MB)');
    expect(text).toContain('300,000 requests later');
    expect(text).toContain('150.0 – 190.0');
  });

  it('passes growth under 20 MB', () => {
    expect(rssCheck(150 * MB, 169 * MB).ok).toBe(true);
  });
});
