import { App } from '@slack/bolt';
import { LogLevel } from '@slack/logger';
import { SocketModeClient } from '@slack/socket-mode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';
import { AckRejectedError } from '../../../src/dev/loopback-slack/socket-mode-server.js';

type SlackEventArgs = {
  ack: (response?: Record<string, unknown>) => Promise<void>;
  body: Record<string, unknown>;
  envelope_id: string;
};

let slack: LoopbackSlack;
let client: SocketModeClient;

beforeEach(async () => {
  slack = await startLoopbackSlack({ pingIntervalMs: 200 });
  client = new SocketModeClient({
    appToken: slack.appToken,
    logLevel: LogLevel.ERROR,
    // The client waits clientPingTimeout before reconnecting; keep it short for tests.
    clientPingTimeout: 300,
    clientOptions: { slackApiUrl: slack.apiUrl },
  });
});

afterEach(async () => {
  await client.disconnect();
  await slack.close();
});

describe('loopback Socket Mode with a real SocketModeClient', () => {
  it('connects through apps.connections.open and says hello', async () => {
    const hello = new Promise<unknown>((resolve) => {
      client.on('ws_message', (data: unknown) => resolve(JSON.parse(String(data))));
    });
    await client.start();
    expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
    expect(slack.callsTo('apps.connections.open')[0]?.token).toBe(slack.appToken);
    expect(await hello).toMatchObject({
      type: 'hello',
      num_connections: 1,
      connection_info: { app_id: slack.appId },
    });
    expect(slack.socket.connectionCount).toBe(1);
  });

  it('delivers a slash command envelope and returns the ack payload', async () => {
    const received: SlackEventArgs[] = [];
    client.on('slash_commands', async (args: SlackEventArgs) => {
      received.push(args);
      await args.ack({ text: `You asked: ${String(args.body.text)}` });
    });
    await client.start();
    const command = slack.payloads.slashCommand({ text: 'glossary Kafka' });
    const ack = await slack.socket.send('slash_commands', command);
    expect(ack).toEqual({ text: 'You asked: glossary Kafka' });
    expect(received[0]?.body).toMatchObject({ command: '/hire', text: 'glossary Kafka' });
    // The ack reply is shown to the caller only, as Slack does.
    expect(slack.messagesIn('C0LOOPBACK').at(-1)).toMatchObject({
      text: 'You asked: glossary Kafka',
      ephemeral: true,
      visibleTo: 'U0LOOPBACK',
      source: 'ack',
    });
  });

  it('rejects an ack whose reply Slack would refuse', async () => {
    client.on('slash_commands', async ({ ack }: SlackEventArgs) => {
      await ack({
        text: 'x',
        blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }],
      });
    });
    await client.start();
    const sent = slack.socket.send('slash_commands', slack.payloads.slashCommand({ text: 'x' }));
    await expect(sent).rejects.toBeInstanceOf(AckRejectedError);
    await expect(sent).rejects.toMatchObject({
      errors: ['151 chars > 150 [json-pointer:/blocks/0/text/text]'],
    });
  });

  it('sendForLoad resolves with the ack frame as sent, unparsed and unchecked', async () => {
    client.on('slash_commands', async ({ ack, body }: SlackEventArgs) => {
      // A reply the checks above would refuse: a load generator does not look at it.
      await ack({
        text: String(body.text),
        blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }],
      });
    });
    await client.start();
    const frames = await Promise.all(
      ['one', 'two'].map((text) =>
        slack.socket.sendForLoad('slash_commands', slack.payloads.slashCommand({ text })),
      ),
    );
    const parsed = frames.map(
      (frame) => JSON.parse(frame) as { envelope_id: string; payload: { text: string } },
    );
    expect(parsed.map((p) => p.payload.text)).toEqual(['one', 'two']);
    expect(new Set(parsed.map((p) => p.envelope_id)).size).toBe(2);
    // Not shown in the workspace either: nothing was read out of the reply.
    expect(slack.messagesIn('C0LOOPBACK')).toEqual([]);
  });

  it('rejects when no ack comes in time', async () => {
    client.on('slash_commands', () => {
      // Deliberately never acks.
    });
    await client.start();
    await expect(
      slack.socket.send('slash_commands', slack.payloads.slashCommand({ text: 'x' }), {
        timeoutMs: 300,
      }),
    ).rejects.toThrow(/no ack/);
  });

  it('survives a disconnect: the client reconnects and gets the next envelope', async () => {
    client.on('interactive', async ({ ack, body }: SlackEventArgs) => {
      await ack({ seen: body.type });
    });
    client.on('app_mention', async ({ ack }: SlackEventArgs) => {
      await ack();
    });
    await client.start();
    await slack.socket.disconnect('refresh_requested');
    expect(slack.socket.connectionCount).toBe(0);
    await slack.socket.waitForConnection();
    expect(slack.socket.totalConnections).toBe(2);
    expect(slack.callsTo('apps.connections.open')).toHaveLength(2);

    const action = slack.payloads.blockAction({ actionId: 'hire_share', value: 'glossary Kafka' });
    expect(await slack.socket.send('interactive', action)).toEqual({ seen: 'block_actions' });
    const event = slack.payloads.eventCallback({
      type: 'app_mention',
      text: 'hi',
      user: 'U0LOOPBACK',
    });
    expect(await slack.socket.send('events_api', event)).toEqual({});
    expect(slack.socket.envelopes.map((e) => e.connectionId)).toEqual([2, 2]);
  });

  it('waits for a reconnect when an envelope is sent mid-disconnect', async () => {
    client.on('slash_commands', async ({ ack }: SlackEventArgs) => {
      await ack();
    });
    await client.start();
    const disconnected = slack.socket.disconnect('warning');
    const ack = await slack.socket.send(
      'slash_commands',
      slack.payloads.slashCommand({ text: 'help' }),
    );
    await disconnected;
    expect(ack).toEqual({});
    expect(slack.socket.envelopes[0]?.connectionId).toBe(2);
  });
});

describe('a Bolt app in Socket Mode against the loopback', () => {
  it('connects with only clientOptions.slackApiUrl and answers a command in its ack', async () => {
    const app = new App({
      token: slack.botToken,
      appToken: slack.appToken,
      socketMode: true,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.apiUrl },
    });
    app.command('/hire', async ({ command, ack }) => {
      await ack({ text: `Bolt heard ${command.text}` });
    });
    await app.start();
    try {
      const ack = await slack.socket.send(
        'slash_commands',
        slack.payloads.slashCommand({ text: 'glossary Kafka' }),
      );
      expect(ack).toEqual({ text: 'Bolt heard glossary Kafka' });
      // Bolt checks its bot token with auth.test before the first listener runs.
      expect(slack.callsTo('auth.test').length).toBeGreaterThan(0);
    } finally {
      await app.stop();
    }
  });
});
