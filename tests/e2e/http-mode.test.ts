import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type HireBotApp } from '../../src/app/create-app.js';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../src/dev/loopback-slack/loopback-slack.js';
import { postToApp } from '../../src/dev/loopback-slack/signed-request.js';
import { HIRE_ACTIONS } from '../../src/kernel/hire-command/hire-command-ids.js';
import { createTestDeps, type TestDeps } from '../support/app-test-deps.js';
import { waitFor } from './support/wait-for.js';

const SIGNING_SECRET = 'c0ffee00c0ffee00c0ffee00c0ffee00';

describe('HTTP mode end to end (HttpAckReceiver, signed requests)', () => {
  let slack: LoopbackSlack;
  let deps: TestDeps;
  let bot: HireBotApp;
  let base: string;
  /** Requests that got past the receiver's signature check into the app. */
  let reachedApp = 0;

  beforeAll(async () => {
    slack = await startLoopbackSlack();
    ({ deps } = await createTestDeps({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_MODE: 'http',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
    }));
    bot = createApp(deps);
    // Counted where the receiver hands a request to the app, i.e. once its signature passed.
    const processEvent = bot.app.processEvent.bind(bot.app);
    bot.app.processEvent = async (event) => {
      reachedApp += 1;
      await processEvent(event);
    };
    const { port } = await bot.start();
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await bot?.stop();
    await slack?.close();
    await deps?.store.close();
  });
  beforeEach(() => {
    reachedApp = 0;
  });

  const command = (text: string, extra: Partial<Parameters<typeof postToApp>[1]> = {}) =>
    postToApp(`${base}/slack/events`, {
      kind: 'command',
      payload: slack.payloads.slashCommand({ text }),
      signingSecret: SIGNING_SECRET,
      ...extra,
    });

  it('a correctly signed slash command gets 200 with the reply in the body', async () => {
    const response = await command('glossary Kafka');
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ response_type: 'ephemeral' });
    expect(String((response.json as { text: string }).text)).toContain('Message Queue');
    expect(reachedApp).toBe(1);
  });

  it.each([
    [
      'a wrong signature',
      { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' },
    ],
    ['a signature made with another secret', { signingSecret: 'deadbeefdeadbeefdeadbeefdeadbeef' }],
    ['no signature at all', { signature: false as const }],
    ['a timestamp older than 5 minutes', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('%s → 401, empty body, and no listener runs', async (_name, extra) => {
    const response = await command('glossary Kafka', extra);
    expect(response.status).toBe(401);
    expect(response.body).toBe('');
    expect(reachedApp).toBe(0);
  });

  it('a garbage body → 4xx, and the server keeps serving', async () => {
    const signedGarbage = await postToApp(`${base}/slack/events`, {
      kind: 'event',
      payload: {},
      rawBody: '{"this is": not json',
      signingSecret: SIGNING_SECRET,
    });
    expect(signedGarbage.status).toBe(400);
    const unsignedGarbage = await postToApp(`${base}/slack/events`, {
      kind: 'event',
      payload: {},
      rawBody: '\u0000\u0001garbage',
      signingSecret: SIGNING_SECRET,
      signature: false,
    });
    expect(unsignedGarbage.status).toBe(401);
    expect(reachedApp).toBe(0);
    expect((await command('glossary latency')).status).toBe(200);
  });

  it('a signed button press (interactive form) is acked empty and answered on its response_url', async () => {
    const pressed = await postToApp(`${base}/slack/events`, {
      kind: 'interactive',
      payload: slack.payloads.blockAction({
        actionId: HIRE_ACTIONS.open,
        value: 'glossary latency',
      }),
      signingSecret: SIGNING_SECRET,
    });
    expect([pressed.status, pressed.body]).toEqual([200, '']);
    const answer = await waitFor(
      () => slack.responses.find((r) => String(r.body.text).includes('Latency')),
      'the answer on the response_url',
    );
    expect(answer.status).toBe(200);
    expect(answer.replaceOriginal).toBe(true);
    expect(reachedApp).toBe(1);
  });

  it('GET /health answers 200 {"ok":true} once ready; unknown paths 404', async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, database: true });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});

describe('graceful stop (HTTP mode)', () => {
  it('lets a listener in flight finish, then closes the server', async () => {
    const slack = await startLoopbackSlack();
    const { deps } = await createTestDeps({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_MODE: 'http',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
    });
    const bot = createApp(deps);
    let finished = false;
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // A stand-in for slow follow-up work (e.g. a reminder change) after the ack.
    bot.app.command('/slow', async ({ ack }) => {
      await ack();
      await released;
      finished = true;
    });
    try {
      const { port } = await bot.start();
      const url = `http://127.0.0.1:${port}/slack/events`;
      const post = (text: string, command = '/hire') =>
        postToApp(url, {
          kind: 'command',
          payload: slack.payloads.slashCommand({ text, command }),
          signingSecret: SIGNING_SECRET,
          headers: { connection: 'keep-alive' },
        });
      expect((await post('', '/slow')).status).toBe(200);
      expect(bot.inFlight()).toBe(1);

      const stopped = bot.stop({ graceMs: 5_000 });
      let stopDone = false;
      void stopped.then(() => {
        stopDone = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stopDone).toBe(false); // waiting for /slow
      release();
      await stopped;
      expect(finished).toBe(true);
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      release();
      await bot.stop();
      await slack.close();
      await deps.store.close();
    }
  });
});
