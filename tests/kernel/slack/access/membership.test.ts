import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../../src/dev/loopback-slack/loopback-slack.js';
import {
  DEFAULT_EXTERNAL_TEAM_ID,
  DEFAULT_EXTERNAL_USER_ID,
  DEFAULT_GUEST_ID,
  DEFAULT_SINGLE_CHANNEL_GUEST_ID,
  DEFAULT_USER_ID,
} from '../../../../src/dev/loopback-slack/workspace.js';
import { createMembership } from '../../../../src/kernel/slack/access/membership.js';
import { createManualClock } from '../../../support/manual-clock.js';

describe('createMembership', () => {
  let slack: LoopbackSlack;
  let client: WebClient;
  beforeAll(async () => {
    slack = await startLoopbackSlack();
    client = new WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
    });
  });
  afterAll(() => slack.close());

  const lookups = () => slack.callsTo('users.info').length;

  it.each([
    [DEFAULT_USER_ID, 'member'],
    [DEFAULT_GUEST_ID, 'guest'],
    [DEFAULT_SINGLE_CHANNEL_GUEST_ID, 'guest'],
    [DEFAULT_EXTERNAL_USER_ID, 'external'],
  ])('tells %s apart as %s, as users.info says', async (userId, access) => {
    const membership = createMembership({ clock: createManualClock('2026-12-02T10:00:00Z') });
    expect(await membership(client, { userId, installTeamId: slack.teamId })).toBe(access);
  });

  it('knows someone of another organisation from the payload alone', async () => {
    const membership = createMembership({ clock: createManualClock('2026-12-02T10:00:00Z') });
    const before = lookups();
    expect(
      await membership(client, {
        userId: DEFAULT_USER_ID,
        installTeamId: slack.teamId,
        userTeamId: DEFAULT_EXTERNAL_TEAM_ID,
      }),
    ).toBe('external');
    expect(lookups()).toBe(before);
  });

  it('asks once within a few minutes, then again', async () => {
    const clock = createManualClock('2026-12-02T10:00:00Z');
    const membership = createMembership({ clock, ttlMs: 60_000 });
    const before = lookups();
    await membership(client, { userId: DEFAULT_USER_ID, installTeamId: slack.teamId });
    await membership(client, { userId: DEFAULT_USER_ID, installTeamId: slack.teamId });
    expect(lookups() - before).toBe(1);
    clock.advance(61_000);
    await membership(client, { userId: DEFAULT_USER_ID, installTeamId: slack.teamId });
    expect(lookups() - before).toBe(2);
  });

  it('a failed lookup is unknown (refused by the gate) and is asked again next time', async () => {
    const membership = createMembership({ clock: createManualClock('2026-12-02T10:00:00Z') });
    slack.failNext('users.info', 'internal_error');
    expect(await membership(client, { userId: DEFAULT_USER_ID, installTeamId: slack.teamId })).toBe(
      'unknown',
    );
    expect(await membership(client, { userId: 'U0NOBODY', installTeamId: slack.teamId })).toBe(
      'unknown',
    );
    expect(await membership(client, { userId: DEFAULT_USER_ID, installTeamId: slack.teamId })).toBe(
      'member',
    );
  });
});
