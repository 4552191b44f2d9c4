import { sql } from 'kysely';
import { toDbTime } from '../../../kernel/database/db-time.js';
import type { Store } from '../../../kernel/database/store.js';
import { type CountedLookupRecord, hourOf } from '../lookup-record.js';
import type { LookupRecordsTable, LookupTables } from './lookup-tables.js';

/** How often something was looked up in a period: what `/hire stats` is made of. */
export type LookupCounts = {
  /** Lookups that found something, by entry (or by query, for those without one entry). */
  found: { module: string; key: string; isEntry: boolean; count: number }[];
  /** Queries that found nothing, in any module. */
  missed: { query: string; count: number }[];
  /** Every lookup, by subcommand. */
  bySubcommand: { subcommand: string; count: number; misses: number }[];
};

export type LookupRepository = {
  /**
   * Stores records (already validated): alike ones (same hour) become one row with their
   * count; rows are written in batches of at most `SAVE_BATCH`.
   */
  save(records: readonly CountedLookupRecord[]): Promise<void>;
  /** One workspace's counts since `since`, each list most first (ties by name), `limit` long. */
  counts(teamId: string, since: Date, limit: number): Promise<LookupCounts>;
  /** The queries that found nothing since `since`, most first. */
  misses(teamId: string, since: Date, limit: number): Promise<LookupCounts['missed']>;
  /** Drops records from before `cutoff` (every workspace); resolves with how many. */
  dropOlderThan(cutoff: Date): Promise<number>;
};

/** Rows per insert: well under both back-ends' limits on bound parameters. */
export const SAVE_BATCH = 100;

const toRow = (record: CountedLookupRecord): LookupRecordsTable => ({
  team_id: record.teamId,
  subcommand: record.subcommand,
  module: record.module,
  query: record.query,
  entry: record.entry ?? null,
  hit: record.hit ? 1 : 0,
  looked_up_at: toDbTime(hourOf(record.lookedUpAt)),
  count: record.count ?? 1,
});

/** Rows alike in every column but the count, summed into one. */
function summed(records: readonly CountedLookupRecord[]): LookupRecordsTable[] {
  const rows = new Map<string, LookupRecordsTable>();
  for (const record of records) {
    const row = toRow(record);
    const key = JSON.stringify([
      row.team_id,
      row.subcommand,
      row.module,
      row.query,
      row.entry,
      row.hit,
      row.looked_up_at,
    ]);
    const seen = rows.get(key);
    if (seen === undefined) rows.set(key, row);
    else seen.count += row.count;
  }
  return [...rows.values()];
}

const total = sql<number>`sum(count)`;

export function createLookupRepository(store: Pick<Store, 'db'>): LookupRepository {
  const db = store.db.withTables<LookupTables>();
  const within = (teamId: string, since: Date) =>
    db
      .selectFrom('lookup_records')
      .where('team_id', '=', teamId)
      .where('looked_up_at', '>=', toDbTime(since));

  const misses: LookupRepository['misses'] = async (teamId, since, limit) => {
    const rows = await within(teamId, since)
      .where('hit', '=', 0)
      .select(['query', total.as('n')])
      .groupBy('query')
      .orderBy('n', 'desc')
      .orderBy('query', 'asc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ query: row.query, count: Number(row.n) }));
  };

  return {
    async save(records) {
      const rows = summed(records);
      for (let i = 0; i < rows.length; i += SAVE_BATCH) {
        await db
          .insertInto('lookup_records')
          .values(rows.slice(i, i + SAVE_BATCH))
          .execute();
      }
    },

    async counts(teamId, since, limit) {
      const key = sql<string>`coalesce(entry, query)`;
      const [found, missed, bySubcommand] = await Promise.all([
        within(teamId, since)
          .where('hit', '=', 1)
          .select([
            'module',
            key.as('key'),
            sql<number>`max(case when entry is null then 0 else 1 end)`.as('is_entry'),
            total.as('n'),
          ])
          .groupBy(['module', key])
          .orderBy('n', 'desc')
          .orderBy('key', 'asc')
          .orderBy('module', 'asc')
          .limit(limit)
          .execute(),
        misses(teamId, since, limit),
        within(teamId, since)
          .select(['subcommand', total.as('n'), sql<number>`sum((1 - hit) * count)`.as('misses')])
          .groupBy('subcommand')
          .orderBy('n', 'desc')
          .orderBy('subcommand', 'asc')
          .execute(),
      ]);
      return {
        found: found.map((row) => ({
          module: row.module,
          key: row.key,
          isEntry: Number(row.is_entry) === 1,
          count: Number(row.n),
        })),
        missed,
        bySubcommand: bySubcommand.map((row) => ({
          subcommand: row.subcommand,
          count: Number(row.n),
          misses: Number(row.misses),
        })),
      };
    },

    misses,

    async dropOlderThan(cutoff) {
      const result = await db
        .deleteFrom('lookup_records')
        .where('looked_up_at', '<', toDbTime(cutoff))
        .executeTakeFirst();
      return Number(result.numDeletedRows ?? 0);
    },
  };
}
