import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fromDbTime, toDbTime } from '../../../kernel/database/db-time.js';
import type { Store } from '../../../kernel/database/store.js';
import { DELIVERIES, type NewFlag, newFlagSchema, type StoredFlag } from '../flag-record.js';
import type { FlagTables, ResumeFlagsTable } from './flag-tables.js';

export type FlagRepository = {
  /** Validates and stores a flag; resolves once it is committed. */
  save(flag: NewFlag): Promise<StoredFlag>;
  /** The channel's latest flags, newest first. */
  listByChannel(channelId: string, options?: { limit?: number }): Promise<StoredFlag[]>;
};

const concernsJson = z.array(z.string());

export function toStored(row: ResumeFlagsTable): StoredFlag {
  return {
    id: row.id,
    teamId: row.team_id ?? undefined,
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
        team_id: flag.teamId ?? null,
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

    async listByChannel(channelId, options = {}) {
      const limit = Math.min(Math.max(Math.trunc(options.limit ?? 10), 1), 100);
      const rows = await db
        .selectFrom('resume_flags')
        .selectAll()
        .where('channel_id', '=', channelId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toStored);
    },
  };
}
