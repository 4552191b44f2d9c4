import { expect, it } from 'vitest';
import { createHomeReminderQueries } from '../../../../src/features/reminders/storage/reminders-for-home.js';
import { forEachBackend, type TestStore } from '../../../support/test-stores.js';

const settings = { timeZone: 'UTC', days: [1, 2, 3, 4, 5], topics: ['questions' as const] };

async function remind(
  store: TestStore,
  channelId: string,
  createdBy: string,
  minute: number,
  teamId = 'T1',
) {
  const at = new Date(Date.UTC(2026, 2, 2, 8, minute));
  await store.reminders.upsert({
    teamId,
    channelId,
    createdBy,
    settings: { ...settings, localTime: `09:${String(minute).padStart(2, '0')}` },
    nextRunAt: new Date('2026-03-03T09:00:00Z'),
    now: at,
  });
}

forEachBackend('reminders for the Home', (backend) => {
  it('lists the viewer’s reminders and those of channels they are in, newest first, by page', async () => {
    const store = await backend.store();
    await remind(store, 'C1', 'U1', 1);
    await remind(store, 'C2', 'U2', 2); // a channel U1 is in
    await remind(store, 'C3', 'U2', 3); // a channel U1 is not in
    await remind(store, 'C1', 'U2', 4); // someone else's, in a channel U1 is in
    await remind(store, 'C9', 'U1', 5, 'T2'); // another workspace
    await remind(store, 'C4', 'U1', 6);
    const queries = createHomeReminderQueries(store);
    const times = async (memberOf: string[], offset = 0, limit = 10) =>
      (
        await queries.listForViewer({ teamId: 'T1', userId: 'U1', memberOf }, { limit, offset })
      ).map((s) => s.localTime);
    expect(await times([])).toEqual(['09:06', '09:01']);
    expect(await times(['C1', 'C2'])).toEqual(['09:06', '09:04', '09:02', '09:01']);
    expect(await times(['C1', 'C2'], 1, 2)).toEqual(['09:04', '09:02']);
  });

  it('names the channels with someone else’s reminders, most recently changed first', async () => {
    const store = await backend.store();
    await remind(store, 'C1', 'U2', 1);
    await remind(store, 'C2', 'U1', 2); // only the viewer's
    await remind(store, 'C3', 'U3', 3);
    await remind(store, 'C1', 'U3', 4);
    await remind(store, 'C5', 'U2', 5, 'T2');
    const queries = createHomeReminderQueries(store);
    expect(await queries.channelsSetUpByOthers('T1', 'U1', 10)).toEqual(['C1', 'C3']);
    expect(await queries.channelsSetUpByOthers('T1', 'U1', 1)).toEqual(['C1']);
  });
});
