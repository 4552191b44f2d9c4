import { type AddressInfo, connect } from 'node:net';
import { type App, AuthorizationError, type ReceiverEvent } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../../src/dev/loopback-slack/loopback-slack.js';
import { postToApp } from '../../../../src/dev/loopback-slack/signed-request.js';
import { freezeDeep } from '../../../../src/kernel/slack/blocks/reply-json.js';
import {
  HTTP_TIMEOUTS,
  HttpAckReceiver,
  SLACK_EVENTS_PATH,
} from '../../../../src/kernel/slack/receivers/http-ack-receiver.js';
import { recordingSlackLogger } from '../../../support/recording-slack-logger.js';

const SECRET = 'c0ffee00c0ffee00c0ffee00c0ffee00';

/** Just enough of a Bolt App for a receiver: processEvent is all a receiver calls. */
const appThat = (processEvent: (event: ReceiverEvent) => Promise<void>) =>
  ({ processEvent }) as unknown as App;

/** Only for its payload factory: slash commands with every field Slack sends. */
let slack: LoopbackSlack;
let receiver: HttpAckReceiver;
let logger: ReturnType<typeof recordingSlackLogger>;
let base: string;
let healthCalls = 0;

async function start(processEvent: (event: ReceiverEvent) => Promise<void>): Promise<void> {
  receiver.init(appThat(processEvent));
  const server = await receiver.start();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const command = (text: string, extra: Partial<Parameters<typeof postToApp>[1]> = {}) =>
  postToApp(`${base}${SLACK_EVENTS_PATH}`, {
    kind: 'command',
    payload: slack.payloads.slashCommand({ text }),
    signingSecret: SECRET,
    ...extra,
  });

beforeAll(async () => {
  slack = await startLoopbackSlack();
});
afterAll(async () => {
  await slack.close();
});

beforeEach(() => {
  logger = recordingSlackLogger();
  healthCalls = 0;
  receiver = new HttpAckReceiver({
    signingSecret: SECRET,
    port: 0,
    logger,
    getRoutes: {
      '/health': (_req, res) => {
        healthCalls += 1;
        res.writeHead(200);
        res.end('ok');
      },
    },
  });
});

afterEach(async () => {
  await receiver.stop().catch(() => undefined);
});

describe('HttpAckReceiver', () => {
  it('hands a signed request to the app and answers with the ack as JSON', async () => {
    const seen: unknown[] = [];
    await start(async (event) => {
      seen.push(event.body.text);
      await event.ack({ response_type: 'ephemeral', text: 'an answer' });
    });
    const response = await command('glossary kafka');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.json).toEqual({ response_type: 'ephemeral', text: 'an answer' });
    expect(seen).toEqual(['glossary kafka']);
  });

  it('sends a memoized (deep-frozen) reply with exactly the JSON Bolt would send', async () => {
    const reply = freezeDeep({ text: 'same', blocks: [{ type: 'divider' }] });
    await start(async (event) => event.ack(reply));
    const first = await command('a');
    const second = await command('b');
    expect(first.body).toBe(JSON.stringify(reply));
    expect(second.body).toBe(first.body);
  });

  it('an empty ack is an empty 200; a string ack is sent as it is', async () => {
    await start(async (event) => event.ack(event.body.text === 'text' ? 'plain words' : undefined));
    const empty = await command('');
    expect([empty.status, empty.body]).toEqual([200, '']);
    const text = await command('text');
    expect([text.status, text.body]).toEqual([200, 'plain words']);
  });

  it.each([
    ['a wrong signature', { signature: `v0=${'0'.repeat(64)}` }],
    ['another secret', { signingSecret: 'deadbeefdeadbeefdeadbeefdeadbeef' }],
    ['no signature', { signature: false as const }],
    ['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('%s → 401 and the app never sees it', async (_name, extra) => {
    let reached = 0;
    await start(async (event) => {
      reached += 1;
      await event.ack();
    });
    const response = await command('glossary kafka', extra);
    expect(response.status).toBe(401);
    expect(reached).toBe(0);
    expect(logger.lines.some((line) => line.startsWith('warn Failed to parse and verify'))).toBe(
      true,
    );
  });

  it('a signed body that does not parse → 400; the app never sees it', async () => {
    let reached = 0;
    await start(async () => {
      reached += 1;
    });
    const response = await postToApp(`${base}${SLACK_EVENTS_PATH}`, {
      kind: 'event',
      payload: {},
      rawBody: '{"not": json',
      signingSecret: SECRET,
    });
    expect(response.status).toBe(400);
    expect(reached).toBe(0);
  });

  it('a body over 4 MB → 413', async () => {
    await start(async (event) => event.ack());
    const response = await postToApp(`${base}${SLACK_EVENTS_PATH}`, {
      kind: 'event',
      payload: {},
      rawBody: JSON.stringify({ big: 'x'.repeat(4 * 1024 * 1024 + 10) }),
      signingSecret: SECRET,
    });
    expect(response.status).toBe(413);
  });

  it("answers Slack's url_verification challenge and ssl_check without the app", async () => {
    let reached = 0;
    await start(async () => {
      reached += 1;
    });
    const challenge = await postToApp(`${base}${SLACK_EVENTS_PATH}`, {
      kind: 'event',
      payload: { type: 'url_verification', challenge: 'c-123', token: 'x' },
      signingSecret: SECRET,
    });
    expect(challenge.json).toEqual({ challenge: 'c-123' });
    const ssl = await postToApp(`${base}${SLACK_EVENTS_PATH}`, {
      kind: 'command',
      payload: { ssl_check: '1', token: 'x' },
      signingSecret: SECRET,
      signature: false,
    });
    expect([ssl.status, ssl.body]).toEqual([200, '']);
    expect(reached).toBe(0);
  });

  it('a request nobody acks → 404 once the app is done, with an error logged', async () => {
    await start(async () => {});
    const response = await command('nothing listens');
    expect(response.status).toBe(404);
    expect(logger.lines.some((line) => line.startsWith('error No listener acknowledged'))).toBe(
      true,
    );
  });

  it('ignores a second ack, with a warning', async () => {
    await start(async (event) => {
      await event.ack({ text: 'first' });
      await event.ack({ text: 'second' });
    });
    const response = await command('help');
    expect(response.json).toEqual({ text: 'first' });
    expect(logger.lines.some((line) => line.startsWith('warn ack() was called twice'))).toBe(true);
  });

  it('an error before the ack → 500 (401 for a failed authorization), logged', async () => {
    await start(async (event) => {
      if (event.body.text === 'auth') throw new AuthorizationError('no installation', new Error());
      throw new Error('boom');
    });
    expect((await command('boom')).status).toBe(500);
    expect((await command('auth')).status).toBe(401);
    expect(logger.lines.filter((line) => line.startsWith('error An unhandled error'))).toHaveLength(
      2,
    );
  });

  it('an error after the ack leaves the answer as it was', async () => {
    await start(async (event) => {
      await event.ack({ text: 'done' });
      throw new Error('after');
    });
    const response = await command('x');
    expect([response.status, response.json]).toEqual([200, { text: 'done' }]);
  });

  it('serves its GET routes; other paths and methods → 404', async () => {
    await start(async (event) => event.ack());
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/health?probe=1`)).status).toBe(200);
    expect(healthCalls).toBe(2);
    expect((await fetch(`${base}/health`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/constructor`)).status).toBe(404);
    expect((await fetch(`${base}${SLACK_EVENTS_PATH}`)).status).toBe(404);
  });

  it('start() fails with the cause when the port is taken', async () => {
    await start(async (event) => event.ack());
    const port = Number(new URL(base).port);
    const second = new HttpAckReceiver({ signingSecret: SECRET, port, logger });
    second.init(appThat(async () => {}));
    await expect(second.start()).rejects.toThrow(/EADDRINUSE/);
  });

  it('keeps an idle keep-alive connection past the headers timeout, and cuts a slow client', async () => {
    receiver = new HttpAckReceiver({
      signingSecret: SECRET,
      port: 0,
      logger,
      getRoutes: { '/health': (_req, res) => res.end('ok') },
      timeouts: { headersMs: 300, requestMs: 600, keepAliveMs: 2000 },
    });
    await start(async (event) => event.ack());
    const { port } = new URL(base);
    const idle = connect(Number(port), '127.0.0.1');
    let answers = '';
    idle.on('data', (chunk) => {
      answers += chunk.toString();
    });
    idle.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 900));
    idle.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answers.match(/HTTP\/1\.1 200/g)).toHaveLength(2);
    idle.destroy();

    const slow = connect(Number(port), '127.0.0.1');
    const cut = await new Promise<string>((resolve) => {
      let got = '';
      slow.on('data', (chunk) => {
        got += chunk.toString();
      });
      slow.on('close', () => resolve(got));
      slow.write('POST /slack/events HTTP/1.1\r\nHost: x\r\n');
    });
    expect(cut).toMatch(/^HTTP\/1\.1 408/);
  });

  it('by default outlives a load balancer’s 60 s idle timeout and answers Slack within 3 s', () => {
    expect(HTTP_TIMEOUTS.keepAliveMs).toBeGreaterThan(60_000);
    expect(HTTP_TIMEOUTS.ackMs).toBe(3000);
    expect(HTTP_TIMEOUTS.headersMs).toBeLessThanOrEqual(HTTP_TIMEOUTS.requestMs);
  });
});
