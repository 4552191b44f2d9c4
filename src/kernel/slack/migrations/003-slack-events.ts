import type { Kysely } from 'kysely';

/** Events API deliveries already handled, by event_id (Slack retries with the same id). */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('slack_events_seen')
    .addColumn('event_id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('seen_at', 'varchar(24)', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('slack_events_seen_at')
    .on('slack_events_seen')
    .column('seen_at')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('slack_events_seen').execute();
}
