import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, verifySlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';
import { postToApp, signSlackRequest } from '../../../src/dev/loopback-slack/signed-request.js';

const secret = 'loopback-signing-secret';

function verify(body: string, headers: ReturnType<typeof signSlackRequest>) {
  verifySlackRequest({
    signingSecret: secret,
    body,
    headers: {
      'x-slack-signature': headers['x-slack-signature'],
      'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
    },
  });
}

describe('signSlackRequest against Bolt’s verifySlackRequest', () => {
  it('produces a signature Bolt accepts', () => {
    const body = 'command=%2Fhire&text=glossary+Kafka';
    expect(() => verify(body, signSlackRequest(secret, body))).not.toThrow();
  });

  it('fails once the body is altered', () => {
    const headers = signSlackRequest(secret, 'text=glossary+Kafka');
    expect(() => verify('text=glossary+Kafka%21', headers)).toThrow(/signature mismatch/);
  });

  it('fails for a timestamp older than 5 minutes', () => {
    const body = 'text=x';
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    expect(() => verify(body, signSlackRequest(secret, body, old))).toThrow(/stale/);
  });
});

describe('postToApp against a real Bolt app in HTTP mode', () => {
  let slack: LoopbackSlack;
  let app: App;
  let url: string;
  const seen: string[] = [];

  beforeAll(async () => {
    slack = await startLoopbackSlack({ pingIntervalMs: 0 });
    app = new App({
      token: slack.botToken,
      signingSecret: secret,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.apiUrl },
    });
    app.command('/hire', async ({ command, ack }) => {
      seen.push(command.text);
      await ack({ text: `answer to ${command.text}` });
    });
    app.action('hire_share', async ({ ack, body }) => {
      seen.push(body.type);
      await ack();
    });
    const server = (await app.start(0)) as Server;
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await app.stop();
    await slack.close();
  });

  it('delivers a signed slash command as form fields', async () => {
    const response = await postToApp(url, {
      kind: 'command',
      payload: slack.payloads.slashCommand({ text: 'glossary Kafka' }),
      signingSecret: secret,
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ text: 'answer to glossary Kafka' });
    expect(seen).toContain('glossary Kafka');
  });

  it('delivers a signed block action as a form with a payload field', async () => {
    const response = await postToApp(url, {
      kind: 'interactive',
      payload: slack.payloads.blockAction({ actionId: 'hire_share', value: 'glossary Kafka' }),
      signingSecret: secret,
    });
    expect(response.status).toBe(200);
    expect(seen).toContain('block_actions');
  });

  it('is refused with 401 when the signature is wrong or missing', async () => {
    const before = seen.length;
    const payload = slack.payloads.slashCommand({ text: 'nope' });
    const wrong = await postToApp(url, {
      kind: 'command',
      payload,
      signingSecret: secret,
      signature: 'v0=0000',
    });
    const missing = await postToApp(url, {
      kind: 'command',
      payload,
      signingSecret: secret,
      signature: false,
    });
    expect([wrong.status, missing.status]).toEqual([401, 401]);
    expect(seen.length).toBe(before);
  });
});
