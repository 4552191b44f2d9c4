import type { Kysely } from 'kysely';

/**
 * Flags are read within one workspace: by channel for `/hire flags recent`, by reviewer for
 * the Home. Rows from before the workspace was recorded (team_id null) are never read again.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('resume_flags_channel_created').execute();
  await db.schema
    .createIndex('resume_flags_team_channel_created')
    .on('resume_flags')
    .columns(['team_id', 'channel_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('resume_flags_team_reviewer_created')
    .on('resume_flags')
    .columns(['team_id', 'flagged_by', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('resume_flags_team_reviewer_created').execute();
  await db.schema.dropIndex('resume_flags_team_channel_created').execute();
  await db.schema
    .createIndex('resume_flags_channel_created')
    .on('resume_flags')
    .columns(['channel_id', 'created_at'])
    .execute();
}
