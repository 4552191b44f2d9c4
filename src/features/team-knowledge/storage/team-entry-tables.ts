/**
 * The team entries' tables as Kysely sees them: times are ISO-8601 UTC text (db-time.ts), the
 * entry itself JSON text validated by the repository with the kernel's schema of its module.
 */
export interface TeamEntriesTable {
  team_id: string;
  /** `glossary` or `questions`. */
  module: string;
  entry_id: string;
  /** JSON of the entry (glossaryTermSchema or interviewQuestionSchema). */
  entry: string;
  /** `pending`, `live`, `rejected` or `removed`. */
  status: string;
  added_by: string;
  added_at: string;
  updated_by: string;
  updated_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
}

/** One row per workspace; grows on every change to its entries. */
export interface TeamEntryRevisionsTable {
  team_id: string;
  revision: number;
}

export type TeamEntryTables = {
  team_entries: TeamEntriesTable;
  team_entry_revisions: TeamEntryRevisionsTable;
};
