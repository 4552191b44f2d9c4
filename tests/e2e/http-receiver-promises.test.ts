import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type HireBotApp } from '../../src/app/create-app.js';
import { FEATURES } from '../../src/app/features.js';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../src/dev/loopback-slack/loopback-slack.js';
import { postToApp } from '../../src/dev/loopback-slack/signed-request.js';
import type { Feature } from '../../src/kernel/feature.js';
import { HIRE_ERROR_MESSAGE } from '../../src/kernel/slack/blocks/error-message.js';
import { createTestDeps, type LogCapture, type TestDeps } from '../support/app-test-deps.js';
import { startSocketModeBot } from './support/socket-mode-bot.js';

const SIGNING_SECRET = 'c0ffee00c0ffee00c0ffee00c0ffee00';

/** Listeners that misbehave, registered beside the real features. */
const misbehaving: Feature = {
  name: 'misbehaving',
  register(registry) {
    registry.command('/boom', async () => {
      throw new Error('the listener broke before its ack');
    });
    registry.command('/hang', () => new Promise<void>(() => {}));
  },
};

describe('the HTTP receiver keeps the promises Bolt keeps (real app)', () => {
  let slack: LoopbackSlack;
  let deps: TestDeps;
  let logs: LogCapture;
  let bot: HireBotApp;
  let base: string;

  beforeAll(async () => {
    slack = await startLoopbackSlack();
    ({ deps, logs } = await createTestDeps({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_MODE: 'http',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
    }));
    bot = createApp(deps, { features: [...FEATURES, misbehaving] });
    const { port } = await bot.start();
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await bot?.stop({ graceMs: 100 });
    await slack?.close();
    await deps?.store.close();
  });

  const post = (kind: 'command' | 'interactive' | 'event', payload: object, rawBody?: string) =>
    postToApp(`${base}/slack/events`, {
      kind,
      payload: payload as never,
      signingSecret: SIGNING_SECRET,
      ...(rawBody === undefined ? {} : { rawBody }),
    });
  const healthy = async () =>
    (await post('command', slack.payloads.slashCommand({ text: 'glossary latency' }))).status;

  it('answers odd but signed requests at once, and stays healthy', async () => {
    const started = Date.now();
    expect((await post('event', {}, 'null')).status).toBe(400);
    const noActions = slack.payloads.blockAction({ actionId: 'hire_open', value: 'glossary' });
    const empty = await post('interactive', { ...noActions, actions: [] });
    expect(empty.status).toBeGreaterThanOrEqual(200);
    expect(empty.status).toBeLessThan(500);
    const unknownView = slack.payloads.viewSubmission({
      callbackId: 'no_such_modal',
      viewId: 'V1',
      values: {},
    });
    const unknown = await post('interactive', unknownView);
    expect(unknown.status).toBeGreaterThanOrEqual(200);
    expect(unknown.status).toBeLessThan(500);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(await healthy()).toBe(200);
    // Nothing of it counted as a broken listener.
    expect(logs.raw()).not.toContain('unhandled error in a listener');
  });

  it('a listener that throws before its ack: the friendly message, and one log entry', async () => {
    const failed = () =>
      logs.lines.filter(
        (l) => l.msg === 'listener failed' || l.msg === 'unhandled error in a listener',
      );
    const before = failed().length;
    const response = await post(
      'command',
      slack.payloads.slashCommand({ text: '', command: '/boom' }),
    );
    expect(response.status).toBe(200);
    expect(response.json).toEqual(HIRE_ERROR_MESSAGE);
    expect(failed().length - before).toBe(1);
    expect(await healthy()).toBe(200);
  });

  it('a listener that hangs: 404 once Slack’s 3 s are up, logged with its type', async () => {
    const started = Date.now();
    const response = await post(
      'command',
      slack.payloads.slashCommand({ text: '', command: '/hang' }),
    );
    const took = Date.now() - started;
    expect(response.status).toBe(404);
    expect(took).toBeGreaterThanOrEqual(2900);
    expect(took).toBeLessThan(4500);
    expect(logs.raw()).toContain('An incoming slash_command request was not acknowledged');
    expect(await healthy()).toBe(200);
  });

  it('HEAD /health answers like GET, without a body', async () => {
    const head = await fetch(`${base}/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('a client that never finishes its headers is cut off (408), not held', async () => {
    const { port } = new URL(base);
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      let got = '';
      socket.on('data', (chunk) => {
        got += chunk.toString();
      });
      socket.on('close', () => resolve(got));
      socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\n');
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('/health says 503 when the database does not answer', async () => {
    await deps.store.close();
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, database: false });
  });
});

describe('HEALTH_PORT in Socket Mode', () => {
  it('serves /health for container probes', async () => {
    const running = await startSocketModeBot({}, { HEALTH_PORT: '0' });
    try {
      const { port } = running;
      expect(port).toBeGreaterThan(0);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true, database: true });
      expect((await fetch(`http://127.0.0.1:${port}/health`, { method: 'HEAD' })).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      await running.stop();
    }
  });
});
