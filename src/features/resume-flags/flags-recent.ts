import type { Logger } from 'pino';
import type { FollowUpContext } from '../../kernel/hire-command/subcommand.js';
import type { Knowledge } from '../../kernel/knowledge/schemas/knowledge-modules.js';
import { HIRE_ERROR_MESSAGE } from '../../kernel/slack/blocks/error-message.js';
import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import { buildRecentFlagsMessage } from './blocks/build-recent-flags-message.js';
import { createFlagRepository, type FlagRepository } from './storage/flag-repository.js';

/** How many flags `/hire flags recent` shows. */
export const RECENT_FLAGS_LIMIT = 10;

export type RecentFlagsDeps = {
  flags: Pick<FlagRepository, 'listVisible'>;
  logger: Pick<Logger, 'error'>;
  knowledge: Knowledge;
};

export type RecentFlagsRequest = {
  teamId: string;
  channelId: string;
  /** Who asked: they see the channel's flags and their own private ones, nobody else's. */
  userId: string;
  respond: (message: SlackMessage) => Promise<unknown>;
};

/**
 * `/hire flags recent`, after the ack: the channel's latest flags the caller may see (who,
 * when, concerns, link; their own private ones marked so), or how to flag one.
 */
export async function showRecentFlags(
  { teamId, channelId, userId, respond }: RecentFlagsRequest,
  { flags, logger, knowledge }: RecentFlagsDeps,
): Promise<void> {
  let message: SlackMessage;
  try {
    const recent = await flags.listVisible({
      teamId,
      channelId,
      viewerId: userId,
      limit: RECENT_FLAGS_LIMIT,
    });
    message = buildRecentFlagsMessage(recent, knowledge.resumeFlags.flags);
  } catch (error) {
    logger.error({ err: error, channel: channelId }, 'could not list recent flags');
    message = HIRE_ERROR_MESSAGE;
  }
  await respond(message);
}

/** The same as a /hire follow-up. */
export const listRecentFlags = ({ command, respond, deps }: FollowUpContext): Promise<void> =>
  showRecentFlags(
    {
      teamId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      respond,
    },
    {
      flags: createFlagRepository(deps.store),
      logger: deps.logger,
      knowledge: deps.knowledge.current().knowledge,
    },
  );
