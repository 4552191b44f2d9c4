/**
 * The lookup-records table as Kysely sees it. One row per lookup, for the team's view of what
 * people look up and do not find: no user id and no text beyond the normalised query.
 */
export interface LookupRecordsTable {
  team_id: string;
  /** The /hire subcommand's canonical name (`glossary`, `search`, …). */
  subcommand: string;
  /** The knowledge module looked in (`glossary`, `sourcing`, …, or `search` for all). */
  module: string;
  /** The words looked for, normalised (kernel normalizeQuery), at most 100 characters. */
  query: string;
  /** Id of the one entry the lookup landed on (a knowledge id), when it landed on one. */
  entry: string | null;
  /** 1 found, 0 nothing found (an integer on both back-ends). */
  hit: number;
  /** ISO-8601 UTC, cut to the hour: enough for 7 and 30 days, and less to tell who it was. */
  looked_up_at: string;
}

export type LookupTables = { lookup_records: LookupRecordsTable };
