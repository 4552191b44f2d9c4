import type { Logger } from 'pino';
import type {
  SlackEntry,
  TeamKnowledgeLayer,
} from '../../kernel/knowledge/layered-knowledge-source.js';
import type { TeamEntryRepository } from './storage/team-entry-repository.js';
import type { TeamEntryRecord } from './team-entry.js';

export type LayerSyncDeps = {
  entries: Pick<TeamEntryRepository, 'revision' | 'live'>;
  layer: TeamKnowledgeLayer;
  logger: Pick<Logger, 'warn'>;
};

/** A stored entry as the kernel's layer (and the CLI's export) takes it. */
export const toSlackEntry = (record: TeamEntryRecord): SlackEntry =>
  record.module === 'glossary'
    ? { module: 'glossary', entry: record.entry, addedBy: record.addedBy, addedAt: record.addedAt }
    : {
        module: 'questions',
        entry: record.entry,
        addedBy: record.addedBy,
        addedAt: record.addedAt,
      };

/**
 * Puts the workspace's live entries in place when its revision moved past the one shown: the
 * revision is read first, so entries read after it are at least that new, and a later change
 * moves the revision again (the next poll picks it up).
 */
export async function syncTeamLayer(deps: LayerSyncDeps, teamId: string): Promise<void> {
  const revision = await deps.entries.revision(teamId);
  const shown = deps.layer.shown();
  if (shown !== undefined && shown.teamId === teamId && shown.revision >= revision) return;
  const live = await deps.entries.live(teamId);
  const { dropped } = deps.layer.set({ teamId, revision, entries: live.map(toSlackEntry) });
  if (dropped.length > 0)
    deps.logger.warn({ dropped: dropped.length }, 'team entries left out: they collide');
}

/**
 * After this instance changed an entry of `teamId`: show it at once. The app serves one
 * workspace, so a layer showing another (which cannot happen outside tests) is left alone.
 */
export async function syncAfterChange(deps: LayerSyncDeps, teamId: string): Promise<void> {
  const shown = deps.layer.shown();
  if (shown !== undefined && shown.teamId !== teamId) return;
  await syncTeamLayer(deps, teamId);
}
