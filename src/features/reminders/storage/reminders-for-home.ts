import type { Store } from '../../../kernel/database/store.js';
import type { Subscription } from '../subscription.js';
import type { ReminderTables } from './reminder-tables.js';
import { toSubscription } from './subscription-repository.js';

/** Whose reminders a Home shows: the ones they set up, and those of channels they are in. */
export type ReminderViewer = { teamId: string; userId: string; memberOf: readonly string[] };

/** The queries behind the reminders part of each person's Home. */
export function createHomeReminderQueries(store: Pick<Store, 'db'>) {
  const db = store.db.withTables<ReminderTables>();
  return {
    /**
     * Channels of the team holding a reminder someone else set up, most recently changed
     * first: the ones worth asking Slack whether the viewer is in.
     */
    async channelsSetUpByOthers(teamId: string, userId: string, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('reminder_subscriptions')
        .select('channel_id')
        .select((eb) => eb.fn.max('updated_at').as('latest'))
        .where('team_id', '=', teamId)
        .where('created_by', '<>', userId)
        .groupBy('channel_id')
        .orderBy('latest', 'desc')
        .orderBy('channel_id')
        .limit(limit)
        .execute();
      return rows.map((row) => row.channel_id);
    },

    /** One page of the viewer's reminders, newest first. */
    async listForViewer(
      viewer: ReminderViewer,
      page: { limit: number; offset: number },
    ): Promise<Subscription[]> {
      const rows = await db
        .selectFrom('reminder_subscriptions')
        .selectAll()
        .where('team_id', '=', viewer.teamId)
        .where((eb) =>
          viewer.memberOf.length === 0
            ? eb('created_by', '=', viewer.userId)
            : eb.or([
                eb('created_by', '=', viewer.userId),
                eb('channel_id', 'in', [...viewer.memberOf]),
              ]),
        )
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return rows.map(toSubscription);
    },
  };
}

export type HomeReminderQueries = ReturnType<typeof createHomeReminderQueries>;
