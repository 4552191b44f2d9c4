import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fromDbTime, toDbTime } from '../../../kernel/database/db-time.js';
import type { Store } from '../../../kernel/database/store.js';
import {
  DELIVERIES,
  type NewFlag,
  newFlagSchema,
  SEEN_BY_CHANNEL,
  type StoredFlag,
} from '../flag-record.js';
import type { FlagTables, ResumeFlagsTable } from './flag-tables.js';

export type FlagRepository = {
  /** Validates and stores a flag; resolves once it is committed. */
  save(flag: NewFlag): Promise<StoredFlag>;
  /**
   * The latest flags of a channel (and its threads) that `viewerId` may see, newest first:
   * those posted in the channel, and the viewer's own private ones — never another person's.
   */
  listVisible(query: {
    teamId: string;
    channelId: string;
    viewerId: string;
    limit?: number;
  }): Promise<StoredFlag[]>;
  /** A reviewer's own flags in a workspace (private ones included), newest first, by page. */
  listByReviewer(
    teamId: string,
    userId: string,
    page: { limit: number; offset: number },
  ): Promise<StoredFlag[]>;
};

const concernsJson = z.array(z.string());

function toStored(row: ResumeFlagsTable): StoredFlag {
  return {
    id: row.id,
    teamId: row.team_id ?? '',
    channelId: row.channel_id,
    messageTs: row.message_ts,
    permalink: row.permalink ?? undefined,
    flaggedBy: row.flagged_by,
    concerns: concernsJson.parse(JSON.parse(row.concerns)),
    note: row.note ?? undefined,
    deliveredTo: z.enum(DELIVERIES).parse(row.delivered_to),
    createdAt: fromDbTime(row.created_at),
  };
}

export function createFlagRepository(store: Pick<Store, 'db'>): FlagRepository {
  const db = store.db.withTables<FlagTables>();
  return {
    async save(input) {
      const flag = newFlagSchema.parse(input);
      const row: ResumeFlagsTable = {
        id: randomUUID(),
        team_id: flag.teamId,
        channel_id: flag.channelId,
        message_ts: flag.messageTs,
        permalink: flag.permalink ?? null,
        flagged_by: flag.flaggedBy,
        concerns: JSON.stringify(flag.concerns),
        note: flag.note ?? null,
        delivered_to: flag.deliveredTo,
        created_at: toDbTime(flag.createdAt),
      };
      await db.insertInto('resume_flags').values(row).execute();
      return toStored(row);
    },

    async listByReviewer(teamId, userId, page) {
      const rows = await db
        .selectFrom('resume_flags')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('flagged_by', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.min(Math.max(Math.trunc(page.limit), 1), 100))
        .offset(Math.max(Math.trunc(page.offset), 0))
        .execute();
      return rows.map(toStored);
    },

    async listVisible({ teamId, channelId, viewerId, limit }) {
      const rows = await db
        .selectFrom('resume_flags')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('channel_id', '=', channelId)
        .where((eb) =>
          eb.or([eb('delivered_to', 'in', [...SEEN_BY_CHANNEL]), eb('flagged_by', '=', viewerId)]),
        )
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.min(Math.max(Math.trunc(limit ?? 10), 1), 100))
        .execute();
      return rows.map(toStored);
    },
  };
}
