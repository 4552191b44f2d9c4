import type { Kysely } from 'kysely';

/**
 * Interview kits, scorecards and the "please score" reminder claims. Types both back-ends
 * spell the same way; no foreign keys, so deleting a candidate's data is the same explicit
 * statements on SQLite and PostgreSQL.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kits')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('candidate_label', 'text')
    .addColumn('candidate_key', 'text')
    .addColumn('level', 'text', (col) => col.notNull())
    .addColumn('minutes', 'integer', (col) => col.notNull())
    .addColumn('plan', 'text', (col) => col.notNull())
    .addColumn('destination', 'text', (col) => col.notNull())
    .addColumn('channel_id', 'text')
    .addColumn('thread_ts', 'text')
    .addColumn('interview_at', 'varchar(24)')
    .addColumn('interview_ends_at', 'varchar(24)')
    .addColumn('panel', 'text', (col) => col.notNull())
    .addColumn('seed', 'text', (col) => col.notNull())
    .addColumn('created_at', 'varchar(24)', (col) => col.notNull())
    .execute();
  // `/hire scorecards <label>` and deletion read one team's candidate.
  await db.schema
    .createIndex('kits_team_candidate')
    .on('kits')
    .columns(['team_id', 'candidate_key'])
    .execute();
  // The reminder sweep asks which interviews ended a while ago.
  await db.schema
    .createIndex('kits_interview_ends')
    .on('kits')
    .column('interview_ends_at')
    .execute();
  // Retention drops old kits.
  await db.schema.createIndex('kits_created').on('kits').column('created_at').execute();

  await db.schema
    .createTable('scorecards')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('kit_id', 'varchar(36)', (col) => col.notNull())
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('candidate_label', 'text')
    .addColumn('candidate_key', 'text')
    .addColumn('interviewer', 'text', (col) => col.notNull())
    .addColumn('ratings', 'text', (col) => col.notNull())
    .addColumn('ticked_points', 'text', (col) => col.notNull())
    .addColumn('red_flags', 'text', (col) => col.notNull())
    .addColumn('recommendation', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'varchar(24)', (col) => col.notNull())
    .addUniqueConstraint('scorecards_kit_interviewer', ['kit_id', 'interviewer'])
    .execute();
  await db.schema
    .createIndex('scorecards_team_candidate')
    .on('scorecards')
    .columns(['team_id', 'candidate_key'])
    .execute();
  await db.schema.createIndex('scorecards_created').on('scorecards').column('created_at').execute();

  await db.schema
    .createTable('scorecard_reminders')
    .addColumn('kit_id', 'varchar(36)', (col) => col.notNull())
    .addColumn('interviewer', 'text', (col) => col.notNull())
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('claimed_by', 'text', (col) => col.notNull())
    .addColumn('claimed_at', 'varchar(24)', (col) => col.notNull())
    .addPrimaryKeyConstraint('scorecard_reminders_pk', ['kit_id', 'interviewer'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scorecard_reminders').execute();
  await db.schema.dropTable('scorecards').execute();
  await db.schema.dropTable('kits').execute();
}
