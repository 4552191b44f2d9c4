import type { AppDeps } from '../../kernel/app-deps.js';
import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import { HIRE_ERROR_MESSAGE } from '../../kernel/slack/error-message.js';
import { buildRecentFlagsMessage } from './blocks/build-recent-flags-message.js';

/** How many flags `/hire flags recent` shows. */
export const RECENT_FLAGS_LIMIT = 10;

type Deps = Pick<AppDeps, 'store' | 'logger' | 'knowledge'>;

/** Bolt's `respond`, narrowed to what this handler sends. */
type Respond = (message: SlackMessage) => Promise<unknown>;

/**
 * `/hire flags recent`, called by the /hire listener after its ack: the channel's latest
 * flags (who, when, concerns, link), or how to flag one when there are none yet.
 */
export async function handleFlagsRecent(
  { channelId, respond }: { channelId: string; respond: Respond },
  { store, logger, knowledge }: Deps,
): Promise<void> {
  let message: SlackMessage;
  try {
    const flags = await store.flags.listByChannel(channelId, { limit: RECENT_FLAGS_LIMIT });
    message = buildRecentFlagsMessage(flags, knowledge.resumeFlags.flags);
  } catch (error) {
    logger.error({ err: error, channel: channelId }, 'could not list recent flags');
    message = HIRE_ERROR_MESSAGE;
  }
  await respond(message);
}

/** The same, shaped as a /hire follow-up (`FollowUps['flags-recent']` in hire-command.ts). */
export function createFlagsRecentFollowUp(deps: Deps) {
  return ({ command, respond }: { command: { channel_id: string }; respond: Respond }) =>
    handleFlagsRecent({ channelId: command.channel_id, respond }, deps);
}
