/**
 * The reminder tables as Kysely sees them (listed in `Database`, database-schema.ts).
 * Same conventions as the rest of the store: ISO-8601 UTC text times, JSON text lists.
 */

/** One channel's reminder: its schedule, content choices and the next due instant. */
export interface ReminderSubscriptionsTable {
  id: string;
  team_id: string;
  channel_id: string;
  created_by: string;
  /** `HH:mm` wall-clock time in `time_zone`. */
  local_time: string;
  time_zone: string;
  /** JSON array of ISO weekdays (1 = Monday). */
  days: string;
  level: string | null;
  /** JSON array of topics. */
  topics: string;
  status: string;
  /** ISO date the pause ends, if it has an end. */
  paused_until: string | null;
  pause_reason: string | null;
  /** Next due instant; null while paused without an end. The claim compares against it. */
  next_run_at: string | null;
  last_sent_at: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * One due occurrence of a subscription. The primary key (subscription_id, due_at) is the
 * claim: whoever inserts the row owns the occurrence; the lease lets another instance take
 * it over if the owner dies before finishing.
 */
export interface ReminderDeliveriesTable {
  subscription_id: string;
  due_at: string;
  /** `claimed` (in flight), `sent`, `skipped` (too late, or workspace disabled), `failed`. */
  status: string;
  claimed_by: string;
  lease_until: string;
  attempts: number;
  claimed_at: string;
  finished_at: string | null;
  message_ts: string | null;
  error: string | null;
}

/** Tips a subscription has shown in the current cycle, per topic. */
export interface ReminderTipHistoryTable {
  subscription_id: string;
  topic: string;
  item_id: string;
  shown_at: string;
}

export type ReminderTables = {
  reminder_subscriptions: ReminderSubscriptionsTable;
  reminder_deliveries: ReminderDeliveriesTable;
  reminder_tip_history: ReminderTipHistoryTable;
};
