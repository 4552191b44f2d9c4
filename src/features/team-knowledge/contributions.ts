import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../kernel/app-deps.js';
import type { Knowledge } from '../../kernel/knowledge/schemas/knowledge-modules.js';
import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import {
  buildContributorNotice,
  buildReviewRequestMessage,
} from './blocks/build-review-messages.js';
import { newEntryId } from './entry-id.js';
import { needsApproval } from './entry-permissions.js';
import { createTeamEntryRepository } from './storage/team-entry-repository.js';
import { syncAfterChange } from './sync-team-layer.js';
import type { TeamEntryModule, TeamEntryRecord } from './team-entry.js';

export type TeamKnowledgeDeps = Pick<
  AppDeps,
  'config' | 'logger' | 'knowledge' | 'teamLayer' | 'store' | 'clock' | 'events'
>;

/** What the feature's handlers share: the repository, and the layer shown after a change. */
export function contributionsOf(deps: TeamKnowledgeDeps, listener: string) {
  const entries = createTeamEntryRepository(deps.store);
  const log = deps.logger.child({ listener });
  const sync = { entries, layer: deps.teamLayer, logger: log };

  /** Sends a direct message; a failure is logged (the change itself stands). */
  const dm = async (client: WebClient, userId: string, message: SlackMessage) => {
    try {
      await client.chat.postMessage({
        channel: userId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
      });
    } catch (error) {
      log.warn({ err: error, user: userId }, 'could not send a direct message');
    }
  };

  return {
    entries,
    log,
    /**
     * Shows this instance's own change at once (others see it at their next poll); a pending
     * one too, since an edit sent for review takes a live entry out.
     */
    async changed(teamId: string): Promise<void> {
      await syncAfterChange(sync, teamId);
      for (const admin of deps.config.hireAdmins)
        deps.events.emit('home-changed', { teamId, userId: admin });
    },

    /** A new entry's id: from its name or prompt, never one the workspace or knowledge used. */
    async newId(teamId: string, module: TeamEntryModule, text: string, knowledge: Knowledge) {
      const used = await entries.usedIds(teamId, module);
      const known = new Set(
        module === 'glossary'
          ? knowledge.glossary.terms.map((t) => t.id)
          : knowledge.questions.questions.map((q) => q.id),
      );
      const fallback = module === 'glossary' ? 'team-term' : 'team-question';
      return newEntryId(text, fallback, (id) => used.has(id) || known.has(id));
    },

    /** Each admin gets the contribution (or the change) to approve or reject (HIRE_ADMINS set). */
    async askAdmins(
      client: WebClient,
      record: TeamEntryRecord,
      change: 'new' | 'edit' = 'new',
    ): Promise<void> {
      if (!needsApproval(deps.config.hireAdmins)) return;
      const message = buildReviewRequestMessage(record, change);
      await Promise.all(deps.config.hireAdmins.map((admin) => dm(client, admin, message)));
    },

    /** The contributor hears what an admin decided. */
    tellContributor: (client: WebClient, record: TeamEntryRecord) =>
      dm(client, record.addedBy, buildContributorNotice(record)),
  };
}

export type Contributions = ReturnType<typeof contributionsOf>;
