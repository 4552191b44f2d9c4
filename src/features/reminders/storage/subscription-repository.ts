import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fromDbTime, toDbTime } from '../../../kernel/database/db-time.js';
import type { Store } from '../../../kernel/database/store.js';
import { levelId } from '../../../kernel/knowledge/schemas/common.js';
import {
  type ReminderSettings,
  reminderSettingsSchema,
  reminderTopic,
  weekday,
} from '../reminder-settings.js';
import { type PauseReason, pauseReason, type Subscription } from '../subscription.js';
import { affected } from './affected-rows.js';
import type { ReminderSubscriptionsTable, ReminderTables } from './reminder-tables.js';

export type NewSubscription = {
  teamId: string;
  channelId: string;
  createdBy: string;
  settings: ReminderSettings;
  nextRunAt: Date;
  now: Date;
};

export type SubscriptionState = {
  status: 'active' | 'paused';
  pausedUntil?: string;
  pauseReason?: PauseReason;
  nextRunAt: Date | null;
  /** When set, the change applies only if the row still has this next run (compare-and-set). */
  expectNextRunAt?: Date | null;
  now: Date;
};

const daysJson = z.array(weekday);
const topicsJson = z.array(reminderTopic);

export function toSubscription(row: ReminderSubscriptionsTable): Subscription {
  const settings = reminderSettingsSchema.parse({
    localTime: row.local_time,
    timeZone: row.time_zone,
    days: daysJson.parse(JSON.parse(row.days)),
    level: row.level === null ? undefined : levelId.parse(row.level),
    topics: topicsJson.parse(JSON.parse(row.topics)),
  });
  return {
    ...settings,
    id: row.id,
    teamId: row.team_id,
    channelId: row.channel_id,
    createdBy: row.created_by,
    status: z.enum(['active', 'paused']).parse(row.status),
    ...(row.paused_until ? { pausedUntil: row.paused_until } : {}),
    ...(row.pause_reason ? { pauseReason: pauseReason.parse(row.pause_reason) } : {}),
    nextRunAt: row.next_run_at === null ? null : fromDbTime(row.next_run_at),
    ...(row.last_sent_at ? { lastSentAt: fromDbTime(row.last_sent_at) } : {}),
    createdAt: fromDbTime(row.created_at),
  };
}

/** A channel's reminders: created, listed, paused and resumed, removed; and what is due. */
export function createSubscriptionRepository(store: Pick<Store, 'db'>) {
  const db = store.db.withTables<ReminderTables>();
  const subscriptions = () => db.selectFrom('reminder_subscriptions').selectAll();
  return {
    /**
     * Creates the channel's reminder at this time of day, or updates the one already there
     * (then its tip history is kept). Returns the stored subscription.
     */
    async upsert(input: NewSubscription): Promise<{ sub: Subscription; replaced: boolean }> {
      const settings = reminderSettingsSchema.parse(input.settings);
      const now = toDbTime(input.now);
      const values = {
        created_by: input.createdBy,
        time_zone: settings.timeZone,
        days: JSON.stringify(settings.days),
        level: settings.level ?? null,
        topics: JSON.stringify(settings.topics),
        status: 'active',
        paused_until: null,
        pause_reason: null,
        next_run_at: toDbTime(input.nextRunAt),
        updated_at: now,
      };
      const existing = await db
        .selectFrom('reminder_subscriptions')
        .select('id')
        .where('team_id', '=', input.teamId)
        .where('channel_id', '=', input.channelId)
        .where('local_time', '=', settings.localTime)
        .executeTakeFirst();
      const inserted = await db
        .insertInto('reminder_subscriptions')
        .values({
          id: randomUUID(),
          team_id: input.teamId,
          channel_id: input.channelId,
          local_time: settings.localTime,
          last_sent_at: null,
          created_at: now,
          ...values,
        })
        .onConflict((oc) => oc.columns(['team_id', 'channel_id', 'local_time']).doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      return { sub: toSubscription(inserted), replaced: existing !== undefined };
    },

    async get(id: string): Promise<Subscription | undefined> {
      const row = await subscriptions().where('id', '=', id).executeTakeFirst();
      return row ? toSubscription(row) : undefined;
    },

    async listByChannel(teamId: string, channelId: string): Promise<Subscription[]> {
      const rows = await subscriptions()
        .where('team_id', '=', teamId)
        .where('channel_id', '=', channelId)
        .orderBy('local_time')
        .execute();
      return rows.map(toSubscription);
    },

    /** Deletes the channel's reminders (or the one at `localTime`) with their history. */
    async remove(teamId: string, channelId: string, localTime?: string): Promise<number> {
      let query = db
        .selectFrom('reminder_subscriptions')
        .select('id')
        .where('team_id', '=', teamId)
        .where('channel_id', '=', channelId);
      if (localTime) query = query.where('local_time', '=', localTime);
      const ids = (await query.execute()).map((r) => r.id);
      if (ids.length === 0) return 0;
      await db.deleteFrom('reminder_tip_history').where('subscription_id', 'in', ids).execute();
      await db.deleteFrom('reminder_deliveries').where('subscription_id', 'in', ids).execute();
      const result = await db
        .deleteFrom('reminder_subscriptions')
        .where('id', 'in', ids)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Pauses, resumes or reschedules one subscription. False when the compare-and-set lost. */
    async setState(id: string, state: SubscriptionState): Promise<boolean> {
      let query = db
        .updateTable('reminder_subscriptions')
        .set({
          status: state.status,
          paused_until: state.pausedUntil ?? null,
          pause_reason: state.pauseReason ?? null,
          next_run_at: state.nextRunAt ? toDbTime(state.nextRunAt) : null,
          updated_at: toDbTime(state.now),
        })
        .where('id', '=', id);
      if (state.expectNextRunAt !== undefined) {
        query =
          state.expectNextRunAt === null
            ? query.where('next_run_at', 'is', null)
            : query.where('next_run_at', '=', toDbTime(state.expectNextRunAt));
      }
      return affected(await query.executeTakeFirst()) === 1;
    },

    /** Subscriptions whose next run has come, oldest first, leaving out disabled workspaces. */
    async findDue(
      now: Date,
      limit: number,
      excludeTeams: readonly string[] = [],
    ): Promise<Subscription[]> {
      let query = subscriptions()
        .where('next_run_at', 'is not', null)
        .where('next_run_at', '<=', toDbTime(now));
      if (excludeTeams.length > 0) query = query.where('team_id', 'not in', [...excludeTeams]);
      const rows = await query.orderBy('next_run_at').orderBy('id').limit(limit).execute();
      return rows.map(toSubscription);
    },
  };
}
