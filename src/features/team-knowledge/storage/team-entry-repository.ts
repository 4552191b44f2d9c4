import type { Kysely, Transaction } from 'kysely';
import { fromDbTime, toDbTime } from '../../../kernel/database/db-time.js';
import type { Store } from '../../../kernel/database/store.js';
import {
  type EntryStatus,
  entryStatus,
  type ModuleEntry,
  moduleEntrySchema,
  type TeamEntryModule,
  type TeamEntryRecord,
} from '../team-entry.js';
import type { TeamEntriesTable, TeamEntryTables } from './team-entry-tables.js';

type Db = Kysely<TeamEntryTables> | Transaction<TeamEntryTables>;

function toRecord(row: TeamEntriesTable): TeamEntryRecord {
  const parsed = moduleEntrySchema.parse({ module: row.module, entry: JSON.parse(row.entry) });
  return {
    ...parsed,
    teamId: row.team_id,
    status: entryStatus.parse(row.status),
    addedBy: row.added_by,
    addedAt: fromDbTime(row.added_at),
    updatedBy: row.updated_by,
    updatedAt: fromDbTime(row.updated_at),
    ...(row.reviewed_by === null ? {} : { reviewedBy: row.reviewed_by }),
    ...(row.reviewed_at === null ? {} : { reviewedAt: fromDbTime(row.reviewed_at) }),
  };
}

/** Grows the workspace's revision: every instance reloads its entries when it sees it move. */
async function bump(db: Db, teamId: string): Promise<void> {
  await db
    .insertInto('team_entry_revisions')
    .values({ team_id: teamId, revision: 1 })
    .onConflict((oc) =>
      oc
        .column('team_id')
        .doUpdateSet((eb) => ({ revision: eb('team_entry_revisions.revision', '+', 1) })),
    )
    .execute();
}

export type NewTeamEntry = ModuleEntry & {
  teamId: string;
  status: Extract<EntryStatus, 'pending' | 'live'>;
  addedBy: string;
  now: Date;
};

/**
 * The team's Slack-added entries. Every read and write names the workspace; every change
 * bumps its revision in the same transaction. Status changes are conditional updates, so two
 * admins deciding at once (on two instances) leave exactly one decision.
 */
