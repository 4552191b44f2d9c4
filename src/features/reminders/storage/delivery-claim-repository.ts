import type { Kysely } from 'kysely';
import { z } from 'zod';
import { fromDbTime, toDbTime } from '../../../kernel/database/db-time.js';
import type { Store } from '../../../kernel/database/store.js';
import type { ReminderTopic } from '../reminder-settings.js';
import type { TipPick } from '../tips/pick-tip.js';
import { affected } from './affected-rows.js';
import { CHUNK } from './chunk.js';
import type { ReminderDeliveriesTable, ReminderTables } from './reminder-tables.js';
import { recordTipsOfSentGroup, recordTipsOn } from './tip-history-repository.js';

/**
 * `claimed`: an instance holds it, nothing sent yet. `posting`: its owner passed the fence and
 * a request to Slack may be under way, so nobody may post it again. Then `sent`, `skipped`
 * or `failed`.
 */
export const deliveryStatus = z.enum(['claimed', 'posting', 'sent', 'skipped', 'failed']);

/** A claim still open: held, or maybe being posted. */
const OPEN = ['claimed', 'posting'] as const;
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

/** The delivery row's part of finishing; finishMany adds the per-group statements. */
async function finishDelivery(db: Kysely<ReminderTables>, outcome: FinishInput): Promise<boolean> {
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
    // A sent post may have been marked already (markSent); the rest is recorded here.
    .where('status', 'in', outcome.status === 'sent' ? [...OPEN, 'sent'] : [...OPEN])
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
async function recordSentGroup(
  db: Kysely<ReminderTables>,
  sent: readonly FinishInput[],
): Promise<void> {
  const byTime = new Map<string, string[]>();
  for (const outcome of sent) {
    const now = toDbTime(outcome.now);
    byTime.set(now, [...(byTime.get(now) ?? []), outcome.key.subscriptionId]);
  }
  for (const [now, ids] of byTime) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      await db
        .updateTable('reminder_subscriptions')
        .set({ last_sent_at: now })
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute();
    }
  }
  await recordTipsOfSentGroup(db, sent);
}

/**
 * Delivery claims: who sends each due occurrence. Claims are single statements (atomic on both
 * back-ends); finishing a group of posts is one transaction, so a busy minute costs a few
 * commits, not one per post.
 */
export function createDeliveryClaimRepository(store: Pick<Store, 'db'>) {
  const db = store.db.withTables<ReminderTables>();
  const repo = {
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
        for (let i = 0; i < rows.length; i += CHUNK) {
          const inserted = await trx
            .insertInto('reminder_deliveries')
            .values(rows.slice(i, i + CHUNK))
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
          for (let i = 0; i < move.ids.length; i += CHUNK) {
            await trx
              .updateTable('reminder_subscriptions')
              .set({ next_run_at: move.next, updated_at: move.now })
              .where('id', 'in', move.ids.slice(i, i + CHUNK))
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
        .where('status', 'in', [...OPEN])
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
        .where('status', '=', delivery.status)
        .where('claimed_by', '=', delivery.claimedBy)
        .where('lease_until', '=', toDbTime(delivery.leaseUntil))
        .executeTakeFirst();
      return affected(result) === 1;
    },

    /**
     * Before a retry, after an answer that says Slack did nothing (429, unavailable): the
     * claim is back to `claimed` (nothing can be under way) with a longer lease. False if it
     * is no longer the caller's.
     */
    async renewLease(key: DeliveryKey, owner: string, leaseUntil: Date): Promise<boolean> {
      const result = await db
        .updateTable('reminder_deliveries')
        .set({ status: 'claimed', lease_until: toDbTime(leaseUntil) })
        .where('subscription_id', '=', key.subscriptionId)
        .where('due_at', '=', toDbTime(key.dueAt))
        .where('status', 'in', [...OPEN])
        .where('claimed_by', '=', owner)
        .executeTakeFirst();
      return affected(result) === 1;
    },

    /**
     * The fence before a post, one statement: confirms that `owner` still holds the claim and
     * that its subscription still wants this tip (it exists and is active, or is paused only
     * until a date on or before `localDate`, the occurrence's date in its zone), marks it
     * `posting` and extends the lease to `leaseUntil`. `lost`: another instance owns it now;
     * `unwanted`: still ours, but the reminder was turned off or paused since the claim.
     */
    async fence(
      key: DeliveryKey,
      owner: string,
      leaseUntil: Date,
      localDate: string,
    ): Promise<'ours' | 'lost' | 'unwanted'> {
      const result = await db
        .updateTable('reminder_deliveries')
        .set({ status: 'posting', lease_until: toDbTime(leaseUntil) })
        .where('subscription_id', '=', key.subscriptionId)
        .where('due_at', '=', toDbTime(key.dueAt))
        .where('status', '=', 'claimed')
        .where('claimed_by', '=', owner)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('reminder_subscriptions')
              .select('id')
              .where('id', '=', key.subscriptionId)
              .where((eb) =>
                eb.or([
                  eb('status', '=', 'active'),
                  eb.and([eb('paused_until', 'is not', null), eb('paused_until', '<=', localDate)]),
                ]),
              ),
          ),
        )
        .executeTakeFirst();
      if (affected(result) === 1) return 'ours';
      const row = await db
        .selectFrom('reminder_deliveries')
        .select(['status', 'claimed_by'])
        .where('subscription_id', '=', key.subscriptionId)
        .where('due_at', '=', toDbTime(key.dueAt))
        .executeTakeFirst();
      return row?.status === 'claimed' && row.claimed_by === owner ? 'unwanted' : 'lost';
    },

    /**
     * Marks a post sent the moment Slack took it, in one statement of its own, so that the
     * claim is settled at once; the rest (tip history, last sent, the end of a dated pause)
     * follows in finishMany's next group.
     */
    async markSent(
      key: DeliveryKey,
      owner: string,
      now: Date,
      messageTs?: string,
    ): Promise<boolean> {
      const result = await db
        .updateTable('reminder_deliveries')
        .set({ status: 'sent', finished_at: toDbTime(now), message_ts: messageTs ?? null })
        .where('subscription_id', '=', key.subscriptionId)
        .where('due_at', '=', toDbTime(key.dueAt))
        .where('status', '=', 'posting')
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
  };
  return repo;
}
