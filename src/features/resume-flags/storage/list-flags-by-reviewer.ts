import type { Store } from '../../../kernel/database/store.js';
import type { StoredFlag } from '../flag-record.js';
import { toStored } from './flag-repository.js';
import type { FlagTables } from './flag-tables.js';

/**
 * A reviewer's own flags, newest first, a page at a time: for their Home, where they alone see
 * them (private ones included). Flags stored before team ids were recorded count as the team's.
 */
export function createReviewerFlagQueries(store: Pick<Store, 'db'>) {
  const db = store.db.withTables<FlagTables>();
  return {
    async listByReviewer(
      teamId: string,
      userId: string,
      page: { limit: number; offset: number },
    ): Promise<StoredFlag[]> {
      const rows = await db
        .selectFrom('resume_flags')
        .selectAll()
        .where('flagged_by', '=', userId)
        .where((eb) => eb.or([eb('team_id', '=', teamId), eb('team_id', 'is', null)]))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.min(Math.max(Math.trunc(page.limit), 1), 100))
        .offset(Math.max(Math.trunc(page.offset), 0))
        .execute();
      return rows.map(toStored);
    },
  };
}
