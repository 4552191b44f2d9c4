/**
 * The resume-flags table as Kysely sees it. Conventions shared by every table: times are
 * ISO-8601 UTC text (kernel/database/db-time.ts), so ordering is a text comparison on both
 * back-ends; lists are JSON text, validated by the repository that owns the table.
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

export type FlagTables = { resume_flags: ResumeFlagsTable };
