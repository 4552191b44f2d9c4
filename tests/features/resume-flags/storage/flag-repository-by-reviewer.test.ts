import { expect, it } from 'vitest';
import { forEachBackend } from '../../../support/test-stores.js';

const flag = (i: number, extra: Record<string, unknown> = {}) => ({
  teamId: 'T1',
  channelId: 'C1',
  messageTs: `1712345678.${String(i).padStart(6, '0')}`,
  flaggedBy: 'U1',
  concerns: ['no-testing'],
  deliveredTo: 'private' as const,
  createdAt: new Date(Date.UTC(2026, 2, 1, 9, i)),
  ...extra,
});

forEachBackend('listByReviewer', (backend) => {
  it('gives the reviewer’s own flags of the workspace alone, private ones included, newest first, by page', async () => {
    const store = await backend.store();
    for (const i of [3, 1, 4, 0, 2]) await store.flags.save(flag(i));
    await store.flags.save(flag(9, { flaggedBy: 'U2' })); // someone else's
    await store.flags.save(flag(8, { teamId: 'T2' })); // another workspace
    const queries = store.flags;
    const minutes = async (offset: number) =>
      (await queries.listByReviewer('T1', 'U1', { limit: 3, offset })).map((f) =>
        f.createdAt.getUTCMinutes(),
      );
    expect(await minutes(0)).toEqual([4, 3, 2]);
    expect(await minutes(3)).toEqual([1, 0]);
    expect(await minutes(6)).toEqual([]);
    expect(await queries.listByReviewer('T1', 'U3', { limit: 3, offset: 0 })).toEqual([]);
  });

  it('keeps limit and offset within bounds', async () => {
    const store = await backend.store();
    for (let i = 0; i < 3; i++) await store.flags.save(flag(i));
    const queries = store.flags;
    expect(await queries.listByReviewer('T1', 'U1', { limit: 0, offset: -5 })).toHaveLength(1);
    expect(await queries.listByReviewer('T1', 'U1', { limit: 1e6, offset: 0 })).toHaveLength(3);
  });
});
