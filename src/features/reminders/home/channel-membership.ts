import type { WebClient } from '@slack/web-api';
import { classifySlackError } from '../../../kernel/slack/classify-slack-error.js';

/** Channels the viewer is in, and those Slack did not answer about in time. */
export type Memberships = { memberOf: string[]; unchecked: string[] };

export type MembershipOptions = {
  /** After this, channels still unanswered count as unchecked (the Home must not wait). */
  deadlineMs?: number;
  /** Pages of 1,000 members read per channel before giving up on a huge one. */
  maxPages?: number;
};

/**
 * Whether `userId` is in the channel, from conversations.members (channels:read and
 * groups:read, which the app has for conversations.info). Undefined for a channel too big to
 * read through; false for one the bot cannot see any more.
 */
export async function isChannelMember(
  client: WebClient,
  channelId: string,
  userId: string,
  maxPages = 5,
): Promise<boolean | undefined> {
  let cursor: string | undefined;
  try {
    for (let page = 0; page < maxPages; page++) {
      const answer = await client.conversations.members({
        channel: channelId,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      if (answer.members?.includes(userId)) return true;
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (cursor === undefined) return false;
    }
  } catch (error) {
    // A channel the bot was removed from or that is gone: its reminders are paused anyway.
    if (classifySlackError(error).kind === 'channel') return false;
    throw error;
  }
  return undefined;
}

/**
 * Which of `channelIds` the user is in, asked of Slack for all channels at once. A channel
 * whose answer fails or comes after the deadline is reported unchecked, never guessed.
 */
export async function channelsWithMember(
  client: WebClient,
  channelIds: readonly string[],
  userId: string,
  options: MembershipOptions = {},
): Promise<Memberships> {
  if (channelIds.length === 0) return { memberOf: [], unchecked: [] };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), options.deadlineMs ?? 1_500);
  });
  try {
    const answers = await Promise.all(
      channelIds.map((channelId) =>
        Promise.race([
          isChannelMember(client, channelId, userId, options.maxPages).catch(() => undefined),
          late,
        ]),
      ),
    );
    const memberOf: string[] = [];
    const unchecked: string[] = [];
    answers.forEach((answer, i) => {
      const channelId = channelIds[i] as string;
      if (answer === true) memberOf.push(channelId);
      else if (answer !== false) unchecked.push(channelId);
    });
    return { memberOf, unchecked };
  } finally {
    clearTimeout(timer);
  }
}
