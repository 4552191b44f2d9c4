import { DateTime } from 'luxon';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { firstRunOnOrAfterDate } from '../../../../src/features/reminders/schedule/next-run.js';
import { forEachBackend } from '../../../support/test-stores.js';
import { type ReminderHarness, startReminderHarness } from './support/reminder-harness.js';

const MINUTE = 60_000;

forEachBackend('reminder scheduler', (backend) => {
  let h: ReminderHarness;
  beforeEach(async () => {
    // Monday 30 November 2026, 08:00 in Berlin.
    h = await startReminderHarness('2026-11-30T07:00:00Z');
  });
  afterEach(() => h.close());

  /** Ticks once a minute (like node-cron) from now for `minutes`. */
  async function runMinutes(tick: () => Promise<unknown>, minutes: number, step = 1) {
    for (let i = 0; i < minutes; i += step) {
      await tick();
      h.clock.advance(step * MINUTE);
    }
  }

  it('posts a due tip once, at its time, and moves the schedule to the next weekday', async () => {
    const store = await backend.store();
    const [channel] = h.addChannels(1);
    const sub = await h.subscribe(store, channel as string);
    const scheduler = h.scheduler(store);

    expect(await scheduler.tick()).toMatchObject({ claimed: 0, sent: 0 });
    h.clock.set('2026-11-30T08:00:00Z');
    expect(await scheduler.tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await scheduler.tick()).toMatchObject({ claimed: 0, sent: 0 });

    const [post] = h.posts(channel);
    expect(post?.args.text).toMatch(/^Interview prep — question: /);
    expect(JSON.stringify(post?.args.blocks)).toContain('Monday 30 November');
    expect((await store.reminders.get(sub.id))?.nextRunAt?.toISOString()).toBe(
      '2026-12-01T08:00:00.000Z',
    );
    expect(await store.reminders.listDeliveries()).toEqual([
      expect.objectContaining({
        status: 'sent',
        dueAt: new Date('2026-11-30T08:00:00Z'),
        attempts: 1,
      }),
    ]);
  });

  it('sends each reminder exactly once with three schedulers sharing the database', async () => {
    const stores = [
      await backend.store(),
      await backend.openAnother(),
      await backend.openAnother(),
    ];
    const channels = h.addChannels(40);
    for (const channel of channels) await h.subscribe(stores[0] as never, channel);
    const schedulers = stores.map((store, i) =>
      h.scheduler(store, { instanceId: `i${i}`, concurrency: 4, batchSize: 7 }),
    );

    h.clock.set('2026-11-30T08:00:30Z');
    const reports = await Promise.all(schedulers.map((s) => s.tick()));
    // And again, overlapping, as replicas whose minutes do not line up would.
    await Promise.all(schedulers.map((s) => s.tick()));

    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(40);
    expect(h.posts()).toHaveLength(40);
    expect(new Set(h.posts().map((c) => c.args.channel))).toEqual(new Set(channels));
    const deliveries = await stores[0]?.reminders.listDeliveries();
    expect(deliveries?.filter((d) => d.status === 'sent')).toHaveLength(40);
  });

  it('follows weekdays: Friday, then Monday, nothing at the weekend', async () => {
    const store = await backend.store();
    const [channel] = h.addChannels(1);
    h.clock.set('2026-12-04T07:00:00Z'); // Friday 08:00 Berlin
    await h.subscribe(store, channel as string);
    const scheduler = h.scheduler(store);
    // Friday 08:00 → Tuesday 10:00 Berlin.
    await runMinutes(() => scheduler.tick(), 4 * 24 * 60 + 120, 30);
    const days = h
      .posts(channel)
      .map((c) => DateTime.fromMillis(c.at, { zone: 'Europe/Berlin' }).toFormat('ccc HH:mm'));
    expect(days).toEqual(['Fri 09:00', 'Mon 09:00', 'Tue 09:00']);
  });

  it('pauses until a date, then resumes by itself on that date', async () => {
    const store = await backend.store();
    const [channel] = h.addChannels(1);
    const sub = await h.subscribe(store, channel as string, { days: [1, 2, 3, 4, 5, 6, 7] });
    const until = '2026-12-03';
    await store.reminders.setState(sub.id, {
      status: 'paused',
      pauseReason: 'requested',
      pausedUntil: until,
      nextRunAt: firstRunOnOrAfterDate(sub, until),
      now: h.clock.now(),
    });
    const scheduler = h.scheduler(store);
    // Monday 08:00 → Saturday 08:00 Berlin.
    await runMinutes(() => scheduler.tick(), 5 * 24 * 60, 30);
    const days = h
      .posts(channel)
      .map((c) => DateTime.fromMillis(c.at, { zone: 'Europe/Berlin' }).toISODate());
    expect(days).toEqual(['2026-12-03', '2026-12-04']);
    const after = await store.reminders.get(sub.id);
    expect(after?.status).toBe('active');
    expect(after?.pausedUntil).toBeUndefined();
  });

  it('a paused reminder sends nothing; resuming sends from the next run on', async () => {
    const store = await backend.store();
    const [channel] = h.addChannels(1);
    const sub = await h.subscribe(store, channel as string);
    await store.reminders.setState(sub.id, {
      status: 'paused',
      pauseReason: 'requested',
      nextRunAt: null,
      now: h.clock.now(),
    });
    const scheduler = h.scheduler(store);
    await runMinutes(() => scheduler.tick(), 24 * 60, 30);
    expect(h.posts(channel)).toHaveLength(0);
    // Tuesday 08:00 Berlin: resumed; the next run is Tuesday 09:00.
    h.clock.set('2026-12-01T07:00:00Z');
    await store.reminders.setState(sub.id, {
      status: 'active',
      nextRunAt: new Date('2026-12-01T08:00:00Z'),
      now: h.clock.now(),
    });
    await runMinutes(() => scheduler.tick(), 3 * 60, 30);
    expect(h.posts(channel)).toHaveLength(1);
  });

  it('after downtime: a reminder less than REMINDER_GRACE late is sent once, an older one is skipped and logged', async () => {
    const store = await backend.store();
    const [recent, old] = h.addChannels(2);
    await h.subscribe(store, recent as string, { localTime: '09:00' }); // due 08:00Z
    const oldSub = await h.subscribe(store, old as string, { localTime: '08:00' }); // due 07:00Z... later today
    await store.reminders.setState(oldSub.id, {
      status: 'active',
      nextRunAt: new Date('2026-11-30T06:30:00Z'),
      now: h.clock.now(),
    });
    // The bot was down; it starts at 09:00Z: 1 h late for one, 2.5 h for the other.
    h.clock.set('2026-11-30T09:00:00Z');
    const scheduler = h.scheduler(store);
    const report = await scheduler.tick();
    expect(report).toMatchObject({ sent: 1, skipped: 1 });
    expect(h.posts(recent)).toHaveLength(1);
    expect(h.posts(old)).toHaveLength(0);
    expect(h.logs.some((l) => l.msg.includes('grace window') && l.subscription === oldSub.id)).toBe(
      true,
    );
    expect((await store.reminders.get(oldSub.id))?.nextRunAt?.toISOString()).toBe(
      '2026-12-01T07:00:00.000Z',
    );
    expect(await scheduler.tick()).toMatchObject({ sent: 0, skipped: 0 });
  });

  it('after days of downtime, sends at most one tip, never a burst of stale ones', async () => {
    const store = await backend.store();
    const [channel] = h.addChannels(1);
    await h.subscribe(store, channel as string, { days: [1, 2, 3, 4, 5, 6, 7] });
    // Down from Monday 08:00 Berlin to Thursday 10:00 Berlin: four 09:00 runs missed.
    h.clock.set('2026-12-03T09:00:00Z');
    const scheduler = h.scheduler(store);
    await scheduler.tick();
    await scheduler.tick();
    // Thursday's 09:00 is one hour late (within grace) and is sent; the older ones are not.
    expect(h.posts(channel)).toHaveLength(1);
    expect(h.posts(channel)[0]?.args.blocks).toBeDefined();
    const statuses = (await store.reminders.listDeliveries()).map(
      (d) => `${d.dueAt.toISOString()} ${d.status}`,
    );
    expect(statuses).toEqual(['2026-11-30T08:00:00.000Z skipped', '2026-12-03T08:00:00.000Z sent']);
  });

  it('start() catches up at once and stop() waits for posts in flight', async () => {
    const store = await backend.store();
    const [channel] = h.addChannels(1);
    await h.subscribe(store, channel as string);
    h.clock.set('2026-11-30T08:30:00Z');
    h.slack.delay('chat.postMessage', 200);
    const scheduler = h.scheduler(store);
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await scheduler.stop();
    expect(h.posts(channel)).toHaveLength(1);
    expect((await store.reminders.listDeliveries())[0]?.status).toBe('sent');
    expect(await scheduler.tick()).toMatchObject({ claimed: 0 });
  });
});

