import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';
import { postToApp } from '../../../src/dev/loopback-slack/signed-request.js';
import {
  DEFAULT_CHANNEL_ID,
  DEFAULT_EXTERNAL_TEAM_ID,
  DEFAULT_EXTERNAL_USER_ID,
  DEFAULT_GUEST_ID,
  DEFAULT_SHARED_CHANNEL_ID,
  DEFAULT_SINGLE_CHANNEL_GUEST_ID,
  DEFAULT_USER_ID,
} from '../../../src/dev/loopback-slack/workspace.js';

let slack: LoopbackSlack;
let client: WebClient;

beforeAll(async () => {
  slack = await startLoopbackSlack({ pingIntervalMs: 0 });
  client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, logLevel: LogLevel.ERROR });
});
afterAll(() => slack.close());

describe('users.info for members, guests and people from another organisation', () => {
  it.each([
    [DEFAULT_USER_ID, 'T0LOOPBACK', false, false],
    [DEFAULT_GUEST_ID, 'T0LOOPBACK', true, false],
    [DEFAULT_SINGLE_CHANNEL_GUEST_ID, 'T0LOOPBACK', true, true],
    [DEFAULT_EXTERNAL_USER_ID, DEFAULT_EXTERNAL_TEAM_ID, false, false],
  ])('%s: team %s, restricted %s, ultra-restricted %s', async (id, team, restricted, ultra) => {
    const { user } = await client.users.info({ user: id });
    expect(user).toMatchObject({
      id,
      team_id: team,
      is_restricted: restricted,
      is_ultra_restricted: ultra,
      is_bot: false,
      profile: { team },
    });
  });

  it('knows users added by a test', async () => {
    slack.workspace.addUser({
      id: 'U0AGENCY',
      name: 'ari',
      tz: 'UTC',
      teamId: 'T0AGENCY',
      isRestricted: true,
    });
    const { user } = await client.users.info({ user: 'U0AGENCY' });
    expect(user).toMatchObject({ team_id: 'T0AGENCY', is_restricted: true });
  });
});

describe('channels shared with another organisation', () => {
  it('answers is_shared and is_ext_shared for the shared channel, and not elsewhere', async () => {
    const shared = await client.conversations.info({ channel: DEFAULT_SHARED_CHANNEL_ID });
    expect(shared.channel).toMatchObject({
      id: DEFAULT_SHARED_CHANNEL_ID,
      is_shared: true,
      is_ext_shared: true,
      is_org_shared: false,
      is_member: true,
      shared_team_ids: [slack.teamId, DEFAULT_EXTERNAL_TEAM_ID],
    });
    const hiring = await client.conversations.info({ channel: DEFAULT_CHANNEL_ID });
    expect(hiring.channel).toMatchObject({
      is_shared: false,
      is_ext_shared: false,
      is_org_shared: false,
    });
  });

  it('has the external user in the shared channel only, and the guests in #hiring', async () => {
    const members = async (channel: string) =>
      (await client.conversations.members({ channel })).members;
    expect(await members(DEFAULT_SHARED_CHANNEL_ID)).toEqual([
      DEFAULT_USER_ID,
      DEFAULT_EXTERNAL_USER_ID,
      slack.botUserId,
    ]);
    expect(await members(DEFAULT_CHANNEL_ID)).toEqual([
      DEFAULT_USER_ID,
      DEFAULT_GUEST_ID,
      DEFAULT_SINGLE_CHANNEL_GUEST_ID,
      slack.botUserId,
    ]);
  });

  it('lets the bot post there, as Slack does (refusing is the app’s job)', async () => {
    const posted = await client.chat.postMessage({
      channel: DEFAULT_SHARED_CHANNEL_ID,
      text: 'hi',
    });
    expect(posted.ok).toBe(true);
  });

  it('marks events from the shared channel with is_ext_shared_channel', () => {
    const inShared = slack.payloads.eventCallback({
      type: 'app_mention',
      channel: DEFAULT_SHARED_CHANNEL_ID,
    });
    const inHiring = slack.payloads.eventCallback({
      type: 'app_mention',
      channel: DEFAULT_CHANNEL_ID,
    });
    expect([inShared.is_ext_shared_channel, inHiring.is_ext_shared_channel]).toEqual([true, false]);
  });
});

