import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../app/database-schema.js';
import { fromDbTime, toDbTime } from '../../../kernel/database/db-time.js';
import { levelId } from '../../../kernel/knowledge/schemas/common.js';
import {
  type ReminderSettings,
  type ReminderTopic,
  reminderSettingsSchema,
  reminderTopic,
  weekday,
} from '../reminder-settings.js';
import { type PauseReason, pauseReason, type Subscription } from '../subscription.js';
import type { TipPick } from '../tips/pick-tip.js';
import type { ReminderDeliveriesTable, ReminderSubscriptionsTable } from './reminder-tables.js';

export const deliveryStatus = z.enum(['claimed', 'sent', 'skipped', 'failed']);
export type DeliveryStatus = z.infer<typeof deliveryStatus>;

export type Delivery = {
  subscriptionId: string;
  dueAt: Date;
  status: DeliveryStatus;
  claimedBy: string;
  leaseUntil: Date;
  attempts: number;
  messageTs?: string;
  error?: string;
};

/** Identifies one occurrence: the delivery row's primary key. */
export type DeliveryKey = { subscriptionId: string; dueAt: Date };

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

export type ClaimInput = {
  key: DeliveryKey;
  /** Instance id of the claimer. */
  owner: string;
  leaseUntil: Date;
  /** `claimed` to send it; `skipped` to record that it was too late and move on. */
  status: 'claimed' | 'skipped';
  error?: string;
  /** Where the subscription's schedule moves next (advanced only if still at `key.dueAt`). */
  nextRunAt: Date;
  now: Date;
};

export type ReminderRepository = ReturnType<typeof createReminderRepository>;

const daysJson = z.array(weekday);
const topicsJson = z.array(reminderTopic);

