import type { Kysely } from 'kysely';

/**
 * The team's Slack-added knowledge entries, and one revision counter per workspace that every
 * change bumps in the same transaction, so that each instance notices a change by reading one
 * row. Entries are never deleted: a removed one keeps its status and who removed it when.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('team_entries')
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('module', 'varchar(32)', (col) => col.notNull())
    .addColumn('entry_id', 'varchar(100)', (col) => col.notNull())
    .addColumn('entry', 'text', (col) => col.notNull())
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('added_by', 'text', (col) => col.notNull())
    .addColumn('added_at', 'varchar(24)', (col) => col.notNull())
    .addColumn('updated_by', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(24)', (col) => col.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'varchar(24)')
    .addPrimaryKeyConstraint('team_entries_pk', ['team_id', 'module', 'entry_id'])
    .execute();
  // The live layer and the admins' waiting list read one team's entries by status.
  await db.schema
    .createIndex('team_entries_team_status')
    .on('team_entries')
    .columns(['team_id', 'status'])
    .execute();

  await db.schema
    .createTable('team_entry_revisions')
    .addColumn('team_id', 'text', (col) => col.primaryKey())
    .addColumn('revision', 'integer', (col) => col.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('team_entry_revisions').execute();
  await db.schema.dropTable('team_entries').execute();
}
