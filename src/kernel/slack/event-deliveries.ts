import type { Migration } from 'kysely';
import type { Clock } from '../clock.js';
import { toDbTime } from '../database/db-time.js';
import type { Store } from '../database/store.js';
import * as slackEvents from './migrations/003-slack-events.js';

/** The kernel's own tables (features bring theirs). */
export const KERNEL_MIGRATIONS: Record<string, Migration> = { '003-slack-events': slackEvents };

type EventTables = { slack_events_seen: { event_id: string; seen_at: string } };

/** Slack stops retrying after about 5 minutes; a day of event ids is plenty to compare with. */
const KEEP_MS = 24 * 3_600_000;
const PRUNE_EVERY = 500;

/**
 * Whether an Events API delivery is the first of its event_id, across every instance sharing
 * the database: the insert wins once, so a retry that reaches another instance is recognised.
 */
export function createEventDeliveryLog(store: Pick<Store, 'db'>, clock: Clock) {
  const db = store.db.withTables<EventTables>();
  let inserts = 0;
  return {
    async firstDelivery(eventId: string): Promise<boolean> {
      const now = clock.now();
      const inserted = await db
        .insertInto('slack_events_seen')
        .values({ event_id: eventId.slice(0, 64), seen_at: toDbTime(now) })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .returning('event_id')
        .execute();
      if (++inserts % PRUNE_EVERY === 0) {
        await db
          .deleteFrom('slack_events_seen')
          .where('seen_at', '<', toDbTime(new Date(now.getTime() - KEEP_MS)))
          .execute();
      }
      return inserted.length === 1;
    },
  };
}
