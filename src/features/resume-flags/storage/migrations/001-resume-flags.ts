import type { Kysely } from 'kysely';

/**
 * Types are kept to those both back-ends spell the same way (text, varchar), so one migration
 * serves SQLite and PostgreSQL. `db` is `Kysely<any>` on purpose: a migration describes the
 * schema as it was at that point, not as `Database` says it is today.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('resume_flags')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('team_id', 'text')
    .addColumn('channel_id', 'text', (col) => col.notNull())
    .addColumn('message_ts', 'text', (col) => col.notNull())
    .addColumn('permalink', 'text')
    .addColumn('flagged_by', 'text', (col) => col.notNull())
    .addColumn('concerns', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('delivered_to', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  // `/hire flags recent` reads one channel, newest first.
  await db.schema
    .createIndex('resume_flags_channel_created')
    .on('resume_flags')
    .columns(['channel_id', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('resume_flags').execute();
}
