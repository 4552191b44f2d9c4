import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../clock.js';

/**
 * Who can read a channel: only this workspace (`internal`), or people of another organisation
 * too (`shared`: Slack Connect, `is_ext_shared` / `is_shared`). `unknown` when Slack would not
 * say (a private channel the bot is not in); callers treat it as they treat a post that fails.
 */
export type ChannelAudience = 'internal' | 'shared' | 'unknown';

/** Whether `conversations.info` says people of another organisation can read the channel. */
export const isSharedChannel = (channel?: { is_ext_shared?: boolean; is_shared?: boolean }) =>
  Boolean(channel?.is_ext_shared || channel?.is_shared);

/** A direct message (D…) or a user id (a post there lands in the app's DM): never shared. */
const PRIVATE_TO_ONE = /^[DUW][A-Z0-9]+$/;

/**
 * Looks a channel's audience up once and keeps it for `ttlMs` (a channel is rarely shared or
 * unshared, and every flag or scorecard post asks).
 */
export function createChannelAudience(options: { clock: Clock; ttlMs?: number }) {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const cache = new Map<string, { audience: ChannelAudience; until: number }>();
  return async (client: WebClient, channelId: string): Promise<ChannelAudience> => {
    if (PRIVATE_TO_ONE.test(channelId)) return 'internal';
    const now = options.clock.now().getTime();
    const known = cache.get(channelId);
    if (known && known.until > now) return known.audience;
    let audience: ChannelAudience;
    try {
      const { channel } = await client.conversations.info({ channel: channelId });
      audience = isSharedChannel(channel) ? 'shared' : 'internal';
    } catch {
      return 'unknown';
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(channelId, { audience, until: now + ttlMs });
    return audience;
  };
}

export type ChannelAudienceLookup = ReturnType<typeof createChannelAudience>;