describe('payloads sent by a person from another organisation', () => {
  const external = DEFAULT_EXTERNAL_USER_ID;

  it('carries their own team in user.team_id and the installation in team.id', () => {
    const payloads = [
      slack.payloads.blockAction({
        actionId: 'a',
        userId: external,
        channelId: DEFAULT_SHARED_CHANNEL_ID,
      }),
      slack.payloads.messageShortcut({
        callbackId: 'flag_resume',
        userId: external,
        channelId: DEFAULT_SHARED_CHANNEL_ID,
        message: { text: 'resume', user: external },
      }),
      slack.payloads.globalShortcut({ callbackId: 'build_kit', userId: external }),
      slack.payloads.viewSubmission({ callbackId: 'kit', values: {}, userId: external }),
    ];
    for (const payload of payloads) {
      expect(payload).toMatchObject({
        user: { id: external, team_id: DEFAULT_EXTERNAL_TEAM_ID },
        team: { id: slack.teamId },
      });
    }
    expect(payloads[1]?.message).toMatchObject({ user: external, team: DEFAULT_EXTERNAL_TEAM_ID });
    expect(payloads[3]?.view).toMatchObject({
      team_id: slack.teamId,
      app_installed_team_id: slack.teamId,
    });
  });

  it('sends a slash command with the installation’s team_id and no team of the user', () => {
    const command = slack.payloads.slashCommand({
      text: 'questions senior',
      userId: external,
      channelId: DEFAULT_SHARED_CHANNEL_ID,
    });
    expect(command).toMatchObject({
      user_id: external,
      user_name: 'pat',
      team_id: slack.teamId,
      channel_id: DEFAULT_SHARED_CHANNEL_ID,
      channel_name: 'hiring-agency',
    });
    expect(JSON.stringify(command)).not.toContain(DEFAULT_EXTERNAL_TEAM_ID);
  });

  it('gives a guest their workspace’s team, since guests belong to it', () => {
    const action = slack.payloads.blockAction({ actionId: 'a', userId: DEFAULT_GUEST_ID });
    expect(action.user).toMatchObject({ id: DEFAULT_GUEST_ID, team_id: slack.teamId });
  });
});

describe('a Bolt app in HTTP mode receiving an external user’s requests', () => {
  let app: App;
  let url: string;
  const seen: Record<string, unknown>[] = [];

  beforeAll(async () => {
    app = new App({
      token: slack.botToken,
      signingSecret: slack.signingSecret,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.apiUrl },
    });
    app.command('/hire', async ({ ack, command, context, client: bolt }) => {
      const { user } = await bolt.users.info({ user: command.user_id });
      seen.push({ kind: 'command', teamId: context.teamId, userTeam: user?.team_id });
      await ack();
    });
    app.action('share', async ({ ack, body, context }) => {
      seen.push({ kind: 'action', teamId: context.teamId, userTeam: body.user.team_id });
      await ack();
    });
    const server = (await app.start(0)) as Server;
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(() => app.stop());

  it('authorizes with the installation, and users.info tells who the user is', async () => {
    const options = { signingSecret: slack.signingSecret };
    const command = await postToApp(url, {
      ...options,
      kind: 'command',
      payload: slack.payloads.slashCommand({ text: 'help', userId: DEFAULT_EXTERNAL_USER_ID }),
    });
    const action = await postToApp(url, {
      ...options,
      kind: 'interactive',
      payload: slack.payloads.blockAction({ actionId: 'share', userId: DEFAULT_EXTERNAL_USER_ID }),
    });
    expect([command.status, action.status]).toEqual([200, 200]);
    expect(seen).toEqual([
      { kind: 'command', teamId: slack.teamId, userTeam: DEFAULT_EXTERNAL_TEAM_ID },
      { kind: 'action', teamId: slack.teamId, userTeam: DEFAULT_EXTERNAL_TEAM_ID },
    ]);
  });
});