export function createTeamEntryRepository(store: Pick<Store, 'db'>) {
  const db = store.db.withTables<TeamEntryTables>();

  const row = (teamId: string, module: TeamEntryModule, entryId: string) =>
    db
      .selectFrom('team_entries')
      .selectAll()
      .where('team_id', '=', teamId)
      .where('module', '=', module)
      .where('entry_id', '=', entryId)
      .executeTakeFirst();

  /** Sets columns on the entry when its status is one of `from`; the record after, if it was. */
  const change = (
    teamId: string,
    module: TeamEntryModule,
    entryId: string,
    from: readonly EntryStatus[],
    set: Partial<TeamEntriesTable>,
  ): Promise<TeamEntryRecord | undefined> =>
    db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('team_entries')
        .set(set)
        .where('team_id', '=', teamId)
        .where('module', '=', module)
        .where('entry_id', '=', entryId)
        .where('status', 'in', [...from])
        .returningAll()
        .executeTakeFirst();
      if (updated === undefined) return undefined;
      await bump(trx, teamId);
      return toRecord(updated);
    });

  return {
    /** The workspace's revision; 0 before its first entry. One indexed row: cheap to poll. */
    async revision(teamId: string): Promise<number> {
      const found = await db
        .selectFrom('team_entry_revisions')
        .select('revision')
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      return Number(found?.revision ?? 0);
    },

    /** Stores a new entry; false when its id is taken in this workspace and module already. */
    async add(input: NewTeamEntry): Promise<TeamEntryRecord | undefined> {
      const { module, entry } = moduleEntrySchema.parse(input);
      const at = toDbTime(input.now);
      const values: TeamEntriesTable = {
        team_id: input.teamId,
        module,
        entry_id: entry.id,
        entry: JSON.stringify(entry),
        status: input.status,
        added_by: input.addedBy,
        added_at: at,
        updated_by: input.addedBy,
        updated_at: at,
        reviewed_by: null,
        reviewed_at: null,
      };
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('team_entries')
          .values(values)
          .onConflict((oc) => oc.columns(['team_id', 'module', 'entry_id']).doNothing())
          .returningAll()
          .executeTakeFirst();
        if (inserted === undefined) return undefined;
        await bump(trx, input.teamId);
        return toRecord(inserted);
      });
    },

    async get(
      teamId: string,
      module: TeamEntryModule,
      entryId: string,
    ): Promise<TeamEntryRecord | undefined> {
      const found = await row(teamId, module, entryId);
      return found === undefined ? undefined : toRecord(found);
    },

    /** Every id the workspace used in a module, whatever became of the entry. */
    async usedIds(teamId: string, module: TeamEntryModule): Promise<Set<string>> {
      const rows = await db
        .selectFrom('team_entries')
        .select('entry_id')
        .where('team_id', '=', teamId)
        .where('module', '=', module)
        .execute();
      return new Set(rows.map((r) => r.entry_id));
    },

    /** The entries answers are given from, oldest first (the order they were added). */
    async live(teamId: string): Promise<TeamEntryRecord[]> {
      const rows = await db
        .selectFrom('team_entries')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('status', '=', 'live')
        .orderBy('added_at')
        .orderBy('module')
        .orderBy('entry_id')
        .execute();
      return rows.map(toRecord);
    },

    /** Contributions waiting for an admin, oldest first. */
    async pending(
      teamId: string,
      page: { offset: number; limit: number },
    ): Promise<TeamEntryRecord[]> {
      const rows = await db
        .selectFrom('team_entries')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('status', '=', 'pending')
        .orderBy('added_at')
        .orderBy('entry_id')
        .limit(Math.max(1, Math.min(page.limit, 100)))
        .offset(Math.max(0, page.offset))
        .execute();
      return rows.map(toRecord);
    },

    /** Workspaces with live entries (the CLI's export names one). */
    async teamsWithLiveEntries(): Promise<string[]> {
      const rows = await db
        .selectFrom('team_entries')
        .select('team_id')
        .distinct()
        .where('status', '=', 'live')
        .orderBy('team_id')
        .execute();
      return rows.map((r) => r.team_id);
    },

    /** An admin's decision on a pending entry; undefined when it was no longer pending. */
    review(
      teamId: string,
      module: TeamEntryModule,
      entryId: string,
      decision: { status: 'live' | 'rejected'; by: string; now: Date },
    ) {
      const at = toDbTime(decision.now);
      return change(teamId, module, entryId, ['pending'], {
        status: decision.status,
        reviewed_by: decision.by,
        reviewed_at: at,
      });
    },

    /**
     * New content for a pending or live entry (same id); who and when are kept. `review` sends
     * it back to pending: one row per entry, so it leaves the live layer until approved.
     */
    update(input: ModuleEntry & { teamId: string; by: string; now: Date; review?: boolean }) {
      const { module, entry } = moduleEntrySchema.parse(input);
      return change(input.teamId, module, entry.id, ['pending', 'live'], {
        entry: JSON.stringify(entry),
        updated_by: input.by,
        updated_at: toDbTime(input.now),
        ...(input.review ? { status: 'pending' } : {}),
      });
    },

    /** Marks a pending or live entry removed (kept, with who removed it and when). */
    remove(teamId: string, module: TeamEntryModule, entryId: string, by: string, now: Date) {
      return change(teamId, module, entryId, ['pending', 'live'], {
        status: 'removed',
        updated_by: by,
        updated_at: toDbTime(now),
      });
    },
  };
}

export type TeamEntryRepository = ReturnType<typeof createTeamEntryRepository>;
