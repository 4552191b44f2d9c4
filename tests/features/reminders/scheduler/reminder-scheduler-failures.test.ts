import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSharedChannelRepository } from '../../../../src/features/reminders/storage/shared-channel-repository.js';
import { createChannelAudience } from '../../../../src/kernel/slack/access/channel-audience.js';
import { forEachBackend } from '../../../support/test-stores.js';
import { CREATOR, type ReminderHarness, startReminderHarness } from './support/reminder-harness.js';

forEachBackend('reminder scheduler when Slack says no', (backend) => {
  let h: ReminderHarness;
  beforeEach(async () => {
    // Monday 30 November 2026, 09:00:30 in Berlin: every 09:00 reminder is due.
    h = await startReminderHarness('2026-11-30T07:00:00Z');
  });
  afterEach(() => h.close());

  async function dueNow(channels: string[]) {
    const store = await backend.store();
    const subs = [];
    for (const channel of channels) subs.push(await h.subscribe(store, channel));
    h.clock.set('2026-11-30T08:00:30Z');
    return { store, subs };
  }

  it('429 storm: waits Retry-After (without sleeping for real) and sends each tip once', async () => {
    const channels = h.addChannels(5);
    const { store } = await dueNow(channels);
    h.slack.rateLimit('chat.postMessage', { times: 12, retryAfterSeconds: 30 });
    const report = await h.scheduler(store).tick();
    expect(report).toMatchObject({ sent: 5, failed: 0 });
    expect(h.posts()).toHaveLength(5);
    expect(new Set(h.posts().map((c) => c.args.channel))).toEqual(new Set(channels));
    expect(
      h.slack.callsTo('chat.postMessage').filter((c) => c.outcome === 'ratelimited'),
    ).toHaveLength(12);
    expect(h.waits.filter((ms) => ms === 30_000)).toHaveLength(12);
  });

  it('waits out 429s for as long as the tip is timely, then gives up without posting', async () => {
    const [channel] = h.addChannels(1);
    const { store } = await dueNow([channel as string]);
    h.slack.rateLimit('chat.postMessage', { times: 1000, retryAfterSeconds: 30 });
    const sleep = async (ms: number) => h.clock.advance(ms);
    // Due at 08:00, checked at 08:00:30: a 3-minute grace leaves five 30-second waits.
    const report = await h.scheduler(store, { sleep, graceMs: 3 * 60_000 }).tick();
    expect(report).toMatchObject({ sent: 0, failed: 1 });
    expect(h.posts()).toHaveLength(0);
    expect(
      h.slack.callsTo('chat.postMessage').filter((c) => c.outcome === 'ratelimited'),
    ).toHaveLength(6);
    const [delivery] = await store.reminders.listDeliveries();
    expect(delivery).toMatchObject({ status: 'failed', error: 'ratelimited' });
  });

  it('stopping during a 429 wait hands the claim back, and another instance posts the tip', async () => {
    const [channel] = h.addChannels(1);
    const { store } = await dueNow([channel as string]);
    h.slack.rateLimit('chat.postMessage', { times: 1, retryAfterSeconds: 30 });
    const first = h.scheduler(store, {
      instanceId: 'first',
      sleep: async (ms) => {
        h.clock.advance(ms);
        void first.stop();
      },
    });
    const report = await first.tick();
    expect(report).toMatchObject({ sent: 0, failed: 0, released: 1 });
    expect(h.posts()).toHaveLength(0);
    const [handedBack] = await store.reminders.listDeliveries();
    expect(handedBack?.status).toBe('claimed');

    h.clock.advance(1_000);
    const second = await h.scheduler(store, { instanceId: 'second' }).tick();
    expect(second).toMatchObject({ sent: 1, takenOver: 1 });
    expect(h.posts(channel)).toHaveLength(1);
  });

  it('keeps to about one post per second per channel when Slack enforces it', async () => {
    const [channel] = h.addChannels(1);
    const store = await backend.store();
    // Three reminders in one channel, all due in the same minute.
    for (const localTime of ['09:00', '09:00', '09:00'].map((t, i) => t.replace('00', `0${i}`))) {
      await h.subscribe(store, channel as string, { localTime });
    }
    h.clock.set('2026-11-30T08:05:00Z');
    h.slack.setChannelRateLimit({ messagesPerSecond: 1, retryAfterSeconds: 1 });
    // Waiting moves the test clock, which is also the loopback Slack's clock.
    const sleep = async (ms: number) => h.clock.advance(ms);
    const report = await h.scheduler(store, { sleep, channelSpacingMs: 1100 }).tick();
    expect(report.sent).toBe(3);
    const posts = h.slack.callsTo('chat.postMessage');
    // The pacer spaces them out, so Slack never had to refuse one.
    expect(posts.map((c) => c.outcome)).toEqual(['ok', 'ok', 'ok']);
    const gaps = posts.slice(1).map((c, i) => c.at - (posts[i]?.at ?? 0));
    expect(gaps.every((gap) => gap >= 1000)).toBe(true);
  });

  it('retries with backoff when Slack says it did nothing (service_unavailable)', async () => {
    const channels = h.addChannels(1);
    const { store } = await dueNow(channels);
    h.slack.failNext('chat.postMessage', 'service_unavailable', { times: 2 });
    const scheduler = h.scheduler(store, { backoffMs: 500, channelSpacingMs: 0 });
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    expect(h.posts()).toHaveLength(1);
    expect(h.waits).toHaveLength(2);
    expect(h.waits[1]).toBeGreaterThan((h.waits[0] as number) * 0.9);
  });

  it('gives up after the last transient attempt, records the failure, and moves on', async () => {
    const channels = h.addChannels(1);
    const { store } = await dueNow(channels);
    h.slack.failNext('chat.postMessage', 'service_unavailable', { times: 10 });
    expect(await h.scheduler(store, { maxAttempts: 3 }).tick()).toMatchObject({
      sent: 0,
      failed: 1,
    });
    expect((await store.reminders.listDeliveries())[0]).toMatchObject({
      status: 'failed',
      error: 'service_unavailable',
    });
  });

  it('an archived channel among healthy ones: the others get their tip, that one is paused and its creator told privately', async () => {
    const healthy = h.addChannels(4);
    const { store, subs } = await dueNow([
      ...healthy.slice(0, 2),
      'C0ARCHIVED',
      ...healthy.slice(2),
    ]);
    const report = await h.scheduler(store).tick();
    expect(report).toMatchObject({ sent: 4, failed: 1, paused: 1 });
    expect(new Set(h.posts().map((c) => c.args.channel))).toEqual(new Set([...healthy, CREATOR]));
    const archived = subs.find((s) => s.channelId === 'C0ARCHIVED');
    expect(await store.reminders.get(archived?.id as string)).toMatchObject({
      status: 'paused',
      pauseReason: 'is_archived',
      nextRunAt: null,
    });
    const notice = h.posts(CREATOR);
    expect(notice).toHaveLength(1);
    expect(String(notice[0]?.args.text)).toMatch(
      /paused .*<#C0ARCHIVED>.*archived.*\/hire remind resume/,
    );
    // Nothing more is tried there.
    h.clock.set('2026-12-01T08:00:30Z');
    await h.scheduler(store).tick();
    expect(
      h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0ARCHIVED'),
    ).toHaveLength(1);
  });

  it.each(['channel_not_found', 'not_in_channel'])('%s pauses the reminder too', async (code) => {
    const channels = h.addChannels(1);
    const { store, subs } = await dueNow(channels);
    h.slack.failNext('chat.postMessage', code, { channel: channels[0] });
    expect(await h.scheduler(store).tick()).toMatchObject({ paused: 1 });
    expect(await store.reminders.get(subs[0]?.id as string)).toMatchObject({
      status: 'paused',
      pauseReason: code,
    });
  });

  it('a revoked token stops sending for the workspace and logs an error', async () => {
    const channels = h.addChannels(3);
    const { store } = await dueNow(channels);
    h.slack.revokeToken(h.slack.botToken);
    const scheduler = h.scheduler(store, { concurrency: 1 });
    const report = await scheduler.tick();
    expect(report.sent).toBe(0);
    // The first refusal disables the workspace; the other claims are not even tried.
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(
      h.logs.some((l) => l.level >= 50 && /token/.test(l.msg) && l.code === 'token_revoked'),
    ).toBe(true);
    h.clock.set('2026-12-01T08:00:30Z');
    await scheduler.tick();
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a channel shared with another organisation gets no tip unless an admin allowed it', async () => {
    const [inside, shared] = h.addChannels(2);
    const sharedChannel = h.slack.workspace.channels.get(shared as string);
    if (!sharedChannel) throw new Error('no channel');
    sharedChannel.sharedWith = ['T0PARTNER'];
    const { store, subs } = await dueNow([inside as string, shared as string]);
    const audience = createChannelAudience({ clock: h.clock });
    const client = new WebClient(h.slack.botToken, { slackApiUrl: h.slack.apiUrl });
    const allowed = createSharedChannelRepository(store);
    const scheduler = h.scheduler(store, {
      channelAllowed: async (sub) =>
        (await audience(client, sub.channelId)) !== 'shared' ||
        allowed.isAllowed(sub.teamId, sub.channelId),
    });
    expect(await scheduler.tick()).toMatchObject({ sent: 1, skipped: 1, paused: 1 });
    expect(h.posts(inside)).toHaveLength(1);
    expect(h.posts(shared)).toHaveLength(0);
    expect((await store.reminders.get(subs[1]?.id ?? ''))?.pauseReason).toBe('shared_channel');
    const notice = h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === CREATOR);
    expect(String(notice?.args.text)).toContain('shared with another organisation');
  });
});
