import {
  ErrorCode,
  LogLevel,
  retryPolicies,
  type WebAPIPlatformError,
  WebClient,
  WebClientEvent,
} from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

let slack: LoopbackSlack;
let client: WebClient;
let clock = Date.now();

beforeAll(async () => {
  slack = await startLoopbackSlack({ now: () => clock, pingIntervalMs: 0 });
  client = new WebClient(slack.botToken, {
    slackApiUrl: slack.apiUrl,
    retryConfig: retryPolicies.rapidRetryPolicy,
    logLevel: LogLevel.ERROR,
  });
});
afterAll(() => slack.close());
afterEach(() => {
  slack.clearFailures();
  clock = Date.now();
});

async function platformError(promise: Promise<unknown>): Promise<WebAPIPlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: ErrorCode.PlatformError });
  return error as WebAPIPlatformError;
}

describe('loopback Web API with a real WebClient', () => {
  it('answers auth.test with the bot identity', async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({ ok: true, user_id: slack.botUserId, team_id: slack.teamId });
  });

  it('records chat.postMessage with blocks decoded from the form body', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const result = await client.chat.postMessage({
      channel: 'C0LOOPBACK',
      text: 'hello',
      blocks: [section('*hello*')],
    });
    expect(result.ok).toBe(true);
    const calls = slack.callsTo('chat.postMessage');
    expect(calls).toHaveLength(before + 1);
    const call = calls.at(-1);
    expect(call?.token).toBe(slack.botToken);
    expect(call?.args.blocks).toEqual([section('*hello*')]);
    expect(call?.outcome).toBe('ok');
    expect(slack.messagesIn('C0LOOPBACK').at(-1)).toMatchObject({
      ts: result.ts,
      text: 'hello',
      ephemeral: false,
    });
  });

  it('accepts a JSON body too', async () => {
    const response = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${slack.botToken}`,
        'content-type': 'application/json; charset=utf-8',
      },
      body: JSON.stringify({ channel: 'C0LOOPBACK', text: 'json', blocks: [section('j')] }),
    });
    expect(await response.json()).toMatchObject({ ok: true, channel: 'C0LOOPBACK' });
    expect(slack.callsTo('chat.postMessage').at(-1)?.args.blocks).toEqual([section('j')]);
  });

  it('answers invalid_blocks for a 51-block message, with Slack-style pointers', async () => {
    const blocks = Array.from({ length: 51 }, () => section('x'));
    const error = await platformError(
      client.chat.postMessage({ channel: 'C0LOOPBACK', text: 'too many', blocks }),
    );
    expect(error.data.error).toBe('invalid_blocks');
    expect(error.data).toMatchObject({
      errors: ['51 blocks > 50 [json-pointer:/blocks]'],
    });
  });

  it('answers no_text without text or blocks', async () => {
    const error = await platformError(client.chat.postMessage({ channel: 'C0LOOPBACK', text: '' }));
    expect(error.data.error).toBe('no_text');
  });

  it('rejects an unknown token with invalid_auth and none with not_authed', async () => {
    const wrong = new WebClient('xoxb-wrong', { slackApiUrl: slack.apiUrl });
    expect((await platformError(wrong.auth.test())).data.error).toBe('invalid_auth');
    const none = new WebClient(undefined, { slackApiUrl: slack.apiUrl });
    expect((await platformError(none.auth.test())).data.error).toBe('not_authed');
  });

  it('needs the app-level token for apps.connections.open', async () => {
    const error = await platformError(client.apps.connections.open());
    expect(error.data.error).toBe('not_allowed_token_type');
    const app = new WebClient(slack.appToken, { slackApiUrl: slack.apiUrl });
    const result = await app.apps.connections.open();
    expect(result.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/socket\//);
  });

  it('answers 429 with Retry-After, and WebClient waits and retries', async () => {
    slack.rateLimit('chat.postMessage', { retryAfterSeconds: 1, times: 1 });
    const waits: number[] = [];
    client.once(WebClientEvent.RATE_LIMITED, (seconds: number) => waits.push(seconds));
    const before = slack.callsTo('chat.postMessage').length;
    const result = await client.chat.postMessage({ channel: 'C0LOOPBACK', text: 'after 429' });
    expect(result.ok).toBe(true);
    expect(waits).toEqual([1]);
    expect(
      slack
        .callsTo('chat.postMessage')
        .slice(before)
        .map((c) => c.outcome),
    ).toEqual(['ratelimited', 'ok']);
  });

  it('sends the raw 429 as Slack does', async () => {
    slack.rateLimit('chat.postMessage', { retryAfterSeconds: 7 });
    const response = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${slack.botToken}` },
      body: new URLSearchParams({ channel: 'C0LOOPBACK', text: 'x' }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('rejects rate-limited calls when the WebClient is told to', async () => {
    slack.rateLimit('chat.postMessage', { retryAfterSeconds: 3 });
    const strict = new WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      rejectRateLimitedCalls: true,
    });
    await expect(
      strict.chat.postMessage({ channel: 'C0LOOPBACK', text: 'x' }),
    ).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 3,
    });
  });

  it('fails the next calls on demand, only for the chosen channel', async () => {
    slack.workspace.addChannel({ id: 'C0OTHER', name: 'other', botIsMember: true });
    slack.failNext('chat.postMessage', 'channel_not_found', { channel: 'C0OTHER', times: 2 });
    const healthy = await client.chat.postMessage({ channel: 'C0LOOPBACK', text: 'fine' });
    expect(healthy.ok).toBe(true);
    for (let i = 0; i < 2; i++) {
      const error = await platformError(client.chat.postMessage({ channel: 'C0OTHER', text: 'x' }));
      expect(error.data.error).toBe('channel_not_found');
    }
    const third = await client.chat.postMessage({ channel: 'C0OTHER', text: 'ok again' });
    expect(third.ok).toBe(true);
  });

  it('knows archived channels, channels without the bot, and unknown channels', async () => {
    const codes = [];
    for (const channel of ['C0ARCHIVED', 'C0OUTSIDE', 'C0NOPE']) {
      codes.push((await platformError(client.chat.postMessage({ channel, text: 'x' }))).data.error);
    }
    expect(codes).toEqual(['is_archived', 'not_in_channel', 'channel_not_found']);
    const joined = await client.conversations.join({ channel: 'C0OUTSIDE' });
    expect(joined.ok).toBe(true);
    expect((await client.chat.postMessage({ channel: 'C0OUTSIDE', text: 'now' })).ok).toBe(true);
    const info = await client.conversations.info({ channel: 'C0ARCHIVED' });
    expect(info.channel).toMatchObject({ id: 'C0ARCHIVED', is_archived: true });
  });

  it('updates, links and deletes the bot’s messages', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0LOOPBACK', text: 'v1' });
    const ts = posted.ts as string;
    await client.chat.update({ channel: 'C0LOOPBACK', ts, text: 'v2' });
    expect(slack.messagesIn('C0LOOPBACK').find((m) => m.ts === ts)?.text).toBe('v2');
    const link = await client.chat.getPermalink({ channel: 'C0LOOPBACK', message_ts: ts });
    expect(link.permalink).toBe(
      `https://loopback.slack/archives/C0LOOPBACK/p${ts.replace('.', '')}`,
    );
    await client.chat.delete({ channel: 'C0LOOPBACK', ts });
    expect(slack.messagesIn('C0LOOPBACK').some((m) => m.ts === ts)).toBe(false);
    const error = await platformError(
      client.chat.update({ channel: 'C0LOOPBACK', ts, text: 'v3' }),
    );
    expect(error.data.error).toBe('message_not_found');
  });

  it('gives users their time zone', async () => {
    const result = await client.users.info({ user: 'U0LOOPBACK' });
    expect(result.user).toMatchObject({ id: 'U0LOOPBACK', tz: 'America/New_York' });
    expect([-14400, -18000]).toContain(result.user?.tz_offset);
    expect((await platformError(client.users.info({ user: 'U0NOBODY' }))).data.error).toBe(
      'user_not_found',
    );
  });

  it('opens a view once per trigger_id, within 3 seconds', async () => {
    const view = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'Flags' },
      blocks: [section('checking…')],
    };
    const first = slack.payloads.messageShortcut({ callbackId: 'cb', message: { text: 'resume' } });
    const opened = await client.views.open({ trigger_id: String(first.trigger_id), view });
    expect(opened.view?.id).toMatch(/^V/);
    const again = await platformError(
      client.views.open({ trigger_id: String(first.trigger_id), view }),
    );
    expect(again.data.error).toBe('exchanged_trigger_id');

    const late = slack.payloads.messageShortcut({ callbackId: 'cb', message: { text: 'resume' } });
    clock += 3001;
    const expired = await platformError(
      client.views.open({ trigger_id: String(late.trigger_id), view }),
    );
    expect(expired.data.error).toBe('expired_trigger_id');

    const updated = await client.views.update({
      view_id: opened.view?.id as string,
      view: { ...view, blocks: [section('done')] },
    });
    expect(updated.view?.blocks).toEqual([section('done')]);
  });

  it('answers invalid_arguments for a modal that breaks the limits', async () => {
    const shortcut = slack.payloads.messageShortcut({ callbackId: 'cb', message: { text: 'r' } });
    const error = await platformError(
      client.views.open({
        trigger_id: String(shortcut.trigger_id),
        view: {
          type: 'modal',
          title: { type: 'plain_text', text: 'A title far longer than 24 chars' },
          blocks: [],
        },
      }),
    );
    expect(error.data.error).toBe('invalid_arguments');
    expect(JSON.stringify(error.data.response_metadata)).toContain('/view/title/text');
  });

  it('limits a channel to about one message per second when asked', async () => {
    slack.setChannelRateLimit({ messagesPerSecond: 1, retryAfterSeconds: 2 });
    const strict = new WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      rejectRateLimitedCalls: true,
    });
    await strict.chat.postMessage({ channel: 'C0LOOPBACK', text: 'first' });
    await expect(
      strict.chat.postMessage({ channel: 'C0LOOPBACK', text: 'second' }),
    ).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 2,
    });
    slack.workspace.addChannel({ id: 'C0THIRD', name: 'third', botIsMember: true });
    expect((await strict.chat.postMessage({ channel: 'C0THIRD', text: 'other channel' })).ok).toBe(
      true,
    );
    clock += 1000;
    expect(
      (await strict.chat.postMessage({ channel: 'C0LOOPBACK', text: 'a second later' })).ok,
    ).toBe(true);
  });

  it('answers slowly when told to', async () => {
    slack.delay('auth.test', 150);
    const started = performance.now();
    await client.auth.test();
    // A lower bound only: the delay happened (no upper bound on a shared machine).
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers token_revoked for a revoked token', async () => {
    const other = await startLoopbackSlack({ pingIntervalMs: 0 });
    try {
      other.revokeToken(other.botToken);
      const revoked = new WebClient(other.botToken, { slackApiUrl: other.apiUrl });
      expect((await platformError(revoked.auth.test())).data.error).toBe('token_revoked');
    } finally {
      await other.close();
    }
  });
});
