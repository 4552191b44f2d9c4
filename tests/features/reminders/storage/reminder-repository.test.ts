import { expect, it } from 'vitest';
import type { ReminderSettings } from '../../../../src/features/reminders/reminder-settings.js';
import { forEachBackend } from '../../../support/test-stores.js';

const settings: ReminderSettings = {
  localTime: '09:00',
  timeZone: 'Europe/Berlin',
  days: [1, 2, 3, 4, 5],
  level: 'senior',
  topics: ['questions', 'glossary'],
};
const now = new Date('2026-11-30T07:00:00.000Z');
const due = new Date('2026-11-30T08:00:00.000Z');
const next = new Date('2026-12-01T08:00:00.000Z');

forEachBackend('reminder repository', (backend) => {
  async function subscribe() {
    const store = await backend.store();
    const { sub } = await store.reminders.upsert({
      teamId: 'T1',
      channelId: 'C1',
      createdBy: 'U1',
      settings,
      nextRunAt: due,
      now,
    });
    return { store, sub };
  }

  it('stores a subscription and reads it back', async () => {
    const { store, sub } = await subscribe();
    expect(sub).toMatchObject({
      ...settings,
      teamId: 'T1',
      channelId: 'C1',
      status: 'active',
      nextRunAt: due,
    });
    expect(await store.reminders.listByChannel('T1', 'C1')).toEqual([sub]);
    expect(await store.reminders.listByChannel('T1', 'C2')).toEqual([]);
  });

  it('subscribing again at the same time updates instead of adding', async () => {
    const { store, sub } = await subscribe();
    const again = await store.reminders.upsert({
      teamId: 'T1',
      channelId: 'C1',
      createdBy: 'U2',
      settings: { ...settings, days: [1, 2, 3, 4, 5, 6, 7] },
      nextRunAt: due,
      now: new Date(now.getTime() + 1000),
    });
    expect(again.replaced).toBe(true);
    expect(again.sub.id).toBe(sub.id);
    expect(again.sub.days).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await store.reminders.listByChannel('T1', 'C1')).toHaveLength(1);
  });

  it('a claim is won once; the schedule moves on once', async () => {
    const { store, sub } = await subscribe();
    const other = await backend.openAnother();
    const claim = (repo: typeof store.reminders, owner: string) =>
      repo.claim({
        key: { subscriptionId: sub.id, dueAt: due },
        owner,
        leaseUntil: new Date(due.getTime() + 60_000),
        status: 'claimed',
        nextRunAt: next,
        now: due,
      });
    const results = await Promise.all([
      claim(store.reminders, 'a'),
      claim(other.reminders, 'b'),
      claim(store.reminders, 'c'),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await store.reminders.get(sub.id))?.nextRunAt).toEqual(next);
    expect(await store.reminders.findDue(due, 10)).toEqual([]);
    const deliveries = await store.reminders.listDeliveries();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ status: 'claimed', attempts: 1 });
  });

  it('an expired claim is taken over by exactly one instance, and only the owner can finish it', async () => {
    const { store, sub } = await subscribe();
    const key = { subscriptionId: sub.id, dueAt: due };
    await store.reminders.claim({
      key,
      owner: 'dead',
      leaseUntil: new Date(due.getTime() + 60_000),
      status: 'claimed',
      nextRunAt: next,
      now: due,
    });
    expect(await store.reminders.findExpiredClaims(new Date(due.getTime() + 30_000), 10)).toEqual(
      [],
    );
    const later = new Date(due.getTime() + 61_000);
    const [expired] = await store.reminders.findExpiredClaims(later, 10);
    expect(expired).toBeDefined();
    if (!expired) return;
    const other = await backend.openAnother();
    const wins = await Promise.all([
      store.reminders.takeOver(expired, 'x', new Date(later.getTime() + 60_000)),
      other.reminders.takeOver(expired, 'y', new Date(later.getTime() + 60_000)),
    ]);
    expect(wins.filter(Boolean)).toHaveLength(1);
    const winner = wins[0] ? 'x' : 'y';
    expect(await store.reminders.finish(key, 'dead', { status: 'sent', now: later })).toBe(false);
    expect(
      await store.reminders.finish(key, winner, { status: 'sent', messageTs: '1.2', now: later }),
    ).toBe(true);
    expect((await store.reminders.listDeliveries())[0]).toMatchObject({
      status: 'sent',
      attempts: 2,
      messageTs: '1.2',
    });
    expect((await store.reminders.get(sub.id))?.lastSentAt).toEqual(later);
  });

  it('pausing without an end leaves nothing due; off removes everything of the channel', async () => {
    const { store, sub } = await subscribe();
    await store.reminders.setState(sub.id, {
      status: 'paused',
      pauseReason: 'requested',
      nextRunAt: null,
      now,
    });
    expect(await store.reminders.findDue(new Date('2030-01-01T00:00:00Z'), 10)).toEqual([]);
    expect(await store.reminders.get(sub.id)).toMatchObject({
      status: 'paused',
      pauseReason: 'requested',
      nextRunAt: null,
    });
    await store.reminders.recordTips(sub.id, [{ topic: 'glossary', id: 'latency' }], [], now);
    expect(await store.reminders.remove('T1', 'C1')).toBe(1);
    expect(await store.reminders.get(sub.id)).toBeUndefined();
    expect(await store.reminders.seenTips(sub.id)).toEqual({});
  });

  it('keeps tip history per topic and forgets a restarted topic', async () => {
    const { store, sub } = await subscribe();
    await store.reminders.recordTips(
      sub.id,
      [
        { topic: 'glossary', id: 'latency' },
        { topic: 'questions', id: 'rate-limiter' },
      ],
      [],
      now,
    );
    await store.reminders.recordTips(sub.id, [{ topic: 'glossary', id: 'caching' }], [], now);
    expect(await store.reminders.seenTips(sub.id)).toEqual({
      glossary: expect.arrayContaining(['latency', 'caching']),
      questions: ['rate-limiter'],
    });
    await store.reminders.recordTips(
      sub.id,
      [{ topic: 'glossary', id: 'pub-sub' }],
      ['glossary'],
      now,
    );
    expect((await store.reminders.seenTips(sub.id)).glossary).toEqual(['pub-sub']);
  });
});
