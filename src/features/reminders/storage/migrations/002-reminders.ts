import type { Kysely } from 'kysely';

/**
 * Reminder subscriptions, their deliveries (the exactly-once claim) and tip history.
 * Column types are those both back-ends spell the same way; no foreign keys, so that
 * deleting a subscription is the same explicit statements on SQLite and PostgreSQL.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reminder_subscriptions')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('channel_id', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('local_time', 'varchar(5)', (col) => col.notNull())
    .addColumn('time_zone', 'text', (col) => col.notNull())
    .addColumn('days', 'text', (col) => col.notNull())
    .addColumn('level', 'text')
    .addColumn('topics', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('paused_until', 'text')
    .addColumn('pause_reason', 'text')
    .addColumn('next_run_at', 'text')
    .addColumn('last_sent_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // One reminder per channel and time of day: subscribing again at that time updates it.
  await db.schema
    .createIndex('reminder_subscriptions_channel_time')
    .on('reminder_subscriptions')
    .columns(['team_id', 'channel_id', 'local_time'])
    .unique()
    .execute();
  // Every tick asks "what is due?".
  await db.schema
    .createIndex('reminder_subscriptions_next_run')
    .on('reminder_subscriptions')
    .column('next_run_at')
    .execute();

  await db.schema
    .createTable('reminder_deliveries')
    .addColumn('subscription_id', 'varchar(36)', (col) => col.notNull())
    .addColumn('due_at', 'varchar(24)', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('claimed_by', 'text', (col) => col.notNull())
    .addColumn('lease_until', 'varchar(24)', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull())
    .addColumn('claimed_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('message_ts', 'text')
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('reminder_deliveries_pk', ['subscription_id', 'due_at'])
    .execute();
  // Finding abandoned claims: status = 'claimed' and the lease has run out.
  await db.schema
    .createIndex('reminder_deliveries_status_lease')
    .on('reminder_deliveries')
    .columns(['status', 'lease_until'])
    .execute();

  await db.schema
    .createTable('reminder_tip_history')
    .addColumn('subscription_id', 'varchar(36)', (col) => col.notNull())
    .addColumn('topic', 'text', (col) => col.notNull())
    .addColumn('item_id', 'text', (col) => col.notNull())
    .addColumn('shown_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('reminder_tip_history_pk', ['subscription_id', 'topic', 'item_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminder_tip_history').execute();
  await db.schema.dropTable('reminder_deliveries').execute();
  await db.schema.dropTable('reminder_subscriptions').execute();
}
