import { toDbTime } from '../../../kernel/database/db-time.js';
import type { Store } from '../../../kernel/database/store.js';
import { affected } from './affected-rows.js';

type SharedChannelTables = {
  reminder_shared_channels: {
    team_id: string;
    channel_id: string;
    allowed_by: string;
    allowed_at: string;
  };
};

/** Shared channels an admin opened to tips: who did it and when. */
export function createSharedChannelRepository(store: Pick<Store, 'db'>) {
  const db = store.db.withTables<SharedChannelTables>();
  return {
    async isAllowed(teamId: string, channelId: string): Promise<boolean> {
      const row = await db
        .selectFrom('reminder_shared_channels')
        .select('channel_id')
        .where('team_id', '=', teamId)
        .where('channel_id', '=', channelId)
        .executeTakeFirst();
      return row !== undefined;
    },
    async allow(teamId: string, channelId: string, by: string, now: Date): Promise<void> {
      await db
        .insertInto('reminder_shared_channels')
        .values({
          team_id: teamId,
          channel_id: channelId,
          allowed_by: by,
          allowed_at: toDbTime(now),
        })
        .onConflict((oc) =>
          oc
            .columns(['team_id', 'channel_id'])
            .doUpdateSet({ allowed_by: by, allowed_at: toDbTime(now) }),
        )
        .execute();
    },
    /** True when the channel was open to tips and no longer is. */
    async disallow(teamId: string, channelId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('reminder_shared_channels')
        .where('team_id', '=', teamId)
        .where('channel_id', '=', channelId)
        .executeTakeFirst();
      return affected(result) === 1;
    },
  };
}

export type SharedChannelRepository = ReturnType<typeof createSharedChannelRepository>;