forEachBackend('reminder scheduler across daylight saving', (backend) => {
  let h: ReminderHarness;
  afterEach(() => h?.close());

  async function postsBetween(
    start: string,
    end: string,
    settings: { localTime: string; timeZone: string },
  ) {
    h = await startReminderHarness(start);
    const store = await backend.store();
    const [channel] = h.addChannels(1);
    await h.subscribe(store, channel as string, { ...settings, days: [1, 2, 3, 4, 5, 6, 7] });
    const scheduler = h.scheduler(store);
    while (h.clock.now().getTime() < new Date(end).getTime()) {
      await scheduler.tick();
      h.clock.advance(10 * MINUTE);
    }
    return h
      .posts(channel)
      .map((c) =>
        DateTime.fromMillis(c.at, { zone: settings.timeZone }).toFormat('yyyy-MM-dd HH:mm ZZZZ'),
      );
  }

  it('America/New_York, clocks forward: the 02:30 reminder comes at 03:00 that day', async () => {
    expect(
      await postsBetween('2027-03-13T05:00:00Z', '2027-03-15T12:00:00Z', {
        localTime: '02:30',
        timeZone: 'America/New_York',
      }),
    ).toEqual(['2027-03-13 02:30 EST', '2027-03-14 03:00 EDT', '2027-03-15 02:30 EDT']);
  });

  it('America/New_York, clocks back: the 01:30 reminder is posted once', async () => {
    expect(
      await postsBetween('2027-11-06T04:00:00Z', '2027-11-08T12:00:00Z', {
        localTime: '01:30',
        timeZone: 'America/New_York',
      }),
    ).toEqual(['2027-11-06 01:30 EDT', '2027-11-07 01:30 EDT', '2027-11-08 01:30 EST']);
  });

  it('Europe/Berlin, clocks forward: the 02:30 reminder comes at 03:00 that day', async () => {
    expect(
      await postsBetween('2027-03-27T00:00:00Z', '2027-03-29T06:00:00Z', {
        localTime: '02:30',
        timeZone: 'Europe/Berlin',
      }),
    ).toEqual(['2027-03-27 02:30 GMT+1', '2027-03-28 03:00 GMT+2', '2027-03-29 02:30 GMT+2']);
  });

  it('Europe/Berlin, clocks back: the 02:30 reminder is posted once', async () => {
    expect(
      await postsBetween('2027-10-30T00:00:00Z', '2027-11-01T06:00:00Z', {
        localTime: '02:30',
        timeZone: 'Europe/Berlin',
      }),
    ).toEqual(['2027-10-30 02:30 GMT+2', '2027-10-31 02:30 GMT+2', '2027-11-01 02:30 GMT+1']);
  });
});
