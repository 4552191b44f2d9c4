import { afterEach, beforeEach, expect, it } from 'vitest';
import { createReminderWebClient } from '../../../../src/features/reminders/scheduler/reminder-web-client.js';
import { forEachBackend } from '../../../support/test-stores.js';
import { type ReminderHarness, startReminderHarness } from './support/reminder-harness.js';

const LEASE = 10_000;

forEachBackend('reminder scheduler: every post fenced, never twice', (backend) => {
  let h: ReminderHarness;
  beforeEach(async () => {
    // Monday 30 November 2026, 08:00 in Berlin; every 09:00 reminder is due at 08:00Z.
    h = await startReminderHarness('2026-11-30T07:00:00Z');
  });
  afterEach(() => h.close());

  async function dueNow(count: number) {
    const store = await backend.store();
    const channels = h.addChannels(count);
    const subs = [];
    for (const channel of channels) subs.push(await h.subscribe(store, channel));
    h.clock.set('2026-11-30T08:00:30Z');
    return { store, channels, subs };
  }

  it('a claim that lapses during a 429 wait and is taken over is dropped by its first owner, not posted twice', async () => {
    const { store } = await dueNow(1);
    const other = await backend.openAnother();
    const taker = h.scheduler(other, { instanceId: 'taker', leaseMs: LEASE });
    let takerReport: Awaited<ReturnType<typeof taker.tick>> | undefined;
    h.slack.rateLimit('chat.postMessage', { times: 1, retryAfterSeconds: 30 });
    const first = h.scheduler(store, {
      instanceId: 'first',
      leaseMs: LEASE,
      // While the first instance waits out Retry-After, its lease runs out and another takes over.
      sleep: async (ms) => {
        h.clock.advance(ms + 2 * LEASE + 30_000);
        takerReport = await taker.tick();
      },
    });
    const report = await first.tick();
    expect(takerReport).toMatchObject({ takenOver: 1, sent: 1 });
    expect(report).toMatchObject({ sent: 0, lost: 1 });
    expect(h.posts()).toHaveLength(1);
    expect(await store.reminders.listDeliveries()).toEqual([
      expect.objectContaining({ status: 'sent', claimedBy: 'taker' }),
    ]);
  });

  it('a claim still queued when its lease runs out is taken over and then dropped by its first owner', async () => {
    const { store } = await dueNow(2);
    const other = await backend.openAnother();
    const taker = h.scheduler(other, { instanceId: 'taker', leaseMs: LEASE });
    let takerReport: Awaited<ReturnType<typeof taker.tick>> | undefined;
    // The first post waits out a 429 (its own lease renewed); the second waits its turn.
    h.slack.rateLimit('chat.postMessage', { times: 1, retryAfterSeconds: 30 });
    const first = h.scheduler(store, {
      instanceId: 'first',
      leaseMs: LEASE,
      concurrency: 1,
      sleep: async () => {
        h.clock.advance(LEASE + 1_000);
        takerReport = await taker.tick();
      },
    });
    const report = await first.tick();
    expect(takerReport).toMatchObject({ takenOver: 1, sent: 1 });
    expect(report).toMatchObject({ sent: 1, lost: 1 });
    const posted = h.posts().map((c) => c.args.channel);
    expect(posted).toHaveLength(2);
    expect(new Set(posted).size).toBe(2);
  });

  it.each([
    ['paused', 'turned off or paused since it was claimed'],
    ['turned off', undefined],
  ])('a reminder %s after it was claimed is not posted', async (change, error) => {
    const { store, channels, subs } = await dueNow(1);
    const sub = subs[0];
    if (!sub) throw new Error('no subscription');
    h.slack.rateLimit('chat.postMessage', { times: 1, retryAfterSeconds: 5 });
    const report = await h
      .scheduler(store, {
        sleep: async () => {
          if (change === 'paused')
            await store.reminders.setState(sub.id, {
              status: 'paused',
              pauseReason: 'requested',
              nextRunAt: null,
              now: h.clock.now(),
            });
          else await store.reminders.remove(sub.teamId, channels[0] as string);
        },
      })
      .tick();
    expect(report.sent).toBe(0);
    expect(h.posts()).toHaveLength(0);
    const deliveries = await store.reminders.listDeliveries();
    if (error) expect(deliveries).toEqual([expect.objectContaining({ status: 'skipped', error })]);
    else expect(deliveries).toEqual([]);
  });

  it('a dated pause that ends on or before the occurrence still lets it post', async () => {
    const { store, subs } = await dueNow(1);
    const sub = subs[0];
    if (!sub) throw new Error('no subscription');
    await store.reminders.setState(sub.id, {
      status: 'paused',
      pausedUntil: '2026-11-30',
      nextRunAt: sub.nextRunAt,
      now: h.clock.now(),
    });
    expect(await h.scheduler(store).tick()).toMatchObject({ sent: 1 });
    expect(h.posts()).toHaveLength(1);
  });

  it('a post that may have reached Slack (internal_error) is not retried, and is counted', async () => {
    const { store } = await dueNow(1);
    h.slack.failNext('chat.postMessage', 'internal_error', { times: 1 });
    const report = await h.scheduler(store).tick();
    expect(report).toMatchObject({ sent: 0, failed: 1, maybeSent: 1 });
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await store.reminders.listDeliveries()).toEqual([
      expect.objectContaining({ status: 'failed', error: 'maybe-sent:internal_error' }),
    ]);
    expect(h.logs.some((l) => /never posted twice/.test(l.msg))).toBe(true);
  });

  it('a post that timed out after it was sent is not retried, so the channel has it once', async () => {
    const { store } = await dueNow(1);
    h.slack.delay('chat.postMessage', 600);
    const client = createReminderWebClient({
      token: h.slack.botToken,
      slackApiUrl: h.slack.apiUrl,
      timeoutMs: 150,
    });
    const report = await h.scheduler(store, { client, postTimeoutMs: 150 }).tick();
    expect(report).toMatchObject({ sent: 0, maybeSent: 1 });
    await new Promise((resolve) => setTimeout(resolve, 800));
    // Slack finished the post after the bot stopped waiting: there, once.
    expect(h.posts()).toHaveLength(1);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('claims no more at once than its posts can send within half a lease', async () => {
    const { store } = await dueNow(30);
    const limits: number[] = [];
    const reminders = {
      ...store.reminders,
      findDue: (now: Date, limit: number, exclude?: readonly string[]) => {
        limits.push(limit);
        return store.reminders.findDue(now, limit, exclude);
      },
    };
    // Posts are taken to last about 1 s until measured; 4 of them in half of a 2 s lease.
    h.slack.delay('chat.postMessage', 20);
    const report = await h
      .scheduler(store, { reminders, leaseMs: 2_000, concurrency: 4, channelSpacingMs: 0 })
      .tick();
    expect(report.sent).toBe(30);
    expect(limits[0]).toBe(4);
    expect(Math.max(...limits)).toBeLessThanOrEqual(500);
    expect(h.posts()).toHaveLength(30);
  });
});
