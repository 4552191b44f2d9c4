import { expect, it } from 'vitest';
import { forEachBackend } from '../../../support/test-stores.js';

const base = {
  teamId: 'T1',
  channelId: 'C1',
  messageTs: '1712345678.000100',
  flaggedBy: 'U1',
  concerns: ['no-testing', 'no-production'],
  deliveredTo: 'thread' as const,
  createdAt: new Date('2026-03-01T09:00:00Z'),
};

const visible = (viewerId: string, channelId = 'C1', teamId = 'T1', limit?: number) => ({
  teamId,
  channelId,
  viewerId,
  ...(limit ? { limit } : {}),
});

forEachBackend('flag repository', (backend) => {
  it('saves a flag and reads every field back', async () => {
    const store = await backend.store();
    const saved = await store.flags.save({
      ...base,
      permalink: 'https://example.slack.com/archives/C1/p1712345678000100',
      note: 'Strong on APIs, ask about tests',
    });
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    const [read] = await store.flags.listVisible(visible('U1'));
    expect(read).toEqual(saved);
    expect(read?.createdAt.toISOString()).toBe('2026-03-01T09:00:00.000Z');
    expect(read?.concerns).toEqual(['no-testing', 'no-production']);
  });

  it('lists one channel, newest first, up to the limit', async () => {
    const store = await backend.store();
    for (const [i, day] of [3, 1, 4, 2].entries()) {
      await store.flags.save({
        ...base,
        messageTs: `1712345678.00000${i}`,
        createdAt: new Date(`2026-03-0${day}T09:00:00Z`),
      });
    }
    await store.flags.save({
      ...base,
      channelId: 'C2',
      createdAt: new Date('2026-03-09T09:00:00Z'),
    });
    const listed = await store.flags.listVisible(visible('U9', 'C1', 'T1', 3));
    expect(listed.map((f) => f.createdAt.getUTCDate())).toEqual([4, 3, 2]);
    expect(await store.flags.listVisible(visible('U9', 'C3'))).toEqual([]);
  });

  it('shows a private flag to its reviewer alone, and a thread flag to everyone', async () => {
    const store = await backend.store();
    const thread = await store.flags.save({ ...base, flaggedBy: 'U1', deliveredTo: 'thread' });
    const mine = await store.flags.save({ ...base, flaggedBy: 'U1', deliveredTo: 'private' });
    const fallback = await store.flags.save({
      ...base,
      flaggedBy: 'U1',
      deliveredTo: 'private-fallback',
    });
    const nowhere = await store.flags.save({
      ...base,
      flaggedBy: 'U1',
      deliveredTo: 'undelivered',
    });
    const ids = async (viewer: string) =>
      (await store.flags.listVisible(visible(viewer))).map((f) => f.id).sort();
    expect(await ids('U1')).toEqual([thread.id, mine.id, fallback.id, nowhere.id].sort());
    expect(await ids('U2')).toEqual([thread.id]);
  });

  it('reads a workspace’s flags only within it', async () => {
    const store = await backend.store();
    await store.flags.save({ ...base, teamId: 'T1' });
    await store.flags.save({ ...base, teamId: 'T2', flaggedBy: 'U2' });
    expect((await store.flags.listVisible(visible('U1', 'C1', 'T1'))).map((f) => f.teamId)).toEqual(
      ['T1'],
    );
    expect((await store.flags.listVisible(visible('U1', 'C1', 'T2'))).map((f) => f.teamId)).toEqual(
      ['T2'],
    );
  });

  it('refuses an invalid flag and stores nothing', async () => {
    const store = await backend.store();
    await expect(store.flags.save({ ...base, messageTs: 'not-a-ts' })).rejects.toThrow(/ts/);
    await expect(store.flags.save({ ...base, channelId: '' })).rejects.toThrow();
    await expect(store.flags.save({ ...base, teamId: '' })).rejects.toThrow();
    expect(await store.flags.listVisible(visible('U1'))).toEqual([]);
  });
});
