import { ErrorCode, type WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { deliverSummary } from '../../../src/features/resume-flags/deliver-flag.js';
import type { SlackMessage } from '../../../src/kernel/slack/blocks/slack-message.js';

type Post = { channel: string; thread_ts?: string; text: string };

/** A WebClient whose chat.postMessage fails with Slack's error codes, per channel. */
function fakeClient(failures: Record<string, string>) {
  const posts: Post[] = [];
  const client = {
    chat: {
      postMessage: async (args: Post) => {
        const code = failures[args.channel];
        if (code)
          // Shaped as @slack/web-api's WebAPIPlatformError.
          throw Object.assign(new Error(`An API error occurred: ${code}`), {
            code: ErrorCode.PlatformError,
            data: { ok: false, error: code },
          });
        posts.push(args);
        return { ok: true, ts: '1.000001' };
      },
    },
  } as unknown as WebClient;
  return { client, posts };
}

const target = { channelId: 'C1', messageTs: '1712345678.000100', reviewerId: 'U1' };
const build = (privateBecause?: string): SlackMessage => ({
  text: privateBecause ? `summary (${privateBecause})` : 'summary',
  blocks: [],
});

describe('deliverSummary', () => {
  it('replies in the thread when asked and allowed', async () => {
    const { client, posts } = fakeClient({});
    expect(await deliverSummary(client, { ...target, destination: 'thread' }, build)).toEqual({
      delivered: 'thread',
    });
    expect(posts).toEqual([
      expect.objectContaining({ channel: 'C1', thread_ts: target.messageTs }),
    ]);
  });

  it('sends "only me" to the reviewer directly', async () => {
    const { client, posts } = fakeClient({});
    expect(await deliverSummary(client, { ...target, destination: 'private' }, build)).toEqual({
      delivered: 'private',
    });
    expect(posts).toEqual([expect.objectContaining({ channel: 'U1', text: 'summary' })]);
  });

  it.each([
    ['not_in_channel', 'not a member'],
    ['channel_not_found', 'no longer exists'],
    ['is_archived', 'archived'],
    ['internal_error', 'Slack answered internal_error'],
  ])(
    'falls back to the reviewer with the reason when the thread answers %s',
    async (code, words) => {
      const { client, posts } = fakeClient({ C1: code });
      const result = await deliverSummary(client, { ...target, destination: 'thread' }, build);
      expect(result).toEqual({
        delivered: 'private-fallback',
        reason: expect.stringContaining(words),
      });
      expect(posts).toEqual([
        expect.objectContaining({ channel: 'U1', text: expect.stringContaining(words) }),
      ]);
    },
  );

  it('reports undelivered when even the direct message fails', async () => {
    const { client } = fakeClient({ C1: 'is_archived', U1: 'user_not_found' });
    expect(await deliverSummary(client, { ...target, destination: 'thread' }, build)).toEqual({
      delivered: 'undelivered',
      reason: 'the channel is archived',
    });
  });
});
