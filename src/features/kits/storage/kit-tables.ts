/**
 * The kits tables as Kysely sees them. Same conventions as the rest of the store: ids are
 * UUIDs made by the app, times ISO-8601 UTC text (db-time.ts), lists and plans JSON text
 * parsed and validated by the repository. Every row carries its Slack team.
 */

/** One interview kit: the plan as built, where it went and who is on the panel. */
export interface KitsTable {
  id: string;
  team_id: string;
  created_by: string;
  /** The label as typed, shown back; null for a kit made without one. */
  candidate_label: string | null;
  /** The label folded (candidateKey), which lookups and deletion match on. */
  candidate_key: string | null;
  level: string;
  minutes: number;
  /** JSON of the plan (kitPlanSchema), questions copied in. */
  plan: string;
  /** `private`, `channel` or `thread`. */
  destination: string;
  channel_id: string | null;
  thread_ts: string | null;
  interview_at: string | null;
  /** interview_at plus the kit's minutes: the reminder query compares text against it. */
  interview_ends_at: string | null;
  /** JSON array of panel members' Slack user ids. */
  panel: string;
  seed: string;
  created_at: string;
}

/** One interviewer's scorecard; (kit_id, interviewer) is unique: one per interviewer per kit. */
export interface ScorecardsTable {
  id: string;
  kit_id: string;
  team_id: string;
  candidate_label: string | null;
  candidate_key: string | null;
  interviewer: string;
  /** JSON object: question id → rating. */
  ratings: string;
  /** JSON object: question id → positions of the look-for points seen. */
  ticked_points: string;
  /** JSON object: question id → positions of the red flags seen. */
  red_flags: string;
  recommendation: string;
  note: string | null;
  created_at: string;
}

/**
 * "Please score" reminders. The primary key (kit_id, interviewer) is the claim: whoever
 * inserts the row sends the reminder, so it goes once however many instances look.
 */
export interface ScorecardRemindersTable {
  kit_id: string;
  interviewer: string;
  team_id: string;
  claimed_by: string;
  claimed_at: string;
}

/** The tables this feature keeps; its repository sees them through `db.withTables<KitTables>()`. */
export type KitTables = {
  kits: KitsTable;
  scorecards: ScorecardsTable;
  scorecard_reminders: ScorecardRemindersTable;
};
