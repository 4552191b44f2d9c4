import { allMigrations } from '../app/features.js';
import { createTeamEntryRepository } from '../features/team-knowledge/storage/team-entry-repository.js';
import { toSlackEntry } from '../features/team-knowledge/sync-team-layer.js';
import { openStore } from '../kernel/database/open-store.js';
import type { SlackEntry } from '../kernel/knowledge/layered-knowledge-source.js';

export type SlackEntriesRead = { entries: SlackEntry[] } | { problem: string };

/**
 * The live entries the team added in Slack, for `knowledge export`: of the one workspace that
 * has any, or of `teamId` when several do (HIRE_EXPORT_TEAM).
 */
export async function readSlackEntries(
  databaseUrl: string,
  teamId: string | undefined,
): Promise<SlackEntriesRead> {
  const store = await openStore(databaseUrl, { migrations: allMigrations() });
  try {
    const repo = createTeamEntryRepository(store);
    const teams = await repo.teamsWithLiveEntries();
    const team = teamId ?? (teams.length === 1 ? teams[0] : undefined);
    if (team === undefined && teams.length > 1)
      return {
        problem: `entries of ${teams.length} workspaces are stored; set HIRE_EXPORT_TEAM to one of ${teams.join(', ')}`,
      };
    if (team === undefined) return { entries: [] };
    return { entries: (await repo.live(team)).map(toSlackEntry) };
  } finally {
    await store.close();
  }
}
