import type {
  ReminderDeliveriesTable,
  ReminderSubscriptionsTable,
  ReminderTipHistoryTable,
} from '../features/reminders/storage/reminder-tables.js';

/**
 * The tables as Kysely sees them. Both back-ends store the same shapes:
 * - times are ISO-8601 UTC strings (`Date#toISOString()`, fixed width), so ordering and
 *   `<=` comparisons are plain text comparisons on SQLite and PostgreSQL alike;
 * - lists are JSON text, parsed and validated by the repository that owns the table.
 * A new table: add its interface here, add it to `Database`, and add a migration.
 */

/** One "Flag resume concerns" review. Never holds the resume text itself. */
export interface ResumeFlagsTable {
  /** Random UUID made by the app (same on both back-ends, no sequences). */
  id: string;
  team_id: string | null;
  channel_id: string;
  message_ts: string;
  permalink: string | null;
  /** Slack user id of the reviewer. */
  flagged_by: string;
  /** JSON array of resume-flag ids (knowledge/resume-flags.yml) the reviewer kept. */
  concerns: string;
  note: string | null;
  /** Where the summary went: `thread`, `private`, `private-fallback` (the thread refused it) or `undelivered`. */
  delivered_to: string;
  created_at: string;
}

/** Kysely's own bookkeeping rows are not listed: only the app's tables. */
export interface Database {
  resume_flags: ResumeFlagsTable;
  reminder_subscriptions: ReminderSubscriptionsTable;
  reminder_deliveries: ReminderDeliveriesTable;
  reminder_tip_history: ReminderTipHistoryTable;
}