function toSubscription(row: ReminderSubscriptionsTable): Subscription {
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

function toDelivery(row: ReminderDeliveriesTable): Delivery {
  return {
    subscriptionId: row.subscription_id,
    dueAt: fromDbTime(row.due_at),
    status: deliveryStatus.parse(row.status),
    claimedBy: row.claimed_by,
    leaseUntil: fromDbTime(row.lease_until),
    attempts: Number(row.attempts),
    ...(row.message_ts ? { messageTs: row.message_ts } : {}),
    ...(row.error ? { error: row.error } : {}),
  };
}

/** Drivers report affected rows as bigint (SQLite) or number (PostgreSQL). */
function affected(
  result:
    | { numUpdatedRows?: bigint; numInsertedOrUpdatedRows?: bigint; numDeletedRows?: bigint }
    | undefined,
): number {
  return Number(
    result?.numUpdatedRows ?? result?.numInsertedOrUpdatedRows ?? result?.numDeletedRows ?? 0,
  );
}

/** Rows per multi-row statement: well under SQLite's and PostgreSQL's parameter limits. */
const CLAIM_CHUNK = 500;

export type SeenTips = Partial<Record<ReminderTopic, string[]>>;

/** The outcome of one claim, recorded by its owner. */
export type FinishInput = {
  key: DeliveryKey;
  owner: string;
  status: 'sent' | 'failed' | 'skipped';
  messageTs?: string;
  error?: string;
  now: Date;
  /** The dated pause this post ends, if the occurrence fell on or after its end. */
  endsPause?: string;
  /** Tips the post showed, recorded with it. */
  tips?: { picks: readonly TipPick[]; restarted: readonly ReminderTopic[] };
};

/** The string form of a delivery key, as claimMany reports wins. */
export function claimKey(key: DeliveryKey): string {
  return `${key.subscriptionId}|${toDbTime(key.dueAt)}`;
}

function compareKeys(a: DeliveryKey, b: DeliveryKey): number {
  if (a.subscriptionId !== b.subscriptionId) return a.subscriptionId < b.subscriptionId ? -1 : 1;
  return a.dueAt.getTime() - b.dueAt.getTime();
}

async function recordTipsOn(
  db: Kysely<Database>,
  subscriptionId: string,
  picks: readonly TipPick[],
  restarted: readonly ReminderTopic[],
  now: Date,
): Promise<void> {
  if (restarted.length > 0) {
    await db
      .deleteFrom('reminder_tip_history')
      .where('subscription_id', '=', subscriptionId)
      .where('topic', 'in', [...restarted])
      .execute();
  }
  if (picks.length === 0) return;
  await db
    .insertInto('reminder_tip_history')
    .values(
      picks.map((p) => ({
        subscription_id: subscriptionId,
        topic: p.topic,
        item_id: p.id,
        shown_at: toDbTime(now),
      })),
    )
    .onConflict((oc) => oc.columns(['subscription_id', 'topic', 'item_id']).doNothing())
    .execute();
}

/** The delivery row's part of finishing; finishMany adds the per-group statements. */
async function finishDelivery(db: Kysely<Database>, outcome: FinishInput): Promise<boolean> {
  const { key } = outcome;
  const result = await db
    .updateTable('reminder_deliveries')
    .set({
      status: outcome.status,
      finished_at: toDbTime(outcome.now),
      message_ts: outcome.messageTs ?? null,
      error: outcome.error ?? null,
    })
    .where('subscription_id', '=', key.subscriptionId)
    .where('due_at', '=', toDbTime(key.dueAt))
    .where('status', '=', 'claimed')
    .where('claimed_by', '=', outcome.owner)
    .executeTakeFirst();
  if (outcome.status === 'sent' && outcome.endsPause) {
    // The first post on or after a dated pause's end closes it (unless paused again since).
    await db
      .updateTable('reminder_subscriptions')
      .set({ status: 'active', paused_until: null, pause_reason: null })
      .where('id', '=', key.subscriptionId)
      .where('paused_until', '=', outcome.endsPause)
      .execute();
  }
  if (outcome.status === 'sent' && outcome.tips && outcome.tips.restarted.length > 0) {
    await recordTipsOn(db, key.subscriptionId, [], outcome.tips.restarted, outcome.now);
  }
  return affected(result) === 1;
}

/** Statements shared by a group of sent posts: last-sent times and tip history, multi-row. */
async function recordSentGroup(db: Kysely<Database>, sent: readonly FinishInput[]): Promise<void> {
  const byTime = new Map<string, string[]>();
  for (const outcome of sent) {
    const now = toDbTime(outcome.now);
    byTime.set(now, [...(byTime.get(now) ?? []), outcome.key.subscriptionId]);
  }
  for (const [now, ids] of byTime) {
    for (let i = 0; i < ids.length; i += CLAIM_CHUNK) {
      await db
        .updateTable('reminder_subscriptions')
        .set({ last_sent_at: now })
        .where('id', 'in', ids.slice(i, i + CLAIM_CHUNK))
        .execute();
    }
  }
  const tips = sent.flatMap((outcome) =>
    (outcome.tips?.picks ?? []).map((p) => ({
      subscription_id: outcome.key.subscriptionId,
      topic: p.topic,
      item_id: p.id,
      shown_at: toDbTime(outcome.now),
    })),
  );
  for (let i = 0; i < tips.length; i += CLAIM_CHUNK) {
    await db
      .insertInto('reminder_tip_history')
      .values(tips.slice(i, i + CLAIM_CHUNK))
      .onConflict((oc) => oc.columns(['subscription_id', 'topic', 'item_id']).doNothing())
      .execute();
  }
}

/**
 * Reminder persistence. Claims are single statements (atomic on both back-ends); finishing a
 * group of posts is one transaction, so a busy minute costs a few commits, not one per post.
 */
export function createReminderRepository(db: Kysely<Database>) {
  const subscriptions = () => db.selectFrom('reminder_subscriptions').selectAll();

  const repo = {
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

    /**
     * Claims occurrences. The insert is the claim: the primary key lets exactly one instance
     * win each occurrence, however many try. One multi-row statement per batch, rows in key
     * order (so two instances inserting overlapping batches wait for each other instead of
     * deadlocking). Then each schedule moves on, but only if it still points at the claimed
     * occurrence, so a loser (or a restart) advancing it again is harmless. Returns the keys
     * this caller won, as `claimKey` strings.
     */
    async claimMany(inputs: readonly ClaimInput[]): Promise<Set<string>> {
      if (inputs.length === 0) return new Set();
      const rows = [...inputs]
        .sort((a, b) => compareKeys(a.key, b.key))
        .map((input) => {
          const now = toDbTime(input.now);
          return {
            subscription_id: input.key.subscriptionId,
            due_at: toDbTime(input.key.dueAt),
            status: input.status,
            claimed_by: input.owner,
            lease_until: toDbTime(input.leaseUntil),
            attempts: input.status === 'claimed' ? 1 : 0,
            claimed_at: now,
            finished_at: input.status === 'skipped' ? now : null,
            message_ts: null,
            error: input.error ?? null,
          };
        });
      // One transaction: one commit (one disk flush on SQLite) per batch of claims.
      return db.transaction().execute(async (trx) => {
        const won = new Set<string>();
        for (let i = 0; i < rows.length; i += CLAIM_CHUNK) {
          const inserted = await trx
            .insertInto('reminder_deliveries')
            .values(rows.slice(i, i + CLAIM_CHUNK))
            .onConflict((oc) => oc.columns(['subscription_id', 'due_at']).doNothing())
            .returning(['subscription_id', 'due_at'])
            .execute();
          for (const row of inserted) won.add(`${row.subscription_id}|${row.due_at}`);
        }
        // Schedules that move to the same place from the same occurrence share one statement.
        const moves = new Map<string, { due: string; next: string; now: string; ids: string[] }>();
        for (const input of inputs) {
          const due = toDbTime(input.key.dueAt);
          const next = toDbTime(input.nextRunAt);
          const group = moves.get(`${due}|${next}`) ?? {
            due,
            next,
            now: toDbTime(input.now),
            ids: [],
          };
          group.ids.push(input.key.subscriptionId);
          moves.set(`${due}|${next}`, group);
        }
        for (const move of moves.values()) {
          for (let i = 0; i < move.ids.length; i += CLAIM_CHUNK) {
            await trx
              .updateTable('reminder_subscriptions')
              .set({ next_run_at: move.next, updated_at: move.now })
              .where('id', 'in', move.ids.slice(i, i + CLAIM_CHUNK))
              .where('next_run_at', '=', move.due)
              .execute();
          }
        }
        return won;
      });
    },

    /** Claims one occurrence (see claimMany); true when this caller won it. */
    async claim(input: ClaimInput): Promise<boolean> {
      const won = await repo.claimMany([input]);
      return won.has(claimKey(input.key));
    },

    /** Claims whose owner stopped renewing the lease (crashed, killed, cut off). */
    async findExpiredClaims(now: Date, limit: number): Promise<Delivery[]> {
      const rows = await db
        .selectFrom('reminder_deliveries')
        .selectAll()
        .where('status', '=', 'claimed')
        .where('lease_until', '<', toDbTime(now))
        .orderBy('lease_until')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },

    /** Takes over an expired claim; only one instance can, because the lease is compared. */
    async takeOver(delivery: Delivery, owner: string, leaseUntil: Date): Promise<boolean> {
      const result = await db
        .updateTable('reminder_deliveries')
        .set((eb) => ({
          claimed_by: owner,
          lease_until: toDbTime(leaseUntil),
          attempts: eb('attempts', '+', 1),
        }))
        .where('subscription_id', '=', delivery.subscriptionId)
        .where('due_at', '=', toDbTime(delivery.dueAt))
        .where('status', '=', 'claimed')
        .where('claimed_by', '=', delivery.claimedBy)
        .where('lease_until', '=', toDbTime(delivery.leaseUntil))
        .executeTakeFirst();
      return affected(result) === 1;
    },

    /** Extends the caller's lease before a slow retry; false if it is no longer the owner. */
    async renewLease(key: DeliveryKey, owner: string, leaseUntil: Date): Promise<boolean> {
      const result = await db
        .updateTable('reminder_deliveries')
        .set({ lease_until: toDbTime(leaseUntil) })
        .where('subscription_id', '=', key.subscriptionId)
        .where('due_at', '=', toDbTime(key.dueAt))
        .where('status', '=', 'claimed')
        .where('claimed_by', '=', owner)
        .executeTakeFirst();
      return affected(result) === 1;
    },

    /**
     * Records the outcomes of claims this owner holds, all in one transaction (one commit,
     * so one disk flush, for a whole group of posts). For each: whether the row was still
     * ours to finish.
     */
    async finishMany(outcomes: readonly FinishInput[]): Promise<boolean[]> {
      if (outcomes.length === 0) return [];
      return db.transaction().execute(async (trx) => {
        const results: boolean[] = [];
        for (const outcome of outcomes) results.push(await finishDelivery(trx, outcome));
        await recordSentGroup(
          trx,
          outcomes.filter((o) => o.status === 'sent'),
        );
        return results;
      });
    },

    /** Records the outcome of one claim (see finishMany). */
    async finish(
      key: DeliveryKey,
      owner: string,
      outcome: Omit<FinishInput, 'key' | 'owner'>,
    ): Promise<boolean> {
      const [done] = await repo.finishMany([{ ...outcome, key, owner }]);
      return done ?? false;
    },

    async listDeliveries(filter: { subscriptionId?: string } = {}): Promise<Delivery[]> {
      let query = db.selectFrom('reminder_deliveries').selectAll();
      if (filter.subscriptionId) query = query.where('subscription_id', '=', filter.subscriptionId);
      const rows = await query.orderBy('subscription_id').orderBy('due_at').execute();
      return rows.map(toDelivery);
    },

    /** Entry ids shown in the current cycle, per topic. */
    async seenTips(subscriptionId: string): Promise<SeenTips> {
      return (await repo.seenTipsMany([subscriptionId])).get(subscriptionId) ?? {};
    },

    /** seenTips for many subscriptions in one query per chunk. */
    async seenTipsMany(subscriptionIds: readonly string[]): Promise<Map<string, SeenTips>> {
      const out = new Map<string, SeenTips>();
      for (let i = 0; i < subscriptionIds.length; i += CLAIM_CHUNK) {
        const rows = await db
          .selectFrom('reminder_tip_history')
          .select(['subscription_id', 'topic', 'item_id'])
          .where('subscription_id', 'in', subscriptionIds.slice(i, i + CLAIM_CHUNK))
          .execute();
        for (const row of rows) {
          const topic = reminderTopic.safeParse(row.topic);
          if (!topic.success) continue;
          const seen = out.get(row.subscription_id) ?? {};
          seen[topic.data] = [...(seen[topic.data] ?? []), row.item_id];
          out.set(row.subscription_id, seen);
        }
      }
      return out;
    },

    /** Records delivered tips; a restarted topic forgets its previous cycle first. */
    async recordTips(
      subscriptionId: string,
      picks: readonly TipPick[],
      restarted: readonly ReminderTopic[],
      now: Date,
    ): Promise<void> {
      await recordTipsOn(db, subscriptionId, picks, restarted, now);
    },
  };
  return repo;
}
