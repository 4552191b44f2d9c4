import type { Kysely } from 'kysely';

/**
 * Channels shared with another organisation where an admin turned interview-prep tips on
 * (tips carry what interviewers look for, so they stay off there by default).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reminder_shared_channels')
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('channel_id', 'text', (col) => col.notNull())
    .addColumn('allowed_by', 'text', (col) => col.notNull())
    .addColumn('allowed_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('reminder_shared_channels_pk', ['team_id', 'channel_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminder_shared_channels').execute();
}
