import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { NodeChild } from '../../bench/support/node-child.js';
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
