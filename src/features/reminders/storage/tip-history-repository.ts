import type { Kysely } from 'kysely';
import { toDbTime } from '../../../kernel/database/db-time.js';
import type { Store } from '../../../kernel/database/store.js';
import { type ReminderTopic, reminderTopic } from '../reminder-settings.js';
import type { TipPick } from '../tips/pick-tip.js';
import { CHUNK } from './chunk.js';
import type { ReminderTables } from './reminder-tables.js';

export type SeenTips = Partial<Record<ReminderTopic, string[]>>;

export async function recordTipsOn(
  db: Kysely<ReminderTables>,
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

/** Tip history rows for a group of sent posts, one multi-row statement per chunk. */
export async function recordTipsOfSentGroup(
  db: Kysely<ReminderTables>,
  sent: readonly {
    key: { subscriptionId: string };
    now: Date;
    tips?: { picks: readonly TipPick[] };
  }[],
): Promise<void> {
  const tips = sent.flatMap((outcome) =>
    (outcome.tips?.picks ?? []).map((p) => ({
      subscription_id: outcome.key.subscriptionId,
      topic: p.topic,
      item_id: p.id,
      shown_at: toDbTime(outcome.now),
    })),
  );
  for (let i = 0; i < tips.length; i += CHUNK) {
    await db
      .insertInto('reminder_tip_history')
      .values(tips.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['subscription_id', 'topic', 'item_id']).doNothing())
      .execute();
  }
}

/** Tips a subscription has shown in the current cycle, per topic. */
export function createTipHistoryRepository(store: Pick<Store, 'db'>) {
  const db = store.db.withTables<ReminderTables>();
  const repo = {
    /** Entry ids shown in the current cycle, per topic. */
    async seenTips(subscriptionId: string): Promise<SeenTips> {
      return (await repo.seenTipsMany([subscriptionId])).get(subscriptionId) ?? {};
    },

    /** seenTips for many subscriptions in one query per chunk. */
    async seenTipsMany(subscriptionIds: readonly string[]): Promise<Map<string, SeenTips>> {
      const out = new Map<string, SeenTips>();
      for (let i = 0; i < subscriptionIds.length; i += CHUNK) {
        const rows = await db
          .selectFrom('reminder_tip_history')
          .select(['subscription_id', 'topic', 'item_id'])
          .where('subscription_id', 'in', subscriptionIds.slice(i, i + CHUNK))
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
