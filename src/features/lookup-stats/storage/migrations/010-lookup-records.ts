import type { Kysely } from 'kysely';

/**
 * One row per kind of lookup and hour, with how many there were (see lookup-tables.ts). No
 * key: rows are only summed and dropped by age, never read one by one.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lookup_records')
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('subcommand', 'varchar(40)', (col) => col.notNull())
    .addColumn('module', 'varchar(40)', (col) => col.notNull())
    .addColumn('query', 'varchar(100)', (col) => col.notNull())
    .addColumn('entry', 'varchar(200)')
    .addColumn('hit', 'integer', (col) => col.notNull())
    .addColumn('looked_up_at', 'varchar(24)', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .execute();
  // `/hire stats` counts one workspace's records since a day: every column it reads is in the
  // index, so the counts never touch the table itself.
  await db.schema
    .createIndex('lookup_records_team_time')
    .on('lookup_records')
    .columns(['team_id', 'looked_up_at', 'hit', 'subcommand', 'module', 'entry', 'query', 'count'])
    .execute();
  // The 90-day sweep drops by age alone.
  await db.schema
    .createIndex('lookup_records_time')
    .on('lookup_records')
    .column('looked_up_at')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lookup_records').execute();
}
