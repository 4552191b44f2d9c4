import { classifySlackError } from './classify-slack-error.js';

/** Slack's codes for a channel that will not take the bot's post, in our words. */
const REFUSALS: Record<string, string> = {
  not_in_channel: 'the bot is not a member of that channel; invite it with /invite',
  channel_not_found: 'the channel no longer exists, or the bot cannot see it',
  is_archived: 'the channel is archived',
};

/** Why Slack refused a post, for the person who asked for it (plain text, to be escaped). */
export function describePostRefusal(error: unknown): string {
  const { code } = classifySlackError(error);
  return REFUSALS[code] ?? `Slack answered ${code}`;
}
