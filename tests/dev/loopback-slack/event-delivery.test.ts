import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, verifySlackRequest } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';

type Received = { headers: IncomingMessage['headers']; body: string; eventId: string };
type Answer = (res: ServerResponse) => void;

let slack: LoopbackSlack;

beforeAll(async () => {
  slack = await startLoopbackSlack({ pingIntervalMs: 0 });
});
afterAll(() => slack.close());

/** An app's request URL that answers each request with the next scripted answer. */
async function scriptedApp(answers: Answer[]) {
  const received: Received[] = [];
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      verifySlackRequest({
        signingSecret: slack.signingSecret,
        body,
        headers: {
          'x-slack-signature': String(req.headers['x-slack-signature']),
          'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
        },
      });
      received.push({ headers: req.headers, body, eventId: JSON.parse(body).event_id });
      const answer = answers[Math.min(next, answers.length - 1)];
      next += 1;
      answer?.(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  return {
    url,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const ok: Answer = (res) => res.writeHead(200).end();
const error: Answer = (res) => res.writeHead(500).end();
const silent: Answer = () => {
  // Never answers: the delivery gives up after its timeout.
};

const retryHeadersOf = (received: Received[]) =>
  received.map((r) => [r.headers['x-slack-retry-num'], r.headers['x-slack-retry-reason']]);

describe('event payloads', () => {
  it('wrap app_home_opened in an event_callback as Slack posts it', () => {
    const payload = slack.payloads.appHomeOpened({ userId: 'U0GUEST', tab: 'messages' });
    expect(payload).toMatchObject({
      type: 'event_callback',
      event_id: expect.stringMatching(/^Ev/),
      event_time: expect.any(Number),
      team_id: slack.teamId,
      api_app_id: slack.appId,
      authorizations: [{ team_id: slack.teamId, user_id: slack.botUserId, is_bot: true }],
      is_ext_shared_channel: false,
      event: {
        type: 'app_home_opened',
        user: 'U0GUEST',
        channel: 'D0GUEST',
        tab: 'messages',
        event_ts: expect.any(String),
      },
    });
    // The DM exists in the model, so the app can post in it.
    expect(slack.workspace.channels.get('D0GUEST')).toMatchObject({ isIm: true });
    expect(slack.payloads.appHomeOpened().event_id).not.toBe(payload.event_id);
  });
});

describe('deliverEvent: Slack’s retry policy over HTTP', () => {
  const open: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((app) => app.close()));
  });
  const start = async (answers: Answer[]) => {
    const app = await scriptedApp(answers);
    open.push(app);
    return app;
  };

  it('delivers once when the app answers 200, signed, with no retry headers', async () => {
    const app = await start([ok]);
    const payload = slack.payloads.appHomeOpened();
    const delivery = await slack.events.deliver(app.url, payload);
    expect(delivery).toMatchObject({
      eventId: payload.event_id,
      delivered: true,
      attempts: [{ retryNum: 0, status: 200, noRetry: false }],
    });
    expect(retryHeadersOf(app.received)).toEqual([[undefined, undefined]]);
    expect(app.received[0]?.headers['content-type']).toBe('application/json');
    expect(slack.events.deliveries.at(-1)).toMatchObject({ url: app.url, delivered: true });
  });

  it('retries an error 3 times, at Slack’s spacing, with the same event_id', async () => {
    const app = await start([error]);
    const waits: number[] = [];
    const payload = slack.payloads.appHomeOpened();
    const delivery = await slack.events.deliver(app.url, payload, {
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(waits).toEqual([0, 60_000, 300_000]);
    expect(delivery.delivered).toBe(false);
    expect(delivery.attempts.map((a) => [a.retryNum, a.status, a.failure])).toEqual([
      [0, 500, 'http_error'],
      [1, 500, 'http_error'],
      [2, 500, 'http_error'],
      [3, 500, 'http_error'],
    ]);
    expect(retryHeadersOf(app.received)).toEqual([
      [undefined, undefined],
      ['1', 'http_error'],
      ['2', 'http_error'],
      ['3', 'http_error'],
    ]);
    expect(new Set(app.received.map((r) => r.eventId))).toEqual(new Set([payload.event_id]));
  });

  it('gives up on a slow answer and retries with http_timeout', async () => {
    const app = await start([silent, ok]);
    const delivery = await slack.events.deliver(app.url, slack.payloads.appHomeOpened(), {
      timeoutMs: 150,
      retryDelaysMs: [0, 0, 0],
    });
    expect(delivery.attempts.map((a) => [a.retryNum, a.failure, a.retryReason])).toEqual([
      [0, 'http_timeout', undefined],
      [1, undefined, 'http_timeout'],
    ]);
    expect(delivery.delivered).toBe(true);
    expect(retryHeadersOf(app.received)[1]).toEqual(['1', 'http_timeout']);
  });

  it('stops retrying when the app answers X-Slack-No-Retry: 1', async () => {
    const app = await start([(res) => res.writeHead(503, { 'x-slack-no-retry': '1' }).end()]);
    const delivery = await slack.events.deliver(app.url, slack.payloads.appHomeOpened(), {
      retryDelaysMs: [0, 0, 0],
    });
    expect(delivery.attempts).toMatchObject([
      { status: 503, failure: 'http_error', noRetry: true },
    ]);
    expect(app.received).toHaveLength(1);
  });

  it('retries when nothing listens, with connection_failed', async () => {
    const app = await scriptedApp([ok]);
    await app.close();
    const delivery = await slack.events.deliver(app.url, slack.payloads.appHomeOpened(), {
      retryDelaysMs: [0, 0],
    });
    expect(delivery.attempts.map((a) => [a.failure, a.retryReason])).toEqual([
      ['connection_failed', undefined],
      ['connection_failed', 'connection_failed'],
      ['connection_failed', 'connection_failed'],
    ]);
  });

  it('sends an explicit retry of a delivered event: same body, X-Slack-Retry-Num 1', async () => {
    const app = await start([ok]);
    const payload = slack.payloads.appHomeOpened();
    await slack.events.deliver(app.url, payload);
    const response = await slack.events.retry(app.url, payload);
    expect(response.status).toBe(200);
    expect(retryHeadersOf(app.received)).toEqual([
      [undefined, undefined],
      ['1', 'http_timeout'],
    ]);
    expect(app.received[1]?.body).toBe(app.received[0]?.body);
  });
});

describe('app_home_opened through Bolt, over HTTP and Socket Mode', () => {
  type Seen = {
    eventId: string;
    retryNum?: number;
    retryReason?: string;
    hadView: boolean;
    published: boolean;
  };

  /** The listener records what it saw once it is done, so a test can wait for its work. */
  function homeApp(app: App, seen: Seen[]) {
    const processed = new Set<string>();
    app.event('app_home_opened', async ({ event, body, context, client }) => {
      // What the app is expected to do: an event_id seen before is not processed again.
      const duplicate = processed.has(body.event_id);
      processed.add(body.event_id);
      if (!duplicate) {
        await client.views.publish({
          user_id: event.user,
          // @slack/types declares event.view as a request View, without the hash Slack sends.
          hash: (event.view as { hash?: string } | undefined)?.hash,
          view: {
            type: 'home',
            blocks: [
              { type: 'section', text: { type: 'mrkdwn', text: `Home #${processed.size}` } },
            ],
          },
        });
      }
      seen.push({
        eventId: body.event_id,
        retryNum: context.retryNum,
        retryReason: context.retryReason,
        hadView: event.view !== undefined,
        published: !duplicate,
      });
    });
  }

  it('HTTP: publishes the Home, carries it in the next event, and a retry is seen as one', async () => {
    const app = new App({
      token: slack.botToken,
      signingSecret: slack.signingSecret,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.apiUrl },
    });
    const seen: Seen[] = [];
    homeApp(app, seen);
    const server = (await app.start(0)) as Server;
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    try {
      const user = 'U0LOOPBACK';
      const first = slack.payloads.appHomeOpened({ userId: user });
      expect((first.event as Record<string, unknown>).view).toBeUndefined();
      expect((await slack.events.deliver(url, first)).delivered).toBe(true);
      await expect
        .poll(() => slack.homeOf(user)?.view.blocks)
        .toMatchObject([{ text: { text: 'Home #1' } }]);

      const second = slack.payloads.appHomeOpened({ userId: user });
      const home = slack.homeOf(user);
      expect(second.event).toMatchObject({
        type: 'app_home_opened',
        user,
        channel: 'D0LOOPBACK',
        tab: 'home',
        view: { id: home?.id, hash: home?.hash, type: 'home' },
      });
      await slack.events.deliver(url, second);
      // Published with the hash from event.view: accepted, as the Home had not changed.
      await expect
        .poll(() => slack.homeOf(user)?.view.blocks)
        .toMatchObject([{ text: { text: 'Home #2' } }]);

      const publishes = () => slack.callsTo('views.publish').length;
      const before = publishes();
      expect((await slack.events.retry(url, second)).status).toBe(200);
      await expect.poll(() => seen.length).toBe(3);
      expect(seen.at(-1)).toEqual({
        eventId: second.event_id,
        retryNum: 1,
        retryReason: 'http_timeout',
        hadView: true,
        published: false,
      });
      expect(publishes()).toBe(before);
      expect(slack.homeOf(user)?.view.blocks).toMatchObject([{ text: { text: 'Home #2' } }]);
    } finally {
      await app.stop();
    }
  });

  it('Socket Mode: an events_api envelope carries retry_attempt and retry_reason', async () => {
    const app = new App({
      token: slack.botToken,
      appToken: slack.appToken,
      socketMode: true,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.apiUrl },
    });
    const seen: Seen[] = [];
    homeApp(app, seen);
    await app.start();
    try {
      const payload = slack.payloads.appHomeOpened({ userId: 'U0GUEST' });
      expect(await slack.socket.send('events_api', payload)).toEqual({});
      await expect.poll(() => seen.length).toBe(1);
      expect(
        await slack.socket.send('events_api', payload, { retryAttempt: 2, retryReason: 'timeout' }),
      ).toEqual({});
      await expect.poll(() => seen.length).toBe(2);
      expect(seen.map((s) => [s.eventId, s.retryNum, s.retryReason, s.published])).toEqual([
        [payload.event_id, 0, '', true],
        [payload.event_id, 2, 'timeout', false],
      ]);
      expect(slack.socket.envelopes.slice(-2).map((e) => e.retryAttempt)).toEqual([0, 2]);
      await expect.poll(() => slack.homeOf('U0GUEST')).toBeDefined();
    } finally {
      await app.stop();
    }
  });
});
