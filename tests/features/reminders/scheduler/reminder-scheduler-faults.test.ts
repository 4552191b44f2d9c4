import { expect, it } from 'vitest';
import { runReminderFaults } from '../../../../bench/support/reminder-fault-run.js';
import { forPostgres } from '../../../support/test-stores.js';

forPostgres('reminder scheduler under faults', (backend) => {
  it('three instances, slow Slack, 429 storms, one killed mid-fan-out: no tip twice; a miss only where a post was under way at the death', async () => {
    const figures = await runReminderFaults({
      database: backend.database(),
      subscriptions: 60,
      instances: 3,
      leaseMs: 2_000,
      slowMs: 150,
      stormSize: 8,
      stormEveryMs: 4_000,
      concurrency: 6,
      killAt: 0.3,
      timeoutMs: 100_000,
    });
    console.info(`reminder fault run: ${JSON.stringify(figures)}`);
    expect(figures.killed).toBe(true);
    expect(figures.unsettled).toBe(0);
    expect(figures.ratelimited).toBeGreaterThan(0);
    expect(figures.duplicates).toBe(0);
    // Every miss is a post the killed instance had started, recorded as "maybe sent".
    expect(figures.misses).toBeLessThanOrEqual(figures.maybeSent);
    expect(figures.posts).toBe(figures.subscriptions - figures.misses);
  }, 120_000);
});
