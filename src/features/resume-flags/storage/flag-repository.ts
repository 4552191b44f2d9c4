import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, ResumeFlagsTable } from '../../../app/database-schema.js';
import { fromDbTime, toDbTime } from '../../../kernel/database/db-time.js';

const slackId = z.string().trim().min(1).max(64);

/** Where the summary went; `undelivered` flags are still stored, so nothing is lost. */
export const DELIVERIES = ['thread', 'private', 'private-fallback', 'undelivered'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** What a reviewer's flag records. The resume text has no field here, on purpose. */
export const newFlagSchema = z.object({
  teamId: slackId.optional(),
  channelId: slackId,
  messageTs: z
    .string()
    .regex(/^\d+\.\d+$/, 'expected a Slack message ts such as 1712345678.000100'),
  permalink: z.url().max(3000).optional(),
  flaggedBy: slackId,
  /** Resume-flag ids the reviewer kept ticked. */
  concerns: z.array(z.string().min(1).max(100)).max(50),
  note: z.string().max(3000).optional(),
  deliveredTo: z.enum(DELIVERIES),
  createdAt: z.date(),
});

export type NewFlag = z.input<typeof newFlagSchema>;
export type StoredFlag = z.output<typeof newFlagSchema> & { id: string };

export type FlagRepository = {
  /** Validates and stores a flag; resolves once it is committed. */
  save(flag: NewFlag): Promise<StoredFlag>;
  /** The channel's latest flags, newest first. */
  listByChannel(channelId: string, options?: { limit?: number }): Promise<StoredFlag[]>;
};

const concernsJson = z.array(z.string());

function toStored(row: ResumeFlagsTable): StoredFlag {
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

export function createFlagRepository(db: Kysely<Database>): FlagRepository {
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
