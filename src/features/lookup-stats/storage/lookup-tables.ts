/**
 * The lookup-records table as Kysely sees it, for the team's view of what people look up and
 * do not find: no user id and no text beyond the normalised query. Lookups alike in every
 * column within one hour share a row and its count, so a busy bot writes few rows.
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
  /** How many such lookups a flush saw in that hour (rows of the same hour are summed). */
  count: number;
}

export type LookupTables = { lookup_records: LookupRecordsTable };
