import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../../src/dev/loopback-slack/loopback-slack.js';
import {
  DEFAULT_CHANNEL_ID,
  DEFAULT_EXTERNAL_USER_ID,
  DEFAULT_GUEST_ID,
  DEFAULT_SHARED_CHANNEL_ID,
  DEFAULT_USER_ID,
} from '../../../../src/dev/loopback-slack/workspace.js';
import {
  channelsWithMember,
  isChannelMember,
} from '../../../../src/features/reminders/home/channel-membership.js';

describe('channel membership for the Home', () => {
  let slack: LoopbackSlack;
  let client: WebClient;

  beforeAll(async () => {
    slack = await startLoopbackSlack({ pingIntervalMs: 0 });
    client = new WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      logLevel: LogLevel.ERROR,
      retryConfig: { retries: 0 },
    });
  });
  afterEach(() => slack.clearFailures());
  afterAll(() => slack.close());

  it('tells members from others, and a channel the bot cannot see from one it did not check', async () => {
    const channels = [DEFAULT_CHANNEL_ID, DEFAULT_SHARED_CHANNEL_ID, 'C0GONE'];
    expect(await channelsWithMember(client, channels, DEFAULT_GUEST_ID)).toEqual({
      memberOf: [DEFAULT_CHANNEL_ID],
      unchecked: [],
    });
    expect(await channelsWithMember(client, channels, DEFAULT_EXTERNAL_USER_ID)).toEqual({
      memberOf: [DEFAULT_SHARED_CHANNEL_ID],
      unchecked: [],
    });
    expect(await channelsWithMember(client, [], DEFAULT_USER_ID)).toEqual({
      memberOf: [],
      unchecked: [],
    });
  });

  it('reports a channel unchecked when Slack fails or answers after the deadline', async () => {
    slack.failNext('conversations.members', 'internal_error', { channel: DEFAULT_CHANNEL_ID });
    expect(
      await channelsWithMember(
        client,
        [DEFAULT_CHANNEL_ID, DEFAULT_SHARED_CHANNEL_ID],
        DEFAULT_USER_ID,
      ),
    ).toEqual({ memberOf: [DEFAULT_SHARED_CHANNEL_ID], unchecked: [DEFAULT_CHANNEL_ID] });

    slack.delay('conversations.members', 300);
    const started = performance.now();
    const late = await channelsWithMember(client, [DEFAULT_CHANNEL_ID], DEFAULT_USER_ID, {
      deadlineMs: 50,
    });
    expect(late).toEqual({ memberOf: [], unchecked: [DEFAULT_CHANNEL_ID] });
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('reads page after page of a big channel, and gives up past the page limit', async () => {
    const pages = [['U1', 'U2'], ['U3'], ['U4']];
    const calls: unknown[] = [];
    const paged = {
      conversations: {
        members: async (args: { cursor?: string }) => {
          calls.push(args.cursor);
          const index = Number(args.cursor ?? 0);
          const next = index + 1 < pages.length ? String(index + 1) : '';
          return { ok: true, members: pages[index], response_metadata: { next_cursor: next } };
        },
      },
    } as unknown as WebClient;
    expect(await isChannelMember(paged, 'C1', 'U4')).toBe(true);
    expect(calls).toEqual([undefined, '1', '2']);
    expect(await isChannelMember(paged, 'C1', 'U9')).toBe(false);
    expect(await isChannelMember(paged, 'C1', 'U4', 2)).toBeUndefined();
  });
});
